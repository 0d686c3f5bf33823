/**
 * The toolkit's angle rule: the `_`-separated token right after the filter token, when it is a plain
 * number in [0, 360]. A negative number there is NINA's sensor temperature, not an angle.
 */
import { createFilterSet, type FilterSet } from '@astrotrack/core';
import { fileStem, underscoreTokens } from './name-tokens.js';

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

export interface AngleMatch {
  degrees: number;
  token: string;
}

export function findAngle(stem: string, filters: FilterSet): AngleMatch | null {
  const tokens = underscoreTokens(stem);
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!filters.canonical(tokens[i]!)) continue;
    const next = tokens[i + 1]!;
    if (!PLAIN_NUMBER.test(next)) continue;
    const degrees = Number(next);
    if (degrees <= 360) return { degrees: degrees === 360 ? 0 : degrees, token: next };
  }
  return null;
}

const defaultFilters = createFilterSet();

/** `extract_angle(filename)`: degrees, or null. */
export function extractAngle(filename: string, filters: FilterSet = defaultFilters): number | null {
  return findAngle(fileStem(filename), filters)?.degrees ?? null;
}
