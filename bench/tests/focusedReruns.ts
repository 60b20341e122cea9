import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameworkAdapter } from '../../src/core/tests/frameworks/adapter';
import { jestAdapter } from '../../src/core/tests/frameworks/jest';
import { mochaAdapter } from '../../src/core/tests/frameworks/mocha';
import { nodeTestAdapter } from '../../src/core/tests/frameworks/nodeTest';
import { pytestAdapter } from '../../src/core/tests/frameworks/pytest';
import { vitestAdapter } from '../../src/core/tests/frameworks/vitest';
import { isFailing } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { printTable } from '../table';
import { median, ms } from '../timing';

const FIXTURES: readonly [string, FrameworkAdapter][] = [
  ['pytest-project', pytestAdapter],
  ['jest-project', jestAdapter],
  ['vitest-project', vitestAdapter],
  ['mocha-project', mochaAdapter],
  ['node-test-project', nodeTestAdapter],
];

/** Full suite vs only the failing tests, real runners on the fixture projects (median of 3 each). */
export async function printFocusedReruns(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const [name, adapter] of FIXTURES) {
    // A copy inside the repository tree, so hoisted node_modules still resolve.
    const cwd = mkdtempSync(join('test', 'fixtures', `bench-tmp-${name}-`));
    cpSync(join('test', 'fixtures', name), cwd, { recursive: true });
    try {
      const setup = { kind: 'framework' as const, adapter, detection: { framework: adapter.framework, evidence: 'bench', confidence: 1 } };
      const full = await runTests({ setup, cwd, timeoutMs: 120_000 });
      if (full.outcome !== 'completed') {
        rows.push([name, '—', '—', `${full.outcome}: ${full.problem ?? ''}`.slice(0, 60), '', '']);
        continue;
      }
      const failing = full.tests.filter(isFailing);
      const fullTimes: number[] = [];
      const focusedTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        fullTimes.push((await runTests({ setup, cwd, timeoutMs: 120_000 })).durationMs);
        focusedTimes.push((await runTests({ setup, cwd, timeoutMs: 120_000, focus: failing })).durationMs);
      }
      const f = median(fullTimes.sort((a, b) => a - b));
      const g = median(focusedTimes.sort((a, b) => a - b));
      rows.push([name, full.tests.length, failing.length, ms(f), ms(g), `${((1 - g / f) * 100).toFixed(0)}%`]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  printTable('Full suite vs focused re-run of the failing tests (real runners, median of 3, ms; process start included)', ['fixture', 'tests', 'failing', 'full ms', 'focused ms', 'saved'], rows, 'These fixtures are small, so process start dominates; the saving grows with the suite.');
}
