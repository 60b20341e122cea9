import { existsSync, statSync } from 'node:fs';
import { Workbench, workbenchAvailable } from '../../test/vscode/workbench';
import { printTable } from '../table';
import { median, ms } from '../timing';

const VSIX = 'dist/loopgain.vsix';

/** Bundle sizes of what ships, in bytes (production builds). */
export function printBundleSizes(): void {
  const files = ['dist/host/extension.js', 'dist/webview/main.js', 'dist/webview/main.css', 'dist/cli/loopgain.js', VSIX];
  printTable(
    'Bundle sizes (production builds, as `npm run bench` makes them)',
    ['file', 'bytes', 'KiB'],
    files.map((f) => (existsSync(f) ? [f, statSync(f).size, (statSync(f).size / 1024).toFixed(0)] : [f, 'missing', ''])),
  );
}

/**
 * The extension in the real workbench (code-server, Chromium): activation time as the extension
 * host reports it, and from the palette command to the first chart point and to success, on a
 * fresh copy of the sample with the offline fixer. Three runs, each in a fresh workbench.
 */
export async function printWorkbenchBench(): Promise<void> {
  const missing = workbenchAvailable() ?? (existsSync(VSIX) ? undefined : `${VSIX} is missing (npm run package)`);
  if (missing) {
    console.log(`vscode: skipped — ${missing}`);
    return;
  }
  const activation: number[] = [];
  const firstPoint: number[] = [];
  const success: number[] = [];
  for (let run = 0; run < 3; run++) {
    const bench = await Workbench.start({ vsix: VSIX, workspaceFrom: 'samples/bookshop', settings: { 'loopgain.fixer': 'offline' } });
    try {
      const t0 = performance.now();
      await bench.runCommand('LoopGain: Fix Failing Tests');
      const frame = await bench.monitor(120_000);
      await frame.locator('tr[data-iteration="0"]').waitFor({ timeout: 120_000 });
      firstPoint.push(performance.now() - t0);
      await frame.getByRole('status').filter({ hasText: /Succeeded/ }).first().waitFor({ timeout: 180_000 });
      success.push(performance.now() - t0);
      const line = bench.consoleLines.find((l) => l.includes('LoopGain activated in'));
      const value = line ? Number(/in ([\d.]+) ms/.exec(line)?.[1]) : NaN;
      if (Number.isFinite(value)) activation.push(value);
    } finally {
      await bench.stop();
    }
  }
  const row = (name: string, xs: number[]): (string | number)[] => {
    const sorted = [...xs].sort((a, b) => a - b);
    return [name, xs.length, ms(median(sorted)), ms(sorted[0] ?? NaN), ms(sorted.at(-1) ?? NaN)];
  };
  printTable(
    'The extension in a real VS Code (code-server 4.139 / VS Code 1.139, Chromium; sample workspace, offline fixer; 3 fresh workbenches)',
    ['measure', 'runs', 'median ms', 'min ms', 'max ms'],
    [row('activation (extension host, activate())', activation), row('command → first chart point (iteration 0 measured)', firstPoint), row('command → SUCCESS shown (3 fixes)', success)],
    'The first chart point includes the first full test run; SUCCESS includes the offline fixer screening its candidates.',
  );
}
