import { ConvergenceController } from '../../src/core/controller/convergenceController';
import { CLASSIFIER_NAMES } from '../../src/core/controller/types';
import type { ReferenceTrajectory } from '../../test/support/loopgainReference';
import { printTable } from '../table';

/** Observations per second: every reference trajectory fed whole (no stop), repeated for ~1 s. */
export function printThroughput(reference: readonly ReferenceTrajectory[]): void {
  const rows = CLASSIFIER_NAMES.map((classifier) => {
    let observations = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      for (const t of reference) {
        const c = new ConvergenceController({ classifier, targetError: null, maxIterations: null });
        for (const e of t.errors) {
          if (!c.shouldContinue()) break;
          c.observe(e);
          observations++;
        }
      }
    }
    const seconds = (performance.now() - start) / 1000;
    return [classifier, String(observations), `${Math.round(observations / seconds).toLocaleString('en-US')}`, `${((seconds * 1e6) / observations).toFixed(2)}`];
  });
  printTable('Controller throughput (reference trajectories, until each stops)', ['classifier', 'observations', 'observations/s', 'µs/observation'], rows);
}
