/** The vocabulary of the convergence controller: states, outcomes, thresholds and verdicts. */

export const CONTROLLER_STATES = [
  'INIT',
  'FAST_CONVERGE',
  'CONVERGING',
  'STALLING',
  'OSCILLATING',
  'DIVERGING',
  'TARGET_MET',
  'MAX_ITERATIONS',
] as const;
export type ControllerState = (typeof CONTROLLER_STATES)[number];

export const OUTCOMES = ['converged', 'oscillating', 'diverged', 'stalled', 'max_iterations', 'in_progress'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** `loopgain` reproduces LoopGain 0.6.4's trajectory classifier; `adaptive` is ours (see adaptive/). */
export const CLASSIFIER_NAMES = ['adaptive', 'loopgain', 'legacy_bands'] as const;
export type ClassifierName = (typeof CLASSIFIER_NAMES)[number];

/** LoopGain's multi-feature thresholds (its `TrajectoryThresholds`), with 0.6.4's defaults. */
export interface TrajectoryThresholds {
  /** E_ratio at or below this (while still improving) is FAST_CONVERGE. */
  readonly fastRatio: number;
  /** E_ratio at or below this counts as convergence even without a significant slope. */
  readonly convergingRatio: number;
  /** E_ratio above this (with a significant rising slope) is DIVERGING. */
  readonly divergingRatio: number;
  /** Significance level of the log-slope t-test. */
  readonly pValue: number;
  /** Residual std of log10(E) at or above which a flat trajectory is OSCILLATING. */
  readonly oscillationStd: number;
  /** |slope| below which a trajectory counts as flat for the oscillation test. */
  readonly oscillationSlope: number;
  /** A trajectory is "still improving" while its minimum is younger than this many iterations. */
  readonly stillImprovingWindow: number;
  /** STALLING becomes terminal after this many consecutive STALLING readings. */
  readonly stallTerminateCount: number;
}

export const DEFAULT_TRAJECTORY_THRESHOLDS: TrajectoryThresholds = Object.freeze({
  fastRatio: 0.1,
  convergingRatio: 0.5,
  divergingRatio: 1.1,
  pValue: 0.05,
  oscillationStd: 0.3,
  oscillationSlope: 0.05,
  stillImprovingWindow: 3,
  stallTerminateCount: 2,
});

/** LoopGain v0.1's single-feature bands on the smoothed loop gain (its `ThresholdBands`). */
export interface GainBands {
  readonly fastConverge: number;
  readonly converging: number;
  readonly stalling: number;
  readonly oscillating: number;
}

export const DEFAULT_GAIN_BANDS: GainBands = Object.freeze({
  fastConverge: 0.3,
  converging: 0.85,
  stalling: 0.95,
  oscillating: 1.05,
});

/** What a classifier says after one observation. */
export interface Verdict {
  readonly state: ControllerState;
  /** True when the loop should stop on this reading. */
  readonly terminal: boolean;
  /** One short sentence with the numbers behind the verdict (for traces and "explain"). */
  readonly reason: string;
}

/** Everything a classifier may look at after an observation. Errors are finite and non-negative. */
export interface Observation {
  /** The whole error history so far, infinities already replaced by a finite ceiling. */
  readonly errors: readonly number[];
  /** The smoothed loop gain after this observation; undefined on the first one. */
  readonly smoothedGain: number | undefined;
  /** The controller's target error (null: no target). */
  readonly targetError: number | null;
}

/**
 * A classifier turns the history into a verdict. It may keep state between calls (LoopGain's stall
 * counter does), so the controller creates one per loop and calls it once per observation, in order.
 */
export interface Classifier {
  readonly name: ClassifierName;
  next(observation: Observation): Verdict;
}
