import { ReportError, type ParsedReport } from '../frameworks/adapter';
import { testId, type TestCase, type TestStatus } from '../model';
import { firstLines, splitFailure, stripAnsi, workspaceFile } from './failureText';

/**
 * The jest `--json` report, which vitest's `json` reporter reproduces: one entry per test file
 * (absolute `name`, `status`, a file-level `message`) holding its `assertionResults`.
 */
interface JestAssertion {
  readonly ancestorTitles?: unknown;
  readonly title?: unknown;
  readonly status?: unknown;
  readonly duration?: unknown;
  readonly failureMessages?: unknown;
}

interface JestFileResult {
  readonly name?: unknown;
  readonly status?: unknown;
  readonly message?: unknown;
  readonly assertionResults?: unknown;
  /** jest sets this when the file itself threw (it also lands in `message`). */
  readonly testExecError?: unknown;
}

/** jest: passed/failed/pending/todo/skipped/disabled/focused; vitest adds nothing new. Anything not run counts as skipped. */
function toStatus(status: unknown): TestStatus {
  if (status === 'passed') return 'passed';
  if (status === 'failed') return 'failed';
  return 'skipped';
}

export function parseJestJson(text: string, cwd: string, source: string): ParsedReport {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new ReportError(`${source} is not valid JSON, probably truncated (${(error as Error).message})`);
  }
  if (typeof report !== 'object' || report === null || !Array.isArray((report as { testResults?: unknown }).testResults)) {
    throw new ReportError(`${source} has no testResults array: not a jest-style JSON report`);
  }
  const tests: TestCase[] = [];
  const loadErrors: string[] = [];
  for (const entry of (report as { testResults: unknown[] }).testResults) {
    if (typeof entry !== 'object' || entry === null) throw new ReportError(`${source} has a test file entry that is not an object`);
    const fileResult = entry as JestFileResult;
    if (typeof fileResult.name !== 'string') throw new ReportError(`${source} has a test file entry without a name`);
    const file = workspaceFile(fileResult.name, cwd);
    const assertions = Array.isArray(fileResult.assertionResults) ? (fileResult.assertionResults as JestAssertion[]) : [];
    const fileTests = assertions.map((a) => toTestCase(a, file, cwd, source));
    tests.push(...fileTests);
    const loadError = fileLoadError(fileResult, fileTests);
    if (loadError !== undefined) loadErrors.push(`${file}: ${loadError}`);
  }
  return loadErrors.length === 0 ? { tests } : { tests, collectionError: describeLoadErrors(loadErrors) };
}

function toTestCase(a: JestAssertion, file: string, cwd: string, source: string): TestCase {
  if (typeof a !== 'object' || a === null || typeof a.title !== 'string') throw new ReportError(`${source} has a test without a title in ${file}`);
  const suitePath = Array.isArray(a.ancestorTitles) ? a.ancestorTitles.map(String) : [];
  const status = toStatus(a.status);
  const failure = Array.isArray(a.failureMessages) ? a.failureMessages.filter((m): m is string => typeof m === 'string') : [];
  const { message, stack } = failure.length > 0 && status === 'failed' ? splitFailure(failure.join('\n'), cwd) : { message: undefined, stack: [] };
  const test: TestCase = { id: testId(file, suitePath, a.title), file, suitePath, name: a.title, status, stack };
  return {
    ...test,
    ...(message !== undefined ? { message } : {}),
    ...(typeof a.duration === 'number' ? { durationMs: a.duration } : {}),
  };
}

/**
 * A file that failed while no test in it failed did not run at all: jest's "Test suite failed to
 * run", vitest's failed-to-load file. Its message says why.
 */
function fileLoadError(fileResult: JestFileResult, fileTests: readonly TestCase[]): string | undefined {
  if (fileResult.status !== 'failed' || fileTests.some((t) => t.status === 'failed')) return undefined;
  const raw = typeof fileResult.message === 'string' && fileResult.message.trim() !== '' ? fileResult.message : execErrorMessage(fileResult.testExecError);
  const lines = stripAnsi(raw ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/Test suite failed to run/.test(l));
  return firstLines(lines[0] ?? '', 1) ?? 'the test file failed to run';
}

function execErrorMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

export function describeLoadErrors(errors: readonly string[]): string {
  const [first] = errors;
  if (errors.length === 1) return `test file failed to load: ${first}`;
  return `${errors.length} test files failed to load; first: ${first}`;
}
