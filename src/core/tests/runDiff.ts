import { isFailing, isNoVerdict, type TestCase, type TestRun } from './model';

/**
 * What changed between two runs, test by test. `disappeared` and `newlySkipped` are what the
 * verifier guard watches: a "fix" that deletes or skips failing tests is not progress.
 */
export interface RunDiff {
  /** Failing before, passing now. */
  readonly fixed: readonly string[];
  /** Passing before, failing now: regressions, even when the failure count is flat. */
  readonly newlyBroken: readonly string[];
  readonly stillFailing: readonly string[];
  /** Present before, absent now (among the tests this run was expected to run). */
  readonly disappeared: readonly string[];
  /** Not skipped before, skipped now. */
  readonly newlySkipped: readonly string[];
  /** Absent before, present now. */
  readonly appeared: readonly string[];
}

export function diffRuns(previous: readonly TestCase[], current: readonly TestCase[], expectedIds?: readonly string[]): RunDiff {
  const before = new Map(previous.map((t) => [t.id, t]));
  const after = new Map(current.map((t) => [t.id, t]));
  const expected = expectedIds ? new Set(expectedIds) : undefined;
  const fixed: string[] = [];
  const newlyBroken: string[] = [];
  const stillFailing: string[] = [];
  const disappeared: string[] = [];
  const newlySkipped: string[] = [];
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now) {
      // The stand-in for a run without a verdict goes away when the run gets one: that is no lost test.
      if ((!expected || expected.has(id)) && !isNoVerdict(old)) disappeared.push(id);
      continue;
    }
    if (now.status === 'skipped' && old.status !== 'skipped') newlySkipped.push(id);
    else if (isFailing(old) && now.status === 'passed') fixed.push(id);
    else if (old.status === 'passed' && isFailing(now)) newlyBroken.push(id);
    else if (isFailing(old) && isFailing(now)) stillFailing.push(id);
  }
  const appeared = [...after.keys()].filter((id) => !before.has(id));
  return { fixed, newlyBroken, stillFailing, disappeared, newlySkipped, appeared };
}

/**
 * The full picture after a focused re-run: the re-run tests take their new results, every other
 * test keeps its result from the last full run. Requested tests the re-run did not report are
 * dropped (and so show up as disappeared in a diff against the full run).
 */
export function mergeFocusedRun(lastFull: readonly TestCase[], focused: TestRun): TestCase[] {
  const requested = new Set(focused.focusedOn ?? []);
  const rerun = new Map(focused.tests.map((t) => [t.id, t]));
  const merged: TestCase[] = [];
  for (const t of lastFull) {
    if (rerun.has(t.id)) merged.push(rerun.get(t.id) as TestCase);
    else if (!requested.has(t.id)) merged.push(t);
  }
  for (const t of focused.tests) if (!lastFull.some((old) => old.id === t.id)) merged.push(t);
  return merged;
}
