import { ReportError, type ParsedReport } from '../frameworks/adapter';
import { testId, type TestCase, type TestStatus } from '../model';
import { errorLineOf, firstLines, splitFailure, workspaceFile } from './failureText';
import { describeLoadErrors } from './jestJson';

/** One line of LoopGain's node --test reporter (see frameworks/nodeTestReporter.ts). */
interface NodeTestEvent {
  readonly event?: unknown;
  readonly name?: unknown;
  readonly nesting?: unknown;
  readonly file?: unknown;
  readonly skip?: unknown;
  readonly todo?: unknown;
  readonly type?: unknown;
  readonly durationMs?: unknown;
  readonly error?: NodeTestError;
  readonly message?: unknown;
}

interface NodeTestError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly failureType?: unknown;
  readonly cause?: NodeTestError;
}

/** Node 20 reports the tests its --test-name-pattern left out as skipped with this reason (22+ omits them). */
export const NAME_PATTERN_SKIP = 'test name does not match pattern';

/** Failures of a test's surroundings rather than of its own code. */
const ERROR_FAILURE_TYPES = new Set(['hookFailure', 'cancelledByParent', 'uncaughtException', 'unhandledRejection']);

interface OpenTest {
  readonly name: string;
  hasChildren: boolean;
}

/**
 * Reads the event lines into tests. The suite path comes from the test:start events: they arrive
 * in definition order, each right before its own subtests, so the open tests of a file at nesting
 * 0…n-1 are the ancestors of a test at nesting n. Describe blocks (details.type 'suite') and tests
 * that only hold subtests are containers, not tests.
 */
export function parseNodeTestEvents(text: string, cwd: string, source: string): ParsedReport {
  const events = readLines(text, source);
  const open = new Map<string, OpenTest[]>(); // per file: files run in parallel, their events may interleave
  const stderr = new Map<string, string>();
  const tests: TestCase[] = [];
  const loadErrors: string[] = [];
  for (const e of events) {
    const absolute = typeof e.file === 'string' ? e.file : '';
    if (e.event === 'test:stderr') {
      stderr.set(absolute, (stderr.get(absolute) ?? '') + (typeof e.message === 'string' ? e.message : ''));
      continue;
    }
    const nesting = e.nesting;
    if (typeof e.name !== 'string' || typeof nesting !== 'number' || !Number.isInteger(nesting) || nesting < 0) {
      throw new ReportError(`${source} has a ${String(e.event)} event without a name or nesting`);
    }
    const stack = open.get(absolute) ?? [];
    open.set(absolute, stack);
    if (e.event === 'test:start') {
      stack.length = Math.min(stack.length, nesting);
      const parent = stack[nesting - 1];
      if (parent) parent.hasChildren = true;
      stack.push({ name: e.name, hasChildren: false });
      continue;
    }
    if (e.event !== 'test:pass' && e.event !== 'test:fail') continue;
    const file = absolute === '' ? '' : workspaceFile(absolute, cwd);
    // The file itself, run as one test by the runner: it only shows when the file failed outside its tests.
    if (nesting === 0 && absolute !== '' && (e.name === absolute || workspaceFile(e.name, cwd) === file)) {
      if (e.event === 'test:fail') loadErrors.push(`${file}: ${fileFailure(stderr.get(absolute), e.error)}`);
      continue;
    }
    const self = stack[nesting]?.name === e.name ? stack[nesting] : undefined;
    const suitePath = stack.slice(0, nesting).map((t) => t.name);
    if (e.type === 'suite' || e.skip === NAME_PATTERN_SKIP) continue;
    const failedItself = e.event === 'test:fail' && e.error?.failureType !== 'subtestsFailed';
    if (self?.hasChildren && !failedItself) continue;
    tests.push(toTestCase(e, e.name, file, suitePath, cwd));
  }
  return loadErrors.length === 0 ? { tests } : { tests, collectionError: describeLoadErrors(loadErrors) };
}

function readLines(text: string, source: string): NodeTestEvent[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const events = lines.map((line, i) => {
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
      return parsed as NodeTestEvent;
    } catch (error) {
      throw new ReportError(`${source} line ${i + 1} is not a JSON event (${(error as Error).message})`);
    }
  });
  if (events[events.length - 1]?.event !== 'end') throw new ReportError(`${source} ends before the run finished (truncated: no end event)`);
  return events.slice(0, -1);
}

function toTestCase(e: NodeTestEvent, name: string, file: string, suitePath: readonly string[], cwd: string): TestCase {
  const skipped = (e.skip !== undefined && e.skip !== false) || (e.todo !== undefined && e.todo !== false);
  const status: TestStatus = skipped ? 'skipped' : e.event === 'test:pass' ? 'passed' : ERROR_FAILURE_TYPES.has(String(e.error?.failureType)) ? 'error' : 'failed';
  const failure = status === 'failed' || status === 'error' ? describeError(e.error, cwd) : { stack: [] };
  const test: TestCase = { id: testId(file, suitePath, name), file, suitePath, name, status, stack: failure.stack };
  return {
    ...test,
    ...(failure.message !== undefined ? { message: failure.message } : {}),
    ...(typeof e.durationMs === 'number' ? { durationMs: e.durationMs } : {}),
  };
}

/** The runner wraps what the test threw (an ERR_TEST_FAILURE); the thrown error is its `cause`. */
function describeError(error: NodeTestError | undefined, cwd: string): { message?: string; stack: TestCase['stack'] } {
  const thrown = error?.cause && typeof error.cause === 'object' ? error.cause : error;
  if (!thrown) return { stack: [] };
  const stackText = typeof thrown.stack === 'string' ? thrown.stack : typeof error?.stack === 'string' ? error.stack : '';
  const { stack } = splitFailure(stackText, cwd);
  const own = typeof thrown.message === 'string' ? firstLines(thrown.message) : undefined;
  const name = typeof thrown.name === 'string' && thrown.name !== '' ? thrown.name : undefined;
  const message = own !== undefined && name ? `${name}: ${own}` : (own ?? splitFailure(stackText, cwd).message);
  return message !== undefined ? { message, stack } : { stack };
}

/** Why a whole file failed: the error line of its stderr (e.g. "SyntaxError: missing ) after argument list"). */
function fileFailure(stderr: string | undefined, error: NodeTestError | undefined): string {
  const errorLine = errorLineOf(stderr ?? '');
  if (errorLine) return errorLine;
  const message = typeof error?.message === 'string' ? error.message : undefined;
  return message ? `${message} (outside any test)` : 'it failed outside any test';
}
