import { join } from 'node:path';
import { isFailing, testId, type StackFrame, type TestCase } from '../model';
import { parseJUnitXml, type JUnitCase } from '../parsers/junitXml';
import { framesFromText, resolveFrame } from '../stackFrames';
import { ReportError, type ParsedReport, type PlanContext, type RunArtifacts } from './adapter';

/**
 * pytest's run (JUnit XML in the xunit1 family, its output, its exit code) read into TestCases.
 * Ids come from the classname and name, which pytest derives from the node id, so a full run and
 * a focused run of the same test give the same id.
 */

/** Name of the stand-in for a module pytest could not collect: its id is `tests/test_x.py::<collection>`. */
export const COLLECTION_NAME = '<collection>';

export const pytestReportPath = (context: PlanContext): string => join(context.reportDir, 'pytest.xml');

/** pytest's exit codes that need more than the report (0 ok, 1 failures and 5 nothing collected are read from it). */
const EXIT = { interrupted: 2, internalError: 3, usageError: 4 } as const;
const MESSAGE_LINES = 5;
const REASON_CHARS = 300;

export function parsePytestRun(artifacts: RunArtifacts, context: PlanContext): ParsedReport {
  const { output, exitCode } = artifacts;
  const { cwd } = context;
  // A broken conftest.py stops pytest before it writes any report (exit 4): that is a collection error.
  const conftest = conftestFailure(output, cwd);
  if (conftest) return { tests: [], collectionError: conftest };
  if (exitCode === EXIT.usageError) {
    // A focused run whose test was renamed or removed: pytest runs nothing at all.
    const notFound = notFoundTargets(output, cwd);
    if (notFound.length > 0) return { tests: [], collectionError: `pytest found no test at ${notFound.join(', ')} (renamed or removed?)` };
    throw new ReportError(`pytest usage error: ${reason(output)}`);
  }
  if (exitCode === EXIT.internalError) throw new ReportError(`pytest internal error: ${reason(output)}`);

  const xml = artifacts.reports.get(pytestReportPath(context));
  if (xml === undefined) throw new ReportError(`pytest wrote no report (exit ${exitCode ?? 'by signal'}): ${reason(output)}`);
  const cases = parseJUnitXml(xml, 'pytest report').filter((c) => c.name !== ''); // pytest.exit() leaves an empty <testcase/>
  const tests = mergeDuplicates(cases.map((c) => toTestCase(c, cwd)));

  const uncollected = cases.filter((c) => c.classname === '' && c.status === 'error');
  if (uncollected.length > 0) return { tests, collectionError: collectionProblem(uncollected) };
  if (exitCode === EXIT.interrupted) throw new ReportError(`pytest was interrupted: ${interruption(output)}`);
  // Exit 5 (no tests collected) and an empty report are a completed run of 0 tests: measureError gives no verdict on those.
  return { tests };
}

function toTestCase(c: JUnitCase, cwd: string): TestCase {
  const collector = c.classname === ''; // a module (or package) rather than a test: a collection error or skip
  const { file, suitePath } = collector ? { file: moduleFile(c), suitePath: [] } : locate(c);
  const [name, parameters] = collector ? [COLLECTION_NAME, undefined] : splitParameters(c.name);
  const failing = c.status === 'failed' || c.status === 'error';
  const message = collector && failing ? (errorLine(c.details) ?? c.message) : c.message;
  const test: TestCase = {
    id: testId(file, suitePath, name, parameters),
    file,
    suitePath,
    name,
    status: c.status,
    stack: failing ? framesFromText(c.details ?? c.message ?? '', cwd) : [],
  };
  return {
    ...test,
    ...(parameters !== undefined ? { parameters } : {}),
    ...(message ? { message: firstLines(message, MESSAGE_LINES) } : {}),
    ...(c.timeSeconds !== undefined ? { durationMs: Math.round(c.timeSeconds * 1000) } : {}),
  };
}

/**
 * The test's file and classes. pytest's classname is the node id's module path with dots plus the
 * classes; xunit1's `file` is where the function is *defined*, which for a test inherited from a
 * base class in another module is not the module that collected it. So the file is used only when
 * it is the classname's module; otherwise the module is read off the classname itself.
 */
function locate(c: JUnitCase): { file: string; suitePath: string[] } {
  const file = c.file?.replace(/\\/g, '/');
  if (file) {
    const module = dotted(file);
    if (c.classname === module) return { file, suitePath: [] };
    if (c.classname.startsWith(`${module}.`)) return { file, suitePath: c.classname.slice(module.length + 1).split('.') };
  }
  const parts = c.classname.split('.');
  // Modules are lower-case by convention and pytest's classes start with "Test".
  const firstClass = parts.findIndex((p, i) => i > 0 && /^[A-Z]/.test(p));
  const cut = firstClass === -1 ? parts.length : firstClass;
  return { file: `${parts.slice(0, cut).join('/')}.py`, suitePath: parts.slice(cut) };
}

