import { ReportError, type ParsedReport } from '../frameworks/adapter';
import type { StackFrame, TestCase, TestStatus } from '../model';
import { testId } from '../model';
import { resolveFrame } from '../stackFrames';
import { droppedOutputBytes, stripAnsi } from './outputText';

/**
 * `cargo test`'s human output read into TestCases. Stable libtest has no machine-readable output
 * (`--format json` needs `-Z unstable-options` on a nightly toolchain), so this reads the lines
 * libtest has printed the same way for years: one "Running"/"Doc-tests" header per test binary,
 * `test name ... ok|FAILED|ignored` per test, and a `---- name stdout ----` section per failure.
 *
 * Ids: the binary's source file (workspace-relative) + the module path + the function, e.g.
 * `src/lib.rs::geometry › tests › square`. Doc tests get the suite '(doc)' (no module can be
 * called that) and their item path as name; the "(line 16)" libtest adds is left out, so that an
 * edit above a doc test does not change its id.
 */

export interface LibtestParseOptions {
  readonly cwd: string;
  /** Maps a "Running <path> (<binary path>)" header to the binary's workspace-relative source. */
  readonly resolveTarget: (printedPath: string, binary: string) => string;
}

/** One test binary's run as libtest prints it on stdout: from "running N tests" to "test result:". */
interface Block {
  /** Index of its "running N tests" line. */
  readonly start: number;
  /** How many result lines libtest announced. */
  readonly expected: number;
  readonly results: { name: string; status: TestStatus; note?: string }[];
  /** "---- name stdout ----" bodies. */
  readonly failures: Map<string, string>;
  finished: boolean;
  /** A "test x ... " line whose result never came (single-threaded runs print it first). */
  started?: string;
}

/** A "Running …" or "Doc-tests …" line: cargo prints these on stderr, one per test binary, in order. */
interface Header {
  readonly line: number;
  readonly file: string;
  readonly kind: 'binary' | 'doc';
}

interface Section extends Block {
  readonly file: string;
  readonly kind: 'binary' | 'doc';
  crash?: string;
}

const RUNNING = /^\s*Running (?:unittests )?(\S.*?) \(([^)]+)\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
const ANNOUNCED = /^running (\d+) tests?$/;
const RESULT = /^test (.+?) \.\.\. (ok|FAILED|ignored)(?:, (.+))?$/;
const STARTED = /^test (\S.*?) \.\.\. ?/;
const FAILURE_HEADER = /^---- (.+) stdout ----$/;
const CRASH = /process didn't exit successfully/;
const SUFFIX = / - (?:should panic|compile fail|compile|should panic with .*)$/;
/** Rust ≥ 1.73: `panicked at src/lib.rs:10:5:` with the message on the next lines. */
const PANIC = /panicked at (\S+?):(\d+):(\d+):?$/m;
/** Rust < 1.73 (Debian 12's 1.63): `panicked at 'message', src/lib.rs:10:5`, the message possibly over several lines. */
const OLD_PANIC = /panicked at '([\s\S]*?)', (\S+?):(\d+):(\d+)$/m;
const MAX_MESSAGE_LINES = 20;
/** cargo's closing lines, which follow from failures rather than say why. */
const NOT_A_CAUSE = /^error: (?:could not compile|test failed|doctest failed|\d+ targets? failed)/;

/**
 * The headers come from cargo on stderr, the results from the test binaries on stdout, and the two
 * pipes are read independently: a header can arrive a few lines before the end of the previous
 * binary's results, or after the start of its own. So the stdout blocks are read on their own and
 * paired with the headers by order, which both streams keep.
 */
export function parseLibtestOutput(raw: string, exitCode: number | null, options: LibtestParseOptions): ParsedReport {
  const dropped = droppedOutputBytes(raw);
  if (dropped > 0) throw new ReportError(`cargo test's output is incomplete: ${dropped} bytes were dropped from the middle`);
  const lines = stripAnsi(raw).split(/\r?\n/);
  const { headers, blocks, crashes, errors } = scan(lines, options);
  const compileErrors = compileFailure(lines);
  const sections = pair(headers, blocks, crashes, errors);

  const unfinished = sections.find((s) => !s.finished && s.crash === undefined);
  if (unfinished && !compileErrors) {
    throw new ReportError(`cargo test's output ends inside the tests of ${unfinished.file || 'the doc tests'} (truncated output?)`);
  }
  const miscounted = sections.find((s) => s.finished && s.expected !== s.results.length);
  if (miscounted) {
    throw new ReportError(`libtest announced ${miscounted.expected} tests in ${miscounted.file || 'the doc tests'} but ${miscounted.results.length} result lines could be read`);
  }
  const tests = sections.flatMap((s) => sectionTests(s, options.cwd));
  const crashed = sections.filter((s) => s.crash !== undefined && s.started === undefined);
  const problems = [
    ...(compileErrors ? [compileErrors] : []),
    ...crashed.map((s) => `the test binary of ${s.file || 'the doc tests'} crashed before reporting every test (${s.crash})`),
  ];
  if (problems.length > 0) return { tests, collectionError: problems.join('; ') };
  if (sections.length === 0 && exitCode !== 0) {
    const error = lines.find((l) => /^error(?:\[E\d+\])?: /.test(l) && !NOT_A_CAUSE.test(l));
    if (error) return { tests, collectionError: `cargo test failed before running any test: ${error.trim()}` };
    throw new ReportError(`cargo test printed no test results (exit code ${exitCode ?? 'none'})`);
  }
  return { tests };
}

