/**
 * The toolkit's angle rule: the `_`-separated token right after the (first) filter token, when it is
 * a plain number in [0, 360]. A negative number there is NINA's sensor temperature, not an angle.
 */
import { createFilterSet, type FilterSet } from '@astrotrack/core';
import { fileStem } from './name-tokens.js';
import { findFilterTokenInName, type FilterToken } from './detect-filter.js';

export interface AngleMatch {
  degrees: number;
  token: string;
}

export function findAngle(stem: string, filters: FilterSet): AngleMatch | null {
  const filter = findFilterTokenInName(stem, filters);
  return filter ? angleAfter(stem, filter) : null;
}

/** Reads the plain number that follows `<filter>_`, without another regular expression. */
export function angleAfter(stem: string, filter: FilterToken): AngleMatch | null {
  const start = filter.end + 1;
  if (stem.charCodeAt(filter.end) !== UNDERSCORE) return null;
  let end = start;
  let dots = 0;
  while (end < stem.length && stem.charCodeAt(end) !== UNDERSCORE) {
    const code = stem.charCodeAt(end);
    if (code === DOT) dots++;
    else if (code < ZERO || code > NINE) return null;
    end++;
  }
  const token = stem.slice(start, end);
  if (token === '' || dots > 1 || token.startsWith('.') || token.endsWith('.')) return null;
  const degrees = Number(token);
  if (degrees > 360) return null;
  return { degrees: degrees === 360 ? 0 : degrees, token };
}

const UNDERSCORE = 95;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const defaultFilters = createFilterSet();

/** `extract_angle(filename)`: degrees, or null. */
export function extractAngle(filename: string, filters: FilterSet = defaultFilters): number | null {
  return findAngle(fileStem(filename), filters)?.degrees ?? null;
}
