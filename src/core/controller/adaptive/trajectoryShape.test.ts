import { describe, it, expect } from 'vitest';
import { periodTwoCycle, sustainedRegression } from './trajectoryShape';

describe('sustainedRegression', () => {
  it('needs at least two readings after the best', () => {
    expect(sustainedRegression([5], 0, 0)).toBeUndefined();
    expect(sustainedRegression([5, 9], 0, 0)).toBeUndefined();
  });

  it('reports readings since the best and the excess of the latest', () => {
    expect(sustainedRegression([5, 6, 8], 0, 0)).toEqual({ readings: 2, excess: 3 });
    expect(sustainedRegression([9, 3, 4, 5, 5], 1, 0)).toEqual({ readings: 3, excess: 2 });
  });

  it('accepts a level stretch as long as the latest is the worst', () => {
    expect(sustainedRegression([5, 6, 6], 0, 0)).toEqual({ readings: 2, excess: 1 });
  });

  it('is not a regression when a reading since the best recovers', () => {
    expect(sustainedRegression([5, 8, 6], 0, 0)).toBeUndefined();
    expect(sustainedRegression([5, 6, 8, 7, 9], 0, 0)).toBeUndefined();
  });

  it('requires every reading to be worse than the best by more than the tolerance', () => {
    expect(sustainedRegression([5, 5, 6], 0, 0)).toBeUndefined();
    expect(sustainedRegression([5, 5.4, 6], 0, 0.5)).toBeUndefined();
    expect(sustainedRegression([5, 5.6, 6], 0, 0.5)).toEqual({ readings: 2, excess: 1 });
  });

  it('tolerates small dips but still requires the latest to be the worst', () => {
    // 7.9 dips below 8 by less than the tolerance, but is not the worst reading
    expect(sustainedRegression([5, 8, 7.9], 0, 0.5)).toBeUndefined();
    expect(sustainedRegression([5, 8, 7.9, 8.2], 0, 0.5)).toEqual({ readings: 3, excess: expect.closeTo(3.2, 12) });
  });

  it('looks only after the best, so readings before it do not matter', () => {
    expect(sustainedRegression([1, 50, 2, 3], 0, 0)).toBeUndefined();
    expect(sustainedRegression([50, 1, 2, 3], 1, 0)).toEqual({ readings: 2, excess: 2 });
  });
});

describe('periodTwoCycle', () => {
  const exact = (errors: number[]) => periodTwoCycle(errors, () => 0, () => 0);

  it('needs four readings', () => {
    expect(exact([5, 3, 5])).toBe(false);
  });

  it('detects an exact a, b, a, b in the last four readings', () => {
    expect(exact([5, 3, 5, 3])).toBe(true);
    expect(exact([3, 5, 3, 5])).toBe(true);
    expect(exact([20, 9, 5, 3, 5, 3])).toBe(true);
  });

  it('ignores a constant series (no swing) and inexact repeats', () => {
    expect(exact([5, 5, 5, 5])).toBe(false);
    expect(exact([5, 3, 5, 4])).toBe(false);
    expect(exact([5, 3, 5, 3, 4])).toBe(false);
  });

  it('allows repeats within sameWithin(level) and demands a swing above swingAbove(level)', () => {
    const scores = (errors: number[]) => periodTwoCycle(errors, (l) => l * 0.125, (l) => l * 0.5);
    expect(scores([1, 0.4, 1.05, 0.42])).toBe(true);
    // second phase drifts by 0.2 > 0.125
    expect(scores([1, 0.4, 1.05, 0.6])).toBe(false);
    // swing 0.3 is not above half the level
    expect(scores([1, 0.7, 1, 0.7])).toBe(false);
  });
});
