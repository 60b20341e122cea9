import { DEFAULT_ADAPTIVE_SETTINGS, type AdaptiveSettings } from './adaptive/adaptiveClassifier';
import { createClassifier } from './classifiers';
import { errorMagnitude, finiteError, GainSmoother, loopGain, type ErrorReading } from './errorSignal';
import { firstIndexOfMinimum } from './trajectoryFeatures';
import {
  DEFAULT_GAIN_BANDS,
  DEFAULT_TRAJECTORY_THRESHOLDS,
  type Classifier,
  type ClassifierName,
  type ControllerState,
  type GainBands,
  type Outcome,
  type TrajectoryThresholds,
} from './types';

export interface ControllerOptions {
  /** Stop with TARGET_MET once an error is ≤ this. `null` disables the short-circuit. Default 0. */
  readonly targetError?: number | null;
  /** Hard backstop on observations. `null` = unbounded. Default 50. */
  readonly maxIterations?: number | null;
  /** Default `adaptive`; `loopgain` reproduces LoopGain 0.6.4, `legacy_bands` its v0.1 bands. */
  readonly classifier?: ClassifierName;
  readonly thresholds?: Partial<TrajectoryThresholds>;
  readonly gainBands?: Partial<GainBands>;
  /** Settings of the adaptive classifier (e.g. what an iteration costs, in tests). */
  readonly adaptive?: Partial<AdaptiveSettings>;
  /** EMA window of the smoothed loop gain. Default 3. */
  readonly smoothingWindow?: number;
  /** The fixed cap the savings are measured against. Default 10. */
  readonly assumedFixedCap?: number;
}

export interface ControllerResult<TOutput = unknown> {
  readonly outcome: Outcome;
  readonly state: ControllerState;
  readonly iterationsUsed: number;
  /** First index of the lowest error; -1 before any observation. */
  readonly bestIndex: number;
  readonly bestOutput: TOutput | undefined;
  readonly bestError: number | undefined;
  /** Smoothed Aβ after each observation from the second on. */
  readonly convergenceProfile: readonly number[];
  readonly errorHistory: readonly number[];
  readonly savingsVsFixedCap: number;
  /** Why the controller is in its current state, with the numbers. */
  readonly reason: string;
}

const OUTCOME_OF_TERMINAL: Partial<Record<ControllerState, Outcome>> = {
  TARGET_MET: 'converged',
  OSCILLATING: 'oscillating',
  DIVERGING: 'diverged',
  STALLING: 'stalled',
  MAX_ITERATIONS: 'max_iterations',
};

/**
 * Watches an error signal one reading per iteration and decides whether the loop should go on.
 * Same public shape as LoopGain's `LoopGain` class: observe / shouldContinue / state / result.
 */
export class ConvergenceController<TOutput = unknown> {
  readonly targetError: number | null;
  readonly maxIterations: number | null;
  readonly classifierName: ClassifierName;
  private readonly classifier: Classifier;
  private readonly smoother: GainSmoother;
  private readonly assumedFixedCap: number;
  private readonly history: number[] = [];
  private readonly finiteHistory: number[] = [];
  private readonly outputs: (TOutput | undefined)[] = [];
  private readonly profile: number[] = [];
  private currentState: ControllerState = 'INIT';
  private terminal = false;
  private lastReason = 'no reading yet';

  constructor(options: ControllerOptions = {}) {
    this.targetError = options.targetError === undefined ? 0 : options.targetError;
    this.maxIterations = options.maxIterations === undefined ? 50 : options.maxIterations;
    if (this.targetError !== null && !(this.targetError >= 0)) throw new RangeError('targetError must be ≥ 0 or null');
    if (this.maxIterations !== null && !(Number.isInteger(this.maxIterations) && this.maxIterations >= 1)) {
      throw new RangeError('maxIterations must be an integer ≥ 1 or null');
    }
    this.classifierName = options.classifier ?? 'adaptive';
    this.classifier = createClassifier(this.classifierName, {
      thresholds: { ...DEFAULT_TRAJECTORY_THRESHOLDS, ...options.thresholds },
      gainBands: { ...DEFAULT_GAIN_BANDS, ...options.gainBands },
      adaptive: { ...DEFAULT_ADAPTIVE_SETTINGS, ...options.adaptive },
    });
    this.smoother = new GainSmoother(options.smoothingWindow ?? 3);
    this.assumedFixedCap = options.assumedFixedCap ?? 10;
  }

  get state(): ControllerState {
    return this.currentState;
  }

  shouldContinue(): boolean {
    return !this.terminal;
  }

  /** Records one iteration's error (and optionally its output) and returns the new state. */
  observe(errors: ErrorReading, output?: TOutput): ControllerState {
    if (this.terminal) throw new Error(`the loop already stopped (${this.currentState}); start a new controller`);
    const magnitude = errorMagnitude(errors);
    const previous = this.history.at(-1);
    this.history.push(magnitude);
    this.finiteHistory.push(finiteError(magnitude));
    this.outputs.push(output);
    const smoothedGain = previous === undefined ? undefined : this.smoother.push(loopGain(previous, magnitude));
    if (smoothedGain !== undefined) this.profile.push(smoothedGain);

    if (this.targetError !== null && magnitude <= this.targetError) {
      return this.settle('TARGET_MET', true, `error ${magnitude} ≤ target ${this.targetError}`);
    }
    const verdict = this.classifier.next({ errors: this.finiteHistory, smoothedGain, targetError: this.targetError });
    if (!verdict.terminal && this.maxIterations !== null && this.history.length >= this.maxIterations) {
      return this.settle('MAX_ITERATIONS', true, `reached max iterations (${this.maxIterations}); last verdict: ${verdict.reason}`);
    }
    return this.settle(verdict.state, verdict.terminal, verdict.reason);
  }

  get result(): ControllerResult<TOutput> {
    const n = this.history.length;
    const bestIndex = n === 0 ? -1 : firstIndexOfMinimum(this.history);
    const outcome: Outcome = this.terminal ? (OUTCOME_OF_TERMINAL[this.currentState] ?? 'in_progress') : 'in_progress';
    return {
      outcome,
      state: this.currentState,
      iterationsUsed: n,
      bestIndex,
      bestOutput: bestIndex >= 0 ? this.outputs[bestIndex] : undefined,
      bestError: bestIndex >= 0 ? this.history[bestIndex] : undefined,
      convergenceProfile: [...this.profile],
      errorHistory: [...this.history],
      savingsVsFixedCap: outcome === 'max_iterations' ? 0 : Math.max(0, this.assumedFixedCap - n),
      reason: this.lastReason,
    };
  }

  private settle(state: ControllerState, terminal: boolean, reason: string): ControllerState {
    this.currentState = state;
    this.terminal = terminal;
    this.lastReason = reason;
    return state;
  }
}
