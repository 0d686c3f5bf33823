/**
 * One regular expression per filter set finds the first filter token of a name (split on `_` and
 * `-`) in a single pass, instead of splitting every name into an array of tokens.
 */
import type { FilterSet } from '@astrotrack/core';

export interface NamePatterns {
  /** Group 1: the first token that is a filter spelling. */
  filterToken: RegExp;
}

const cache = new WeakMap<FilterSet, NamePatterns>();

export function namePatterns(filters: FilterSet): NamePatterns {
  let patterns = cache.get(filters);
  if (!patterns) {
    const spellings = filters.spellingsPattern || '(?!)';
    patterns = { filterToken: new RegExp(`(?:^|[_-])(${spellings})(?=[_-]|$)`, 'i') };
    cache.set(filters, patterns);
  }
  return patterns;
}
