import { measureError } from '../tests/errorSignal';
import type { TestSetup } from '../tests/detectFramework';
import { isFailing, isNoVerdict, noVerdictId, type TestCase, type TestRun } from '../tests/model';
import { mergeFocusedRun } from '../tests/runDiff';
import { runTests } from '../tests/runTests';
import { framesFromText } from '../tests/stackFrames';

export interface Measurement {
  readonly run: TestRun;
  readonly scope: 'full' | 'focused';
  /** The whole suite's picture: the run itself, or the last full run updated by a focused one. */
  readonly tests: readonly TestCase[];
  readonly error: number;
  readonly failing: readonly TestCase[];
  /** Tests the run collected (full runs), for the verifier guard. */
  readonly collected?: number;
  readonly noVerdict?: string;
}

/** Test runs get 5× the measured duration of a full run, never less than this... */
export const ADAPTIVE_FLOOR_MS = 5_000;
/** ... and the first run, before anything is measured, gets this. */
export const FIRST_RUN_TIMEOUT_MS = 120_000;

/**
 * Runs the tests for one iteration and reads the error signal off them. Timeouts adapt to the
 * suite unless the user set one: a hanging bug costs seconds, not the default minutes.
 */
export class TestSignal {
  private measuredFullMs: number | undefined;

  constructor(
    private readonly setup: TestSetup,
    private readonly cwd: string,
    private readonly configuredTimeoutMs: number | undefined,
    private readonly env?: NodeJS.ProcessEnv,
  ) {}

  timeoutMs(): number {
    if (this.configuredTimeoutMs !== undefined) return this.configuredTimeoutMs;
    return this.measuredFullMs === undefined ? FIRST_RUN_TIMEOUT_MS : Math.max(ADAPTIVE_FLOOR_MS, this.measuredFullMs * 5);
  }

  /** Remembers a full run's duration (for example one made before a resume). */
  calibrate(fullRunMs: number): void {
    this.measuredFullMs = this.measuredFullMs === undefined ? fullRunMs : Math.max(this.measuredFullMs, fullRunMs);
  }

  /**
   * `picture` is the whole suite as last known (every test's latest result): a focused run re-runs
   * its failing tests and updates it; a full run replaces it.
   */
  async measure(scope: 'full' | 'focused', picture: readonly TestCase[], signal: AbortSignal): Promise<Measurement> {
    const focus = scope === 'focused' ? picture.filter((t) => isFailing(t) && !isNoVerdict(t)) : undefined;
    const run = await runTests({ setup: this.setup, cwd: this.cwd, focus, timeoutMs: this.timeoutMs(), signal, env: this.env });
    if (scope === 'full' && run.outcome === 'completed') this.calibrate(run.durationMs);
    const known = picture.filter((t) => !isNoVerdict(t)).length;
    const tests = scope === 'focused' && run.outcome === 'completed' ? mergeFocusedRun(picture, run) : run.tests;
    const measure = measureError({ ...run, tests }, known);
    const failing = measure.noVerdict ? [noVerdictCase(run, measure.noVerdict, this.cwd)] : tests.filter(isFailing);
    return {
      run,
      scope,
      tests,
      error: measure.value,
      failing,
      collected: scope === 'full' && run.outcome === 'completed' ? run.tests.length : undefined,
      noVerdict: measure.noVerdict,
    };
  }
}

/**
 * A run without a verdict (does not compile, hangs, collects nothing) still needs something the
 * fixer can work on: one synthetic failing "test" carrying the problem, the output's tail and its frames.
 */
function noVerdictCase(run: TestRun, problem: string, cwd: string): TestCase {
  const tail = run.output.text.slice(-4000);
  return {
    id: noVerdictId(run.command),
    file: '',
    suitePath: [],
    name: 'the test run gave no verdict',
    status: 'error',
    message: `${problem}\n${tail}`,
    stack: framesFromText(tail, cwd),
  };
}
