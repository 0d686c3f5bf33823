/**
 * The toolkit's filter rule: the nearest folder named like a known filter, else the first file-name
 * token (split on `_` and `-`) that is one. Names and aliases match in any letter case.
 */
import { createFilterSet, type FieldSource, type FilterSet } from '@astrotrack/core';
import { fileStem, filterTokens, folderNames } from './name-tokens.js';

export interface FilterMatch {
  filter: string;
  source: FieldSource;
}

export function findFilter(folders: readonly string[], stem: string, filters: FilterSet): FilterMatch | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const filter = filters.canonical(folders[i]!);
    if (filter) return { filter, source: { origin: 'folder', detail: `folder "${folders[i]}"` } };
  }
  for (const token of filterTokens(stem)) {
    const filter = filters.canonical(token);
    if (filter) return { filter, source: { origin: 'filename', detail: `token "${token}"` } };
  }
  return null;
}

const defaultFilters = createFilterSet();

/** `detect_filter(path)`: the filter of a frame from its path, or null. */
export function detectFilter(path: string, filters: FilterSet = defaultFilters): string | null {
  return findFilter(folderNames(path), fileStem(path), filters)?.filter ?? null;
}
