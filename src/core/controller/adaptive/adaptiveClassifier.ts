import { trajectoryFeatures, firstIndexOfMinimum } from '../trajectoryFeatures';
import type { Classifier, Observation, Verdict } from '../types';
import { progressEvidence, type ProgressEvidence } from './progressEvidence';
import { signalModel } from './signalModel';

/**
 * The adaptive classifier: stop when the next iteration is not worth its cost.
 *
 * After each reading it asks one question — how much error do we expect the next iteration to
 * remove? — and answers it from the loop's own record: P(still able to improve) × improvement rate
 * × typical improvement, capped by what is left to fix (see progressEvidence.ts). When that
 * expected gain falls below the cost of an iteration, the loop stops (STALLING). Two shapes stop it
 * sooner: a sustained regression since the best (DIVERGING) and a period-2 cycle (OSCILLATING).
 *
 * Signals made only of whole numbers (failing-test counts) are handled exactly: any drop of one
 * test is progress, cycles must repeat exactly, and the gain is in tests. Other signals are
 * scale-free: progress must beat the best by a relative margin and the gain is relative.
 */
export interface AdaptiveSettings {
  /**
   * Prior probability that a fix is the last one the loop can make. 0.3 is the belief the rule was
   * first designed with (a loop runs out of ideas about once in ten iterations) stated per fix, at
   * the one-fix-in-three-iterations pace of an active loop.
   */
  readonly hazardPerFix: number;
  /** Count signals: an iteration is worth running while it is expected to fix at least this many tests. */
  readonly iterationCostTests: number;
  /** Other signals: ... while it is expected to remove at least this fraction of the best error. */
  readonly iterationCostRelative: number;
  /** Never stop for lack of progress before this many readings without a new best (counts; scores wait one more, as their trend test needs it). */
  readonly minPatience: number;
  /** Other signals: a new best must beat the old one by this fraction. */
  readonly relativeTolerance: number;
  /** A regression is severe (stop at once) when the latest reading exceeds the best by this fraction (and, for counts, by 2 tests). */
  readonly severeRegression: number;
  /** E ratio at or below which an improving loop is FAST_CONVERGE. */
  readonly fastRatio: number;
  /** Other signals: a falling log-trend this significant (one-sided) counts as progress. */
  readonly trendSignificance: number;
}

export const DEFAULT_ADAPTIVE_SETTINGS: AdaptiveSettings = Object.freeze({
  hazardPerFix: 0.3,
  iterationCostTests: 0.05,
  iterationCostRelative: 0.02,
  minPatience: 2,
  relativeTolerance: 0.02,
  severeRegression: 0.2,
  fastRatio: 0.1,
  trendSignificance: 0.05,
});

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

export function createAdaptiveClassifier(settings: AdaptiveSettings = DEFAULT_ADAPTIVE_SETTINGS): Classifier {
  return {
    name: 'adaptive',
    next: (observation) => classifyAdaptive(observation, settings),
  };
}

export function classifyAdaptive({ errors, targetError }: Observation, s: AdaptiveSettings): Verdict {
  const n = errors.length;
  if (n === 1) return { state: 'INIT', terminal: false, reason: 'first reading' };
  const signal = signalModel(errors, s);
  const bestIndex = firstIndexOfMinimum(errors);
  const best = errors[bestIndex] as number;
  const current = errors[n - 1] as number;

  if (signal.cycling(errors, bestIndex)) {
    return { state: 'OSCILLATING', terminal: true, reason: `flipping between ${num(errors[n - 2] as number)} and ${num(current)}` };
  }
  // A regression runs from the last reading at the best level: a best repeated, then left, is still left.
  const lastAtBest = errors.lastIndexOf(best);
  const severe = signal.severeRegression(errors, lastAtBest);
  if (severe) {
    return { state: 'DIVERGING', terminal: true, reason: `${severe.readings} readings worse than the best (${num(best)}), now +${num(severe.excess)}` };
  }

  const evidence = progressEvidence(errors, { hazardPerFix: s.hazardPerFix, tolerance: signal.tolerance });
  const priorDrop = signal.counts ? 1 : best * s.relativeTolerance * 5;
  // One bad reading is not a trend when there is progress to weigh against it: then the gain is
  // discounted only by an excess the last two readings share. With no progress yet, it is all the evidence.
  const noRecord = evidence.improvements === 0;
  const persistentLevel = noRecord && signal.counts ? current : Math.min(current, errors[n - 2] as number);
  const gain = expectedGain(evidence, best, persistentLevel, targetError, priorDrop);
  const cost = signal.counts ? s.iterationCostTests : s.iterationCostRelative * best;
  const trendFalling = signal.fallingTrend(errors);
  const why = describe(evidence, gain, cost, signal.counts) + (trendFalling ? '; falling log-trend' : '');
  // With no progress to weigh against it, one count above the best is a regression (counts are
  // exact; a score needs its trend test).
  const firstRegression = noRecord && signal.counts && current > best;
  const regressing = signal.regressing(errors, lastAtBest) ?? (firstRegression ? { readings: n - 1 - lastAtBest, excess: current - best } : undefined);

  const patience = firstRegression ? 1 : signal.counts ? s.minPatience : s.minPatience + 1;
  if (evidence.sinceImprovement >= patience && gain < cost && !trendFalling) {
    return { state: regressing ? 'DIVERGING' : 'STALLING', terminal: true, reason: regressing ? `regressing; ${why}` : why };
  }
  const eRatio = trajectoryFeatures(errors).eRatio;
  if (eRatio <= s.fastRatio && evidence.sinceImprovement < 3) return { state: 'FAST_CONVERGE', terminal: false, reason: `E ratio ${num(eRatio)}; ${why}` };
  const improving = signal.counts
    ? evidence.improvements > 0 && (evidence.sinceImprovement === 0 || evidence.activeProbability >= 0.5)
    : trendFalling || (n <= 3 && evidence.sinceImprovement === 0);
  if (improving) return { state: 'CONVERGING', terminal: false, reason: why };
  return { state: regressing ? 'DIVERGING' : 'STALLING', terminal: false, reason: regressing ? `regressing; ${why}` : why };
}

/**
 * How much the next iteration is expected to lower the best error. If still active, it improves
 * with probability `improvementRate` by a drop D whose mean is the typical drop μ (`priorDrop`
 * before the first improvement); to lower the best it must also undo the current reading's excess
 * x over the best. Taking D as exponential: E[(D − x)⁺] = μ·e^(−x/μ). The gain is capped by what is
 * left to fix above the target.
 */
export function expectedGain(evidence: ProgressEvidence, best: number, current: number, targetError: number | null, priorDrop: number): number {
  const left = Math.max(0, best - (targetError ?? 0));
  const typicalDrop = Math.min(evidence.meanImprovement ?? priorDrop, left);
  if (typicalDrop <= 0) return 0;
  const excess = Math.max(0, current - best);
  return evidence.activeProbability * evidence.improvementRate * typicalDrop * Math.exp(-excess / typicalDrop);
}

function describe(e: ProgressEvidence, gain: number, cost: number, counts: boolean): string {
  const unit = counts ? ' tests' : '';
  return (
    `${e.improvements} improvement(s), last ${e.sinceImprovement} reading(s) ago; ` +
    `P(still improving) ${pct(e.activeProbability)}, expected gain next iteration ${num(gain)}${unit} vs cost ${num(cost)}${unit}`
  );
}
