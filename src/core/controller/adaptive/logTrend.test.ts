import { describe, it, expect } from 'vitest';
import { logTrend } from './logTrend';

describe('logTrend', () => {
  it('is undecided (both p = 1) with fewer than three readings', () => {
    const t = logTrend([100, 10]);
    expect(t.slope).toBeCloseTo(-1, 12);
    expect(t.pFalling).toBe(1);
    expect(t.pRising).toBe(1);
  });

  it('is certain on an exact line in log10', () => {
    expect(logTrend([1000, 100, 10])).toEqual({ slope: expect.closeTo(-1, 12), pFalling: 0, pRising: 1 });
    expect(logTrend([1, 10, 100])).toEqual({ slope: expect.closeTo(1, 12), pFalling: 1, pRising: 0 });
    expect(logTrend([5, 5, 5])).toEqual({ slope: 0, pFalling: 1, pRising: 1 });
  });

  it('uses the exact Student t distribution (df = 2 closed form)', () => {
    // log10 = [1, 3, 2, 5]: slope 1.1, RSS 2.7, Sxx 5 → t = 1.1 / sqrt(0.27) = 2.11695
    // Student t, 2 df: F(t) = 1/2 + t / (2·sqrt(2 + t²)) = 0.915761
    const t = logTrend([10, 1000, 100, 1e5]);
    expect(t.slope).toBeCloseTo(1.1, 12);
    expect(t.pFalling).toBeCloseTo(0.9157609203, 8);
    expect(t.pRising).toBeCloseTo(0.0842390797, 8);
  });

  it('calls a noisy but steady fall significant', () => {
    const t = logTrend([1, 0.95, 0.97, 0.9, 0.92, 0.85, 0.87, 0.8, 0.82, 0.76]);
    expect(t.slope).toBeLessThan(0);
    expect(t.pFalling).toBeLessThan(0.001);
    expect(t.pRising).toBeGreaterThan(0.999);
  });
});
