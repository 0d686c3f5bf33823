/**
 * The sets `calibration learn` records: darks, bias, dark flats and masters of every kind, as a
 * scan groups them. Flat frames are the flat library's (`astrotrack flats learn`); sets without a
 * night cannot be dated and are not recorded.
 */
import { resolve } from 'node:path';
import type { CalibrationSet } from '@astrotrack/core/internal';
import type { CalibrationRecord } from '../library/calibration-library.js';

export interface LearnedRecords {
  records: CalibrationRecord[];
  /** Flat sets that are not masters: for the flat library. */
  flatSets: number;
  /** Sets left out because no night is known for them: their `where`. */
  withoutDate: string[];
}

export function learnedRecords(sets: readonly CalibrationSet[], root: string): LearnedRecords {
  const result: LearnedRecords = { records: [], flatSets: 0, withoutDate: [] };
  for (const set of sets) {
    if (set.kind === 'flat' && !set.master) {
      result.flatSets++;
      continue;
    }
    if (set.date === null) {
      result.withoutDate.push(set.where ?? '.');
      continue;
    }
    const { source: _, where, ...facts } = set;
    result.records.push({
      ...facts,
      date: set.date,
      path: where === null ? null : resolve(root, where),
      source: 'learned',
    });
  }
  return result;
}
