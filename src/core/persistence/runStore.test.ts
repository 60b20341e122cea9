import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../engine/config';
import { RUN_STATE_VERSION, type RunState } from '../engine/runState';
import { RunStore } from './runStore';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'loopgain-runs-'));

const makeState = (id: string): RunState => ({
  version: RUN_STATE_VERSION,
  id,
  createdAt: '2025-06-01T12:00:00.000Z',
  updatedAt: '2025-06-01T12:00:00.000Z',
  workspaceRoot: '/work/project',
  config: defaultRunConfig({ fixer: 'offline' }),
  spent: { inputTokens: 10, outputTokens: 5, usd: 0, activeMs: 1234 },
  iterations: [
    {
      iteration: 0,
      startedAt: '2025-06-01T12:00:00.000Z',
      error: 2,
      failing: ['t::a', 't::b'],
      collected: 7,
      scope: 'full',
      fixed: [],
      newlyBroken: [],
      controllerState: 'INIT',
      edits: ['calc.ts: fix — “unicode” ✓'],
      tokens: 15,
      durationMs: 10,
      stateFingerprint: 'f0',
    },
  ],
  checkpoints: [{ iteration: 0, files: [{ path: 'calc.ts', before: 'aa', after: null }] }],
  lastFullTests: [],
  currentTests: [],
  failedApproaches: [{ iteration: 0, change: 'c', effect: 'e' }],
  planInvalidStreak: 0,
});

const writeState = (store: RunStore, id: string, text: string): void => {
  mkdirSync(store.runDir(id), { recursive: true });
  writeFileSync(join(store.runDir(id), 'state.json'), text);
};

describe('RunStore.newRunId', () => {
  it('is the UTC time to the second plus a random suffix', () => {
    expect(RunStore.newRunId(new Date('2025-06-01T12:34:56.789Z'))).toMatch(/^20250601-123456-[0-9a-f]{4}$/);
    const ids = new Set(Array.from({ length: 20 }, () => RunStore.newRunId(new Date('2025-06-01T00:00:00Z'))));
    expect(ids.size).toBeGreaterThan(1);
  });

  it('sorts newest first in list()', async () => {
    const store = new RunStore(fresh());
    const ids = ['2025-06-02T09:00:00Z', '2024-12-31T23:59:59Z', '2025-06-02T10:00:00Z', '2025-06-01T00:00:00Z'].map((d) => RunStore.newRunId(new Date(d)));
    for (const id of ids) {
      await store.create(id);
      await store.save(makeState(id));
    }
    const listed = (await store.list()).map((r) => r.id.slice(0, 15));
    expect(listed).toEqual(['20250602-100000', '20250602-090000', '20250601-000000', '20241231-235959']);
  });
});

