/**
 * The night a frame belongs to: its local capture time minus 12 hours, as a date (what N.I.N.A.'s
 * `$$DATEMINUS12$$` does). Everything shot from one noon to the next is one night.
 */

/** `YYYY-MM-DDTHH:mm[:ss[.fff]]` read as a wall-clock time; null if it is not one. */
function wallClockMs(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T_ ](\d{2})[:-](\d{2})(?:[:-](\d{2})(?:\.\d+)?)?Z?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  return Number.isNaN(ms) ? null : ms;
}

/** The night of a local wall-clock time. */
export function nightOfLocalTime(local: string): string | null {
  const ms = wallClockMs(local);
  return ms === null ? null : new Date(ms - 12 * 3_600_000).toISOString().slice(0, 10);
}

/** The night of a UTC time, `utcOffsetHours` east of Greenwich. */
export function nightOfUtcTime(utc: string, utcOffsetHours: number): string | null {
  const ms = wallClockMs(utc);
  return ms === null
    ? null
    : new Date(ms + (utcOffsetHours - 12) * 3_600_000).toISOString().slice(0, 10);
}
