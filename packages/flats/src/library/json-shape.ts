/** Small checks shared by the readers of the library and of the toolkit's legacy file. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `YYYY-MM-DD` date, as the library and the toolkit write capture dates. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
