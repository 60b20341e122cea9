import { logTrend } from './logTrend';
import { periodTwoCycle, sustainedRegression, type Regression } from './trajectoryShape';

/**
 * What counts as progress, regression and a cycle depends on the kind of signal.
 *
 * Counts (every reading a whole number: failing tests) are exact: one test fixed is progress, a
 * cycle repeats exactly, a regression of two tests is real. Scores (anything else) are noisy: a new
 * best must beat the old one by a relative margin, a regression or a rising trend must be
 * statistically clear, and a cycle must swing far more than its readings drift.
 */
export interface SignalModel {
  readonly counts: boolean;
  /** A reading sets a new best only if it beats the best by more than this. */
  tolerance(best: number): number;
  /** A period-2 cycle in the last four readings. */
  cycling(errors: readonly number[], bestIndex: number): boolean;
  /** A regression since the best that should stop the loop now. */
  severeRegression(errors: readonly number[], bestIndex: number): Regression | undefined;
  /** The readings since the best are all worse and getting worse (a label, not a stop rule). */
  regressing(errors: readonly number[], bestIndex: number): Regression | undefined;
  /** Scores only: the error falls on average even without a clear new best. */
  fallingTrend(errors: readonly number[]): boolean;
}

export interface SignalSettings {
  readonly relativeTolerance: number;
  readonly severeRegression: number;
  readonly trendSignificance: number;
}

export function signalModel(errors: readonly number[], s: SignalSettings): SignalModel {
  return errors.every(Number.isInteger) ? countModel(s) : scoreModel(s);
}

function countModel(s: SignalSettings): SignalModel {
  const regressing = (errors: readonly number[], bestIndex: number): Regression | undefined =>
    sustainedRegression(errors, bestIndex, 0);
  return {
    counts: true,
    tolerance: () => 0,
    // Exact repeats a, b, a, b cannot contain a new best, so a cycle never hides progress.
    cycling: (errors) => periodTwoCycle(errors, () => 0, () => 0),
    severeRegression(errors, bestIndex) {
      const r = regressing(errors, bestIndex);
      const best = errors[bestIndex] as number;
      return r && r.excess >= 2 && r.excess > best * s.severeRegression ? r : undefined;
    },
    regressing,
    fallingTrend: () => false,
  };
}

function scoreModel(s: SignalSettings): SignalModel {
  // Noise alone makes a few readings after the best worse than it; the rise must also be significant.
  const regressing = (errors: readonly number[], bestIndex: number): Regression | undefined => {
    const r = sustainedRegression(errors, bestIndex, (errors[bestIndex] as number) * s.relativeTolerance);
    return r && logTrend(errors).pRising < s.trendSignificance ? r : undefined;
  };
  return {
    counts: false,
    tolerance: (best) => best * s.relativeTolerance,
    // The swing must be at least half the higher level and each phase must repeat within an
    // eighth of it (a quarter of the smallest such swing): noise around a flat level does neither.
    cycling: (errors) =>
      periodTwoCycle(
        errors,
        (level) => level * 0.125,
        (level) => level * 0.5,
      ),
    severeRegression(errors, bestIndex) {
      const r = regressing(errors, bestIndex);
      return r && r.excess > (errors[bestIndex] as number) * s.severeRegression ? r : undefined;
    },
    regressing,
    fallingTrend: (errors) => logTrend(errors).pFalling < s.trendSignificance,
  };
}
