import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreRun } from '../../src/core/engine/restoreRun';
import { RunStore } from '../../src/core/persistence/runStore';
import { NodeWorkspace } from '../../src/core/workspace/nodeWorkspace';
import { printTable } from '../table';
import { ms } from '../timing';
import { scriptedRun } from './scriptedRun';

/** Restore of the best iteration on a generated 10,000-file workspace, after a run that touched 50 files. */
export async function printRestoreLarge(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-bench-restore-'));
  try {
    const files: string[] = [];
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(root, 'src', `pkg${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) {
        const path = `src/pkg${d}/mod${f}.js`;
        writeFileSync(join(root, path), `// ${path}\n${`export function f${f}(x) { return x + ${f}; }\n`.repeat(20)}`);
        files.push(path);
      }
    }
    // Down to a best at iteration 5, then worse: the stop restores iteration 5.
    const trajectory = [10, 9, 8, 7, 6, 3, 5, 6, 7, 8, 9];
    const perIteration = Array.from({ length: 10 }, (_, i) => files.slice(i * 500, i * 500 + 5));
    const { result } = await scriptedRun(root, trajectory, perIteration, 11);
    const store = RunStore.forWorkspace(root);
    const workspace = new NodeWorkspace(root);
    const last = result.iterations - 1;
    const back = await restoreRun(store, result.runId, last, workspace); // undo the engine's own rollback first
    const t0 = performance.now();
    const outcome = await restoreRun(store, result.runId, 'best', workspace);
    const elapsed = performance.now() - t0;
    printTable(
      'Restore of the best iteration on a generated 10,000-file workspace',
      ['workspace files', 'files touched by the run', 'best iteration', 'files restored', 'restore ms'],
      [[files.length + 2, (await store.load(result.runId)).checkpoints.flatMap((c) => c.files.map((f) => f.path)).filter((p, i, a) => a.indexOf(p) === i).length, outcome.iteration, outcome.files.length, ms(elapsed)]],
      `Run stopped with ${result.status} after ${result.iterations} iterations (best ${result.bestIteration}); the timed restore went from iteration ${last} (${back.files.length} files re-applied) back to the best.`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
