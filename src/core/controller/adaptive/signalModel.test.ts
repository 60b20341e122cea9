import { describe, it, expect } from 'vitest';
import { DEFAULT_ADAPTIVE_SETTINGS as S } from './adaptiveClassifier';
import { signalModel } from './signalModel';
import { sustainedRegression } from './trajectoryShape';

describe('signalModel', () => {
  it('treats all-integer signals as counts and anything else as scores', () => {
    expect(signalModel([5, 3, 0], S).counts).toBe(true);
    expect(signalModel([5, 3.5, 0], S).counts).toBe(false);
  });

  describe('counts', () => {
    const m = signalModel([1], S);
    it('counts any drop as progress and never sees a falling trend', () => {
      expect(m.tolerance(100)).toBe(0);
      expect(m.fallingTrend([100, 10, 1])).toBe(false);
    });
    it('demands exact repeats for a cycle', () => {
      expect(m.cycling([5, 3, 5, 3], 1)).toBe(true);
      expect(m.cycling([5, 3, 5, 4], 1)).toBe(false);
    });
    it('calls a regression severe only when it is ≥ 2 tests and > 20% of the best', () => {
      expect(m.severeRegression([5, 6, 8], 0)).toEqual({ readings: 2, excess: 3 });
      expect(m.severeRegression([5, 6, 6], 0)).toBeUndefined(); // 1 test
      expect(m.severeRegression([50, 51, 53], 0)).toBeUndefined(); // 3 tests, 6% of 50
      expect(m.regressing([50, 51, 53], 0)).toEqual({ readings: 2, excess: 3 });
    });
  });

  describe('scores', () => {
    const m = signalModel([0.5], S);
    it('needs a new best to beat the old one by 2%', () => {
      expect(m.tolerance(0.5)).toBeCloseTo(0.01, 12);
    });
    it('needs a large swing for a cycle, not noise', () => {
      expect(m.cycling([1, 0.4, 1.05, 0.42], 1)).toBe(true);
      expect(m.cycling([0.5, 0.51, 0.49, 0.5], 2)).toBe(false);
    });
    it('sees a falling trend only when it is significant', () => {
      expect(m.fallingTrend([1, 0.95, 0.97, 0.9, 0.92, 0.85, 0.87, 0.8])).toBe(true);
      expect(m.fallingTrend([0.5, 0.51, 0.49, 0.5, 0.51, 0.49])).toBe(false);
    });
    it('requires a rise since the best to be statistically clear to count as a regression', () => {
      expect(m.regressing([0.5, 0.52, 0.55, 0.6, 0.66, 0.73], 0)).toBeDefined();
      // The readings since the best (0.5) rise steadily, but the whole log-trend is not rising.
      const noisy = [0.6, 0.7, 0.5, 0.52, 0.53];
      expect(sustainedRegression(noisy, 2, 0.5 * S.relativeTolerance)).toBeDefined();
      expect(m.regressing(noisy, 2)).toBeUndefined();
    });
  });
});
