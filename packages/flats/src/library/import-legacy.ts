/**
 * Reads the Python toolkit's `~/.astrophotography_flats.json`: `{ filter: { "45.0": "2025-09-15" } }`.
 * Older versions wrote `{ filter: [45, 56] }` (no dates: the file's own date is used) or nested the
 * filters under object names; both are read too.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { errors } from '@astrotrack/core/internal';
import { isCalendarDate, isObject } from './json-shape.js';
import { normaliseAngle } from '../coverage/arc.js';
import type { FlatRecord } from './flat-library.js';

export const LEGACY_FILE = join(homedir(), '.astrophotography_flats.json');

export async function readLegacyFlats(file = LEGACY_FILE): Promise<FlatRecord[]> {
  let text: string;
  let fileDate: string;
  try {
    text = await readFile(file, 'utf8');
    fileDate = (await stat(file)).mtime.toISOString().slice(0, 10);
  } catch (error) {
    throw errors.legacyFlatsUnreadable(
      file,
      `cannot read it (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw errors.legacyFlatsUnreadable(file, 'it is not JSON');
  }
  if (!isObject(data)) throw errors.legacyFlatsUnreadable(file, 'expected an object of filters');
  const records: FlatRecord[] = [];
  const fail = (problem: string) => errors.legacyFlatsUnreadable(file, problem);
  for (const [key, value] of Object.entries(data)) {
    if (isObject(value) && Object.values(value).some(Array.isArray)) {
      // { object: { filter: [angles] } }
      for (const [filter, angles] of Object.entries(value)) {
        records.push(...fromAngleList(filter, angles, fileDate, fail));
      }
    } else if (isObject(value)) {
      for (const [angle, date] of Object.entries(value)) {
        const degrees = Number(angle);
        if (!Number.isFinite(degrees)) throw fail(`"${angle}" under ${key} is not an angle`);
        if (!isCalendarDate(date)) throw fail(`the date of ${key} ${angle}° is not YYYY-MM-DD`);
        records.push({ filter: key, angle: normaliseAngle(degrees), date, source: 'imported' });
      }
    } else {
      records.push(...fromAngleList(key, value, fileDate, fail));
    }
  }
  return records;
}

function fromAngleList(
  filter: string,
  angles: unknown,
  date: string,
  fail: (problem: string) => Error,
): FlatRecord[] {
  if (!Array.isArray(angles) || !angles.every((a) => typeof a === 'number' && Number.isFinite(a)))
    throw fail(`the angles of ${filter} are not a list of numbers`);
  return angles.map((angle: number) => ({
    filter,
    angle: normaliseAngle(angle),
    date,
    source: 'imported' as const,
  }));
}
