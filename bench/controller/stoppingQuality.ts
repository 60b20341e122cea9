import { DEFAULT_ADAPTIVE_SETTINGS } from '../../src/core/controller/adaptive/adaptiveClassifier';
import type { ReferenceTrajectory } from '../../test/support/loopgainReference';
import { fixed, percent, printTable } from '../table';
import { controllerPolicy, fixedCap, oracle, patienceRule, summarize, type Stop, type StoppingPolicy } from './stoppingPolicies';

export interface CountSet {
  readonly name: string;
  readonly trajectories: readonly (readonly number[])[];
  /** LoopGain's own recorded decisions, when the set has them. */
  readonly loopgainData?: readonly Stop[];
}

export const TARGET = { maxLoss: 0.3, maxIterationRatio: 1.25 };

/** Iterations vs quality for each stopping rule on failing-test counts, against the oracle. */
export function printStoppingQuality(set: CountSet): void {
  const policies: [string, StoppingPolicy | readonly Stop[]][] = [
    ['fixed cap 20 (no rollback)', fixedCap],
    ...(set.loopgainData ? ([['LoopGain 0.6.4 (data)', set.loopgainData]] as [string, readonly Stop[]][]) : []),
    ['ours, LoopGain-compatible', controllerPolicy('loopgain')],
    ['stop after 5 without a new best', patienceRule(5)],
    ['ours, adaptive (default)', controllerPolicy('adaptive')],
    ['oracle', oracle],
  ];
  const oracleIterations = summarize(set.trajectories, set.trajectories.map(oracle)).meanIterations;
  const rows = policies.map(([name, policy]) => {
    const stops = typeof policy === 'function' ? set.trajectories.map(policy) : policy;
    const s = summarize(set.trajectories, stops);
    return [name, fixed(s.meanIterations), fixed(s.meanIterations / oracleIterations), fixed(s.meanLoss, 3), percent(s.falseStopRate), percent(s.reachedZero)];
  });
  const adaptive = summarize(set.trajectories, set.trajectories.map(controllerPolicy('adaptive')));
  const ratio = adaptive.meanIterations / oracleIterations;
  const verdict =
    `Target (loss ≤ ${TARGET.maxLoss}, iterations ≤ ${TARGET.maxIterationRatio}× oracle): adaptive ${fixed(adaptive.meanLoss, 3)} tests at ${fixed(ratio)}× → ` +
    (adaptive.meanLoss <= TARGET.maxLoss && ratio <= TARGET.maxIterationRatio ? 'MET' : 'MISSED');
  printTable(
    `Stopping quality on ${set.name} (${set.trajectories.length} trajectories of failing-test counts, target 0, cap 20)`,
    ['policy', 'mean iters', '× oracle', 'mean loss (tests)', 'returned > min', 'ends at 0'],
    rows,
    `Loss: error of the returned output minus the trajectory's minimum; returned > min: how often that loss is not zero (a false stop, for the rules that roll back). ${verdict}.\n` +
      `Adaptive defaults: hazard ${DEFAULT_ADAPTIVE_SETTINGS.hazard}, iteration cost ${DEFAULT_ADAPTIVE_SETTINGS.iterationCostTests} tests.`,
  );
}

export function referenceCountSet(reference: readonly ReferenceTrajectory[]): CountSet {
  const integer = reference.filter((t) => t.set === 'integer');
  return {
    name: 'the reference integer set (held out: never used to design the rule)',
    trajectories: integer.map((t) => t.errors),
    loopgainData: integer.map((t) => ({ iterations: t.loopgain.live.iterationsUsed, returnedError: t.loopgain.live.bestError })),
  };
}
