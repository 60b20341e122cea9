import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../support/cliBuild';
import { startFakeLlmServer, type FakeLlmServer } from '../support/fakeLlmServer';
import {
  CALC,
  CALC_PATCHES as P,
  CALC_SRC,
  cleanUp,
  copyProject,
  expectNoKeyLeak,
  fix,
  openaiArgs,
  patched,
  readState,
  readTrace,
  resume,
  runDir,
  snapshot,
  step,
  waitFor,
  type CliRun,
  type RunJson,
} from './harness';

// Ctrl-C (SIGINT, sent to the CLI's own pid only) in the middle of a run: while the model is
// thinking, and while the tests run after an edit. The workspace must be consistent and the run
// resumable.

const ORIGINAL = snapshot(CALC);
const SOURCE = ORIGINAL[CALC_SRC] as string;
const RUN_TIMEOUT = 30_000;
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(() => buildCli());
afterAll(cleanUp);

/** The run id, once the CLI has created its run folder. */
function runIdOf(root: string): string | undefined {
  const runs = join(root, '.loopgain', 'runs');
  if (!existsSync(runs)) return undefined;
  return readdirSync(runs)[0];
}

const traceHas = (root: string, match: (line: Record<string, unknown>) => boolean): boolean => {
  const id = runIdOf(root);
  if (!id) return false;
  const path = join(runDir(root, id), 'trace.jsonl');
  if (!existsSync(path)) return false;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .some((l) => match(JSON.parse(l) as Record<string, unknown>));
};

/** Starts `fix`, waits for `ready`, sends SIGINT to that one process, and returns its result. */
async function interrupt(root: string, args: readonly string[], ready: () => boolean, env?: Record<string, string>): Promise<{ run: CliRun; result: RunJson; signalledAt: number }> {
  let child: ChildProcess | undefined;
  let signalledAt = 0;
  const running = fix(root, args, { env, onSpawn: (c) => (child = c) });
  try {
    await waitFor('the moment to interrupt', ready);
  } catch (error) {
    child?.kill('SIGKILL');
    await running.catch(() => undefined);
    throw error;
  }
  signalledAt = Date.now();
  child?.kill('SIGINT');
  const { run, result } = await running;
  return { run, result, signalledAt };
}

describe('SIGINT while the model is answering', () => {
  let server: FakeLlmServer;
  let root: string;
  let cancelled: { run: CliRun; result: RunJson; signalledAt: number };
  let stoppedAfterMs: number;
  let afterCancel: Record<string, string>;
  let resumed: { run: CliRun; result: RunJson };

  beforeAll(async () => {
    // The first answer never comes: the run is interrupted while it waits for it.
    server = await startFakeLlmServer([{ type: 'hang' }]);
    root = copyProject(CALC);
    cancelled = await interrupt(root, openaiArgs(server), () => server.requests.length >= 1);
    stoppedAfterMs = Date.now() - cancelled.signalledAt;
    afterCancel = snapshot(root);
    server.enqueue(step(P.fixAdd), step(P.fixMultiply), step(P.fixNegate));
    resumed = await resume(root, cancelled.result.runId);
  }, RUN_TIMEOUT);
  afterAll(() => server.close());

  it('stops promptly with CANCELLED, exit 1, resumable', () => {
    expect(cancelled.run.code).toBe(1);
    expect(cancelled.result.status).toBe('CANCELLED');
    expect(cancelled.result.reason).toContain('fixer call of iteration 0');
    expect(cancelled.result.resumable).toBe(true);
    expect(cancelled.run.stderr).toContain('stopping after the current step');
    expect(stoppedAfterMs).toBeLessThan(5_000);
  });

  it('applied no edit: the workspace is the original and no checkpoint was recorded', () => {
    expect(afterCancel).toEqual(ORIGINAL);
    const state = readState(root, cancelled.result.runId);
    // (The resume below added checkpoints since; the trace says what existed at the stop.)
    const trace = readTrace(root, cancelled.result.runId);
    const stop = trace.findIndex((e) => e.kind === 'run.stop');
    expect(trace.slice(0, stop).filter((e) => e.kind === 'checkpoint' || e.kind === 'edits.applied')).toEqual([]);
    expect(state.iterations[0]?.edits).toEqual([]);
  });

  it('resumes to SUCCESS, keeping the reading made before the interruption', () => {
    expect(resumed.run.code).toBe(0);
    expect(resumed.result.status).toBe('SUCCESS');
    expect(resumed.result.errorHistory).toEqual([3, 3, 2, 1, 0]);
    expect(snapshot(root)).toEqual({ ...ORIGINAL, [CALC_SRC]: patched(SOURCE, P.fixAdd, P.fixMultiply, P.fixNegate) });
    expectNoKeyLeak(root, [cancelled.run, resumed.run]);
  });
});

