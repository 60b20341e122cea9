import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable } from '../table';
import { median, ms, percentile } from '../timing';
import { scriptedRun } from './scriptedRun';

/**
 * The engine's own time per iteration: iteration wall time minus the test run and the fixer call,
 * read off the trace of a 20-iteration scripted run (100 source files, 2 edited per iteration).
 */
export async function printEngineOverhead(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-bench-overhead-'));
  try {
    mkdirSync(join(root, 'src'));
    const files = Array.from({ length: 100 }, (_, i) => `src/m${i}.js`);
    for (const f of files) writeFileSync(join(root, f), `// module\n${'export const x = 1;\n'.repeat(40)}`);
    const trajectory = Array.from({ length: 21 }, (_, i) => 21 - i); // never 0: the run ends on its iteration ceiling
    const { events } = await scriptedRun(root, trajectory, Array.from({ length: 50 }, (_, i) => [files[(2 * i) % 100] as string, files[(2 * i + 1) % 100] as string]), 20);
    const starts = events.filter((e) => e.kind === 'iteration.start');
    const overheads: number[] = [];
    for (let i = 0; i + 1 < starts.length; i++) {
      const from = (starts[i] as { seq: number; at: string }).seq;
      const to = (starts[i + 1] as { seq: number; at: string }).seq;
      const span = Date.parse((starts[i + 1] as { at: string }).at) - Date.parse((starts[i] as { at: string }).at);
      const inner = events.filter((e) => e.seq > from && e.seq < to);
      const tests = inner.reduce((n, e) => n + (e.kind === 'tests.run' ? e.durationMs : 0), 0);
      const fixer = inner.reduce((n, e) => n + (e.kind === 'fixer.call' ? e.durationMs : 0), 0);
      overheads.push(span - tests - fixer);
    }
    overheads.sort((a, b) => a - b);
    printTable(
      'Engine overhead per iteration (no fixer time, no test time): scripted 20-iteration run, 100-file workspace',
      ['iterations', 'median ms', 'p90 ms', 'max ms'],
      [[overheads.length, ms(median(overheads)), ms(percentile(overheads, 0.9)), ms(overheads.at(-1) ?? NaN)]],
      'Includes: measurement bookkeeping, identity diff, controller, validation, checkpoint blobs, atomic state save, trace append.',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
