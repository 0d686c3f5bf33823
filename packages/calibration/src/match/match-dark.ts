/**
 * Darks for a light group: the same camera, gain, offset, binning and readout mode; the same
 * exposure (within `exposureTolerance`), or a longer one scaled with a matching bias when the rig
 * allows it (`scaleDarks`); the sensor temperature within `temperatureTolerance`; shot within
 * `darkMaxAgeDays` of the night.
 */
import type { CalibrationSet, KindMatch } from '@astrotrack/core/internal';
import { celsius, describeSet, seconds, setupText } from '@astrotrack/core/internal';
import { type Candidate, chooseSet } from './choose-set.js';
import {
  compareAge,
  compareSensorSetup,
  newComparison,
  type Comparison,
} from './compare-fields.js';
import { type LightSetup, type MatchRules, SAME_EXPOSURE } from './rules.js';
import { matchBias } from './match-bias.js';

const NAMES = { wanted: 'lights', offered: 'darks' };

export function matchDarks(
  lights: LightSetup,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
): KindMatch {
  const candidates: Candidate[] = [];
  for (const set of sets) {
    if (set.kind !== 'dark') continue;
    candidates.push(compareDark(lights, set, sets, rules));
  }
  return chooseSet(candidates, `darks: ${setupText(lights)}`);
}

function compareDark(
  lights: LightSetup,
  set: CalibrationSet,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
): Candidate {
  const result = newComparison();
  compareSensorSetup(result, lights, set, NAMES);
  let distance = 0;
  if (set.exposureSeconds === null) {
    result.warnings.push('exposure of the darks unknown');
  } else {
    const off = set.exposureSeconds - lights.exposureSeconds;
    if (Math.abs(off) <= Math.max(rules.exposureTolerance, SAME_EXPOSURE)) {
      if (Math.abs(off) > SAME_EXPOSURE)
        result.notes.push(
          `exposure ${seconds(set.exposureSeconds)} for ${seconds(lights.exposureSeconds)} lights`,
        );
      distance += Math.abs(off) / Math.max(lights.exposureSeconds, 1);
    } else if (rules.scaleDarks && off > 0) {
      const bias = matchBias(lights, sets, rules);
      if (bias.set) {
        result.notes.push(
          `scaled from ${seconds(set.exposureSeconds)} with ${describeSet(bias.set)}`,
        );
        // Scaled is nearer than nothing, farther than any same-exposure dark.
        distance += 10 + off / Math.max(lights.exposureSeconds, 1);
      } else {
        result.failures.push(
          `exposure ${seconds(set.exposureSeconds)}: scaling it needs bias, and none matches`,
        );
      }
    } else {
      result.failures.push(
        `exposure ${seconds(set.exposureSeconds)}, the lights ${seconds(lights.exposureSeconds)}`,
      );
    }
  }
  distance += compareTemperature(
    result,
    lights.sensorTemperature,
    set.sensorTemperature,
    rules.temperatureTolerance,
  );
  const age = compareAge(result, set.date, lights.night, rules.darkMaxAgeDays);
  return { set, comparison: result, age, distance };
}

/** Degrees apart within the tolerance is a note; more is a failure; unknown is a warning. */
function compareTemperature(
  result: Comparison,
  wanted: number | null,
  offered: number | null,
  tolerance: number,
): number {
  if (wanted === null || offered === null) {
    result.warnings.push(
      wanted === null
        ? 'sensor temperature of the lights unknown'
        : 'sensor temperature of the darks unknown',
    );
    return 0;
  }
  const off = Math.round(Math.abs(offered - wanted) * 10) / 10;
  if (off > tolerance + 1e-9) {
    result.failures.push(
      `temperature ${celsius(offered)}, ${off} °C from the lights' ${celsius(wanted)} (±${tolerance} °C allowed)`,
    );
  } else if (off > 0) {
    result.notes.push(`temperature ${off} °C off`);
  }
  return off / Math.max(tolerance, 0.1);
}
