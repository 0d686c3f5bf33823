/**
 * The toolkit's filter rule: the nearest folder named like a known filter, else the first file-name
 * token (split on `_` and `-`) that is one. Names and aliases match in any letter case.
 */
import { createFilterSet, type FieldSource, type FilterSet } from '@astrotrack/core/internal';
import { fileStem, folderNames } from './name-tokens.js';
import { namePatterns } from './name-patterns.js';

export interface FilterMatch {
  filter: string;
  source: FieldSource;
}

export function findFilter(
  folders: readonly string[],
  stem: string,
  filters: FilterSet,
): FilterMatch | null {
  return findFilterInFolders(folders, filters) ?? findFilterInName(stem, filters);
}

export function findFilterInFolders(
  folders: readonly string[],
  filters: FilterSet,
): FilterMatch | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const filter = filters.canonical(folders[i]!);
    if (filter) return { filter, source: { origin: 'folder', detail: folders[i]! } };
  }
  return null;
}

export interface FilterToken {
  filter: string;
  token: string;
  /** Index just past the token in the name. */
  end: number;
}

export function findFilterTokenInName(stem: string, filters: FilterSet): FilterToken | null {
  const match = namePatterns(filters).filterToken.exec(stem);
  if (!match) return null;
  const token = match[1]!;
  const end = match.index + match[0].length;
  return { filter: filters.canonical(token)!, token, end };
}

export function findFilterInName(stem: string, filters: FilterSet): FilterMatch | null {
  const found = findFilterTokenInName(stem, filters);
  return found
    ? { filter: found.filter, source: { origin: 'filename', detail: found.token } }
    : null;
}

const defaultFilters = createFilterSet();

/** `detect_filter(path)`: the filter of a frame from its path, or null. */
export function detectFilter(path: string, filters: FilterSet = defaultFilters): string | null {
  return findFilter(folderNames(path), fileStem(path), filters)?.filter ?? null;
}
