/** Bias for frames of a setup: the same camera, gain, offset, binning and readout mode, within `biasMaxAgeDays`. */
import type { CalibrationSet, KindMatch } from '@astrotrack/core/internal';
import { setupText } from '@astrotrack/core/internal';
import { type Candidate, chooseSet } from './choose-set.js';
import { compareAge, compareSensorSetup, newComparison } from './compare-fields.js';
import type { LightSetup, MatchRules } from './rules.js';

type SensorSetup = Pick<
  LightSetup,
  'camera' | 'gain' | 'offset' | 'binning' | 'readoutMode' | 'night'
>;

export function matchBias(
  frames: SensorSetup,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
  names = { wanted: 'lights', offered: 'bias' },
): KindMatch {
  const candidates: Candidate[] = [];
  for (const set of sets) {
    if (set.kind !== 'bias') continue;
    const result = newComparison();
    compareSensorSetup(result, frames, set, names);
    const age = compareAge(result, set.date, frames.night, rules.biasMaxAgeDays);
    candidates.push({ set, comparison: result, age, distance: 0 });
  }
  const setup = setupText({ ...frames, exposureSeconds: null, sensorTemperature: null });
  return chooseSet(candidates, `bias: ${setup}`);
}
