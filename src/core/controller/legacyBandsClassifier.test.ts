import { describe, it, expect } from 'vitest';
import { ConvergenceController } from './convergenceController';
import { createLegacyBandsClassifier } from './legacyBandsClassifier';
import { DEFAULT_GAIN_BANDS } from './types';

const classifier = createLegacyBandsClassifier(DEFAULT_GAIN_BANDS);
const at = (smoothedGain: number | undefined, errors: number[] = [10, 9]) =>
  classifier.next({ errors, smoothedGain, targetError: 0 });

describe('legacy bands classifier', () => {
  it('is named legacy_bands', () => {
    expect(classifier.name).toBe('legacy_bands');
  });

  it('gives the first reading (no gain yet) the FAST_CONVERGE placeholder', () => {
    expect(at(undefined, [10])).toMatchObject({ state: 'FAST_CONVERGE', terminal: false });
  });

  it.each([
    [0, 'FAST_CONVERGE', false],
    [0.299, 'FAST_CONVERGE', false],
    [0.3, 'CONVERGING', false],
    [0.849, 'CONVERGING', false],
    [0.85, 'STALLING', false],
    [0.949, 'STALLING', false],
    [0.95, 'OSCILLATING', true],
    [1.05, 'OSCILLATING', true],
    [1.0501, 'DIVERGING', true],
    [2.05, 'DIVERGING', true],
  ] as const)('smoothed gain %f → %s (terminal %s)', (gain, state, terminal) => {
    expect(at(gain)).toMatchObject({ state, terminal });
  });

  it('looks only at the smoothed gain, not at the errors', () => {
    expect(at(0.5, [1, 100, 1000]).state).toBe('CONVERGING');
    expect(at(1.5, [1000, 1, 0.1]).state).toBe('DIVERGING');
  });

  it('puts the gain in the reason', () => {
    expect(at(0.5).reason).toBe('smoothed Aβ 0.500 < 0.85');
    expect(at(1.2).reason).toBe('smoothed Aβ 1.20 > 1.05');
  });

  it('uses custom bands', () => {
    const c = createLegacyBandsClassifier({ fastConverge: 0.1, converging: 0.5, stalling: 0.7, oscillating: 0.9 });
    const state = (g: number) => c.next({ errors: [1, 1], smoothedGain: g, targetError: 0 }).state;
    expect([0.05, 0.2, 0.6, 0.8, 0.95].map(state)).toEqual(['FAST_CONVERGE', 'CONVERGING', 'STALLING', 'OSCILLATING', 'DIVERGING']);
  });

  describe('through the controller', () => {
    it('never stops on STALLING (only the iteration cap ends a steady 0.9 gain)', () => {
      const c = new ConvergenceController({ classifier: 'legacy_bands', maxIterations: 8 });
      const states = [];
      for (let i = 0; i < 8; i++) states.push(c.observe(100 * 0.9 ** i));
      expect(states.slice(1, 7).every((s) => s === 'STALLING')).toBe(true);
      expect(c.result.outcome).toBe('max_iterations');
    });

    it('stops as OSCILLATING once the smoothed gain reaches 0.95', () => {
      // gains 0.6, 1.333 → EMA (window 3): 0.6, 0.967
      const c = new ConvergenceController({ classifier: 'legacy_bands' });
      expect([5, 3, 4].map((e) => c.observe(e))).toEqual(['FAST_CONVERGE', 'CONVERGING', 'OSCILLATING']);
      expect(c.result.outcome).toBe('oscillating');
    });

    it('honours partial gainBands options over the defaults', () => {
      const c = new ConvergenceController({ classifier: 'legacy_bands', gainBands: { fastConverge: 0.7 } });
      c.observe(10);
      expect(c.observe(6)).toBe('FAST_CONVERGE'); // gain 0.6 < 0.7
    });
  });
});
