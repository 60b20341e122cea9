import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalView, finalViewAfterRestoring, initialView, loadRecordedRun, PRICING_AS_OF, replayMessages, type RecordedRun } from '../../../test/support/monitorReplay';
import { reducer } from '../../../webview/src/reducer';
import type { LoopEvent, LoopEventBody } from '../../core/engine/events';
import type { IterationView, MonitorEvent, RunView } from '../../protocol';
import { MonitorStream, runViewFromState } from './viewModel';

const success = loadRecordedRun('bookshop-success');
const rollback = loadRecordedRun('bookshop-rollback-approval');

/** Everything the host sends for a run, through the webview's reducer. */
async function streamed(run: RecordedRun): Promise<RunView> {
  const view = (await replayMessages(run)).reduce<RunView | null>(reducer, null);
  if (!view) throw new Error('no view after the replay');
  return view;
}

/** The fields a snapshot and the stream must agree on exactly (durations are timed at two nearby points). */
const exact = ({ durationMs: _d, ...rest }: IterationView) => rest;

describe('runViewFromState on recorded runs', () => {
  it('maps a successful run: errors, verdicts, gains, files and the stop', async () => {
    const view = await finalView(success);
    expect(view.iterations.map((i) => i.error)).toEqual([4, 2, 1, 0]);
    expect(view.iterations.map((i) => i.state)).toEqual(['INIT', 'CONVERGING', 'CONVERGING', 'TARGET_MET']);
    expect(view.iterations[0]?.gain).toBeUndefined();
    expect(view.iterations.map((i) => i.gain)).toEqual([undefined, 0.5, 0.5, 0.25]);
    expect(view.iterations.map((i) => i.files)).toEqual([['src/catalog.js'], ['src/cart.js'], ['src/loyalty.js'], []]);
    expect(view.iterations.map((i) => i.scope)).toEqual(['full', 'focused', 'focused', 'full']);
    expect(view.iterations[1]?.fixed).toEqual(['test/catalog.test.js::search matches authors', 'test/catalog.test.js::search matches titles, ignoring case']);
    expect(view).toMatchObject({ runId: success.state.id, status: 'SUCCESS', controllerReason: 'error 0 ≤ target 0', maxIterations: 20, fixer: 'offline', bestIteration: 3 });
    expect(view.stop).toEqual({ status: 'SUCCESS', reason: 'error 0 ≤ target 0', recommendedAction: 'Review the diff and commit it.', resumable: false });
    expect(view.markers).toEqual([{ iteration: 3, kind: 'stop', label: 'SUCCESS' }]);
    expect(view.bestDiff).toEqual([]);
    expect(view.pendingApproval).toBeUndefined();
  });

  it('shows no USD for a run without a price, tokens and wall clock always', async () => {
    const view = await finalView(success);
    expect(view.spend).toEqual({ tokens: 0, tokenLimit: 500_000, wallMs: success.state.spent.activeMs, wallClockMs: 1_800_000 });
  });

  it('maps regressions, the rollback, the pending approval and the priced spend', async () => {
    const view = await finalView(rollback);
    expect(view.iterations.map((i) => i.error)).toEqual([4, 2, 1, 3, 4, 1]);
    expect(view.iterations.map((i) => i.newlyBroken.length)).toEqual([0, 0, 0, 2, 1, 0]);
    expect(view.markers).toEqual([
      { iteration: 3, kind: 'regression', label: '2 newly broken' },
      { iteration: 4, kind: 'regression', label: '1 newly broken' },
      { iteration: 4, kind: 'rollback', label: 'rolled back to #2' },
      { iteration: 5, kind: 'approval', label: 'approval requested' },
      { iteration: 5, kind: 'stop', label: 'AWAITING_APPROVAL' },
    ]);
    expect(view.status).toBe('AWAITING_APPROVAL');
    expect(view.stop?.resumable).toBe(true);
    expect(view.bestIteration).toBe(2);
    expect(view.pendingApproval).toMatchObject({
      iteration: 5,
      reasons: ['test/loyalty.test.js is a test file: the loop should fix the code, not the tests'],
      files: [{ path: 'test/loyalty.test.js' }],
    });
    expect(view.pendingApproval?.files[0]?.diff).toContain('+  assert.equal(redeem(1500, 400), -1100);');
    expect(view.spend.tokens).toBe(rollback.state.spent.inputTokens + rollback.state.spent.outputTokens);
    expect(view.spend.usd).toBeCloseTo(rollback.state.spent.usd, 10);
    expect(view.spend.usdAsOf).toBe(PRICING_AS_OF);
  });

  it('starts a run with no iterations, running, and no best', () => {
    const view = initialView(rollback);
    expect(view).toMatchObject({ status: 'running', iterations: [], markers: [], bestDiff: [] });
    expect(view.bestIteration).toBeUndefined();
    expect(view.stop).toBeUndefined();
  });

  it('turns a no-verdict reading (infinite error, null in JSON) into null', () => {
    const state = structuredClone(success.state);
    (state.iterations[2] as { error: number | null }).error = null;
    (state.iterations[1] as { error: number }).error = Number.POSITIVE_INFINITY;
    const view = runViewFromState(state, []);
    expect(view.iterations.map((i) => i.error)).toEqual([4, null, null, 0]);
  });
});