describe('RunStore save/load', () => {
  it('round-trips a state, saved atomically with no temporary file left', async () => {
    const store = new RunStore(fresh());
    const state = makeState('20250601-120000-abcd');
    await store.create(state.id);
    await store.save(state);
    expect(state.updatedAt).not.toBe('2025-06-01T12:00:00.000Z');
    expect(Date.parse(state.updatedAt)).not.toBeNaN();
    expect(await store.load(state.id)).toEqual(state);
    expect(readdirSync(store.runDir(state.id))).toEqual(['state.json']);
    // Saved again over the old one: still one file.
    state.planInvalidStreak = 1;
    await store.save(state);
    expect(readdirSync(store.runDir(state.id))).toEqual(['state.json']);
    expect((await store.load(state.id)).planInvalidStreak).toBe(1);
  });

  it('names the run and the folder when loading a missing run', async () => {
    const dir = fresh();
    await expect(new RunStore(dir).load('nope')).rejects.toThrow(`no run "nope" in ${dir}`);
  });

  it('refuses a state saved by an incompatible version', async () => {
    const store = new RunStore(fresh());
    writeState(store, 'old', JSON.stringify({ ...makeState('old'), version: 2 }));
    await expect(store.load('old')).rejects.toThrow('run "old" was saved by an incompatible version (state v2, this is v1)');
  });

  it('refuses a damaged state file', async () => {
    const store = new RunStore(fresh());
    writeState(store, 'broken', JSON.stringify({ version: RUN_STATE_VERSION, id: 'broken' }));
    await expect(store.load('broken')).rejects.toThrow('run "broken" has a damaged state file');
    writeState(store, 'noconfig', JSON.stringify({ ...makeState('noconfig'), config: undefined }));
    await expect(store.load('noconfig')).rejects.toThrow('run "noconfig" has a damaged state file');
  });

  // Regression test (bug found by these tests, since fixed): a state file that is not valid JSON (truncated, e.g. written by hand or by another tool)
  // surfaces JSON.parse's bare SyntaxError ("Unterminated string in JSON at position …"), which
  // names neither the run nor the file; only well-formed JSON of the wrong shape gets the
  // "has a damaged state file" message.
  it('names the run when the state file is not valid JSON', async () => {
    const store = new RunStore(fresh());
    writeState(store, 'cut', JSON.stringify(makeState('cut')).slice(0, 40));
    await expect(store.load('cut')).rejects.toThrow('run "cut" has a damaged state file');
  });

  // Regression test (bug found by these tests, since fixed): state.json is plain JSON.stringify, which writes Infinity as null. An iteration without a
  // verdict and no known tests has error = +Infinity (measureError); after save/load it is null,
  // and null compares as 0: bestIteration() then picks that no-verdict iteration as the best
  // (see restoreRun.test.ts), and a resume feeds null to the controller.
  it('keeps a no-verdict error (+Infinity) through save and load', async () => {
    const store = new RunStore(fresh());
    const state = makeState('inf');
    state.iterations = [{ ...(state.iterations[0] as RunState['iterations'][number]), error: Number.POSITIVE_INFINITY }];
    await store.save(state);
    expect((await store.load('inf')).iterations[0]?.error).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('RunStore.list', () => {
  it('lists unreadable runs with their error instead of hiding them', async () => {
    const store = new RunStore(fresh());
    const good = makeState('20250601-120000-aaaa');
    await store.create(good.id);
    await store.save(good);
    writeState(store, '20250602-120000-bbbb', JSON.stringify({ version: 1 }));
    mkdirSync(store.runDir('20250603-120000-cccc'), { recursive: true });
    const runs = await store.list();
    expect(runs).toEqual([
      { id: '20250603-120000-cccc', error: `no run "20250603-120000-cccc" in ${store.dir}` },
      { id: '20250602-120000-bbbb', error: 'run "20250602-120000-bbbb" has a damaged state file' },
      { id: good.id, state: good },
    ]);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await new RunStore(join(fresh(), 'missing')).list()).toEqual([]);
  });
});

describe('RunStore.create', () => {
  it('generates a .gitignore in .loopgain/ that ignores everything', async () => {
    const root = fresh();
    const store = RunStore.forWorkspace(root);
    expect(store.dir).toBe(join(root, '.loopgain', 'runs'));
    await store.create('r1');
    expect(existsSync(store.runDir('r1'))).toBe(true);
    expect(readFileSync(join(root, '.loopgain', '.gitignore'), 'utf8')).toBe('# Created by LoopGain: run history, not source.\n*\n');
    expect(existsSync(join(root, '.gitignore'))).toBe(false);
  });

  it('does not overwrite an existing .gitignore', async () => {
    const root = fresh();
    mkdirSync(join(root, '.loopgain'));
    writeFileSync(join(root, '.loopgain', '.gitignore'), 'runs/\n!keep\n');
    await RunStore.forWorkspace(root).create('r1');
    await RunStore.forWorkspace(root).create('r2');
    expect(readFileSync(join(root, '.loopgain', '.gitignore'), 'utf8')).toBe('runs/\n!keep\n');
  });

  it('writes no .gitignore for a store outside .loopgain/runs (the extension’s storage)', async () => {
    const root = fresh();
    const store = new RunStore(join(root, 'storage', 'runs'));
    await store.create('r1');
    expect(readdirSync(join(root, 'storage'))).toEqual(['runs']);
  });
});

describe('RunStore.runDir', () => {
  it('accepts run ids and rejects paths', () => {
    const store = new RunStore(fresh());
    expect(store.runDir('20250601-120000-abcd')).toBe(join(store.dir, '20250601-120000-abcd'));
    expect(store.tracePath('r.1_x')).toBe(join(store.dir, 'r.1_x', 'trace.jsonl'));
    for (const bad of ['../x', 'a/b', 'a\\b', '', 'a b', '/abs']) expect(() => store.runDir(bad), bad).toThrow(`"${bad}" is not a run id`);
  });

  it('load refuses a path-like id without reading outside the store', async () => {
    const root = fresh();
    const store = new RunStore(join(root, 'runs'));
    writeState(new RunStore(root), 'x', JSON.stringify(makeState('x')));
    await expect(store.load('../x')).rejects.toThrow('"../x"');
  });

  // Regression test (bug found by these tests, since fixed): the pattern /^[\w.-]+$/ accepts '..' (and '.'), so runDir('..') is the store's parent
  // folder: load('..') reads .loopgain/state.json, tracePath('..') is .loopgain/trace.jsonl.
  it('rejects ".." and "."', () => {
    const store = new RunStore(fresh());
    expect(() => store.runDir('..')).toThrow('is not a run id');
    expect(() => store.runDir('.')).toThrow('is not a run id');
  });
});