describe('SIGINT while the tests run, after an edit was applied', () => {
  let server: FakeLlmServer;
  let root: string;
  let cancelled: { run: CliRun; result: RunJson; signalledAt: number };
  let afterCancel: Record<string, string>;
  let stateAtCancel: ReturnType<typeof readState>;
  let resumed: { run: CliRun; result: RunJson };

  beforeAll(async () => {
    server = await startFakeLlmServer([step(P.fixAdd)]);
    root = copyProject(CALC);
    // Every load of the test file takes 1.5 s (see the fixture), so iteration 1's run is interruptible.
    cancelled = await interrupt(root, openaiArgs(server), () => traceHas(root, (e) => e.kind === 'iteration.start' && e.iteration === 1), { LOOPGAIN_E2E_SLOW_MS: '1500' });
    afterCancel = snapshot(root);
    stateAtCancel = readState(root, cancelled.result.runId);
    server.enqueue(step(P.fixMultiply), step(P.fixNegate));
    resumed = await resume(root, cancelled.result.runId);
  }, RUN_TIMEOUT);
  afterAll(() => server.close());

  it('stops with CANCELLED, exit 1, while the tests of iteration 1 ran', () => {
    expect(cancelled.run.code).toBe(1);
    expect(cancelled.result.status).toBe('CANCELLED');
    expect(cancelled.result.reason).toContain('tests of iteration 1');
    expect(cancelled.result.resumable).toBe(true);
  });

  it('the edit is fully applied and recorded in the checkpoints of state.json', () => {
    expect(afterCancel).toEqual({ ...ORIGINAL, [CALC_SRC]: patched(SOURCE, P.fixAdd) });
    expect(stateAtCancel.checkpoints).toHaveLength(1);
    expect(stateAtCancel.checkpoints[0]).toMatchObject({ iteration: 0, files: [{ path: CALC_SRC }] });
    // Snapshots are content-addressed: the checkpoint holds the SHA-256 of the bytes before and after.
    const { before, after } = stateAtCancel.checkpoints[0]?.files[0] ?? {};
    expect(before).toBe(sha256(SOURCE));
    expect(after).toBe(sha256(patched(SOURCE, P.fixAdd)));
    expect(readFileSync(join(runDir(root, cancelled.result.runId), 'blobs', String(after).slice(0, 2), String(after).slice(2)), 'utf8')).toBe(patched(SOURCE, P.fixAdd));
    expect(stateAtCancel.iterations.map((i) => i.iteration)).toEqual([0]);
    expect(stateAtCancel.iterations[0]?.edits).toHaveLength(1);
    expect(stateAtCancel.stop).toMatchObject({ status: 'CANCELLED' });
  });

  it('resumes from there to SUCCESS', () => {
    expect(resumed.run.code).toBe(0);
    expect(resumed.result.status).toBe('SUCCESS');
    expect(resumed.result.errorHistory).toEqual([3, 2, 1, 0]);
    expect(snapshot(root)).toEqual({ ...ORIGINAL, [CALC_SRC]: patched(SOURCE, P.fixAdd, P.fixMultiply, P.fixNegate) });
    expectNoKeyLeak(root, [cancelled.run, resumed.run]);
  });
});
