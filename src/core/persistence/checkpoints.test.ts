import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeWorkspace } from '../workspace/nodeWorkspace';
import { BlobStore } from './blobStore';
import { CheckpointLog, diffFromState, diffToState, planRestore, type Checkpoint } from './checkpoints';

const fresh = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const H = BlobStore.hash;

/**
 * a.txt: created by iteration 1's edits, edited by 2's, deleted by 3's. b.txt: edited by 2's only.
 * S(0) = S(1): a absent, b0 · S(2): v1, b0 · S(3): v2, b1 · S(4) and later: a absent, b1.
 */
async function buildLog(blobs = new BlobStore(fresh('loopgain-cp-blobs-'))): Promise<CheckpointLog> {
  const log = new CheckpointLog(blobs);
  await log.record(1, [{ path: 'a.txt', before: undefined, after: 'v1\n' }]);
  await log.record(2, [
    { path: 'a.txt', before: 'v1\n', after: 'v2\n' },
    { path: 'b.txt', before: 'b0\n', after: 'b1\n' },
  ]);
  await log.record(3, [{ path: 'a.txt', before: 'v2\n', after: undefined }]);
  return log;
}

/** A workspace in the state the loop left: S(4). */
async function workspaceAtEnd(): Promise<NodeWorkspace> {
  const ws = new NodeWorkspace(fresh('loopgain-cp-ws-'));
  await ws.writeText('b.txt', 'b1\n');
  await ws.writeText('other.txt', 'never touched\n');
  return ws;
}

const map = <V>(entries: [string, V][]): Map<string, V> => new Map(entries);

describe('CheckpointLog', () => {
  it('records null for absent files and blob hashes for content', async () => {
    const log = await buildLog();
    expect(log.all).toEqual<Checkpoint[]>([
      { iteration: 1, files: [{ path: 'a.txt', before: null, after: H('v1\n') }] },
      {
        iteration: 2,
        files: [
          { path: 'a.txt', before: H('v1\n'), after: H('v2\n') },
          { path: 'b.txt', before: H('b0\n'), after: H('b1\n') },
        ],
      },
      { iteration: 3, files: [{ path: 'a.txt', before: H('v2\n'), after: null }] },
    ]);
    expect(log.touchedPaths()).toEqual(['a.txt', 'b.txt']);
  });

  it('marks a restore transition with restoredTo', async () => {
    const log = await buildLog();
    const cp = await log.record(3, [{ path: 'b.txt', before: 'b1\n', after: 'b0\n' }], 0);
    expect(cp).toEqual({ iteration: 3, files: [{ path: 'b.txt', before: H('b1\n'), after: H('b0\n') }], restoredTo: 0 });
    expect(log.all.at(-1)).toBe(cp);
  });

  it('hashesAt gives every state, from the originals (k = 0) to beyond the last', async () => {
    const log = await buildLog();
    const original = map([
      ['a.txt', null],
      ['b.txt', H('b0\n')],
    ]);
    expect(log.hashesAt(0)).toEqual(original);
    expect(log.hashesAt(1)).toEqual(original);
    expect(log.hashesAt(2)).toEqual(map([['a.txt', H('v1\n')], ['b.txt', H('b0\n')]]));
    expect(log.hashesAt(3)).toEqual(map([['a.txt', H('v2\n')], ['b.txt', H('b1\n')]]));
    const end = map([
      ['a.txt', null],
      ['b.txt', H('b1\n')],
    ]);
    expect(log.hashesAt(4)).toEqual(end);
    expect(log.hashesAt(50)).toEqual(end);
    expect(log.hashesAt(Number.POSITIVE_INFINITY)).toEqual(end);
  });

  it('contentAt reads the states back, undefined for absent files', async () => {
    const log = await buildLog();
    expect(await log.contentAt(0)).toEqual(map([['a.txt', undefined], ['b.txt', 'b0\n']]));
    expect(await log.contentAt(1)).toEqual(map([['a.txt', undefined], ['b.txt', 'b0\n']]));
    expect(await log.contentAt(2)).toEqual(map([['a.txt', 'v1\n'], ['b.txt', 'b0\n']]));
    expect(await log.contentAt(3)).toEqual(map([['a.txt', 'v2\n'], ['b.txt', 'b1\n']]));
    expect(await log.contentAt(4)).toEqual(map([['a.txt', undefined], ['b.txt', 'b1\n']]));
    expect(await log.contentAt(9)).toEqual(map([['a.txt', undefined], ['b.txt', 'b1\n']]));
  });

  it('contentWritten is the last state the loop wrote, restores included', async () => {
    const log = await buildLog();
    expect(await log.contentWritten()).toEqual(map([['a.txt', undefined], ['b.txt', 'b1\n']]));
    await log.record(3, [{ path: 'a.txt', before: undefined, after: 'v1\n' }], 2);
    expect(await log.contentWritten()).toEqual(map([['a.txt', 'v1\n'], ['b.txt', 'b1\n']]));
  });

  it('works the same from checkpoints loaded as plain data', async () => {
    const blobs = new BlobStore(fresh('loopgain-cp-blobs-'));
    const built = await buildLog(blobs);
    const loaded = new CheckpointLog(blobs, JSON.parse(JSON.stringify(built.all)) as Checkpoint[]);
    for (const k of [0, 1, 2, 3, 4]) expect(await loaded.contentAt(k)).toEqual(await built.contentAt(k));
  });

  it('an empty log has no state', async () => {
    const log = new CheckpointLog(new BlobStore(fresh('loopgain-cp-empty-')));
    expect(log.touchedPaths()).toEqual([]);
    expect(await log.contentAt(0)).toEqual(new Map());
  });
});