/** What pytest's junitxml does to the node id's path: slashes to dots, minus ".py". */
const dotted = (file: string): string => file.replace(/\.py$/, '').split('/').join('.');

function moduleFile(c: JUnitCase): string {
  return c.file?.replace(/\\/g, '/') ?? `${c.name.split('.').join('/')}.py`;
}

/** `test_add[1-2]` → ['test_add', '1-2']; parameters may themselves hold brackets (`test_x[a[0]]`). */
function splitParameters(name: string): [string, string | undefined] {
  const m = /^([^[]+)\[(.*)\]$/s.exec(name);
  return m?.[1] !== undefined && m[2] !== undefined ? [m[1], m[2]] : [name, undefined];
}

/** A test that fails in its call and again in its teardown is reported twice under one id: keep one, failing. */
function mergeDuplicates(tests: readonly TestCase[]): TestCase[] {
  const byId = new Map<string, TestCase>();
  for (const t of tests) {
    const seen = byId.get(t.id);
    if (!seen) {
      byId.set(t.id, t);
      continue;
    }
    const first = isFailing(seen) || !isFailing(t) ? seen : t;
    const durationMs = seen.durationMs !== undefined || t.durationMs !== undefined ? (seen.durationMs ?? 0) + (t.durationMs ?? 0) : undefined;
    byId.set(t.id, { ...first, stack: uniqueFrames([...seen.stack, ...t.stack]), ...(durationMs !== undefined ? { durationMs } : {}) });
  }
  return [...byId.values()];
}

function uniqueFrames(frames: readonly StackFrame[]): StackFrame[] {
  const keys = new Set<string>();
  return frames.filter((f) => {
    const key = `${f.file}:${f.line}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

function collectionProblem(uncollected: readonly JUnitCase[]): string {
  const described = uncollected.slice(0, 3).map((c) => `${moduleFile(c)}: ${errorLine(c.details) ?? c.message ?? 'collection failure'}`);
  const more = uncollected.length > 3 ? `; and ${uncollected.length - 3} more` : '';
  return `pytest could not collect ${described.join('; ')}${more}`;
}

/** The exception line of a pytest traceback: the last `E   SomeError: …` line (or the last `E` line). */
function errorLine(details: string | undefined): string | undefined {
  const eLines = (details ?? '')
    .split(/\r?\n/)
    .filter((l) => /^E\s/.test(l))
    .map((l) => l.replace(/^E\s+/, '').trim())
    .filter((l) => l !== '');
  return eLines.findLast((l) => /^[\w.]*(Error|Exception|Exit|Interrupt)\b/.test(l)) ?? eLines.at(-1);
}

function conftestFailure(output: string, cwd: string): string | undefined {
  const m = /ImportError while loading conftest '([^']+)'/.exec(output);
  if (!m?.[1]) return undefined;
  const file = resolveFrame(m[1], 0, undefined, cwd).file;
  const cause = errorLine(output.slice(m.index));
  return `pytest could not load ${file}${cause ? `: ${cause}` : ''}`;
}

/** `ERROR: not found: /abs/tests/test_x.py::test_gone` and `ERROR: file or directory not found: tests/test_gone.py`. */
function notFoundTargets(output: string, cwd: string): string[] {
  return [...output.matchAll(/^ERROR: (?:file or directory )?not found: (.+)$/gm)].map((m) => {
    const [path = '', ...rest] = (m[1] ?? '').trim().split('::');
    return [resolveFrame(path, 0, undefined, cwd).file, ...rest].join('::');
  });
}

/** The line of the output that says why pytest could not run or report. */
function reason(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const internal = lines.findLast((l) => /^INTERNALERROR> [\w.]*(Error|Exception)\b/.test(l));
  const telling =
    lines.find((l) => /No module named pytest/.test(l)) ??
    lines.find((l) => /: error: /.test(l)) ?? // argparse: "error: unrecognized arguments: --lf"
    internal?.replace(/^INTERNALERROR> /, '') ??
    lines.find((l) => /^ERROR: /.test(l)) ??
    lines.at(-1);
  return telling === undefined ? 'it printed nothing' : truncate(telling, REASON_CHARS);
}

/** pytest's banner for an interrupted session: `!!!! _pytest.outcomes.Exit: stop here !!!!`. */
function interruption(output: string): string {
  const banner = [...output.matchAll(/^!{3,} (.+?) !{3,}$/gm)].at(-1)?.[1];
  return banner ?? reason(output);
}

const firstLines = (text: string, n: number): string => text.trim().split(/\r?\n/).slice(0, n).join('\n');
const truncate = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
