/** Changes to one rig's calibration sets: add (twice adds nothing), remove by what they match on, clear. */
import {
  type CalibrationLibrary,
  type CalibrationRecord,
  DEFAULT_RIG,
  identity,
} from './calibration-library.js';

export function rigSets(library: CalibrationLibrary, rig: string | null): CalibrationRecord[] {
  return library.rigs[rig ?? DEFAULT_RIG]?.sets ?? [];
}

function ensureRig(library: CalibrationLibrary, rig: string | null): CalibrationRecord[] {
  const key = rig ?? DEFAULT_RIG;
  library.rigs[key] ??= { sets: [] };
  return library.rigs[key].sets;
}

export interface AddSetsResult {
  added: CalibrationRecord[];
  /** Already recorded (the same kind, setup and date). */
  known: CalibrationRecord[];
}

export function addCalibrationSets(
  library: CalibrationLibrary,
  rig: string | null,
  records: readonly CalibrationRecord[],
): AddSetsResult {
  const sets = ensureRig(library, rig);
  const seen = new Set(sets.map(identity));
  const result: AddSetsResult = { added: [], known: [] };
  for (const record of records) {
    const key = identity(record);
    if (seen.has(key)) {
      result.known.push(record);
      continue;
    }
    seen.add(key);
    sets.push(record);
    result.added.push(record);
  }
  sets.sort(byKindSetupDate);
  return result;
}

/** What `remove` selects by; every given field must match. */
export interface SetSelector {
  kind?: CalibrationRecord['kind'];
  date?: string;
  exposureSeconds?: number;
  gain?: number;
  camera?: string;
  master?: boolean;
}

export function selects(selector: SetSelector, record: CalibrationRecord): boolean {
  return (
    (selector.kind === undefined || record.kind === selector.kind) &&
    (selector.date === undefined || record.date === selector.date) &&
    (selector.exposureSeconds === undefined ||
      (record.exposureSeconds !== null &&
        Math.abs(record.exposureSeconds - selector.exposureSeconds) < 0.0005)) &&
    (selector.gain === undefined || record.gain === selector.gain) &&
    (selector.camera === undefined ||
      record.camera?.trim().toLowerCase() === selector.camera.trim().toLowerCase()) &&
    (selector.master === undefined || record.master === selector.master)
  );
}

/** Removes the rig's sets the selector selects (all of them for an empty one); returns them. */
export function removeCalibrationSets(
  library: CalibrationLibrary,
  rig: string | null,
  selector: SetSelector,
): CalibrationRecord[] {
  const key = rig ?? DEFAULT_RIG;
  const sets = library.rigs[key]?.sets;
  if (!sets) return [];
  const removed = sets.filter((record) => selects(selector, record));
  if (removed.length === 0) return [];
  library.rigs[key] = { sets: sets.filter((record) => !selects(selector, record)) };
  return removed;
}

const ORDER = { dark: 0, bias: 1, darkflat: 2, flat: 3 } as const;

function byKindSetupDate(a: CalibrationRecord, b: CalibrationRecord): number {
  return (
    ORDER[a.kind] - ORDER[b.kind] ||
    (a.camera ?? '').localeCompare(b.camera ?? '') ||
    (a.exposureSeconds ?? -1) - (b.exposureSeconds ?? -1) ||
    (a.gain ?? -1) - (b.gain ?? -1) ||
    (a.sensorTemperature ?? 999) - (b.sensorTemperature ?? 999) ||
    a.date.localeCompare(b.date) ||
    Number(a.master) - Number(b.master)
  );
}
