import { describe, it, expect } from 'vitest';
import { firstIndexOfMinimum, fitLine, LOG_FLOOR, log10Series, loopGainSlopePValue, trajectoryFeatures, type LinearFit } from './trajectoryFeatures';

/** A fit with the given slope, Σ(x − x̄)² and RSS, so that t = slope / sqrt(rss / (df · sxx)). */
const fit = (slope: number, sxx: number, rss: number): LinearFit => ({ slope, intercept: 0, sxx, rss });

describe('fitLine', () => {
  it('fits y = [1, 3, 2, 5] against x = 0..3 (hand-computed)', () => {
    // x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5 → slope 1.1, intercept 1.1;
    // fitted 1.1, 2.2, 3.3, 4.4 → residuals −0.1, 0.8, −1.3, 0.6 → RSS 2.7
    const f = fitLine([1, 3, 2, 5]);
    expect(f.sxx).toBeCloseTo(5, 12);
    expect(f.slope).toBeCloseTo(1.1, 12);
    expect(f.intercept).toBeCloseTo(1.1, 12);
    expect(f.rss).toBeCloseTo(2.7, 12);
  });

  it('recovers an exact line with zero residual', () => {
    const f = fitLine([7, 5, 3, 1]);
    expect(f.slope).toBeCloseTo(-2, 12);
    expect(f.intercept).toBeCloseTo(7, 12);
    expect(f.rss).toBeCloseTo(0, 12);
  });

  it('has slope 0 and Sxx 0 for a single point', () => {
    expect(fitLine([4])).toEqual({ slope: 0, intercept: 4, sxx: 0, rss: 0 });
  });

  it('fits a symmetric bump with slope 0 and all variation in the residual', () => {
    // y = [0, 1, 0]: ȳ = 1/3, residuals −1/3, 2/3, −1/3 → RSS 2/3
    const f = fitLine([0, 1, 0]);
    expect(f.slope).toBeCloseTo(0, 12);
    expect(f.intercept).toBeCloseTo(1 / 3, 12);
    expect(f.rss).toBeCloseTo(2 / 3, 12);
  });
});

describe('loopGainSlopePValue', () => {
  it('is 1 with fewer than 3 points or no spread in x', () => {
    expect(loopGainSlopePValue(fit(1, 0.5, 0.1), 2)).toBe(1);
    expect(loopGainSlopePValue(fit(1, 0, 0.1), 5)).toBe(1);
  });

  it('is 0 for a perfect non-flat fit and 1 for a perfect flat one (rss = 0)', () => {
    expect(loopGainSlopePValue(fit(-0.3, 2, 0), 3)).toBe(0);
    expect(loopGainSlopePValue(fit(0.3, 2, 0), 3)).toBe(0);
    expect(loopGainSlopePValue(fit(0, 2, 0), 3)).toBe(1);
  });

  it('uses the Cauchy distribution for df = 1: t = 1 → p = 0.5', () => {
    // n = 3, sxx = 2, rss = 2 → t = 1 / sqrt(2 / 2) = 1; 2·(0.5 − atan(1)/π) = 0.5
    expect(loopGainSlopePValue(fit(1, 2, 2), 3)).toBeCloseTo(0.5, 12);
    expect(loopGainSlopePValue(fit(-1, 2, 2), 3)).toBeCloseTo(0.5, 12);
    // t = √3 → atan = π/3 → p = 1/3
    expect(loopGainSlopePValue(fit(Math.sqrt(3), 2, 2), 3)).toBeCloseTo(1 / 3, 12);
  });

  it('uses the exact df = 2 formula 1 − |t|/sqrt(2 + t²): t = √2 → 1 − 1/√2', () => {
    // n = 4, sxx = 1, rss = 2 → t = slope / sqrt(2 / 2) = slope
    expect(loopGainSlopePValue(fit(Math.SQRT2, 1, 2), 4)).toBeCloseTo(1 - 1 / Math.SQRT2, 12);
    expect(loopGainSlopePValue(fit(-Math.SQRT2, 1, 2), 4)).toBeCloseTo(0.2928932188, 9);
  });

  it('gives 0.16848 for the hand-computed fit of [1, 3, 2, 5] (df = 2, t = 2.11695)', () => {
    expect(loopGainSlopePValue(fitLine([1, 3, 2, 5]), 4)).toBeCloseTo(0.1684781594, 8);
  });

  it('uses the normal approximation with erfc for df ≥ 3', () => {
    // n = 5 (df 3), sxx = 1, rss = 3 → t = 2; z = 2·(1 − 1/12) / sqrt(1 + 4/6) = 1.4200939; p = erfc(z/√2)
    expect(loopGainSlopePValue(fit(2, 1, 3), 5)).toBeCloseTo(0.1555803478, 8);
    // Large df: the approximation tends to the normal, t = 1.96 → p ≈ 0.05
    expect(loopGainSlopePValue(fit(1.96, 1, 998), 1000)).toBeCloseTo(0.05, 2);
  });

  it('falls as |t| grows', () => {
    const ps = [0.5, 1, 2, 4].map((slope) => loopGainSlopePValue(fit(slope, 1, 3), 5));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThan(ps[i - 1] as number);
  });
});

describe('log10Series', () => {
  it('takes log10 with zero floored at 1e-12', () => {
    expect(log10Series([100, 1, 0])).toEqual([2, 0, Math.log10(LOG_FLOOR)]);
    expect(Math.log10(LOG_FLOOR)).toBe(-12);
  });
});

describe('trajectoryFeatures', () => {
  it('computes the features of an exact geometric decay', () => {
    const f = trajectoryFeatures([100, 10, 1]);
    expect(f.eRatio).toBeCloseTo(0.01, 12);
    expect(f.slope).toBeCloseTo(-1, 12);
    expect(f.pValue).toBe(0);
    expect(f.oscillationStd).toBeCloseTo(0, 12);
  });

  it('measures oscillation as the population std of the log residuals', () => {
    // log10 = [0, 1, 0]: RSS 2/3 over n = 3 → std sqrt(2/9)
    const f = trajectoryFeatures([1, 10, 1]);
    expect(f.eRatio).toBe(1);
    expect(f.slope).toBeCloseTo(0, 12);
    expect(f.oscillationStd).toBeCloseTo(Math.sqrt(2 / 9), 12);
  });

  it('keeps a flat trajectory at p = 1', () => {
    const f = trajectoryFeatures([5, 5, 5, 5]);
    expect(f).toEqual({ eRatio: 1, slope: 0, pValue: 1, oscillationStd: 0 });
  });

  it('divides by the log floor, not by zero, when the first error is 0', () => {
    expect(trajectoryFeatures([0, 0]).eRatio).toBe(0);
    expect(trajectoryFeatures([0, 5]).eRatio).toBeCloseTo(5e12, 0);
  });
});

describe('firstIndexOfMinimum', () => {
  it('returns the first occurrence of the minimum on ties', () => {
    expect(firstIndexOfMinimum([3, 1, 2, 1])).toBe(1);
    expect(firstIndexOfMinimum([2, 2, 2])).toBe(0);
    expect(firstIndexOfMinimum([5, 4, 3, 0])).toBe(3);
  });

  it('is 0 for a single reading', () => {
    expect(firstIndexOfMinimum([9])).toBe(0);
  });

  it('never picks an infinite reading over a finite one', () => {
    expect(firstIndexOfMinimum([Infinity, 3, Infinity])).toBe(1);
    expect(firstIndexOfMinimum([Infinity, Infinity])).toBe(0);
  });
});
