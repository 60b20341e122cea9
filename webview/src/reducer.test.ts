import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type HostToWebview, type RunView } from '../../src/protocol';
import { bestIterationOf, reducer } from './reducer';
import { recorded } from './testSupport';
import { iterationView } from '../../test/support/iterationView';

const fold = (messages: readonly HostToWebview[], from: RunView | null = null): RunView | null => messages.reduce(reducer, from);
const run = (messages: readonly HostToWebview[]): RunView => {
  const view = fold(messages);
  if (!view) throw new Error('no view');
  return view;
};

const started = run(recorded.rollback.slice(0, 1));
const runId = started.runId;
const event = (e: Extract<HostToWebview, { type: 'didEvent' }>['event']): HostToWebview => ({ type: 'didEvent', runId, event: e });
const row = iterationView;

describe('reducer on the recorded runs', () => {
  it('builds the successful run from its snapshot and events', () => {
    const view = run(recorded.success);
    expect(view.iterations.map((i) => [i.iteration, i.error, i.state])).toEqual([
      [0, 4, 'INIT'],
      [1, 2, 'CONVERGING'],
      [2, 1, 'CONVERGING'],
      [3, 0, 'TARGET_MET'],
    ]);
    expect(view.status).toBe('SUCCESS');
    expect(view.stop?.recommendedAction).toBe('Review the diff and commit it.');
    expect(view.bestIteration).toBe(3);
    expect(view.controllerReason).toBe('error 0 ≤ target 0');
    expect(view.markers).toEqual([{ iteration: 3, kind: 'stop', label: 'SUCCESS' }]);
  });

  it('builds the rollback run: a stop, a resume, and a stop waiting for approval', () => {
    const view = run(recorded.rollback);
    expect(view.iterations.map((i) => i.error)).toEqual([4, 2, 1, 3, 4, 1]);
    expect(view.status).toBe('AWAITING_APPROVAL');
    expect(view.bestIteration).toBe(2);
    expect(view.pendingApproval?.reasons).toEqual(['test/loyalty.test.js is a test file: the loop should fix the code, not the tests']);
    expect(view.spend.usdAsOf).toBe('2025-06-01');
    expect(view.spend.tokens).toBe(14_540);
  });

  it('passes through CONVERGED_SHORT, then clears the stop when the run resumes', () => {
    const resumedAt = recorded.rollback.findIndex((m) => m.type === 'didEvent' && m.event.kind === 'status' && m.event.status === 'running' && m.event.controllerReason === '');
    expect(resumedAt).toBeGreaterThan(0);
    const before = run(recorded.rollback.slice(0, resumedAt));
    expect(before.status).toBe('CONVERGED_SHORT');
    expect(before.stop?.resumable).toBe(true);
    const after = run(recorded.rollback.slice(0, resumedAt + 1));
    expect(after.status).toBe('running');
    expect(after.stop).toBeUndefined();
  });

  it('shows the best diff while the run is worse than its best', () => {
    const upTo = recorded.rollback.findIndex((m) => m.type === 'didEvent' && m.event.kind === 'bestDiff' && m.event.files.length === 2);
    const view = run(recorded.rollback.slice(0, upTo + 1));
    expect(view.bestIteration).toBe(2);
    expect(view.bestDiff.map((f) => f.path).sort()).toEqual(['src/catalog.js', 'src/loyalty.js']);
  });
});

