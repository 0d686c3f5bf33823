/**
 * How one candidate set compares with what it should calibrate, field by field: a field both know
 * and that differs rules it out (a failure); a field one side does not know is a warning (matched,
 * but not checked); a difference within the rules is a note. Every line names the field, so a
 * listing says why.
 */
import { daysBetween } from '@astrotrack/flats';

export interface Comparison {
  failures: string[];
  warnings: string[];
  notes: string[];
}

export function newComparison(): Comparison {
  return { failures: [], warnings: [], notes: [] };
}

/** Text fields compare as written, ignoring case and surrounding space (`ZWO ASI2600MM Pro`). */
export function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * An exact field (camera, gain, offset, binning, readout mode). `what` names the frames it is for,
 * `theirs` the candidate's kind: "gain 0 for gain 100 lights".
 */
export function compareExact<T extends string | number>(
  result: Comparison,
  field: string,
  wanted: T | null,
  offered: T | null,
  names: { wanted: string; offered: string },
): void {
  if (wanted === null && offered === null) return;
  if (wanted === null) {
    result.warnings.push(`${field} of the ${names.wanted} unknown`);
    return;
  }
  if (offered === null) {
    result.warnings.push(`${field} of the ${names.offered} unknown`);
    return;
  }
  const same =
    typeof wanted === 'string' ? sameText(wanted, offered as string) : wanted === offered;
  if (!same) result.failures.push(`${field} ${offered}, the ${names.wanted} ${wanted}`);
}

/** The set's age against the night, within the limit or a failure; null when either date is unknown. */
export function compareAge(
  result: Comparison,
  setDate: string | null,
  night: string | null,
  maxAgeDays: number,
  oldStillCounts = false,
): number | null {
  if (setDate === null || night === null) {
    result.warnings.push(
      setDate === null ? 'date of the set unknown' : 'night of the lights unknown',
    );
    return null;
  }
  const age = daysBetween(setDate, night);
  const apart = Math.abs(age);
  if (apart > maxAgeDays) {
    const text = `${apart} days ${age >= 0 ? 'before' : 'after'} the lights (limit ${maxAgeDays})`;
    if (oldStillCounts) result.warnings.push(text);
    else result.failures.push(text);
  } else if (apart > 0) {
    result.notes.push(`${apart} day${apart === 1 ? '' : 's'} ${age >= 0 ? 'before' : 'after'}`);
  }
  return age;
}

/** Camera, gain, offset, binning and readout mode: what every dark-current frame must share. */
export function compareSensorSetup(
  result: Comparison,
  wanted: SensorFields,
  offered: SensorFields,
  names: { wanted: string; offered: string },
): void {
  compareExact(result, 'camera', wanted.camera, offered.camera, names);
  compareExact(result, 'gain', wanted.gain, offered.gain, names);
  compareExact(result, 'offset', wanted.offset, offered.offset, names);
  compareExact(result, 'binning', wanted.binning, offered.binning, names);
  compareExact(result, 'readout mode', wanted.readoutMode, offered.readoutMode, names);
}

export interface SensorFields {
  camera: string | null;
  gain: number | null;
  offset: number | null;
  binning: string | null;
  readoutMode: string | null;
}
