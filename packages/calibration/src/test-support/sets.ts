/** Sets, light groups and rules to match in tests, with every field given and overridable. */
import type { CalibrationSet } from '@astrotrack/core/internal';
import type { LightSetup, MatchRules } from '../match/rules.js';

export const RULES: MatchRules = {
  temperatureTolerance: 2,
  exposureTolerance: 0,
  scaleDarks: false,
  darkMaxAgeDays: 365,
  biasMaxAgeDays: 365,
  flatMaxAgeDays: 90,
  oldFlatsCover: true,
  angleTolerance: 2.5,
};

export const CAMERA = 'ZWO ASI2600MM Pro';

export function lights(fields: Partial<LightSetup> = {}): LightSetup {
  return {
    target: 'M31',
    night: '2026-10-02',
    filter: 'L',
    camera: CAMERA,
    exposureSeconds: 300,
    gain: 100,
    offset: 50,
    binning: '1x1',
    readoutMode: null,
    sensorTemperature: -10,
    angle: { from: 45, to: 45.2 },
    frames: 10,
    ...fields,
  };
}

export function set(
  kind: CalibrationSet['kind'],
  fields: Partial<CalibrationSet> = {},
): CalibrationSet {
  return {
    kind,
    master: false,
    camera: CAMERA,
    exposureSeconds: kind === 'dark' ? 300 : kind === 'bias' ? 0.001 : 1.5,
    gain: 100,
    offset: 50,
    binning: '1x1',
    readoutMode: null,
    sensorTemperature: -10,
    filter: kind === 'flat' ? 'L' : null,
    angle: kind === 'flat' ? 45 : null,
    date: '2026-10-01',
    frames: 20,
    source: 'scan',
    where: `${kind}s`,
    ...fields,
  };
}
