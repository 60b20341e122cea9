/**
 * One result model for every test framework: what a run of the workspace's tests produced, test by
 * test, with identities that are stable across runs so two runs can be compared.
 */

export const FRAMEWORKS = ['pytest', 'jest', 'vitest', 'mocha', 'node-test', 'go', 'cargo', 'junit'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export type TestStatus = 'passed' | 'failed' | 'error' | 'skipped';

/** A file:line frame of a failure's stack, resolved to a workspace-relative path when it is inside the workspace. */
export interface StackFrame {
  /** Workspace-relative, with forward slashes, when inside the workspace; otherwise as printed. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly inWorkspace: boolean;
}

export interface TestCase {
  /**
   * Stable identity: file + suite path + name + parameters, joined with " › " after the file and
   * "::" between file and the rest (e.g. `tests/test_math.py::TestAdd › test_add[1-2]`).
   */
  readonly id: string;
  /** Workspace-relative file of the test, forward slashes; '' when the framework does not say. */
  readonly file: string;
  /** Enclosing suites / classes / describe blocks, outermost first. */
  readonly suitePath: readonly string[];
  readonly name: string;
  /** Parameters of a parametrized test as the framework prints them (`1-2`), if any. */
  readonly parameters?: string;
  readonly status: TestStatus;
  /** First line(s) of the failure message. */
  readonly message?: string;
  readonly stack: readonly StackFrame[];
  readonly durationMs?: number;
}

/**
 * How a run ended. `completed`: the framework ran and reported (failures or not). `collection-error`:
 * it could not even collect or compile (syntax error, import error, build failure): never "0
 * failures". `timed-out` / `cancelled`: the process tree was killed. `runner-error`: the runner is
 * missing or crashed without a report.
 */
export type RunOutcome = 'completed' | 'collection-error' | 'timed-out' | 'cancelled' | 'runner-error';

/** What the process printed, capped: the head and the tail are kept, the middle is dropped. */
export interface CapturedOutput {
  readonly text: string;
  /** Bytes dropped from the middle (0 when everything was kept). */
  readonly droppedBytes: number;
}

export interface TestRun {
  readonly framework: Framework | 'custom';
  readonly outcome: RunOutcome;
  readonly tests: readonly TestCase[];
  /** Why the outcome is not `completed`, in one sentence (e.g. "ImportError in tests/test_a.py"). */
  readonly problem?: string;
  readonly output: CapturedOutput;
  readonly exitCode: number | null;
  readonly durationMs: number;
  /** The command line that ran, for the trace. */
  readonly command: string;
  /** Only these ids were asked for (a focused re-run); undefined for a full run. */
  readonly focusedOn?: readonly string[];
}

export const isFailing = (t: TestCase): boolean => t.status === 'failed' || t.status === 'error';

/** The id of the one synthetic failing "test" that stands for a run without a verdict (did not compile, hung, collected nothing). */
export const noVerdictId = (command: string): string => `${command}::<no verdict>`;
export const isNoVerdict = (t: TestCase): boolean => t.id.endsWith('::<no verdict>');

/** Builds the stable id from its parts (see TestCase.id). */
export function testId(file: string, suitePath: readonly string[], name: string, parameters?: string): string {
  const tail = [...suitePath, parameters ? `${name}[${parameters}]` : name].join(' › ');
  return file ? `${file}::${tail}` : tail;
}
