import { DEFAULT_ADAPTIVE_SETTINGS } from '../../src/core/controller/adaptive/adaptiveClassifier';
import type { ReferenceTrajectory } from '../../test/support/loopgainReference';
import { seededRandom } from '../../test/support/trajectoryGenerator';
import { fixed, percent, printTable } from '../table';
import { controllerPolicy, fixedCap, oracle, oracleThenWait, patienceRule, summarize, type Stop, type StoppingPolicy } from './stoppingPolicies';

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
    ['oracle, then 2 more readings (bound)', oracleThenWait(2)],
    ['oracle', oracle],
  ];
  const oracleIterations = summarize(set.trajectories, set.trajectories.map(oracle)).meanIterations;
  const rows = policies.map(([name, policy]) => {
    const stops = typeof policy === 'function' ? set.trajectories.map(policy) : policy;
    const s = summarize(set.trajectories, stops);
    return [name, fixed(s.meanIterations), fixed(s.meanIterations / oracleIterations), fixed(s.meanLoss, 3), percent(s.falseStopRate), percent(s.reachedZero)];
  });
  const adaptiveStops = set.trajectories.map(controllerPolicy('adaptive'));
  const adaptive = summarize(set.trajectories, adaptiveStops);
  const ratio = adaptive.meanIterations / oracleIterations;
  const interval = bootstrapInterval(set.trajectories, adaptiveStops);
  const verdict =
    `Target (loss ≤ ${TARGET.maxLoss}, iterations ≤ ${TARGET.maxIterationRatio}× oracle): adaptive ${fixed(adaptive.meanLoss, 3)} tests at ${fixed(ratio)}× → ` +
    (adaptive.meanLoss <= TARGET.maxLoss && ratio <= TARGET.maxIterationRatio ? 'MET' : 'MISSED') +
    `; 95% bootstrap interval (${BOOTSTRAP_RESAMPLES} resamples of the set): ${fixed(interval.ratio[0])}–${fixed(interval.ratio[1])}× oracle, ` +
    `${fixed(interval.loss[0], 3)}–${fixed(interval.loss[1], 3)} tests`;
  printTable(
    `Stopping quality on ${set.name} (${set.trajectories.length} trajectories of failing-test counts, target 0, cap 20)`,
    ['policy', 'mean iters', '× oracle', 'mean loss (tests)', 'returned > min', 'ends at 0'],
    rows,
    `Loss: error of the returned output minus the trajectory's minimum; returned > min: how often that loss is not zero (a false stop, for the rules that roll back). ` +
      `The bound shows what waiting two readings after the last minimum costs even with hindsight. ${verdict}.\n` +
      `Adaptive defaults: hazard ${DEFAULT_ADAPTIVE_SETTINGS.hazardPerFix} per fix, iteration cost ${DEFAULT_ADAPTIVE_SETTINGS.iterationCostTests} tests.`,
  );
}

export function referenceCountSet(reference: readonly ReferenceTrajectory[]): CountSet {
  const integer = reference.filter((t) => t.set === 'integer');
  return {
    name: 'the reference integer set',
    trajectories: integer.map((t) => t.errors),
    loopgainData: integer.map((t) => ({ iterations: t.loopgain.live.iterationsUsed, returnedError: t.loopgain.live.bestError })),
  };
}

const BOOTSTRAP_RESAMPLES = 1000;

/**
 * How much the adaptive rule's numbers would move on other trajectories from the same population:
 * the 2.5th and 97.5th percentiles of iterations × oracle and mean loss over resamples of the set.
 */
function bootstrapInterval(trajectories: readonly (readonly number[])[], stops: readonly Stop[]): { ratio: [number, number]; loss: [number, number] } {
  const rows = trajectories.map((errors, i) => ({ oracle: oracle(errors).iterations, iterations: (stops[i] as Stop).iterations, loss: (stops[i] as Stop).returnedError - Math.min(...errors) }));
  const random = seededRandom(7);
  const ratios: number[] = [];
  const losses: number[] = [];
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let oracleIterations = 0;
    let iterations = 0;
    let loss = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[Math.floor(random() * rows.length)] as (typeof rows)[number];
      oracleIterations += row.oracle;
      iterations += row.iterations;
      loss += row.loss;
    }
    ratios.push(iterations / oracleIterations);
    losses.push(loss / rows.length);
  }
  const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  ratios.sort((a, b) => a - b);
  losses.sort((a, b) => a - b);
  return { ratio: [percentile(ratios, 0.025), percentile(ratios, 0.975)], loss: [percentile(losses, 0.025), percentile(losses, 0.975)] };
}
