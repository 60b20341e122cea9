import { isFailing, type TestRun } from './model';

/**
 * The loop's error signal E(n): the number of failing tests (failed + error, each weighted 1).
 *
 * A run that produced no verdict on the tests is never "0 failures": a collection error, a timeout,
 * a crashed runner, or a completed run that collected no tests at all ("0 of 0 passed") counts as
 * every known test failing plus one, so it is always worse than any run that actually ran them;
 * with no test known yet it is +Infinity (the controller accepts that as "unmeasurable").
 */
export interface ErrorMeasure {
  readonly value: number;
  /** The failing test ids behind the value (empty when the run gave no verdict). */
  readonly failing: readonly string[];
  /** Why the run gave no verdict, if it did not. */
  readonly noVerdict?: string;
}

export function measureError(run: TestRun, knownTestCount: number): ErrorMeasure {
  const noVerdict =
    run.outcome !== 'completed'
      ? (run.problem ?? run.outcome)
      : run.tests.length === 0
        ? 'no tests were collected (0 of 0 is not a pass)'
        : undefined;
  if (noVerdict !== undefined) {
    return { value: knownTestCount > 0 ? knownTestCount + 1 : Number.POSITIVE_INFINITY, failing: [], noVerdict };
  }
  const failing = run.tests.filter(isFailing).map((t) => t.id);
  return { value: failing.length, failing };
}
