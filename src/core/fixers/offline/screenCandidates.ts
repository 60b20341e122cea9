import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isFailing, type TestCase, type TestRun } from '../../tests/model';
import type { Candidate } from './candidates';
import { makeScratchCopy, removeScratchCopy } from './scratchCopy';

/** Runs the workspace's tests in a given folder: the same framework and command as the loop's own runs. */
export type ScratchTestRunner = (cwd: string, focus: readonly TestCase[] | undefined, timeoutMs: number, signal: AbortSignal) => Promise<TestRun>;

export interface ScreeningOptions {
  readonly workspaceRoot: string;
  readonly runTests: ScratchTestRunner;
  /** The tests failing now: every candidate is tried on these first (none: straight to the full suite). */
  readonly failing: readonly TestCase[];
  /** Failing tests of the full suite now: a candidate must beat this to be worth proposing. */
  readonly currentError: number;
  /** Scratch copies (and test runs) at once. */
  readonly parallel: number;
  /** Per test-run limit for focused runs; full runs get `fullTimeoutMs`. */
  readonly focusedTimeoutMs: number;
  readonly fullTimeoutMs: number;
  /** Stop starting new candidates after this time (epoch ms). */
  readonly deadline: number;
  /**
   * Diminishing returns: once a patch improves on the current failures, stop after this many more
   * candidates bring nothing better (candidates come most suspicious first; another bug is the next
   * iteration's work). Undefined: screen every candidate.
   */
  readonly plateauAfter?: number;
  readonly signal: AbortSignal;
}

export interface ScreenedCandidate {
  readonly candidate: Candidate;
  /** Failing tests among the focus after the patch (undefined: the run gave no verdict). */
  readonly focusedFailing?: number;
  /** Failing tests of the full suite after the patch, if it was worth running. */
  readonly fullFailing?: number;
  readonly timedOut: boolean;
}

export interface ScreeningReport {
  readonly screened: readonly ScreenedCandidate[];
  readonly testRuns: number;
  readonly timeouts: number;
  /** Test runs before the first patch that passed every test (undefined if none did). */
  readonly runsToFirstPass?: number;
  readonly stoppedBy: 'exhausted' | 'deadline' | 'all-pass' | 'plateau' | 'cancelled';
}

/**
 * Tries candidate patches in private copies of the workspace: the failing tests first (cheap), the
 * full suite only for candidates that fix at least one of them (regressions show there). Up to
 * `parallel` copies work at once; a patch that passes everything ends the search early.
 */
export async function screenCandidates(candidates: readonly Candidate[], options: ScreeningOptions): Promise<ScreeningReport> {
  const screened: ScreenedCandidate[] = [];
  let testRuns = 0;
  let timeouts = 0;
  let runsToFirstPass: number | undefined;
  let next = 0;
  let stoppedBy: ScreeningReport['stoppedBy'] = 'exhausted';
  const baselineFocused = options.failing.length;
  let bestFull = options.currentError;
  let sinceBest: number | undefined;
  const record = (s: ScreenedCandidate): void => {
    screened.push(s);
    if (s.fullFailing !== undefined && s.fullFailing < bestFull) {
      bestFull = s.fullFailing;
      sinceBest = 0;
    } else if (sinceBest !== undefined) sinceBest++;
    if (options.plateauAfter !== undefined && sinceBest !== undefined && sinceBest >= options.plateauAfter && stoppedBy === 'exhausted') stoppedBy = 'plateau';
  };

  const worker = async (): Promise<void> => {
    const scratch = await makeScratchCopy(options.workspaceRoot);
    try {
      while (next < candidates.length) {
        if (options.signal.aborted) return void (stoppedBy = 'cancelled');
        if (stoppedBy === 'all-pass' || stoppedBy === 'plateau') return;
        if (Date.now() > options.deadline) return void (stoppedBy = 'deadline');
        const candidate = candidates[next++] as Candidate;
        const file = join(scratch, ...candidate.path.split('/'));
        await fs.writeFile(file, candidate.patched, 'utf8');
        try {
          let focusedFailing: number | undefined;
          if (options.failing.length > 0) {
            const focused = await options.runTests(scratch, options.failing, options.focusedTimeoutMs, options.signal);
            testRuns++;
            if (focused.outcome === 'timed-out') timeouts++;
            focusedFailing = focused.outcome === 'completed' && focused.tests.length > 0 ? countFailing(focused, options.failing) : undefined;
            if (focusedFailing === undefined || focusedFailing >= baselineFocused) {
              record({ candidate, focusedFailing, timedOut: focused.outcome === 'timed-out' });
              continue;
            }
          }
          const full = await options.runTests(scratch, undefined, options.fullTimeoutMs, options.signal);
          testRuns++;
          if (full.outcome === 'timed-out') timeouts++;
          const fullFailing = full.outcome === 'completed' && full.tests.length > 0 ? full.tests.filter(isFailing).length : undefined;
          record({ candidate, focusedFailing, fullFailing, timedOut: full.outcome === 'timed-out' });
          if (fullFailing === 0) {
            runsToFirstPass ??= testRuns;
            stoppedBy = 'all-pass';
          }
        } finally {
          await fs.writeFile(file, candidate.original, 'utf8');
        }
      }
    } finally {
      await removeScratchCopy(scratch);
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, candidates.length)) }, worker));
  return { screened, testRuns, timeouts, runsToFirstPass, stoppedBy };
}

/** Failing tests among those asked for: a requested test the run did not report counts as failing. */
function countFailing(run: TestRun, asked: readonly TestCase[]): number {
  const byId = new Map(run.tests.map((t) => [t.id, t]));
  return asked.filter((t) => {
    const now = byId.get(t.id);
    return !now || isFailing(now);
  }).length;
}

/**
 * The patch to propose: fewest failing tests in the full suite, strictly fewer than now; ties go to
 * the more suspicious line, then the smaller change. Other patches as good as the best are
 * alternatives: the fixer reports that plausible patches disagree.
 */
export function pickBest(report: ScreeningReport, currentError: number): { best?: ScreenedCandidate; alternatives: ScreenedCandidate[] } {
  const improving = report.screened
    .filter((s) => s.fullFailing !== undefined && s.fullFailing < currentError)
    .sort(
      (a, b) =>
        (a.fullFailing as number) - (b.fullFailing as number) ||
        b.candidate.priority - a.candidate.priority ||
        a.candidate.size - b.candidate.size,
    );
  const best = improving[0];
  return { best, alternatives: best ? improving.slice(1).filter((s) => s.fullFailing === best.fullFailing) : [] };
}
