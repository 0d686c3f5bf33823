/** Frame kind from names: ASIAIR's `Light_`/`Flat_` prefixes, NINA's `LIGHT`/`FLAT` folders, `Darks/`… */
import type { FieldSource, FrameKind } from '@astrotrack/core/internal';

const KIND_WORDS: Record<string, FrameKind> = {
  light: 'light',
  lights: 'light',
  flat: 'flat',
  flats: 'flat',
  dark: 'dark',
  darks: 'dark',
  bias: 'bias',
  biases: 'bias',
  darkflat: 'darkflat',
  darkflats: 'darkflat',
  flatdark: 'darkflat',
  flatdarks: 'darkflat',
};

export function kindOfWord(word: string): FrameKind | null {
  if (!/^[a-z]/i.test(word)) return null;
  const lower = word.toLowerCase();
  return KIND_WORDS[lower] ?? KIND_WORDS[lower.replace(/[\s_-]/g, '')] ?? null;
}

export interface KindMatch {
  kind: FrameKind;
  source: FieldSource;
}

/** The file name's first token wins, then the nearest folder named like a kind. */
export function findFrameKind(folders: readonly string[], stem: string): KindMatch | null {
  return findKindInName(stem) ?? findKindInFolders(folders);
}

export function findKindInName(stem: string): KindMatch | null {
  const end = stem.indexOf('_');
  const first = end === -1 ? stem : stem.slice(0, end);
  const kind = kindOfWord(first);
  return kind ? { kind, source: { origin: 'filename', detail: first } } : null;
}

export function findKindInFolders(folders: readonly string[]): KindMatch | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const kind = kindOfWord(folders[i]!);
    if (kind) return { kind, source: { origin: 'folder', detail: folders[i]! } };
  }
  return null;
}
