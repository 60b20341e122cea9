import { ReportError, type ParsedReport } from '../frameworks/adapter';
import { testId, type TestCase, type TestStatus } from '../model';
import { errorLineOf, firstLines, splitFailure, stripAnsi, workspaceFile } from './failureText';

/** One entry of LoopGain's mocha reporter (see frameworks/mochaReporter.ts). */
interface MochaResult {
  readonly kind?: unknown;
  readonly titlePath?: unknown;
  readonly file?: unknown;
  readonly state?: unknown;
  readonly duration?: unknown;
  readonly error?: { readonly name?: unknown; readonly message?: unknown; readonly stack?: unknown } | null;
}

/**
 * Reads the report into tests. A failing hook becomes a test of its own with status `error`
 * (`"before each" hook for "adds"`): mocha skips the tests it guards without reporting them, so
 * without it a broken hook would read as fewer tests, not as a failure.
 */
export function parseMochaReport(text: string, cwd: string, source: string): ParsedReport {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new ReportError(`${source} is not valid JSON, probably truncated (${(error as Error).message})`);
  }
  const results = (report as { results?: unknown } | null)?.results;
  if (typeof report !== 'object' || report === null || (report as { complete?: unknown }).complete !== true || !Array.isArray(results)) {
    throw new ReportError(`${source} is not a complete LoopGain mocha report`);
  }
  const byId = new Map<string, TestCase>();
  for (const entry of results as MochaResult[]) {
    const test = toTestCase(entry, cwd, source);
    const seen = byId.get(test.id);
    // mocha can report one test twice (a pass, then an async error after it): the failure wins.
    if (!seen || rank(test.status) > rank(seen.status)) byId.set(test.id, test);
  }
  return { tests: [...byId.values()] };
}

const rank = (s: TestStatus): number => ({ skipped: 0, passed: 1, failed: 2, error: 3 })[s];

function toTestCase(entry: MochaResult, cwd: string, source: string): TestCase {
  if (typeof entry !== 'object' || entry === null || !Array.isArray(entry.titlePath) || entry.titlePath.length === 0) {
    throw new ReportError(`${source} has a result without a title path`);
  }
  const titles = entry.titlePath.map(String);
  const name = titles[titles.length - 1] as string;
  const suitePath = titles.slice(0, -1);
  const file = typeof entry.file === 'string' ? workspaceFile(entry.file, cwd) : '';
  const status: TestStatus = entry.state === 'passed' ? 'passed' : entry.state === 'skipped' ? 'skipped' : entry.kind === 'hook' ? 'error' : 'failed';
  const failure = status === 'failed' || status === 'error' ? describeError(entry.error, cwd) : { stack: [] };
  const test: TestCase = { id: testId(file, suitePath, name), file, suitePath, name, status, stack: failure.stack };
  return {
    ...test,
    ...(failure.message !== undefined ? { message: failure.message } : {}),
    ...(typeof entry.duration === 'number' ? { durationMs: entry.duration } : {}),
  };
}

/** The message from `message` (the stack's first line can be "AssertionError [ERR_ASSERTION]: …"), frames from `stack`. */
function describeError(error: MochaResult['error'], cwd: string): { message?: string; stack: TestCase['stack'] } {
  if (!error) return { stack: [] };
  const stackText = typeof error.stack === 'string' ? error.stack : '';
  const { message: fromStack, stack } = splitFailure(stackText, cwd);
  const ownMessage = typeof error.message === 'string' ? firstLines(error.message) : undefined;
  const name = typeof error.name === 'string' && error.name !== '' ? error.name : undefined;
  const message = ownMessage !== undefined ? (name ? `${name}: ${ownMessage}` : ownMessage) : fromStack;
  return message !== undefined ? { message, stack } : { stack };
}

/**
 * When a spec file throws while mocha loads it, mocha prints "Exception during run: <error>" and
 * exits before any reporter exists, so there is no report to read: the printed error is all there
 * is. Only called when the report is missing, so test output cannot turn a real report into this.
 */
export function mochaLoadError(output: string, cwd: string): string | undefined {
  const text = stripAnsi(output);
  const marker = text.indexOf('Exception during run:');
  if (marker === -1) return /Error: No test files found[^\n]*/.exec(text)?.[0].trim();
  const printed = text.slice(marker + 'Exception during run:'.length);
  const firstLine = printed.trimStart().split(/\r?\n/)[0]?.trim() ?? '';
  const error = errorLineOf(printed) ?? (firstLine || 'an error');
  const file = loadingFile(printed, firstLine, error, cwd);
  return file ? `test file failed to load: ${file}: ${error}` : `test files failed to load: ${error}`;
}

/** Which file failed: a syntax error starts with "<file>:<line>", an ES import names its importer, a require has a frame in it. */
function loadingFile(printed: string, firstLine: string, error: string, cwd: string): string | undefined {
  const located = /^(.+\.[cm]?[jt]sx?):\d+$/.exec(firstLine)?.[1] ?? /imported from (\S+)/.exec(error)?.[1];
  if (located) return workspaceFile(located, cwd);
  return splitFailure(printed, cwd).stack.find((f) => f.inWorkspace)?.file;
}
