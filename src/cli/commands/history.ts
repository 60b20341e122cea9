import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoopEvent } from '../../core/engine/events';
import { renderExplain } from '../../core/engine/explain';
import { RunStore } from '../../core/persistence/runStore';
import { UsageError } from '../usage';

/** Run history in a workspace: list, show, export, explain. Read-only. */
export function storeAt(cwd: string | undefined): RunStore {
  return RunStore.forWorkspace(resolve(cwd ?? process.cwd()));
}

export async function listRuns(store: RunStore): Promise<number> {
  const runs = await store.list();
  if (runs.length === 0) {
    process.stdout.write(`no runs in ${store.dir}\n`);
    return 0;
  }
  const rows = runs.map((r) => {
    if ('error' in r) return [r.id, 'UNREADABLE', '', '', '', r.error];
    const s = r.state;
    const best = s.stop ? String(s.iterations[s.stop.bestIteration]?.error ?? '') : '';
    return [s.id, s.stop?.status ?? 'RUNNING?', String(s.iterations.length), best, String(s.spent.inputTokens + s.spent.outputTokens), s.createdAt.slice(0, 19)];
  });
  const header = ['ID', 'STATUS', 'ITER', 'BEST E', 'TOKENS', 'CREATED'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
  return 0;
}

export async function showRun(store: RunStore, id: string): Promise<number> {
  const s = await loadOrUsage(store, id);
  process.stdout.write(`Run ${s.id}  status ${s.stop?.status ?? 'RUNNING?'}  fixer ${s.config.fixer}\n`);
  process.stdout.write(`${'ITER'.padEnd(5)}${'FAILING'.padStart(8)}  ${'STATE'.padEnd(15)}${'TOKENS'.padStart(8)}  EDITS\n`);
  for (const i of s.iterations) {
    const mark = s.stop?.bestIteration === i.iteration ? '  <- best' : '';
    process.stdout.write(`${String(i.iteration).padEnd(5)}${String(i.error).padStart(8)}  ${i.controllerState.padEnd(15)}${String(i.tokens).padStart(8)}  ${i.edits.join('; ')}${i.suspect ? ` [suspect: ${i.suspect}]` : ''}${mark}\n`);
  }
  if (s.stop) process.stdout.write(`stop: ${s.stop.status} — ${s.stop.reason}\n`);
  return 0;
}

export async function exportRun(store: RunStore, id: string): Promise<number> {
  const state = await loadOrUsage(store, id);
  process.stdout.write(`${JSON.stringify({ state, trace: readTrace(store, id) }, null, 1)}\n`);
  return 0;
}

export async function explainRun(store: RunStore, id: string): Promise<number> {
  const state = await loadOrUsage(store, id);
  process.stdout.write(renderExplain(state, readTrace(store, id)));
  return 0;
}

export function readTrace(store: RunStore, id: string): LoopEvent[] {
  const path = store.tracePath(id);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as LoopEvent];
      } catch {
        return []; // a torn last line after a crash
      }
    });
}

async function loadOrUsage(store: RunStore, id: string | undefined): ReturnType<RunStore['load']> {
  if (!id) throw new UsageError('which run? give its id (see `loopgain runs`)');
  try {
    return await store.load(id);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