describe('MonitorStream on recorded traces', () => {
  for (const run of [success, rollback]) {
    it(`${run.name}: streaming the trace ends where a snapshot of the final state is`, async () => {
      const [live, snapshot] = await Promise.all([streamed(run), finalView(run)]);
      expect(live.iterations.map(exact)).toEqual(snapshot.iterations.map(exact));
      live.iterations.forEach((i, n) => expect(Math.abs(i.durationMs - (snapshot.iterations[n] as IterationView).durationMs)).toBeLessThan(50));
      expect(live.status).toBe(snapshot.status);
      expect(live.stop).toEqual(snapshot.stop);
      expect(live.bestIteration).toBe(snapshot.bestIteration);
      expect(live.pendingApproval).toEqual(snapshot.pendingApproval);
      expect(live.spend.tokens).toBe(snapshot.spend.tokens);
      expect(live.spend.usd).toBe(snapshot.spend.usd);
      expect(live.bestDiff).toEqual(snapshot.bestDiff);
      for (const m of snapshot.markers) expect(live.markers).toContainEqual(m);
    });
  }

  it('emits the markers of the whole rollback run in order', async () => {
    const live = await streamed(rollback);
    expect(live.markers).toEqual([
      { iteration: 3, kind: 'regression', label: '2 newly broken' },
      { iteration: 4, kind: 'regression', label: '1 newly broken' },
      { iteration: 4, kind: 'rollback', label: 'rolled back to #2' },
      { iteration: 4, kind: 'stop', label: 'CONVERGED_SHORT' },
      { iteration: 5, kind: 'approval', label: 'approval requested' },
      { iteration: 5, kind: 'stop', label: 'AWAITING_APPROVAL' },
    ]);
  });

  it('sends the best diff while the run is worse than its best, and none once rolled back', async () => {
    const messages = await replayMessages(rollback);
    const bestDiffs = messages.flatMap((m) => (m.type === 'didEvent' && m.event.kind === 'bestDiff' ? [m.event] : []));
    const worst = bestDiffs.find((e) => e.files.length === 2);
    expect(worst?.bestIteration).toBe(2);
    expect(worst?.files.map((f) => f.path).sort()).toEqual(['src/catalog.js', 'src/loyalty.js']);
    expect(bestDiffs.at(-1)?.files).toEqual([]);
  });
});

