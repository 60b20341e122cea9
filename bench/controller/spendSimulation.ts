import { COUNT_WORKLOAD_MIX, generateCountTrajectories } from '../../test/support/trajectoryGenerator';
import { fixed, percent, printTable } from '../table';
import { CAP, controllerPolicy, fixedCap, oracle, summarize, type StoppingPolicy } from './stoppingPolicies';

export const SPEND_SEED = 2026;
export const SPEND_TRIALS = 2000;

/**
 * Paired trials: every policy sees the same simulated fixer trajectories (seeded, our generator,
 * a seed never used while designing the rule), and spend is counted in iterations.
 */
export function printSpendSimulation(): void {
  const trials = generateCountTrajectories(SPEND_SEED, SPEND_TRIALS, CAP);
  const trajectories = trials.map((t) => t.errors);
  const policies: [string, StoppingPolicy][] = [
    [`max_iterations=${CAP}`, fixedCap],
    ["LoopGain's rule (compatible)", controllerPolicy('loopgain')],
    ['ours, adaptive', controllerPolicy('adaptive')],
    ['oracle', oracle],
  ];
  const capIterations = summarize(trajectories, trajectories.map(fixedCap)).meanIterations;
  const oracleIterations = summarize(trajectories, trajectories.map(oracle)).meanIterations;
  const rows = policies.map(([name, policy]) => {
    const s = summarize(trajectories, trajectories.map(policy));
    return [
      name,
      fixed(s.meanIterations),
      String(Math.round(s.meanIterations * trajectories.length)),
      percent(1 - s.meanIterations / capIterations),
      fixed(s.meanIterations / oracleIterations),
      fixed(s.meanLoss, 3),
      percent(s.reachedZero),
    ];
  });
  const mix = Object.entries(COUNT_WORKLOAD_MIX)
    .map(([w, p]) => `${w} ${Math.round(p * 100)}%`)
    .join(', ');
  printTable(
    `Spend simulation: ${trajectories.length} paired trials (seed ${SPEND_SEED}; ${mix})`,
    ['policy', 'mean iters', 'total iters', 'spend saved vs cap', '× oracle', 'mean loss (tests)', 'ends at 0'],
    rows,
    'Fixed cap returns its last output; the others return their best-so-far. Loss: returned error minus the trajectory minimum.',
  );

  const byWorkload = Object.keys(COUNT_WORKLOAD_MIX).map((workload) => {
    const subset = trials.filter((t) => t.label === workload).map((t) => t.errors);
    const cells = policies.map(([, p]) => {
      const s = summarize(subset, subset.map(p));
      return `${fixed(s.meanIterations, 1)} / ${fixed(s.meanLoss, 2)}`;
    });
    return [workload, String(subset.length), ...cells];
  });
  printTable('Spend simulation by workload: mean iterations / mean loss (tests)', ['workload', 'trials', ...policies.map(([n]) => n)], byWorkload);
}
