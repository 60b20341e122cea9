import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointLog } from '../persistence/checkpoints';
import { RunStore } from '../persistence/runStore';
import { NodeWorkspace } from '../workspace/nodeWorkspace';
import { defaultRunConfig } from './config';
import type { LoopEvent } from './events';
import { restoreRun } from './restoreRun';
import { RUN_STATE_VERSION, type IterationRecord, type RunState } from './runState';

const ORIG = 'def f():\r\n    return "ü"\r\n';
const V1 = 'def f():\r\n    return "ü 1"  # 🎉\r\n';
const V2 = 'def f():\n    return 2\n';
const V3 = 'def f():\n    return 3\n';
const ID = '20250601-120000-abcd';

const rec = (iteration: number, error: number): IterationRecord => ({
  iteration,
  startedAt: '2025-06-01T12:00:00.000Z',
  error,
  failing: [],
  collected: 5,
  scope: 'full',
  fixed: [],
  newlyBroken: [],
  controllerState: 'CONVERGING',
  edits: [],
  tokens: 0,
  durationMs: 0,
  stateFingerprint: '',
});

/**
 * Iterations 0–3 with errors 3, 1, 2, 2. Edits after 0: calc orig → v1; after 1: calc v1 → v2,
 * old.py deleted, new.py created; after 2: calc v2 → v3. The workspace is left in S(3).
 */
async function setup(errors: readonly number[] = [3, 1, 2, 2], stop = true): Promise<{ store: RunStore; ws: NodeWorkspace; read: (p: string) => string | undefined }> {
  const store = new RunStore(join(mkdtempSync(join(tmpdir(), 'loopgain-restore-store-')), 'runs'));
  const ws = new NodeWorkspace(mkdtempSync(join(tmpdir(), 'loopgain-restore-ws-')));
  await store.create(ID);
  const log = new CheckpointLog(store.blobs(ID));
  await log.record(0, [{ path: 'src/calc.py', before: ORIG, after: V1 }]);
  await log.record(1, [
    { path: 'src/calc.py', before: V1, after: V2 },
    { path: 'src/old.py', before: 'old\n', after: undefined },
    { path: 'src/new.py', before: undefined, after: 'new\n' },
  ]);
  await log.record(2, [{ path: 'src/calc.py', before: V2, after: V3 }]);
  const state: RunState = {
    version: RUN_STATE_VERSION,
    id: ID,
    createdAt: '2025-06-01T12:00:00.000Z',
    updatedAt: '2025-06-01T12:00:00.000Z',
    workspaceRoot: ws.root,
    config: defaultRunConfig({ fixer: 'offline' }),
    spent: { inputTokens: 0, outputTokens: 0, usd: 0, activeMs: 0 },
    iterations: errors.map((e, i) => rec(i, e)),
    checkpoints: [...log.all],
    lastFullTests: [],
    currentTests: [],
    failedApproaches: [],
    planInvalidStreak: 0,
    stop: stop ? { status: 'CONVERGED_SHORT', reason: 'flat', at: '2025-06-01T12:10:00.000Z', bestIteration: 1, finalError: 2 } : undefined,
  };
  await store.save(state);
  await ws.writeText('src/calc.py', V3);
  await ws.writeText('src/new.py', 'new\n');
  const read = (p: string): string | undefined => (existsSync(join(ws.root, p)) ? readFileSync(join(ws.root, p), 'utf8') : undefined);
  return { store, ws, read };
}

const trace = (store: RunStore): LoopEvent[] =>
  readFileSync(store.tracePath(ID), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LoopEvent);

