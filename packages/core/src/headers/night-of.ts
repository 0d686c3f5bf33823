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

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T_ ](\d{2})[:-]\d{2}/;
const dayBefore = new Map<string, string>();

/** The night of a local wall-clock time. */
export function nightOfLocalTime(local: string): string | null {
  const match = LOCAL_TIME.exec(local);
  if (!match) return null;
  const [, year, month, day, hour] = match as unknown as [string, string, string, string, string];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  return nightOfDate(`${year}-${month}-${day}`, Number(hour));
}

/**
 * The night of a local date (`YYYY-MM-DD`) and hour: the date itself from noon, the day before
 * until noon. Called per file, so the day before is computed once per date.
 */
export function nightOfDate(date: string, hour: number): string | null {
  if (!(hour >= 0 && hour <= 23)) return null;
  if (hour >= 12) return date;
  let before = dayBefore.get(date);
  if (before === undefined) {
    const ms = Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
    );
    if (Number.isNaN(ms)) return null;
    before = new Date(ms - 86_400_000).toISOString().slice(0, 10);
    if (dayBefore.size > 10_000) dayBefore.clear();
    dayBefore.set(date, before);
  }
  return before;
}

/** The night of a UTC time, `utcOffsetHours` east of Greenwich. */
export function nightOfUtcTime(utc: string, utcOffsetHours: number): string | null {
  const ms = wallClockMs(utc);
  return ms === null
    ? null
    : new Date(ms + (utcOffsetHours - 12) * 3_600_000).toISOString().slice(0, 10);
}

/** A wall-clock time moved by `hours`, as `YYYY-MM-DDTHH:mm:ss`; null if it is no time. */
export function clockShifted(time: string, hours: number): string | null {
  const ms = wallClockMs(time);
  return ms === null ? null : new Date(ms + hours * 3_600_000).toISOString().slice(0, 19);
}

/** Minutes between two wall-clock times (`b` − `a`); null if either is no time. */
export function minutesBetween(a: string, b: string): number | null {
  const from = wallClockMs(a);
  const to = wallClockMs(b);
  return from === null || to === null ? null : (to - from) / 60_000;
}
