import { describe, expect, it } from 'vitest';
import { bestIteration } from './finishRun';
import type { IterationRecord } from './runState';

const rec = (iteration: number, error: number, suspect?: string): IterationRecord => ({
  iteration,
  startedAt: '2025-06-01T00:00:00.000Z',
  error,
  failing: [],
  collected: 5,
  scope: 'full',
  fixed: [],
  newlyBroken: [],
  suspect,
  controllerState: 'CONVERGING',
  edits: [],
  tokens: 0,
  durationMs: 0,
  stateFingerprint: '',
});

const run = (...errors: (number | [number, string])[]): IterationRecord[] => errors.map((e, i) => (typeof e === 'number' ? rec(i, e) : rec(i, e[0], e[1])));

describe('bestIteration', () => {
  it('picks the lowest error', () => {
    expect(bestIteration(run(3, 1, 2))?.iteration).toBe(1);
    expect(bestIteration(run(5, 4, 3, 0))?.iteration).toBe(3);
    expect(bestIteration(run(2))?.iteration).toBe(0);
  });

  it('gives ties to the first', () => {
    expect(bestIteration(run(3, 1, 2, 1))?.iteration).toBe(1);
    expect(bestIteration(run(2, 2, 2))?.iteration).toBe(0);
  });

  it('never picks a suspect iteration, however low its error', () => {
    expect(bestIteration(run(3, [0, 'tests disappeared'], 1))?.iteration).toBe(2);
    expect(bestIteration(run(3, 2, [0, 'test file edited'], [1, 'skip marker added']))?.iteration).toBe(1);
  });

  it('falls back to iteration 0 when every later iteration is suspect', () => {
    expect(bestIteration(run(5, [0, 'a'], [1, 'b'], [2, 'c']))?.iteration).toBe(0);
  });

  it('prefers any measured error over no verdict (+Infinity)', () => {
    expect(bestIteration(run(Number.POSITIVE_INFINITY, 4, 6))?.iteration).toBe(1);
    expect(bestIteration(run(Number.POSITIVE_INFINITY))?.iteration).toBe(0);
  });

  it('has no best without a trustworthy iteration', () => {
    expect(bestIteration([])).toBeUndefined();
    expect(bestIteration(run([0, 'a'], [1, 'b']))).toBeUndefined();
  });

  it('returns the record itself', () => {
    const iterations = run(3, 1);
    expect(bestIteration(iterations)).toBe(iterations[1]);
  });
});