describe('reducer, message by message', () => {
  it('replaces the view with a snapshot, also with none', () => {
    expect(reducer(started, { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: null })).toBeNull();
    const other = { ...started, runId: 'other' };
    expect(reducer(started, { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: other })).toBe(other);
  });

  it('ignores events before any snapshot, and events of another run', () => {
    expect(reducer(null, event({ kind: 'iteration', iteration: row(0, 3) }))).toBeNull();
    expect(reducer(started, { type: 'didEvent', runId: 'another', event: { kind: 'iteration', iteration: row(0, 3) } })).toBe(started);
  });

  it('leaves the view alone for an iteration diff or a failure (the same object: no render)', () => {
    expect(reducer(started, { type: 'didIterationDiff', runId, iteration: 0, files: [] })).toBe(started);
    expect(reducer(started, { type: 'didFail', command: 'restore', message: 'no' })).toBe(started);
  });

  it('appends, replaces and inserts iterations in order, never mutating the old view', () => {
    const a = fold([event({ kind: 'iteration', iteration: row(0, 5) }), event({ kind: 'iteration', iteration: row(2, 3) })], started) as RunView;
    const b = reducer(a, event({ kind: 'iteration', iteration: row(1, 4) })) as RunView;
    const c = reducer(b, event({ kind: 'iteration', iteration: row(1, 4, { tokens: 99 }) })) as RunView;
    expect(b.iterations.map((i) => i.iteration)).toEqual([0, 1, 2]);
    expect(c.iterations.map((i) => i.tokens)).toEqual([0, 99, 0]);
    expect(a.iterations).toHaveLength(2);
    expect(c.iterations[0]).toBe(a.iterations[0]);
  });

  it('keeps a provisional best while running: lowest error, not suspect, first of equals', () => {
    const view = fold(
      [row(0, 5), row(1, 2, { suspect: 'tests disappeared' }), row(2, 3), row(3, 3), row(4, null)].map((i) => event({ kind: 'iteration', iteration: i })),
      started,
    ) as RunView;
    expect(view.bestIteration).toBe(2);
    expect(bestIterationOf([])).toBeUndefined();
  });

  it('takes the best from the stop once stopped, and from a best-diff update', () => {
    const stopped = reducer(started, event({ kind: 'stopped', stop: { status: 'NO_PROGRESS', reason: 'r', recommendedAction: 'a', resumable: true }, bestIteration: 7 })) as RunView;
    expect(stopped).toMatchObject({ status: 'NO_PROGRESS', bestIteration: 7 });
    expect((reducer(stopped, event({ kind: 'iteration', iteration: row(8, 0) })) as RunView).bestIteration).toBe(7);
    expect(reducer(stopped, event({ kind: 'bestDiff', bestIteration: 3, files: [{ path: 'a', diff: 'd' }] }))).toMatchObject({ bestIteration: 3, bestDiff: [{ path: 'a', diff: 'd' }] });
  });

  it('adds a marker once, however often it is sent', () => {
    const marker = event({ kind: 'marker', marker: { iteration: 2, kind: 'rollback', label: 'rolled back to #1' } });
    const once = reducer(started, marker) as RunView;
    expect(reducer(once, marker)).toBe(once);
    expect(once.markers).toHaveLength(1);
  });

  it('shows an approval until that request is resolved (not another one)', () => {
    const approval = { requestId: 'apr-1', iteration: 1, reasons: ['r'], files: [], expiresAt: '2026-01-01T00:00:00Z' };
    const asked = reducer(started, event({ kind: 'approvalRequested', approval })) as RunView;
    expect(asked.pendingApproval).toEqual(approval);
    expect(reducer(asked, event({ kind: 'approvalResolved', requestId: 'apr-2', decision: 'approved' }))).toBe(asked);
    expect((reducer(asked, event({ kind: 'approvalResolved', requestId: 'apr-1', decision: 'denied' })) as RunView).pendingApproval).toBeUndefined();
  });

  it('updates spend and status; a running status clears a stop', () => {
    const spend = { tokens: 10, tokenLimit: 100, wallMs: 5, wallClockMs: 1000 };
    expect((reducer(started, event({ kind: 'spend', spend })) as RunView).spend).toEqual(spend);
    const stopped = reducer(started, event({ kind: 'stopped', stop: { status: 'CANCELLED', reason: 'r', recommendedAction: 'a', resumable: true }, bestIteration: 0 })) as RunView;
    const resumed = reducer(stopped, event({ kind: 'status', status: 'running', controllerReason: 'again' })) as RunView;
    expect(resumed).toMatchObject({ status: 'running', controllerReason: 'again' });
    expect(resumed.stop).toBeUndefined();
  });
});
