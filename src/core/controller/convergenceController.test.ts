import { describe, it, expect } from 'vitest';
import { ConvergenceController, type ControllerOptions } from './convergenceController';
import type { ErrorReading } from './errorSignal';

function feed<T>(readings: ErrorReading[], options: ControllerOptions = {}, outputs: T[] = []): ConvergenceController<T> {
  const c = new ConvergenceController<T>(options);
  readings.forEach((r, i) => c.observe(r, outputs[i]));
  return c;
}

describe('ConvergenceController', () => {
  describe('defaults and options', () => {
    it('defaults to the adaptive classifier, target 0 and 50 iterations', () => {
      const c = new ConvergenceController();
      expect(c.classifierName).toBe('adaptive');
      expect(c.targetError).toBe(0);
      expect(c.maxIterations).toBe(50);
      expect(c.observe(5)).toBe('INIT'); // the adaptive first-reading state (loopgain says FAST_CONVERGE)
      expect(new ConvergenceController({ classifier: 'loopgain' }).observe(5)).toBe('FAST_CONVERGE');
    });

    it('reports an empty result before any reading', () => {
      const c = new ConvergenceController();
      expect(c.state).toBe('INIT');
      expect(c.shouldContinue()).toBe(true);
      expect(c.result).toMatchObject({ outcome: 'in_progress', iterationsUsed: 0, bestIndex: -1, bestOutput: undefined, bestError: undefined, savingsVsFixedCap: 10 });
    });

    it('rejects invalid options', () => {
      expect(() => new ConvergenceController({ targetError: -1 })).toThrow(RangeError);
      expect(() => new ConvergenceController({ targetError: NaN })).toThrow(RangeError);
      expect(() => new ConvergenceController({ maxIterations: 0 })).toThrow(RangeError);
      expect(() => new ConvergenceController({ maxIterations: 2.5 })).toThrow(RangeError);
      expect(() => new ConvergenceController({ smoothingWindow: 0 })).toThrow(RangeError);
      expect(() => new ConvergenceController({ classifier: 'nope' as never })).toThrow(/unknown classifier/);
    });
  });

  describe('target', () => {
    it('stops with TARGET_MET when the first reading meets the target', () => {
      const c = feed([0]);
      expect(c.state).toBe('TARGET_MET');
      expect(c.shouldContinue()).toBe(false);
      expect(c.result).toMatchObject({ outcome: 'converged', iterationsUsed: 1, bestIndex: 0, bestError: 0, savingsVsFixedCap: 9 });
      expect(c.result.reason).toBe('error 0 ≤ target 0');
    });

    it('counts a reading equal to a non-zero target as met', () => {
      expect(feed([5, 2], { targetError: 2 }).state).toBe('TARGET_MET');
      expect(feed([5, 2.5], { targetError: 2 }).state).not.toBe('TARGET_MET');
    });

    it('never short-circuits with targetError null', () => {
      const c = new ConvergenceController({ targetError: null });
      expect(c.observe(0)).toBe('INIT');
      expect(c.shouldContinue()).toBe(true);
      c.observe(0);
      expect(c.observe(0)).toBe('STALLING'); // nothing left to gain at 0: the classifier stops it
      expect(c.result.outcome).toBe('stalled');
    });
  });

  describe('iteration cap', () => {
    it('ends with MAX_ITERATIONS / max_iterations and no savings', () => {
      const c = new ConvergenceController({ classifier: 'loopgain', maxIterations: 3 });
      expect(c.observe(10)).toBe('FAST_CONVERGE');
      expect(c.observe(9)).toBe('CONVERGING');
      expect(c.observe(8)).toBe('MAX_ITERATIONS');
      expect(c.shouldContinue()).toBe(false);
      expect(c.result).toMatchObject({ outcome: 'max_iterations', state: 'MAX_ITERATIONS', iterationsUsed: 3, savingsVsFixedCap: 0 });
      expect(c.result.reason).toMatch(/^reached max iterations \(3\); last verdict: /);
    });

    it('keeps the terminal verdict of the last allowed reading', () => {
      // LoopGain says DIVERGING at [5, 6] (E ratio 1.2 > 1.1), exactly at the cap
      const c = feed([5, 6], { classifier: 'loopgain', maxIterations: 2 });
      expect(c.result).toMatchObject({ state: 'DIVERGING', outcome: 'diverged', iterationsUsed: 2, savingsVsFixedCap: 8 });
    });

    it('prefers TARGET_MET over the cap on the last allowed reading', () => {
      expect(feed([5, 0], { maxIterations: 2 }).result.outcome).toBe('converged');
    });

    it('is unbounded with maxIterations null', () => {
      const c = feed(Array.from({ length: 60 }, (_, i) => 600 - i), { classifier: 'loopgain', maxIterations: null });
      expect(c.shouldContinue()).toBe(true);
      expect(c.result.iterationsUsed).toBe(60);
    });

    it('measures savings against assumedFixedCap, never below 0', () => {
      expect(feed([3, 0], { assumedFixedCap: 5 }).result.savingsVsFixedCap).toBe(3);
      expect(feed([4, 3, 2, 1, 0], { assumedFixedCap: 3 }).result.savingsVsFixedCap).toBe(0);
    });
  });

  describe('best output', () => {
    it('returns the output of the lowest error, the first one on ties', () => {
      const c = feed([5, 3, 4, 3], { maxIterations: null }, ['a', 'b', 'c', 'd']);
      expect(c.shouldContinue()).toBe(true);
      expect(c.result).toMatchObject({ bestIndex: 1, bestOutput: 'b', bestError: 3 });
    });

    it('measures sequences (lists of failing tests) by their length', () => {
      const c = new ConvergenceController<string>();
      c.observe(['t1', 't2', 't3'], 'v1');
      c.observe(['t2'], 'v2');
      expect(c.result.errorHistory).toEqual([3, 1]);
      expect(c.observe([], 'v3')).toBe('TARGET_MET');
      expect(c.result).toMatchObject({ bestIndex: 2, bestOutput: 'v3', bestError: 0 });
    });
  });

  describe('infinite readings', () => {
    it('accepts +Infinity, never picks it as best and keeps the profile finite', () => {
      const c = feed([Infinity, 3, 2]);
      expect(c.shouldContinue()).toBe(true);
      const r = c.result;
      expect(r.errorHistory).toEqual([Infinity, 3, 2]);
      expect(r).toMatchObject({ bestIndex: 2, bestError: 2 });
      expect(r.convergenceProfile.every(Number.isFinite)).toBe(true);
      // gains 3/1e12 and 2/3, EMA alpha 0.5
      expect(r.convergenceProfile[0]).toBeCloseTo(3e-12, 20);
      expect(r.convergenceProfile[1]).toBeCloseTo(0.5 * (2 / 3) + 0.5 * 3e-12, 12);
    });

    it('takes an infinite reading as best only when every reading is infinite', () => {
      expect(feed([Infinity, Infinity]).result).toMatchObject({ bestIndex: 0, bestError: Infinity });
      expect(feed([4, Infinity], { classifier: 'loopgain', maxIterations: null }).result.bestIndex).toBe(0);
    });
  });

  describe('rejected readings', () => {
    it.each([NaN, -1, -Infinity, 'text' as unknown as ErrorReading])('leaves the controller unchanged on %s', (bad) => {
      const c = feed<string>([10, 9], {}, ['x', 'y']);
      const before = c.result;
      const stateBefore = c.state;
      expect(() => c.observe(bad, 'bad')).toThrow(RangeError);
      expect(c.state).toBe(stateBefore);
      expect(c.result.errorHistory).toHaveLength(2);
      expect(c.result).toEqual(before);
      // The smoother and classifier did not advance either: the next reading behaves as if the bad one never happened.
      c.observe(8, 'z');
      const clean = feed<string>([10, 9, 8], {}, ['x', 'y', 'z']);
      expect(c.result).toEqual(clean.result);
    });
  });

  describe('after a stop', () => {
    it('throws on observe and keeps the result', () => {
      const c = feed([0]);
      const before = c.result;
      expect(() => c.observe(1)).toThrow(/already stopped \(TARGET_MET\)/);
      expect(c.result).toEqual(before);
    });
  });

  describe('convergence profile', () => {
    it('is the EMA of the loop gains from the second reading on', () => {
      // gains 4/8 = 0.5, 3/4 = 0.75, 3/3 = 1; alpha = 2/(3+1) = 0.5
      // → 0.5, 0.5·0.75 + 0.5·0.5 = 0.625, 0.5·1 + 0.5·0.625 = 0.8125
      const c = feed([8, 4, 3, 3], { maxIterations: null });
      expect(c.result.convergenceProfile).toEqual([0.5, 0.625, 0.8125]);
    });

    it('uses the smoothingWindow option (window 1 = raw gains)', () => {
      const c = feed([8, 4, 3, 3], { maxIterations: null, smoothingWindow: 1 });
      expect(c.result.convergenceProfile).toEqual([0.5, 0.75, 1]);
    });

    it('returns copies, not live views', () => {
      const c = feed([8, 4], { maxIterations: null });
      const r = c.result;
      c.observe(3);
      expect(r.convergenceProfile).toHaveLength(1);
      expect(r.errorHistory).toEqual([8, 4]);
    });
  });
});
