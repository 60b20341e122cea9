import { isAbsolute, join } from 'node:path';
import { ReportError, type ParsedReport } from '../frameworks/adapter';
import type { StackFrame, TestCase, TestStatus } from '../model';
import { testId } from '../model';
import { framesFromText, resolveFrame } from '../stackFrames';
import { droppedOutputBytes } from './outputText';

/**
 * `go test -json` read into TestCases. The events arrive on stdout mixed with plain lines: before
 * Go 1.24 a package that does not build is reported only as text ("FAIL pkg [build failed]" on
 * stdout, the compiler's errors on stderr), and runTests hands us both streams interleaved. So
 * every line is either a JSON event or text, and text is searched for build failures.
 *
 * Subtests: `TestA/sub/deeper` becomes suitePath ['TestA', 'sub'] and name 'deeper', the way go
 * itself splits -run patterns on '/'. Parents are kept as tests of their own: go reports them,
 * fails them when a subtest fails, and they can fail by themselves; keeping them always keeps
 * their ids stable from run to run.
 */

interface GoEvent {
  readonly Action: string;
  readonly Package?: string;
  readonly Test?: string;
  readonly Output?: string;
  readonly Elapsed?: number;
  /** Go ≥ 1.24: build events carry ImportPath instead of Package. */
  readonly ImportPath?: string;
  readonly FailedBuild?: string;
}

interface TestState {
  readonly pkg: string;
  readonly fullName: string;
  status?: TestStatus;
  output: string[];
  elapsed?: number;
}

interface PackageState {
  status?: 'pass' | 'fail' | 'skip';
  output: string[];
}

export interface GoParseOptions {
  /** Absolute workspace root (the module root). */
  readonly cwd: string;
  /** The module path from go.mod, to turn import paths into directories; undefined when unknown. */
  readonly modulePath?: string;
}

const MAX_MESSAGE_LINES = 20;
const NOISE = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\s|--- (?:PASS|FAIL|SKIP):\s)/;
const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]/;
const COMPILER_ERROR = /^(?:\.\/)?(\S+\.go):(\d+)(?::(\d+))?: (.+)$/;

export function parseGoTestJson(text: string, exitCode: number | null, options: GoParseOptions): ParsedReport {
  const dropped = droppedOutputBytes(text);
  if (dropped > 0) {
    throw new ReportError(`the go test -json event stream is incomplete: ${dropped} bytes of output were dropped from the middle`);
  }
  const tests = new Map<string, TestState>();
  const packages = new Map<string, PackageState>();
  const failedBuilds = new Set<string>();
  const textLines: string[] = [];
  let events = 0;

  const pkgState = (pkg: string): PackageState => {
    let state = packages.get(pkg);
    if (!state) packages.set(pkg, (state = { output: [] }));
    return state;
  };

  for (const line of text.split(/\r?\n/)) {
    const event = asEvent(line);
    if (!event) {
      if (line.trim() !== '') textLines.push(line);
      continue;
    }
    events++;
    if (event.Action === 'build-output') {
      if (event.Output) textLines.push(...event.Output.split('\n').filter((l) => l.trim() !== ''));
      continue;
    }
    if (event.Action === 'build-fail') {
      if (event.ImportPath) failedBuilds.add(event.ImportPath.split(' ')[0] as string);
      continue;
    }
    const pkg = event.Package;
    if (!pkg) continue;
    if (event.FailedBuild) failedBuilds.add(pkg);
    if (!event.Test) {
      const state = pkgState(pkg);
      if (event.Action === 'output' && event.Output) state.output.push(event.Output);
      if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip') state.status = event.Action;
      continue;
    }
    pkgState(pkg);
    const key = `${pkg}\u0000${event.Test}`;
    let state = tests.get(key);
    if (!state) tests.set(key, (state = { pkg, fullName: event.Test, output: [] }));
    if (event.Action === 'output' && event.Output) state.output.push(event.Output);
    if (event.Action === 'pass') state.status = 'passed';
    if (event.Action === 'fail') state.status = 'failed';
    if (event.Action === 'skip') state.status = 'skipped';
    if (event.Elapsed !== undefined && event.Action !== 'output') state.elapsed = event.Elapsed;
  }

  for (const line of textLines) {
    const m = BUILD_FAILED.exec(line);
    if (m?.[1]) failedBuilds.add(m[1]);
  }
  // A package that printed "[build failed]" as an output event (Go ≥ 1.24) counts too.
  for (const [pkg, state] of packages) {
    if (state.output.some((o) => BUILD_FAILED.test(o))) failedBuilds.add(pkg);
  }

  const collectionError = failedBuilds.size > 0 ? buildFailure([...failedBuilds], textLines, options) : undefined;
  if (events === 0 && !collectionError) {
    if (exitCode === 0) return { tests: [] };
    const goError = textLines.find((l) => /^(?:go: |no Go files|cannot find|pattern \S+: )/.test(l) || COMPILER_ERROR.test(l));
    if (goError) return { tests: [], collectionError: `go test failed before running any test: ${goError.trim()}` };
    throw new ReportError(`go test -json printed no test events (exit code ${exitCode ?? 'none'})`);
  }

  // Every package go starts ends with a pass/fail/skip event: one without it was cut off.
  for (const [pkg, state] of packages) {
    if (state.status === undefined && !failedBuilds.has(pkg)) {
      throw new ReportError(`the go test -json stream ended before package ${pkg} finished (truncated output?)`);
    }
  }
  const result = [...tests.values()].map((state) => toTestCase(state, packages.get(state.pkg), tests, options));
  return collectionError ? { tests: result, collectionError } : { tests: result };
}

