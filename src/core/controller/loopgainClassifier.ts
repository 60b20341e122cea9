import { firstIndexOfMinimum, trajectoryFeatures } from './trajectoryFeatures';
import type { Classifier, ControllerState, Observation, TrajectoryThresholds, Verdict } from './types';

/** A classification of a whole history, before any stall counting. */
export interface TrajectoryClassification {
  readonly state: ControllerState;
  readonly reason: string;
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

/**
 * LoopGain 0.6.4's `classify_trajectory`: the state of a whole error history from its four
 * features. Comparisons are kept exactly as LoopGain writes them (strict or not).
 */
export function classifyTrajectory(errors: readonly number[], t: TrajectoryThresholds): TrajectoryClassification {
  const n = errors.length;
  if (n < 2) return { state: 'INIT', reason: 'one reading: nothing to compare yet' };
  const f = trajectoryFeatures(errors);
  const ratio = `E ratio ${fmt(f.eRatio)}`;
  if (n === 2) {
    if (f.eRatio <= t.fastRatio) return { state: 'FAST_CONVERGE', reason: `${ratio} ≤ ${t.fastRatio}` };
    if (f.eRatio < 1) return { state: 'CONVERGING', reason: `${ratio} < 1` };
    if (f.eRatio > t.divergingRatio) return { state: 'DIVERGING', reason: `${ratio} > ${t.divergingRatio}` };
    return { state: 'STALLING', reason: `${ratio} within [1, ${t.divergingRatio}]` };
  }
  const sinceMinimum = n - 1 - firstIndexOfMinimum(errors);
  const stillImproving = sinceMinimum < t.stillImprovingWindow;
  const slope = `log-slope ${fmt(f.slope)}/iter (p=${fmt(f.pValue)})`;
  if (f.eRatio <= t.fastRatio && stillImproving) {
    return { state: 'FAST_CONVERGE', reason: `${ratio} ≤ ${t.fastRatio}, new minimum ${sinceMinimum} ago` };
  }
  if (f.slope < 0 && stillImproving && (f.pValue < t.pValue || f.eRatio <= t.convergingRatio)) {
    return { state: 'CONVERGING', reason: `${slope}, ${ratio}` };
  }
  if (f.slope > 0 && f.pValue < t.pValue && f.eRatio > t.divergingRatio) {
    return { state: 'DIVERGING', reason: `rising ${slope}, ${ratio} > ${t.divergingRatio}` };
  }
  if (f.oscillationStd >= t.oscillationStd && Math.abs(f.slope) < t.oscillationSlope) {
    return { state: 'OSCILLATING', reason: `residual std ${fmt(f.oscillationStd)} ≥ ${t.oscillationStd} on a flat trend` };
  }
  const why = stillImproving ? `no significant trend (${slope})` : `no new minimum for ${sinceMinimum} iterations`;
  return { state: 'STALLING', reason: why };
}

/**
 * The LoopGain-compatible live classifier: `classifyTrajectory` plus LoopGain's stall counter
 * (STALLING is terminal after `stallTerminateCount` consecutive STALLING readings; OSCILLATING and
 * DIVERGING are terminal at once). The first reading gets LoopGain's FAST_CONVERGE placeholder.
 */
export function createLoopGainClassifier(thresholds: TrajectoryThresholds): Classifier {
  let consecutiveStalls = 0;
  return {
    name: 'loopgain',
    next(observation: Observation): Verdict {
      if (observation.errors.length === 1) {
        return { state: 'FAST_CONVERGE', terminal: false, reason: 'first reading (placeholder state)' };
      }
      const { state, reason } = classifyTrajectory(observation.errors, thresholds);
      consecutiveStalls = state === 'STALLING' ? consecutiveStalls + 1 : 0;
      const terminal =
        state === 'OSCILLATING' ||
        state === 'DIVERGING' ||
        (state === 'STALLING' && consecutiveStalls >= thresholds.stallTerminateCount);
      const counted = state === 'STALLING' ? `${reason} (stall reading ${consecutiveStalls}/${thresholds.stallTerminateCount})` : reason;
      return { state, terminal, reason: counted };
    },
  };
}