describe('restoreRun', () => {
  it("restores 'best': exact bytes back, a deleted file returns, a created file disappears", async () => {
    const { store, ws, read } = await setup();
    expect(await restoreRun(store, ID, 'best', ws)).toEqual({ iteration: 1, files: ['src/calc.py', 'src/new.py', 'src/old.py'] });
    expect(readFileSync(join(ws.root, 'src/calc.py'))).toEqual(Buffer.from(V1, 'utf8'));
    expect(read('src/old.py')).toBe('old\n');
    expect(read('src/new.py')).toBeUndefined();
  });

  it("without a stop record, 'best' is the lowest non-suspect error", async () => {
    const { store, ws, read } = await setup([3, 2, 1, 2], false);
    expect((await restoreRun(store, ID, 'best', ws)).iteration).toBe(2);
    expect(read('src/calc.py')).toBe(V2);
  });

  it('restores a numbered iteration, including the originals', async () => {
    const { store, ws, read } = await setup();
    expect(await restoreRun(store, ID, 2, ws)).toEqual({ iteration: 2, files: ['src/calc.py'] });
    expect(read('src/calc.py')).toBe(V2);
    expect(read('src/new.py')).toBe('new\n');
    expect(read('src/old.py')).toBeUndefined();
    expect((await restoreRun(store, ID, 0, ws)).files).toEqual(['src/calc.py', 'src/new.py', 'src/old.py']);
    expect(readFileSync(join(ws.root, 'src/calc.py'))).toEqual(Buffer.from(ORIG, 'utf8'));
  });

  it('changes nothing and records nothing when the workspace already is that state', async () => {
    const { store, ws } = await setup();
    expect(await restoreRun(store, ID, 3, ws)).toEqual({ iteration: 3, files: [] });
    expect((await store.load(ID)).checkpoints).toHaveLength(3);
    expect(existsSync(store.tracePath(ID))).toBe(false);
  });

  it('refuses over a file changed since the loop wrote it, and `force` overrides', async () => {
    const { store, ws, read } = await setup();
    await ws.writeText('src/calc.py', 'my own fix\n');
    expect(await restoreRun(store, ID, 0, ws)).toEqual({ iteration: 0, files: [], refusedBecause: ['src/calc.py'] });
    expect(read('src/calc.py')).toBe('my own fix\n');
    expect(read('src/new.py')).toBe('new\n');
    expect((await store.load(ID)).checkpoints).toHaveLength(3);
    expect((await restoreRun(store, ID, 0, ws, { force: true })).files).toEqual(['src/calc.py', 'src/new.py', 'src/old.py']);
    expect(read('src/calc.py')).toBe(ORIG);
  });

  it('is recorded as a checkpoint with restoredTo, so restoring the iteration before undoes it', async () => {
    const { store, ws, read } = await setup();
    await restoreRun(store, ID, 'best', ws);
    const saved = await store.load(ID);
    expect(saved.checkpoints).toHaveLength(4);
    expect(saved.checkpoints[3]).toMatchObject({ iteration: 3, restoredTo: 1 });
    expect(saved.checkpoints[3]?.files.map((f) => f.path)).toEqual(['src/calc.py', 'src/new.py', 'src/old.py']);
    expect(await restoreRun(store, ID, 3, ws)).toEqual({ iteration: 3, files: ['src/calc.py', 'src/new.py', 'src/old.py'] });
    expect(read('src/calc.py')).toBe(V3);
    expect(read('src/new.py')).toBe('new\n');
    expect(read('src/old.py')).toBeUndefined();
    expect((await store.load(ID)).checkpoints[4]).toMatchObject({ iteration: 3, restoredTo: 3 });
  });

  it('hands the changes to `apply` when given, instead of writing file by file', async () => {
    const { store, ws, read } = await setup();
    const seen: unknown[] = [];
    await restoreRun(store, ID, 2, ws, { apply: async (changes) => void seen.push(...changes) });
    expect(seen).toEqual([{ path: 'src/calc.py', current: V3, target: V2 }]);
    expect(read('src/calc.py')).toBe(V3);
  });

  it('gives a RangeError for an iteration the run does not have', async () => {
    const { store, ws } = await setup();
    await expect(restoreRun(store, ID, 7, ws)).rejects.toThrow(new RangeError(`run ${ID} has no iteration 7 (0–3)`));
    await expect(restoreRun(store, ID, -1, ws)).rejects.toThrow(RangeError);
  });

  it("appends a 'restore' event to the run's trace, continuing its numbering", async () => {
    const { store, ws } = await setup();
    writeFileSync(store.tracePath(ID), '{"seq":0}\n{"seq":1}\n');
    await restoreRun(store, ID, 'best', ws);
    const events = trace(store);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ kind: 'restore', runId: ID, seq: 2, iteration: 1, files: ['src/calc.py', 'src/new.py', 'src/old.py'], reason: 'restored on request (3 file(s))' });
  });

  // Regression test (bug found by these tests, since fixed): a no-verdict iteration (error +Infinity) is saved as `null` in state.json, and after
  // load bestIteration() compares null as 0, so a crashed run (no stop record) restores the
  // iteration whose tests did not even run as its "best".
  it("after save and load, 'best' is not an iteration without a verdict", async () => {
    const { store, ws, read } = await setup([Number.POSITIVE_INFINITY, 1, 2, 2], false);
    expect((await restoreRun(store, ID, 'best', ws)).iteration).toBe(1);
    expect(read('src/calc.py')).toBe(V1);
  });
});
