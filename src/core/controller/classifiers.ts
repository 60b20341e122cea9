import { createAdaptiveClassifier, type AdaptiveSettings } from './adaptive/adaptiveClassifier';
import { createLegacyBandsClassifier } from './legacyBandsClassifier';
import { createLoopGainClassifier } from './loopgainClassifier';
import type { Classifier, ClassifierName, GainBands, TrajectoryThresholds } from './types';

export interface ClassifierSettings {
  readonly thresholds: TrajectoryThresholds;
  readonly gainBands: GainBands;
  readonly adaptive: AdaptiveSettings;
}

const FACTORIES: { [K in ClassifierName]: (settings: ClassifierSettings) => Classifier } = {
  adaptive: (s) => createAdaptiveClassifier(s.adaptive),
  loopgain: (s) => createLoopGainClassifier(s.thresholds),
  legacy_bands: (s) => createLegacyBandsClassifier(s.gainBands),
};

export function createClassifier(name: ClassifierName, settings: ClassifierSettings): Classifier {
  const factory = FACTORIES[name];
  if (!factory) throw new RangeError(`unknown classifier '${String(name)}' (known: ${Object.keys(FACTORIES).join(', ')})`);
  return factory(settings);
}
