import { replayTrajectory } from '../../src/core/controller/replay';
import type { AdaptiveSettings } from '../../src/core/controller/adaptive/adaptiveClassifier';
import type { ClassifierName } from '../../src/core/controller/types';

/** What a stopping policy did on one trajectory of failing-test counts (target 0, cap 20). */
export interface Stop {
  readonly iterations: number;
  /** The error of the output the policy hands back (its best-so-far if it rolls back, else its last). */
  readonly returnedError: number;
}

export type StoppingPolicy = (errors: readonly number[]) => Stop;

export const CAP = 20;

/** A fixed cap: runs until all tests pass or 20 iterations, and returns its last output (no rollback). */
export const fixedCap: StoppingPolicy = (errors) => {
  const zero = errors.indexOf(0);
  const iterations = zero >= 0 ? Math.min(zero + 1, CAP) : Math.min(errors.length, CAP);
  return { iterations, returnedError: errors[iterations - 1] as number };
};

/** The oracle: stops at the first iteration that reaches the trajectory's minimum. */
export const oracle: StoppingPolicy = (errors) => {
  const min = Math.min(...errors);
  return { iterations: errors.indexOf(min) + 1, returnedError: min };
};

/**
 * A bound, not a rule: knows the future, yet waits `readings` more readings after the minimum
 * unless the minimum is zero (target met). What any rule that always waits that long must spend.
 */
export function oracleThenWait(readings: number): StoppingPolicy {
  return (errors) => {
    const o = oracle(errors);
    const iterations = o.returnedError === 0 ? o.iterations : Math.min(CAP, errors.length, o.iterations + readings);
    return { iterations, returnedError: o.returnedError };
  };
}

/** "Stop after `patience` iterations without a new best", with best-so-far rollback. */
export function patienceRule(patience: number): StoppingPolicy {
  return (errors) => {
    let best = Infinity;
    let since = 0;
    let n = 0;
    for (const e of errors) {
      n++;
      if (e < best) {
        best = e;
        since = 0;
      } else since++;
      if (e === 0 || since >= patience || n >= CAP) break;
    }
    return { iterations: n, returnedError: best };
  };
}

/** One of our classifiers in a live loop (target 0, cap 20), with best-so-far rollback. */
export function controllerPolicy(classifier: ClassifierName, adaptive?: Partial<AdaptiveSettings>): StoppingPolicy {
  return (errors) => {
    const r = replayTrajectory(errors, { targetError: 0, maxIterations: CAP, classifier, adaptive });
    return { iterations: r.iterationsUsed, returnedError: r.bestError as number };
  };
}

export interface PolicySummary {
  readonly meanIterations: number;
  readonly meanLoss: number;
  /** Stopped with a best error above what the trajectory later reached. */
  readonly falseStopRate: number;
  readonly reachedZero: number;
}

export function summarize(trajectories: readonly (readonly number[])[], stops: readonly Stop[]): PolicySummary {
  let iterations = 0;
  let loss = 0;
  let falseStops = 0;
  let zero = 0;
  stops.forEach((s, i) => {
    const min = Math.min(...(trajectories[i] as number[]));
    iterations += s.iterations;
    loss += s.returnedError - min;
    if (s.returnedError > min) falseStops++;
    if (s.returnedError === 0) zero++;
  });
  const n = stops.length;
  return { meanIterations: iterations / n, meanLoss: loss / n, falseStopRate: falseStops / n, reachedZero: zero / n };
}
