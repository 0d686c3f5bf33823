/**
 * Flats for a light group, as the flat library matches them: the same filter and binning, the
 * rotator angle within the tolerance (a flat without an angle for lights without one), shot within
 * `flats.maxAgeDays` of the night (older ones count with a warning while `oldFlatsCover`), the same
 * camera where both say. Flat-library sets know no camera and may hold any binning: there, unknown
 * means any.
 */
import type { CalibrationSet, KindMatch } from '@astrotrack/core/internal';
import { angularDistance } from '@astrotrack/flats';
import { degreesText } from '@astrotrack/core/internal';
import { type Candidate, chooseSet } from './choose-set.js';
import { compareAge, compareExact, newComparison } from './compare-fields.js';
import type { LightSetup, MatchRules } from './rules.js';

const NAMES = { wanted: 'lights', offered: 'flats' };

export function matchFlats(
  lights: LightSetup,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
): KindMatch {
  const candidates: Candidate[] = [];
  for (const set of sets) if (set.kind === 'flat') candidates.push(compareFlat(lights, set, rules));
  const angle = lights.angle ? ` at ${degreesText(lights.angle.from)}` : '';
  const binning = lights.binning ? `, bin ${lights.binning}` : '';
  return chooseSet(candidates, `flats: ${lights.filter}${angle}${binning}`);
}

function compareFlat(lights: LightSetup, set: CalibrationSet, rules: MatchRules): Candidate {
  const result = newComparison();
  compareExact(result, 'filter', lights.filter, set.filter, NAMES);
  const anyWhenUnknown = set.source === 'flat-library';
  for (const field of ['binning', 'camera'] as const) {
    if (anyWhenUnknown && set[field] === null) continue;
    compareExact(result, field, lights[field], set[field], NAMES);
  }
  let distance = 0;
  if (lights.angle === null || set.angle === null) {
    if (lights.angle !== set.angle)
      result.failures.push(
        set.angle === null
          ? 'the flats have no rotator angle, the lights have one'
          : `the flats are at ${degreesText(set.angle)}, the lights have no rotator angle`,
      );
  } else {
    const off = Math.max(
      angularDistance(lights.angle.from, set.angle),
      angularDistance(lights.angle.to, set.angle),
    );
    const rounded = Math.round(off * 100) / 100;
    if (off > rules.angleTolerance + 1e-9)
      result.failures.push(
        `angle ${degreesText(set.angle)}, ${rounded}° from the lights (±${rules.angleTolerance}° allowed)`,
      );
    else if (rounded > 0) result.notes.push(`angle ${rounded}° off`);
    distance = off / rules.angleTolerance;
  }
  const age = compareAge(result, set.date, lights.night, rules.flatMaxAgeDays, rules.oldFlatsCover);
  return { set, comparison: result, age, distance };
}
