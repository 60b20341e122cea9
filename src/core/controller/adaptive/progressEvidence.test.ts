import { describe, it, expect } from 'vitest';
import { improvementFlags, progressEvidence, type EvidenceOptions } from './progressEvidence';

const exact: EvidenceOptions = { hazardPerFix: 0.3, tolerance: () => 0 };
const evidence = (errors: number[], options: EvidenceOptions = exact) => progressEvidence(errors, options);
const pActive = (errors: number[]) => evidence(errors).activeProbability;

describe('improvementFlags', () => {
  it('flags readings that set a new best and held', () => {
    expect(improvementFlags([10, 9, 9, 7, 7], () => 0)).toEqual([true, false, true, false]);
    // one reading back above 7 does not undo the drop to 7 ...
    expect(improvementFlags([10, 9, 9, 7, 8], () => 0)).toEqual([true, false, true, false]);
    // ... two consecutive readings above it do (the drop to 9 still held)
    expect(improvementFlags([10, 9, 9, 7, 8, 8], () => 0)).toEqual([true, false, false, false, false]);
  });

  it('does not count a dip that a later reading undoes', () => {
    expect(improvementFlags([9, 9, 8, 9, 9], () => 0)).toEqual([false, false, false, false]);
  });

  it('requires beating the best by more than the tolerance', () => {
    expect(improvementFlags([1, 0.95, 0.8], (best) => best * 0.1)).toEqual([false, true]);
  });
});

describe('progressEvidence', () => {
  it('counts improvements and readings since the last one', () => {
    const e = evidence([10, 9, 9, 7, 7, 7]);
    expect(e.improvements).toBe(2);
    expect(e.sinceImprovement).toBe(2);
  });

  it('counts an undone dip neither as an improvement nor as a reset of the flat streak', () => {
    const undone = evidence([9, 9, 8, 9, 9]);
    expect(undone.improvements).toBe(0);
    expect(undone.sinceImprovement).toBe(4);
    expect(undone.meanImprovement).toBeUndefined();
    const held = evidence([9, 9, 8, 8, 8]);
    expect(held.improvements).toBe(1);
    expect(held.sinceImprovement).toBe(2);
    expect(held.activeProbability).toBeGreaterThan(undone.activeProbability);
  });

  it('averages the drops of the improvements that held', () => {
    // drops 3, 1, 4
    expect(evidence([10, 7, 6, 2]).meanImprovement).toBeCloseTo(8 / 3, 12);
    // With a relative tolerance 0.95 is not a new best; the drop of 0.8 is measured from 0.95.
    const scores = evidence([1, 0.95, 0.8], { hazardPerFix: 0.3, tolerance: (b) => b * 0.1 });
    expect(scores.improvements).toBe(1);
    expect(scores.meanImprovement).toBeCloseTo(0.15, 12);
  });

  it('estimates the improvement rate as (k + 1) / (n + 2)', () => {
    // 2 improvements over 5 transitions
    expect(evidence([10, 9, 9, 7, 7, 7]).improvementRate).toBeCloseTo(3 / 7, 12);
    expect(evidence([10]).improvementRate).toBe(0.5);
  });

  it('gives a loop that just improved 1 − hazard: any fix may be its last', () => {
    expect(pActive([10, 9])).toBeCloseTo(0.7, 12);
    expect(pActive([10, 10, 10, 10, 3])).toBeCloseTo(0.7, 12);
  });

  it('matches the hand-computed posterior for a flat start [10, 10, 10]', () => {
    // active: 0.7·B(1,3)/B(1,1) = 0.7/3; exhausted from the start: 0.3
    expect(pActive([10, 10, 10])).toBeCloseTo(0.7 / 3 / (0.7 / 3 + 0.3), 12);
  });

  it('matches the hand-computed posterior for [10, 9, 9, 9, 9]', () => {
    // active: 0.7·B(2,4)/B(2,1) = 0.7·(1/20)/(1/2) = 0.07; exhausted since the fix: 0.3
    expect(pActive([10, 9, 9, 9, 9])).toBeCloseTo(0.07 / 0.37, 12);
  });

  it('gives less credit to a loop that improved every time than to one that improved rarely, after the same flat readings', () => {
    // steady: 0.7·B(8,3)/B(8,1) = 0.7·2/90; rare: 0.7·B(3,9)/B(3,7) = 0.7·504/990
    const steady = pActive([10, 9, 8, 7, 6, 5, 4, 3, 3, 3]);
    const rare = pActive([20, 20, 20, 20, 19, 19, 19, 19, 18, 18, 18]);
    expect(steady).toBeCloseTo((0.7 * 2) / 90 / ((0.7 * 2) / 90 + 0.3), 12);
    expect(rare).toBeCloseTo((0.7 * 504) / 990 / ((0.7 * 504) / 990 + 0.3), 12);
    expect(steady).toBeLessThan(0.1);
    expect(rare).toBeGreaterThan(0.5);
  });

  it('falls as the flat streak grows', () => {
    const ps = [0, 1, 2, 3, 4, 5, 6].map((flat) => pActive([10, 9, 8, 7, ...Array<number>(flat).fill(7)]));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThan(ps[i - 1] as number);
  });

  it('falls faster with a higher hazard', () => {
    const errors = [10, 9, 8, 8, 8];
    const low = evidence(errors, { hazardPerFix: 0.1, tolerance: () => 0 }).activeProbability;
    const high = evidence(errors, { hazardPerFix: 0.4, tolerance: () => 0 }).activeProbability;
    expect(high).toBeLessThan(low);
  });

  it('keeps the posterior within (0, 1]', () => {
    const cases = [[5], [5, 5], [9, 9, 8, 9, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], Array<number>(200).fill(3), [100, 50, 25, 12, 6, 3, 1, 0]];
    for (const c of cases) {
      const p = pActive(c);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
