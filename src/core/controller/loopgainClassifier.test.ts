import { describe, it, expect } from 'vitest';
import { classifyTrajectory, createLoopGainClassifier } from './loopgainClassifier';
import { DEFAULT_TRAJECTORY_THRESHOLDS as T, type Verdict } from './types';

const classify = (errors: number[]) => classifyTrajectory(errors, T);

/** Feeds each prefix of `errors` to one live classifier, as the controller does. */
function live(errors: number[], thresholds = T): Verdict[] {
  const c = createLoopGainClassifier(thresholds);
  return errors.map((_, i) => c.next({ errors: errors.slice(0, i + 1), smoothedGain: undefined, targetError: 0 }));
}

describe('classifyTrajectory', () => {
  it('is INIT with a single reading', () => {
    expect(classify([5]).state).toBe('INIT');
  });

  describe('two readings (E ratio only)', () => {
    it('FAST_CONVERGE at ratio ≤ 0.1 (inclusive)', () => {
      expect(classify([10, 1]).state).toBe('FAST_CONVERGE');
      expect(classify([10, 0]).state).toBe('FAST_CONVERGE');
    });
    it('CONVERGING below ratio 1', () => {
      expect(classify([10, 5]).state).toBe('CONVERGING');
      expect(classify([10, 9.99]).state).toBe('CONVERGING');
    });
    it('DIVERGING above ratio 1.1 (exclusive)', () => {
      expect(classify([10, 12]).state).toBe('DIVERGING');
      expect(classify([10, 11]).state).toBe('STALLING');
    });
    it('STALLING within [1, 1.1]', () => {
      const c = classify([10, 10]);
      expect(c.state).toBe('STALLING');
      expect(c.reason).toContain('E ratio 1');
    });
  });

  describe('three or more readings (four features)', () => {
    it('FAST_CONVERGE when the ratio is ≤ 0.1 and the minimum is recent', () => {
      const c = classify([100, 10, 5]);
      expect(c.state).toBe('FAST_CONVERGE');
      expect(c.reason).toContain('new minimum 0 ago');
    });

    it('not FAST_CONVERGE once the minimum is 3 readings old', () => {
      // ratio 0.05 but the minimum (index 1) is 3 readings back
      expect(classify([100, 1, 5, 5, 5]).state).not.toBe('FAST_CONVERGE');
    });

    it('CONVERGING via a significant falling slope with a modest ratio', () => {
      // ratio 0.6 > 0.5, but p ≈ 0.026 < 0.05
      const c = classify([10, 9, 8, 7, 6]);
      expect(c.state).toBe('CONVERGING');
      expect(c.reason).toMatch(/p=0\.02/);
    });

    it('CONVERGING via the ratio ≤ 0.5 without a significant slope', () => {
      // slope −0.199/iter but p ≈ 0.27; ratio 0.4
      const c = classify([10, 9, 4]);
      expect(c.state).toBe('CONVERGING');
      expect(c.reason).toContain('E ratio 0.400');
    });

    it('DIVERGING on a significant rise with ratio > 1.1', () => {
      // ratio 2.4, slope +0.094/iter, p ≈ 0.027
      const c = classify([5, 6, 8, 9, 12]);
      expect(c.state).toBe('DIVERGING');
      expect(c.reason).toContain('> 1.1');
    });

    it('not DIVERGING on a rise that is not significant', () => {
      expect(classify([10, 9, 10, 14]).state).toBe('STALLING');
    });

    it('OSCILLATING when the log residuals are wide around a flat trend', () => {
      // log10 = [1, 0, 0, 1]: slope 0, residual std 0.5 ≥ 0.3
      const c = classify([10, 1, 1, 10]);
      expect(c.state).toBe('OSCILLATING');
      expect(c.reason).toContain('residual std 0.500');
    });

    it('STALLING on a flat trajectory (no significant trend)', () => {
      const c = classify([10, 10, 10]);
      expect(c.state).toBe('STALLING');
      expect(c.reason).toContain('no significant trend');
    });

    it('STALLING when the minimum is too old, even with a falling slope', () => {
      const c = classify([10, 5, 6, 6, 6]);
      expect(c.state).toBe('STALLING');
      expect(c.reason).toBe('no new minimum for 3 iterations');
    });

    it('honours custom thresholds', () => {
      expect(classifyTrajectory([10, 5], { ...T, fastRatio: 0.5 }).state).toBe('FAST_CONVERGE');
      expect(classifyTrajectory([10, 11.5], { ...T, divergingRatio: 1.2 }).state).toBe('STALLING');
    });
  });
});

describe('createLoopGainClassifier (live, with stall counter)', () => {
  it('gives the first reading the FAST_CONVERGE placeholder', () => {
    const [first] = live([42]);
    expect(first).toMatchObject({ state: 'FAST_CONVERGE', terminal: false });
  });

  it('makes STALLING terminal on the 2nd consecutive STALLING reading', () => {
    const v = live([10, 10, 10]);
    expect(v.map((x) => x.state)).toEqual(['FAST_CONVERGE', 'STALLING', 'STALLING']);
    expect(v.map((x) => x.terminal)).toEqual([false, false, true]);
    expect(v[1]?.reason).toContain('(stall reading 1/2)');
    expect(v[2]?.reason).toContain('(stall reading 2/2)');
  });

  it('resets the stall counter on a non-stalling reading', () => {
    // STALLING, CONVERGING (reset), STALLING (1/2, goes on), STALLING (2/2, stops)
    const v = live([10, 10, 5, 6, 6]);
    expect(v.map((x) => x.state)).toEqual(['FAST_CONVERGE', 'STALLING', 'CONVERGING', 'STALLING', 'STALLING']);
    expect(v.map((x) => x.terminal)).toEqual([false, false, false, false, true]);
    expect(v[3]?.reason).toContain('(stall reading 1/2)');
  });

  it('respects stallTerminateCount', () => {
    const v = live([10, 10, 10, 10], { ...T, stallTerminateCount: 3 });
    expect(v.map((x) => x.terminal)).toEqual([false, false, false, true]);
  });

  it('makes OSCILLATING and DIVERGING terminal at once', () => {
    expect(live([10, 1, 1, 10]).at(-1)).toMatchObject({ state: 'OSCILLATING', terminal: true });
    expect(live([10, 12]).at(-1)).toMatchObject({ state: 'DIVERGING', terminal: true });
  });

  it('never makes FAST_CONVERGE or CONVERGING terminal', () => {
    const v = live([10, 9, 8, 7, 6, 1, 0.5]);
    expect(v.every((x) => !x.terminal)).toBe(true);
    expect(new Set(v.map((x) => x.state))).toEqual(new Set(['FAST_CONVERGE', 'CONVERGING']));
  });
});