function asEvent(line: string): GoEvent | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as GoEvent).Action === 'string') return value as GoEvent;
  } catch {
    // a line cut short or interleaved with stderr: it is text, not an event
  }
  return undefined;
}

/** The package's directory relative to the module root ('.' for the root package); the import path when outside the module. */
export function packageDir(importPath: string, modulePath: string | undefined): string {
  if (modulePath === undefined) return importPath;
  if (importPath === modulePath) return '.';
  return importPath.startsWith(`${modulePath}/`) ? importPath.slice(modulePath.length + 1) : importPath;
}

function toTestCase(state: TestState, pkg: PackageState | undefined, all: ReadonlyMap<string, TestState>, options: GoParseOptions): TestCase {
  const dir = packageDir(state.pkg, options.modulePath);
  const parts = state.fullName.split('/');
  const name = parts[parts.length - 1] as string;
  const suitePath = parts.slice(0, -1);
  // A test that started but never ended: the test binary died under it (panic in a goroutine, os.Exit).
  const status: TestStatus = state.status ?? 'error';
  const own = state.output.join('');
  const lines = own.split('\n').filter((l) => l.trim() !== '' && !NOISE.test(l));
  // What the test printed itself comes first in time; the failure starts at its first `file.go:12:` or panic line.
  const start = lines.findIndex((l) => /^\s*(?:\S+\.go:\d+:|panic:)/.test(l));
  const messageLines = start > 0 ? lines.slice(start) : lines;
  let message = messageLines.length > 0 ? messageLines.slice(0, MAX_MESSAGE_LINES).map((l) => l.trim()).join('\n') : undefined;
  if (state.status === undefined) {
    const tail = (pkg?.output ?? []).join('').split('\n').filter((l) => l.trim() !== '').slice(0, MAX_MESSAGE_LINES).join('\n');
    message = [message, `the test never finished: the test binary exited${tail ? `\n${tail}` : ''}`].filter(Boolean).join('\n');
  } else if (status === 'failed' && message === undefined) {
    const failedChildren = [...all.values()].filter((t) => t.pkg === state.pkg && t.status === 'failed' && t.fullName.startsWith(`${state.fullName}/`));
    if (failedChildren.length > 0) message = `subtests failed: ${failedChildren.map((t) => t.fullName).join(', ')}`;
  }
  const stack = status === 'failed' || status === 'error' ? goFrames(own, dir, options.cwd) : [];
  return {
    id: testId(dir, suitePath, name),
    file: dir,
    suitePath,
    name,
    status,
    ...(message !== undefined ? { message } : {}),
    stack,
    ...(state.elapsed !== undefined ? { durationMs: Math.round(state.elapsed * 1000) } : {}),
  };
}

/** t.Errorf prints `file_test.go:12:` relative to the package directory; panics print absolute paths. */
function goFrames(output: string, dir: string, cwd: string): StackFrame[] {
  const packageRoot = isAbsolute(dir) ? dir : join(cwd, dir);
  return framesFromText(output, packageRoot).map((f) => {
    const absolute = isAbsolute(f.file) ? f.file : join(packageRoot, f.file);
    return resolveFrame(absolute, f.line, f.column, cwd);
  });
}

function buildFailure(failed: readonly string[], textLines: readonly string[], options: GoParseOptions): string {
  const errors = textLines.map((l) => COMPILER_ERROR.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null);
  const dirs = failed.map((p) => packageDir(p, options.modulePath));
  const shown = errors.slice(0, 3).map((m) => `${m[1]}:${m[2]}${m[3] ? `:${m[3]}` : ''}: ${m[4]}`);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  const detail = shown.length > 0 ? `: ${shown.join('; ')}${more}` : '';
  return `go build failed for ${dirs.join(', ')}${detail}`;
}
