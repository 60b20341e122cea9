import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApprovalRequest, type ApprovalDecision, type ApprovalRequest } from './approvalRequest';
import { callbackApprovalRunner, denyAllApprovalRunner, headlessApprovalRunner } from './approvalRunners';

const request: ApprovalRequest = createApprovalRequest({
  iteration: 1,
  reasons: [{ rule: 'test-file', path: 'a.test.ts', reason: 'a.test.ts is a test file' }],
  files: new Map([['a.test.ts', { before: 'x', after: 'y' }]]),
  failingIds: ['t1'],
  ttlMs: 60_000,
  now: new Date('2025-06-01T00:00:00Z'),
});

const never = (): Promise<boolean> => new Promise<boolean>(() => undefined);
const live = (): AbortSignal => new AbortController().signal;

afterEach(() => {
  vi.useRealTimers();
});

describe('callbackApprovalRunner', () => {
  it('approves on true, with the runner kind as the approver', async () => {
    expect(await callbackApprovalRunner(async () => true, 1000).decide(request, live())).toEqual({ kind: 'approved', by: 'callback' });
    const interactive = callbackApprovalRunner(async () => true, 1000, 'interactive');
    expect(interactive.kind).toBe('interactive');
    expect(await interactive.decide(request, live())).toEqual({ kind: 'approved', by: 'interactive' });
  });

  it('denies on false', async () => {
    expect(await callbackApprovalRunner(async () => false, 1000).decide(request, live())).toEqual({ kind: 'denied', by: 'callback', why: 'denied' });
  });

  it('passes an answer object through as it is', async () => {
    const denied: ApprovalDecision = { kind: 'denied', by: 'alice', why: 'touches the tests' };
    expect(await callbackApprovalRunner(async () => denied, 1000).decide(request, live())).toEqual(denied);
    expect(await callbackApprovalRunner(async () => ({ kind: 'approved', by: 'bob' }), 1000).decide(request, live())).toEqual({ kind: 'approved', by: 'bob' });
  });

  it('hands the callback the request itself', async () => {
    let seen: ApprovalRequest | undefined;
    await callbackApprovalRunner(async (r) => ((seen = r), true), 1000).decide(request, live());
    expect(seen).toBe(request);
  });

  it('denies a callback that rejects, with its message', async () => {
    const runner = callbackApprovalRunner(async () => {
      throw new Error('boom');
    }, 1000);
    expect(await runner.decide(request, live())).toEqual({ kind: 'denied', by: 'callback', why: 'the approver failed: boom' });
  });

  // Regression test (bug found by these tests, since fixed): a callback that throws synchronously (a plain function, not an `async` one) escapes: `ask(...)`
  // is called outside the try, so decide() rejects instead of denying, and its timer and abort
  // listener are left behind. The doc comment promises "a throw ... counts as deny".
  it('denies a callback that throws synchronously', async () => {
    const runner = callbackApprovalRunner((): Promise<boolean> => {
      throw new Error('sync boom');
    }, 1000);
    await expect(runner.decide(request, live())).resolves.toEqual({ kind: 'denied', by: 'callback', why: 'the approver failed: sync boom' });
  });

  // Regression test (bug found by these tests, since fixed): on timeout the runner aborts its inner controller before resolving the timeout promise;
  // the abort resolves the 'cancelled' promise first, so Promise.race answers
  // { why: 'cancelled' } and the "no answer within N s" decision is never seen.
  it('denies after the timeout with a "no answer within" reason (fake timers)', async () => {
    vi.useFakeTimers();
    const decision = callbackApprovalRunner(never, 300_000).decide(request, live());
    await vi.advanceTimersByTimeAsync(300_000);
    expect(await decision).toEqual({ kind: 'denied', by: 'callback', why: 'no answer within 300 s' });
  });

  it('does deny after the timeout, and not before it', async () => {
    vi.useFakeTimers();
    let settled: ApprovalDecision | undefined;
    const decision = callbackApprovalRunner(never, 300_000)
      .decide(request, live())
      .then((d) => (settled = d));
    await vi.advanceTimersByTimeAsync(299_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await decision;
    expect(settled?.kind).toBe('denied');
  });

  it('with a small real timeout, denies and aborts the signal the callback holds', async () => {
    let inner: AbortSignal | undefined;
    const runner = callbackApprovalRunner((_r, signal) => ((inner = signal), never()), 20);
    const decision = await runner.decide(request, live());
    expect(decision.kind).toBe('denied');
    expect(inner?.aborted).toBe(true);
  });

  it('aborts the callback’s signal once an answer is in, too', async () => {
    let inner: AbortSignal | undefined;
    await callbackApprovalRunner(async (_r, signal) => ((inner = signal), true), 1000).decide(request, live());
    expect(inner?.aborted).toBe(true);
  });

  it('denies as "cancelled" when the outer signal aborts while waiting', async () => {
    const outer = new AbortController();
    let inner: AbortSignal | undefined;
    const decision = callbackApprovalRunner((_r, signal) => ((inner = signal), never()), 60_000).decide(request, outer.signal);
    outer.abort();
    expect(await decision).toEqual({ kind: 'denied', by: 'callback', why: 'cancelled' });
    expect(inner?.aborted).toBe(true);
  });

  // Regression test (bug found by these tests, since fixed): an outer signal that is already aborted when decide() is called is ignored: an 'abort'
  // listener added after the fact never fires, so the callback is asked and its "yes" approves
  // an edit for a run that was already cancelled.
  it('denies as "cancelled" when the outer signal was aborted before the call', async () => {
    const outer = new AbortController();
    outer.abort();
    expect(await callbackApprovalRunner(async () => true, 60_000).decide(request, outer.signal)).toEqual({ kind: 'denied', by: 'callback', why: 'cancelled' });
  });
});

describe('headless and deny-all runners', () => {
  it('the headless runner leaves the decision pending', async () => {
    expect(headlessApprovalRunner.kind).toBe('headless');
    expect(await headlessApprovalRunner.decide(request, live())).toEqual({ kind: 'pending' });
  });

  it('the deny-all runner denies at once, by policy', async () => {
    expect(await denyAllApprovalRunner.decide(request, live())).toEqual({ kind: 'denied', by: 'policy', why: 'gated edits are denied in this mode (--approve deny)' });
  });
});
