import { describe, it, expect } from 'vitest';
import type { Verdict } from '../types';
import { classifyAdaptive, createAdaptiveClassifier, DEFAULT_ADAPTIVE_SETTINGS as S, expectedGain } from './adaptiveClassifier';
import { progressEvidence, type ProgressEvidence } from './progressEvidence';

/** The verdict after each reading of `errors`, as a live loop would see them. */
const run = (errors: number[], targetError: number | null = 0): Verdict[] =>
  errors.map((_, i) => classifyAdaptive({ errors: errors.slice(0, i + 1), smoothedGain: undefined, targetError }, S));
const last = (errors: number[], targetError: number | null = 0): Verdict => run(errors, targetError).at(-1) as Verdict;
/** Index of the first terminal verdict, -1 if the loop never stops. */
const stopAt = (errors: number[]): number => run(errors).findIndex((v) => v.terminal);

describe('classifyAdaptive on count signals (failing tests)', () => {
  it('starts with INIT and is named adaptive', () => {
    expect(run([7])[0]).toMatchObject({ state: 'INIT', terminal: false });
    expect(createAdaptiveClassifier().name).toBe('adaptive');
  });

  it('stops a clean period-2 cycle as OSCILLATING at its 4th reading', () => {
    // cycle 9, 6, 9, 6 starts at index 1
    const v = run([12, 9, 6, 9, 6]);
    expect(stopAt([12, 9, 6, 9, 6])).toBe(4);
    expect(v[4]).toMatchObject({ state: 'OSCILLATING', terminal: true, reason: 'flipping between 9 and 6' });
    expect(stopAt([6, 7, 6, 7])).toBe(3);
  });

  it('stops a sustained regression as DIVERGING on its second bad reading', () => {
    const v = run([5, 6, 8]);
    expect(v[1]?.terminal).toBe(false);
    expect(v[2]).toMatchObject({ state: 'DIVERGING', terminal: true, reason: '2 readings worse than the best (5), now +3' });
  });

  it('measures a regression from the last reading at the best level', () => {
    // 8 is reached, held once, then left for good: two readings above it since, the latest the worst
    expect(stopAt([10, 8, 8, 9, 11])).toBe(4);
    expect(run([10, 8, 8, 9, 11])[4]).toMatchObject({ state: 'DIVERGING', reason: '2 readings worse than the best (8), now +3' });
  });

  // With no progress at all, the first reading that is worse is all the evidence there is.
  it('stops a loop with no progress on its first count 2 or more tests worse, as DIVERGING', () => {
    expect(run([10, 12])[1]).toMatchObject({ state: 'DIVERGING', terminal: true });
    expect(run([10, 10, 13])[2]).toMatchObject({ state: 'DIVERGING', terminal: true });
    // one test worse: the expected gain (0.066 tests) still pays for an iteration
    expect(run([10, 11])[1]?.terminal).toBe(false);
    // a loop with progress to weigh against it goes on
    expect(run([10, 8, 12])[2]?.terminal).toBe(false);
    // a noisy score needs its trend test, not one reading
    expect(run([1, 1.3], null)[1]?.terminal).toBe(false);
  });

  it('does not stop on one mildly bad reading after progress', () => {
    expect(stopAt([10, 8, 9, 7])).toBe(-1);
    expect(stopAt([30, 25, 20, 15, 10, 12, 9])).toBe(-1);
  });

  // Regression tests: a single bad reading once erased the record of progress (it "undid" every
  // earlier improvement it exceeded) and the patience rule stopped the loop at once.
  it('does not stop on a single bad reading that goes above the previous best: [10, 8, 12, 7]', () => {
    expect(run([10, 8, 12, 7])[2]?.terminal).toBe(false);
  });
  it('does not stop a loop that improved five times in a row on one reading 2 tests worse: [10, 9, 8, 7, 6, 5, 7]', () => {
    expect(last([10, 9, 8, 7, 6, 5, 7]).terminal).toBe(false);
  });

  it('keeps going through a 3-long flat step after rare improvements with many tests left', () => {
    const errors = [20, 20, 20, 20, 19, 19, 19, 19, 18, 18, 18, 18];
    expect(stopAt(errors)).toBe(-1);
  });

  it('stops a flat plateau at 1 failing test after a fast-improving history', () => {
    const errors = [20, 15, 10, 6, 3, 1, 1, 1, 1];
    expect(stopAt(errors)).toBe(8);
    expect(last(errors)).toMatchObject({ state: 'STALLING', terminal: true });
    // The same history 100 tests higher has more left to fix, so it goes on.
    expect(stopAt(errors.map((e) => e + 100))).toBe(-1);
  });

  it('calls a loop that just reached a tenth of its start FAST_CONVERGE', () => {
    expect(last([20, 15, 10, 6, 3, 1])).toMatchObject({ state: 'FAST_CONVERGE', terminal: false });
  });

  it('never stops before 2 readings without progress, except on a loop with none that got 2+ tests worse', () => {
    const values = [1, 2, 3, 4, 5, 6];
    for (const a of values) {
      for (const b of values) {
        expect(last([a, b]).terminal, `[${a}, ${b}]`).toBe(b >= a + 2);
        for (const c of values) {
          // c sets a new best, or repeats a new best b: at most one reading without progress
          if (c < Math.min(a, b) || (b < a && c === b)) expect(last([a, b, c]).terminal, `[${a}, ${b}, ${c}]`).toBe(false);
        }
      }
    }
  });

  it('puts the expected gain (hand-computed) in the reason', () => {
    // P(active) = 0.07 / 0.37, rate 2/6, typical drop 1 → gain 0.0631 tests
    expect(last([10, 9, 9, 9, 9]).reason).toBe(
      '1 improvement(s), last 3 reading(s) ago; P(still improving) 19%, expected gain next iteration 0.0631 tests vs cost 0.0500 tests',
    );
  });
});