function scan(lines: readonly string[], options: LibtestParseOptions): { headers: Header[]; blocks: Block[]; crashes: string[]; errors: string[] } {
  const headers: Header[] = [];
  const blocks: Block[] = [];
  const crashes: string[] = [];
  const errors: string[] = [];
  let block: Block | undefined;
  let failureName: string | undefined;
  let failureLines: string[] = [];
  const closeFailure = (): void => {
    if (block && failureName !== undefined) block.failures.set(failureName, failureLines.join('\n'));
    failureName = undefined;
    failureLines = [];
  };

  lines.forEach((line, index) => {
    const running = RUNNING.exec(line);
    const doc = DOC_TESTS.exec(line);
    if (running || doc) {
      const file = running ? options.resolveTarget(running[1] as string, binaryName(running[2] as string)) : '';
      headers.push({ line: index, file, kind: running ? 'binary' : 'doc' });
      return;
    }
    if (CRASH.test(line)) {
      crashes.push(/\(((?:signal|exit (?:status|code)):[^)]*)\)\s*$/.exec(line)?.[1] ?? line.trim());
      return;
    }
    const announced = failureName === undefined ? ANNOUNCED.exec(line) : null;
    if (announced) {
      closeFailure();
      block = { start: index, expected: Number(announced[1]), results: [], failures: new Map(), finished: false };
      blocks.push(block);
      return;
    }
    if (!block) {
      if (/^error: /.test(line) && !NOT_A_CAUSE.test(line)) errors.push(line.trim());
      return;
    }
    const header = FAILURE_HEADER.exec(line);
    if (header) {
      closeFailure();
      failureName = (header[1] as string).replace(SUFFIX, '');
      return;
    }
    if (line === 'failures:' || line.startsWith('test result: ')) {
      closeFailure();
      if (line.startsWith('test result: ')) {
        block.finished = true;
        block = undefined;
      }
      return;
    }
    if (failureName !== undefined) {
      failureLines.push(line);
      return;
    }
    const result = RESULT.exec(line);
    if (result) {
      const status: TestStatus = result[2] === 'ok' ? 'passed' : result[2] === 'FAILED' ? 'failed' : 'skipped';
      block.results.push({ name: (result[1] as string).replace(SUFFIX, ''), status, ...(result[3] ? { note: result[3] } : {}) });
      block.started = undefined;
      return;
    }
    const started = STARTED.exec(line);
    if (started) block.started = (started[1] as string).replace(SUFFIX, '');
  });
  closeFailure();
  return { headers, blocks, crashes, errors };
}

/** Blocks and headers by order; crash lines go, in order, to the blocks that did not finish. */
function pair(headers: readonly Header[], blocks: readonly Block[], crashes: readonly string[], errors: readonly string[]): Section[] {
  if (blocks.length > headers.length) throw new ReportError('cargo test printed test results without the header of their test binary');
  let assigned: (Header | undefined)[] = blocks.map((_, i) => headers[i]);
  if (blocks.length < headers.length) {
    // Some binary printed no results at all (it did not start, or refused its arguments): fall
    // back to position, each block taking the last free header before it.
    const free = [...headers];
    assigned = blocks.map((b) => {
      const at = free.findLastIndex((h) => h.line < b.start);
      return at >= 0 ? free.splice(at, 1)[0] : free.shift();
    });
    const silent = free[0];
    if (silent && crashes.length <= blocks.filter((b) => !b.finished).length) {
      const where = silent.file || 'the doc tests';
      if (errors[0]) throw new ReportError(`the tests of ${where} did not run: ${errors[0]}`);
      throw new ReportError(`cargo test's output ends before the tests of ${where} (truncated output?)`);
    }
  }
  const pending = [...crashes];
  const sections: Section[] = blocks.map((b, i) => {
    const header = assigned[i] as Header;
    return { ...b, file: header.file, kind: header.kind, ...(!b.finished && pending.length > 0 ? { crash: pending.shift() } : {}) };
  });
  // A binary that crashed before printing anything is a section with no results.
  const empty = headers.filter((h) => !assigned.includes(h));
  for (const h of empty) {
    if (pending.length === 0) break;
    sections.push({ start: h.line, expected: 0, results: [], failures: new Map(), finished: false, file: h.file, kind: h.kind, crash: pending.shift() });
  }
  return sections;
}

/** `target/debug/deps/loopgain_calc-70f63e69addaaa3e` → `loopgain_calc`. */
function binaryName(binaryPath: string): string {
  const file = binaryPath.split(/[\\/]/).pop() ?? binaryPath;
  return file.replace(/\.exe$/i, '').replace(/-[0-9a-f]{8,}$/, '');
}

