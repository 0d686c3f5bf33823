/**
 * The flats' own calibration: dark flats at the flat's exposure (same camera, gain, offset,
 * binning, readout mode, within `darkMaxAgeDays` of the flat), else bias for the flat. A master
 * flat is calibrated already. Lights with no flat yet still need it for the flats to come: a bias
 * that matches the lights then counts (flats are mostly shot at the lights' gain).
 */
import type { CalibrationSet, KindMatch } from '@astrotrack/core/internal';
import { seconds, setupText } from '@astrotrack/core/internal';
import { type Candidate, chooseSet, notNeeded } from './choose-set.js';
import { compareAge, compareSensorSetup, newComparison } from './compare-fields.js';
import { matchBias } from './match-bias.js';
import { type LightSetup, type MatchRules, SAME_EXPOSURE } from './rules.js';

export function matchFlatDarks(
  lights: LightSetup,
  flat: KindMatch,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
): KindMatch {
  const used = flat.set;
  if (used?.master) return notNeeded('a master flat: calibrated already');
  if (!used) {
    const bias = matchBias(lights, sets, rules);
    if (bias.set)
      return {
        ...bias,
        notes: [...bias.notes, 'for the flats still to shoot, at the lights’ gain'],
      };
    const setup = setupText({ ...lights, exposureSeconds: null, sensorTemperature: null });
    return {
      ...bias,
      missing: `dark flats at the new flats' exposure, or bias${setup ? `: ${setup}` : ''}`,
    };
  }
  // The flat's own setup; where the flat library does not know it, the lights'.
  const flatSetup = {
    camera: used.camera ?? lights.camera,
    gain: used.gain ?? lights.gain,
    offset: used.offset ?? lights.offset,
    binning: used.binning ?? lights.binning,
    readoutMode: used.readoutMode ?? lights.readoutMode,
    night: used.date,
  };
  const assumed =
    used.gain === null && lights.gain !== null ? ["the flats' gain assumed to be the lights'"] : [];
  const names = { wanted: 'flats', offered: 'dark flats' };
  const candidates: Candidate[] = [];
  for (const set of sets) {
    if (set.kind !== 'darkflat') continue;
    const result = newComparison();
    compareSensorSetup(result, flatSetup, set, names);
    let distance = 0;
    if (used.exposureSeconds === null || set.exposureSeconds === null) {
      result.warnings.push(
        used.exposureSeconds === null
          ? "the flats' exposure unknown"
          : "the dark flats' exposure unknown",
      );
    } else {
      const off = Math.abs(set.exposureSeconds - used.exposureSeconds);
      if (off > Math.max(rules.exposureTolerance, SAME_EXPOSURE))
        result.failures.push(
          `exposure ${seconds(set.exposureSeconds)}, the flats ${seconds(used.exposureSeconds)}`,
        );
      distance = off;
    }
    const age = compareAge(result, set.date, used.date, rules.darkMaxAgeDays);
    result.warnings.push(...assumed);
    candidates.push({ set, comparison: result, age, distance });
  }
  const exposure =
    used.exposureSeconds === null ? "the flats' exposure" : seconds(used.exposureSeconds);
  const darkFlats = chooseSet(
    candidates,
    `dark flats: ${exposure}, ${setupText({ ...flatSetup, exposureSeconds: null, sensorTemperature: null })}`,
  );
  if (darkFlats.set) return darkFlats;
  const bias = matchBias(flatSetup, sets, rules, { wanted: 'flats', offered: 'bias' });
  if (bias.set) return { ...bias, warnings: [...bias.warnings, ...assumed] };
  // Neither: say what dark flats would do, and the nearest of either kind.
  return {
    ...darkFlats,
    missing: `${darkFlats.missing} (or bias)`,
    nearest: darkFlats.nearest ?? bias.nearest,
  };
}