describe('MonitorStream event by event', () => {
  const base = { v: 1, runId: 'r1', seq: 0, at: '2026-01-01T00:00:00.000Z' };
  const ev = (body: LoopEventBody, at = base.at): LoopEvent => ({ ...base, at, ...body }) as LoopEvent;
  const limits = success.state.config.limits;
  const started = (): MonitorStream => {
    const s = new MonitorStream({ pricingAsOf: PRICING_AS_OF });
    s.monitorEventsFrom(ev({ kind: 'run.start', limits, fixer: 'f', testCommand: 't', framework: 'node-test', warnings: [] }));
    s.monitorEventsFrom(ev({ kind: 'tests.run', iteration: 0, scope: 'full', outcome: 'completed', collected: 3, failing: 2, durationMs: 5 }));
    return s;
  };
  const signal = (iteration: number, error: number, newlyBroken: string[] = []): LoopEvent =>
    ev({ kind: 'signal', iteration, error, fixed: [], newlyBroken, disappeared: [], newlySkipped: [], regression: newlyBroken.length > 0 });

  it('emits the iteration at its signal, and again as the verdict, the fixer and the edits arrive', () => {
    const s = started();
    const rows: MonitorEvent[] = [];
    rows.push(...s.monitorEventsFrom(signal(0, 2)));
    rows.push(...s.monitorEventsFrom(ev({ kind: 'controller', iteration: 0, state: 'INIT', terminal: false, reason: 'first reading' })));
    rows.push(...s.monitorEventsFrom(ev({ kind: 'fixer.call', iteration: 0, attempt: 1, usage: { inputTokens: 100, outputTokens: 20 }, durationMs: 900 })));
    expect(s.monitorEventsFrom(ev({ kind: 'edits.validated', iteration: 0, attempt: 1, edits: ['replace line 3 of a.js'] }))).toEqual([]);
    rows.push(...s.monitorEventsFrom(ev({ kind: 'edits.applied', iteration: 0, files: ['a.js'] })));
    const iterations = rows.flatMap((r) => (r.kind === 'iteration' ? [r.iteration] : []));
    expect(iterations).toHaveLength(4);
    expect(iterations.at(-1)).toEqual({ iteration: 0, error: 2, state: 'INIT', scope: 'full', fixed: [], newlyBroken: [], files: ['a.js'], edits: ['replace line 3 of a.js'], tokens: 120, durationMs: 900 });
    expect(rows).toContainEqual({ kind: 'status', status: 'running', controllerReason: 'first reading' });
    expect(iterations[0]).toMatchObject({ tokens: 0, files: [] });
  });

  it('marks a regression, maps the budget to spend, and ignores events for another iteration', () => {
    const s = started();
    expect(s.monitorEventsFrom(signal(0, 3, ['t1', 't2']))).toContainEqual({ kind: 'marker', marker: { iteration: 0, kind: 'regression', label: '2 newly broken' } });
    expect(s.monitorEventsFrom(ev({ kind: 'fixer.call', iteration: 7, attempt: 1, usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 }))).toEqual([]);
    expect(s.monitorEventsFrom(ev({ kind: 'budget', spent: { inputTokens: 1000, outputTokens: 200, usd: 0.0123, activeMs: 4000 } }))).toEqual([
      { kind: 'spend', spend: { tokens: 1200, tokenLimit: limits.tokenLimit, usd: 0.0123, usdAsOf: PRICING_AS_OF, wallMs: 4000, wallClockMs: limits.wallClockMs } },
    ]);
  });

  it('resolves approvals (not a pending one) and rolls back at the current iteration', () => {
    const s = started();
    s.monitorEventsFrom(signal(0, 3));
    const request = { id: 'apr-1', iteration: 0, createdAt: base.at, expiresAt: '2026-01-01T01:00:00.000Z', reasons: [{ rule: 'test-file' as const, path: 't.js', reason: 't.js is a test file' }], files: [{ path: 't.js', diff: '+x' }], fingerprint: 'f' };
    expect(s.monitorEventsFrom(ev({ kind: 'approval.requested', iteration: 0, request }))).toEqual([
      { kind: 'approvalRequested', approval: { requestId: 'apr-1', iteration: 0, reasons: ['t.js is a test file'], files: [{ path: 't.js', diff: '+x' }], expiresAt: request.expiresAt } },
      { kind: 'marker', marker: { iteration: 0, kind: 'approval', label: 'approval requested' } },
    ]);
    expect(s.monitorEventsFrom(ev({ kind: 'approval.decided', iteration: 0, requestId: 'apr-1', decision: 'pending' }))).toEqual([]);
    expect(s.monitorEventsFrom(ev({ kind: 'approval.decided', iteration: 0, requestId: 'apr-1', decision: 'denied', by: 'me', why: 'no' }))).toEqual([
      { kind: 'approvalResolved', requestId: 'apr-1', decision: 'denied' },
      { kind: 'marker', marker: { iteration: 0, kind: 'approval', label: 'approval denied' } },
    ]);
    s.monitorEventsFrom(signal(1, 5));
    expect(s.monitorEventsFrom(ev({ kind: 'restore', iteration: 0, files: ['a.js'], reason: 'r' }))).toEqual([{ kind: 'marker', marker: { iteration: 1, kind: 'rollback', label: 'rolled back to #0' } }]);
  });

  it('maps the stop to a stop marker, the last spend, the stop itself and the status', () => {
    const s = started();
    s.monitorEventsFrom(signal(0, 1));
    s.monitorEventsFrom(ev({ kind: 'controller', iteration: 0, state: 'INIT', terminal: false, reason: 'first reading' }));
    s.monitorEventsFrom(ev({ kind: 'budget', spent: { inputTokens: 10, outputTokens: 5, usd: 0, activeMs: 1000 } }, '2026-01-01T00:00:01.000Z'));
    const out = s.monitorEventsFrom(ev({ kind: 'run.stop', status: 'NO_PROGRESS', outcome: 'stalled', reason: 'stuck', resumable: true, recommendedAction: 'x', bestIteration: 0, finalError: 1 }, '2026-01-01T00:00:03.500Z'));
    expect(out.map((e) => e.kind)).toEqual(['marker', 'spend', 'stopped', 'status']);
    expect(out[0]).toEqual({ kind: 'marker', marker: { iteration: 0, kind: 'stop', label: 'NO_PROGRESS' } });
    expect(out[1]).toMatchObject({ spend: { wallMs: 3500 } });
    expect(out[2]).toMatchObject({ kind: 'stopped', bestIteration: 0, stop: { status: 'NO_PROGRESS', reason: 'stuck', resumable: true } });
    expect((out[2] as Extract<MonitorEvent, { kind: 'stopped' }>).stop.recommendedAction).toMatch(/^Change the goal/);
    expect(out[3]).toEqual({ kind: 'status', status: 'NO_PROGRESS', controllerReason: 'first reading' });
  });

  it('continues a run it was handed mid-way: the seeded iteration gets its edits', () => {
    const state = structuredClone(success.state);
    state.iterations = state.iterations.slice(0, 2);
    state.stop = undefined;
    const s = new MonitorStream({ state });
    const out = s.monitorEventsFrom(ev({ kind: 'edits.applied', iteration: 1, files: ['src/other.js'] }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'iteration', iteration: { iteration: 1, error: 2, files: ['src/other.js'] } });
    expect(s.push(ev({ kind: 'budget', spent: { inputTokens: 1, outputTokens: 1, usd: 0, activeMs: 1 } }))).toHaveLength(1);
  });
});

describe('the recorded message streams the webview tests read', () => {
  // The webview's tests cannot import the host side, so they read these JSON files; here they are
  // held to what the view model makes of the recorded runs (LOOPGAIN_UPDATE_FIXTURES=1 rewrites them).
  const golden = (run: RecordedRun, file: string, value: unknown): void => {
    const path = join(run.dir, file);
    if (process.env.LOOPGAIN_UPDATE_FIXTURES) writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(value)));
  };

  it('bookshop-success: messages.json', async () => golden(success, 'messages.json', await replayMessages(success)));
  it('bookshop-rollback-approval: messages.json', async () => golden(rollback, 'messages.json', await replayMessages(rollback)));
  it('bookshop-rollback-approval: the snapshot after restoring iteration 4 by hand', async () => golden(rollback, 'view-after-restoring-4.json', await finalViewAfterRestoring(rollback, 4)));
});