describe('classifyAdaptive on score signals', () => {
  it('keeps a noisy but falling score CONVERGING on its log-trend', () => {
    const errors = [1, 0.95, 0.97, 0.9, 0.92, 0.85, 0.87, 0.8, 0.82, 0.76];
    const v = run(errors);
    expect(v.some((x) => x.terminal)).toBe(false);
    expect(v.slice(4).every((x) => x.state === 'CONVERGING')).toBe(true);
    expect(v.at(-1)?.reason).toMatch(/expected gain next iteration [0-9.]+ vs cost [0-9.]+; falling log-trend$/);
  });

  it('stops a flat noisy score after 3 readings without a clear new best', () => {
    expect(stopAt([0.5, 0.51, 0.49, 0.5, 0.51])).toBe(3);
    expect(last([0.5, 0.51, 0.49, 0.5]).state).toBe('STALLING');
  });
});

describe('expectedGain', () => {
  const ev = (meanImprovement: number | undefined): ProgressEvidence => ({
    improvements: 2,
    sinceImprovement: 1,
    activeProbability: 0.5,
    improvementRate: 0.4,
    meanImprovement,
  });

  it('is P(active) × rate × typical drop at the best', () => {
    expect(expectedGain(ev(3), 10, 10, 0, 1)).toBeCloseTo(0.6, 12);
  });

  it('uses the prior drop before the first improvement', () => {
    expect(expectedGain(ev(undefined), 10, 10, 0, 2)).toBeCloseTo(0.4, 12);
  });

  it('is capped by what is left above the target', () => {
    expect(expectedGain(ev(3), 2, 2, 0, 1)).toBeCloseTo(0.4, 12); // typical drop capped at 2
    expect(expectedGain(ev(3), 10, 10, 9, 1)).toBeCloseTo(0.2, 12); // 1 left above target 9
    expect(expectedGain(ev(3), 10, 10, null, 1)).toBeCloseTo(0.6, 12); // no target: all of the best is left
    expect(expectedGain(ev(3), 5, 5, 5, 1)).toBe(0);
    expect(expectedGain(ev(3), 0, 0, 0, 1)).toBe(0);
  });

  it('decays exponentially with the excess of the current reading over the best', () => {
    const atBest = expectedGain(ev(3), 10, 10, 0, 1);
    expect(expectedGain(ev(3), 10, 13, 0, 1)).toBeCloseTo(atBest * Math.exp(-1), 12);
    expect(expectedGain(ev(3), 10, 16, 0, 1)).toBeCloseTo(atBest * Math.exp(-2), 12);
  });

  it('combines with progressEvidence as the classifier does: 0.0631 tests for [10, 9, 9, 9, 9]', () => {
    const e = progressEvidence([10, 9, 9, 9, 9], { hazardPerFix: S.hazardPerFix, tolerance: () => 0 });
    const pActive = 0.07 / 0.37; // hand-computed posterior, see progressEvidence.test.ts
    expect(expectedGain(e, 9, 9, 0, 1)).toBeCloseTo(pActive * (2 / 6) * 1, 12);
  });
});
