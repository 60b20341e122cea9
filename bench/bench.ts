import { loadReference, REFERENCE_PATH, referenceAvailable } from '../test/support/loopgainReference';
import { generateCountTrajectories } from '../test/support/trajectoryGenerator';
import { printCostSweep } from './controller/costSweep';
import { printReferenceAccuracy } from './controller/referenceAccuracy';
import { printSpendSimulation } from './controller/spendSimulation';
import { printStoppingQuality, referenceCountSet, type CountSet } from './controller/stoppingQuality';
import { printThroughput } from './controller/throughput';
import { printEngineOverhead } from './engine/engineOverhead';
import { printRestoreLarge } from './engine/restoreLarge';
import { printFocusedReruns } from './tests/focusedReruns';
import { printReportParsing } from './tests/reportParsing';
import { printRepairBench } from './repairCorpus/repairBench';
import { printWebviewBench } from './webview/webviewBench';
import { printBundleSizes, printWorkbenchBench } from './vscode/workbenchBench';

/** `npm run bench [-- section…]`: measured numbers only, printed as tables. */
const SECTIONS: Record<string, () => void | Promise<void>> = {
  controller() {
    if (!referenceAvailable()) {
      console.log(`controller: reference data not found at ${REFERENCE_PATH}; set LOOPGAIN_REFERENCE (skipping the reference tables)`);
    }
    const reference = referenceAvailable() ? loadReference() : [];
    const dev: CountSet = {
      name: 'our generator (seed 1; harsher: slow loops with regressions)',
      trajectories: generateCountTrajectories(1, 5000).map((t) => t.errors),
    };
    if (reference.length > 0) {
      printReferenceAccuracy(reference);
      printStoppingQuality(referenceCountSet(reference));
    }
    printStoppingQuality(dev);
    printCostSweep(reference.length > 0 ? [referenceCountSet(reference), dev] : [dev]);
    printSpendSimulation();
    if (reference.length > 0) printThroughput(reference);
  },
  async tests() {
    await printReportParsing();
    await printFocusedReruns();
  },
  async repair() {
    await printRepairBench();
  },
  async webview() {
    await printWebviewBench();
  },
  async vscode() {
    printBundleSizes();
    await printWorkbenchBench();
  },
  async engine() {
    await printEngineOverhead();
    await printRestoreLarge();
  },
};

async function main(wanted: readonly string[]): Promise<number> {
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length > 0) {
    console.error(`unknown bench section(s): ${unknown.join(', ')} (known: ${Object.keys(SECTIONS).join(', ')})`);
    return 2;
  }
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`\n=== ${name} ===`);
    await run();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
