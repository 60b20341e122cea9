import type { Classifier, GainBands, Observation, Verdict } from './types';

/**
 * LoopGain v0.1's single-feature classifier, kept for callers who tuned its bands: the state comes
 * from the latest smoothed loop gain alone. STALLING is never terminal in this mode.
 */
export function createLegacyBandsClassifier(bands: GainBands): Classifier {
  return {
    name: 'legacy_bands',
    next({ smoothedGain }: Observation): Verdict {
      if (smoothedGain === undefined) {
        return { state: 'FAST_CONVERGE', terminal: false, reason: 'first reading (placeholder state)' };
      }
      const g = `smoothed Aβ ${smoothedGain.toPrecision(3)}`;
      if (smoothedGain < bands.fastConverge) return { state: 'FAST_CONVERGE', terminal: false, reason: `${g} < ${bands.fastConverge}` };
      if (smoothedGain < bands.converging) return { state: 'CONVERGING', terminal: false, reason: `${g} < ${bands.converging}` };
      if (smoothedGain < bands.stalling) return { state: 'STALLING', terminal: false, reason: `${g} < ${bands.stalling}` };
      if (smoothedGain <= bands.oscillating) return { state: 'OSCILLATING', terminal: true, reason: `${g} ≤ ${bands.oscillating}` };
      return { state: 'DIVERGING', terminal: true, reason: `${g} > ${bands.oscillating}` };
    },
  };
}