function sectionTests(section: Section, cwd: string): TestCase[] {
  const seen = new Map<string, number>();
  const tests: TestCase[] = section.results.map((r) => {
    const { file, suitePath, name } = section.kind === 'doc' ? docTestParts(r.name, seen) : binaryTestParts(section.file, r.name);
    const body = section.failures.get(r.name);
    return {
      id: testId(file, suitePath, name),
      file,
      suitePath,
      name,
      status: r.status,
      ...(r.status === 'skipped' && r.note ? { message: r.note } : {}),
      ...(r.status === 'failed' && body !== undefined ? { message: failureMessage(body) } : {}),
      stack: r.status === 'failed' && body !== undefined ? rustFrames(body, cwd) : [],
    };
  });
  if (section.crash !== undefined && section.started !== undefined) {
    // Single-threaded libtest prints "test x ... " before running x: x is what took the binary down.
    const { file, suitePath, name } = section.kind === 'doc' ? docTestParts(section.started, seen) : binaryTestParts(section.file, section.started);
    tests.push({ id: testId(file, suitePath, name), file, suitePath, name, status: 'error', message: `the test binary crashed: ${section.crash}`, stack: [] });
  }
  return tests;
}

function binaryTestParts(file: string, fullName: string): { file: string; suitePath: string[]; name: string } {
  const parts = fullName.split('::');
  return { file, suitePath: parts.slice(0, -1), name: parts[parts.length - 1] as string };
}

/** `src/lib.rs - geometry::area (line 16)` → file src/lib.rs, name geometry::area (#2 for a second example on one item). */
function docTestParts(fullName: string, seen: Map<string, number>): { file: string; suitePath: string[]; name: string } {
  const m = /^(.+?) - (.+?)(?: \(line \d+\))?$/.exec(fullName);
  const file = m ? (m[1] as string).replace(/\\/g, '/') : '';
  const item = m ? (m[2] as string) : fullName;
  const key = `${file}\u0000${item}`;
  const count = (seen.get(key) ?? 0) + 1;
  seen.set(key, count);
  return { file, suitePath: ['(doc)'], name: count > 1 ? `${item} #${count}` : item };
}

/** The panic message (what follows "panicked at …:"), else the first lines of the section. */
function failureMessage(body: string): string {
  const old = OLD_PANIC.exec(body);
  if (old) return (old[1] as string).split('\n').slice(0, MAX_MESSAGE_LINES).join('\n');
  const lines = body.split('\n');
  const at = lines.findIndex((l) => PANIC.test(l));
  const from = at >= 0 ? lines.slice(at + 1) : lines;
  const end = from.findIndex((l) => /^(?:stack backtrace:|note: )/.test(l));
  const message = (end >= 0 ? from.slice(0, end) : from).filter((l) => l.trim() !== '').slice(0, MAX_MESSAGE_LINES);
  return message.join('\n').trim() || (lines.find((l) => l.trim() !== '')?.trim() ?? 'failed');
}

/** The panic location (relative to the workspace), then the backtrace's frames inside the workspace. */
function rustFrames(body: string, cwd: string): StackFrame[] {
  const frames: StackFrame[] = [];
  const panic = PANIC.exec(body);
  const old = panic ? undefined : OLD_PANIC.exec(body);
  if (panic) frames.push(resolveFrame(panic[1] as string, Number(panic[2]), Number(panic[3]), cwd));
  else if (old) frames.push(resolveFrame(old[2] as string, Number(old[3]), Number(old[4]), cwd));
  for (const m of body.matchAll(/^\s+at (\S+?):(\d+):(\d+)\s*$/gm)) {
    const frame = resolveFrame(m[1] as string, Number(m[2]), Number(m[3]), cwd);
    if (frame.inWorkspace && !frames.some((f) => f.file === frame.file && f.line === frame.line)) frames.push(frame);
  }
  return frames;
}

/** rustc's errors when a target did not compile; undefined when everything compiled. */
function compileFailure(lines: readonly string[]): string | undefined {
  const failed = lines.map((l) => /^error: could not compile `([^`]+)`(?: \(([^)]+)\))?/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  if (failed.length === 0) return undefined;
  const errors: string[] = [];
  lines.forEach((line, i) => {
    const m = /^error(\[E\d+\])?: (.+)$/.exec(line);
    if (!m || NOT_A_CAUSE.test(line)) return;
    const location = / --> (\S+)$/.exec(lines[i + 1] ?? '')?.[1];
    errors.push(`error${m[1] ?? ''}: ${m[2]}${location ? ` at ${location}` : ''}`);
  });
  const targets = [...new Set(failed.map((m) => `\`${m[1]}\`${m[2] ? ` (${m[2]})` : ''}`))].join(', ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `could not compile ${targets}${errors.length > 0 ? `: ${errors.slice(0, 3).join('; ')}${more}` : ''}`;
}