describe('planRestore', () => {
  it('lists the changes to reach a state, only for files that differ', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    expect(await planRestore(log, 2, ws)).toEqual({
      changes: [
        { path: 'a.txt', current: undefined, target: 'v1\n' },
        { path: 'b.txt', current: 'b1\n', target: 'b0\n' },
      ],
      conflicts: [],
    });
    expect(await planRestore(log, 3, ws)).toEqual({ changes: [{ path: 'a.txt', current: undefined, target: 'v2\n' }], conflicts: [] });
    expect(await planRestore(log, 0, ws)).toEqual({ changes: [{ path: 'b.txt', current: 'b1\n', target: 'b0\n' }], conflicts: [] });
  });

  it('is a no-op when the workspace already is that state', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    expect(await planRestore(log, 4, ws)).toEqual({ changes: [], conflicts: [] });
    expect(await planRestore(log, 100, ws)).toEqual({ changes: [], conflicts: [] });
  });

  it('reports a conflict when a file differs from what the loop last wrote', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    await ws.writeText('b.txt', 'my own edit\n');
    await ws.writeText('a.txt', 'I recreated it\n');
    expect(await planRestore(log, 0, ws)).toEqual({
      changes: [
        { path: 'a.txt', current: 'I recreated it\n', target: undefined },
        { path: 'b.txt', current: 'my own edit\n', target: 'b0\n' },
      ],
      conflicts: ['a.txt', 'b.txt'],
    });
    // A file the user happened to put in the target state is neither a change nor a conflict.
    await ws.writeText('b.txt', 'b0\n');
    expect(await planRestore(log, 0, ws)).toEqual({ changes: [{ path: 'a.txt', current: 'I recreated it\n', target: undefined }], conflicts: ['a.txt'] });
  });

  it('never looks at files the loop did not touch', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    await planRestore(log, 0, ws);
    expect(readFileSync(join(ws.root, 'other.txt'), 'utf8')).toBe('never touched\n');
    expect(existsSync(join(ws.root, 'a.txt'))).toBe(false);
  });
});

describe('diffToState / diffFromState', () => {
  it('diffToState goes from the workspace to the state', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    const diff = await diffToState(log, 2, ws);
    expect(diff).toContain('--- a/a.txt\tworkspace\n+++ b/a.txt\titeration 2\n');
    expect(diff).toContain('--- a/b.txt\tworkspace\n+++ b/b.txt\titeration 2\n');
    expect(diff).toMatch(/^\+v1$/m);
    expect(diff).toMatch(/^-b1$/m);
    expect(diff).toMatch(/^\+b0$/m);
    expect(diff.indexOf('a/a.txt')).toBeLessThan(diff.indexOf('a/b.txt'));
    expect(await diffToState(log, 4, ws)).toBe('');
  });

  it('diffFromState goes from the state to the workspace', async () => {
    const log = await buildLog();
    const ws = await workspaceAtEnd();
    const fromStart = await diffFromState(log, 0, ws);
    expect(fromStart).toContain('--- a/b.txt\titeration 0\n+++ b/b.txt\tworkspace\n');
    expect(fromStart).toMatch(/^-b0$/m);
    expect(fromStart).toMatch(/^\+b1$/m);
    expect(fromStart).not.toContain('a.txt');
    const from3 = await diffFromState(log, 3, ws);
    expect(from3).toContain('--- a/a.txt\titeration 3\n+++ b/a.txt\tworkspace\n');
    expect(from3).toMatch(/^-v2$/m);
    expect(from3).not.toContain('b.txt');
    expect(await diffFromState(log, 4, ws)).toBe('');
  });
});
