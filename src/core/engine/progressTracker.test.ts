import { describe, expect, it } from 'vitest';
import { failedApproach, stallCheck } from './progressTracker';
import type { IterationRecord } from './runState';

interface Extra {
  readonly fixed?: readonly string[];
  readonly newlyBroken?: readonly string[];
  readonly edits?: readonly string[];
  readonly fingerprint?: string;
}

const rec = (iteration: number, error: number, extra: Extra = {}): IterationRecord => ({
  iteration,
  startedAt: '2025-06-01T00:00:00.000Z',
  error,
  failing: [],
  collected: 10,
  scope: 'full',
  fixed: extra.fixed ?? [],
  newlyBroken: extra.newlyBroken ?? [],
  controllerState: 'CONVERGING',
  edits: extra.edits ?? [],
  tokens: 0,
  durationMs: 0,
  stateFingerprint: extra.fingerprint ?? `state-${iteration}`,
});

const run = (errors: readonly number[]): IterationRecord[] => errors.map((e, i) => rec(i, e));

describe('stallCheck', () => {
  it('reports no stall for zero or one iteration', () => {
    expect(stallCheck([])).toEqual({ stalled: 0, why: 'moving' });
    expect(stallCheck(run([5]))).toEqual({ stalled: 0, why: 'moving' });
  });

  it('counts consecutive latest iterations whose count and statuses did not move', () => {
    expect(stallCheck(run([5, 5, 5, 5]))).toEqual({ stalled: 3, why: 'no test changed status in iteration 3' });
    expect(stallCheck(run([5, 4, 4, 4]))).toEqual({ stalled: 2, why: 'no test changed status in iteration 3' });
    expect(stallCheck(run([5, 5, 4]))).toEqual({ stalled: 0, why: 'moving' });
    // A rise is movement too (the controller judges its direction).
    expect(stallCheck(run([5, 5, 6]))).toEqual({ stalled: 0, why: 'moving' });
  });

  it('is reset by a status change even when the failure count is flat', () => {
    const iterations = [rec(0, 5), rec(1, 5), rec(2, 5, { fixed: ['a'], newlyBroken: ['b'] }), rec(3, 5)];
    expect(stallCheck(iterations)).toEqual({ stalled: 1, why: 'no test changed status in iteration 3' });
    expect(stallCheck([rec(0, 5), rec(1, 5), rec(2, 5, { newlyBroken: ['b'] })])).toEqual({ stalled: 0, why: 'moving' });
    expect(stallCheck([rec(0, 5), rec(1, 5), rec(2, 5, { fixed: ['a'] })])).toEqual({ stalled: 0, why: 'moving' });
  });

  it('detects a revisited state through the fingerprints, whatever the numbers say', () => {
    const iterations = run([5, 4, 5, 4]);
    expect(stallCheck(iterations, ['A', 'B', 'C', 'D'])).toEqual({ stalled: 0, why: 'moving' });
    // 3 is back in 1's state, 2 in 0's; 1 moved.
    expect(stallCheck(iterations, ['A', 'B', 'A', 'B'])).toEqual({ stalled: 2, why: 'iteration 3 is back in the state of iteration 1' });
    // Only the last one revisits.
    expect(stallCheck(iterations, ['A', 'B', 'C', 'A'])).toEqual({ stalled: 1, why: 'iteration 3 is back in the state of iteration 0' });
  });

  it('a revisit counts as stalled even with status changes', () => {
    const iterations = [rec(0, 5), rec(1, 4, { fixed: ['a'] }), rec(2, 5, { newlyBroken: ['a'] })];
    expect(stallCheck(iterations, ['A', 'B', 'A'])).toEqual({ stalled: 1, why: 'iteration 2 is back in the state of iteration 0' });
  });

  it('reads the records’ own fingerprints by default', () => {
    const iterations = [rec(0, 5, { fingerprint: 'X' }), rec(1, 4, { fingerprint: 'Y' }), rec(2, 3, { fingerprint: 'X' })];
    expect(stallCheck(iterations)).toEqual({ stalled: 1, why: 'iteration 2 is back in the state of iteration 0' });
  });

  it('keeps the reason of the latest stalled iteration', () => {
    // 3 is flat (no status change), 2 revisits 0.
    expect(stallCheck(run([5, 4, 5, 5]), ['A', 'B', 'A', 'C'])).toEqual({ stalled: 2, why: 'no test changed status in iteration 3' });
  });
});

describe('failedApproach', () => {
  const edits = ['calc.py: `<` → `<=` in clamp()', 'util.py: rename helper'];

  it('records edits that raised the error', () => {
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 5))).toEqual({
      iteration: 2,
      change: 'calc.py: `<` → `<=` in clamp(); util.py: rename helper',
      effect: 'failing tests 3 → 5',
    });
  });

  it('records edits that broke tests, even at a flat count', () => {
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 3, { newlyBroken: ['t1', 't2'], fixed: ['t3', 't4'] }))?.effect).toBe('broke t1, t2');
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 4, { newlyBroken: ['t1'] }))?.effect).toBe('failing tests 3 → 4; broke t1');
  });

  it('names at most five broken tests', () => {
    const broken = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'];
    expect(failedApproach(rec(0, 1, { edits }), rec(1, 1, { newlyBroken: broken }))?.effect).toBe('broke t1, t2, t3, t4, t5 and 2 more');
  });

  it('gives nothing when things did not get worse', () => {
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 2))).toBeUndefined();
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 3))).toBeUndefined();
    expect(failedApproach(rec(2, 3, { edits }), rec(3, 3, { fixed: ['t9'] }))).toBeUndefined();
  });

  it('gives nothing when the previous iteration applied no edits', () => {
    expect(failedApproach(rec(2, 3), rec(3, 5, { newlyBroken: ['t1'] }))).toBeUndefined();
  });
});
