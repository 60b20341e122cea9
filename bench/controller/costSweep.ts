import { DEFAULT_ADAPTIVE_SETTINGS } from '../../src/core/controller/adaptive/adaptiveClassifier';
import { fixed, printTable } from '../table';
import { controllerPolicy, oracle, summarize } from './stoppingPolicies';
import { TARGET, type CountSet } from './stoppingQuality';

const HAZARDS = [0.1, 0.2, 0.25, 0.3, 0.35, 0.4];
const COSTS = [0.02, 0.03, 0.05, 0.1];

/**
 * The adaptive rule's two economic settings against each other, on every count set: what the
 * default trades, and where the others would land. Cells: iterations × oracle / mean loss (tests).
 */
export function printCostSweep(sets: readonly CountSet[]): void {
  const rows: string[][] = [];
  for (const hazard of HAZARDS) {
    for (const cost of COSTS) {
      const isDefault = hazard === DEFAULT_ADAPTIVE_SETTINGS.hazardPerFix && cost === DEFAULT_ADAPTIVE_SETTINGS.iterationCostTests;
      const cells = sets.map((set) => {
        const policy = controllerPolicy('adaptive', { hazardPerFix: hazard, iterationCostTests: cost });
        const s = summarize(set.trajectories, set.trajectories.map(policy));
        const ratio = s.meanIterations / summarize(set.trajectories, set.trajectories.map(oracle)).meanIterations;
        const met = s.meanLoss <= TARGET.maxLoss && ratio <= TARGET.maxIterationRatio ? ' ✓' : '';
        return `${fixed(ratio)}× / ${fixed(s.meanLoss, 3)}${met}`;
      });
      rows.push([`hazard ${hazard} per fix, cost ${cost}${isDefault ? ' (default)' : ''}`, ...cells]);
    }
  }
  printTable(
    'Adaptive rule settings sweep: iterations × oracle / mean loss in tests (✓ = meets both targets)',
    ['settings', ...sets.map((s) => s.name.split(' (')[0] as string)],
    rows,
  );
}
