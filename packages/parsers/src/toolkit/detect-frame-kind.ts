/** Frame kind from names: ASIAIR's `Light_`/`Flat_` prefixes, NINA's `LIGHT`/`FLAT` folders, `Darks/`… */
import type { FieldSource, FrameKind } from '@astrotrack/core';

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
  return KIND_WORDS[word.toLowerCase().replace(/[\s_-]/g, '')] ?? null;
}

export interface KindMatch {
  kind: FrameKind;
  source: FieldSource;
}

/** The file name's first token wins, then the nearest folder named like a kind. */
export function findFrameKind(folders: readonly string[], stem: string): KindMatch | null {
  const first = stem.split('_')[0] ?? '';
  const fromName = kindOfWord(first);
  if (fromName) return { kind: fromName, source: { origin: 'filename', detail: `token "${first}"` } };
  for (let i = folders.length - 1; i >= 0; i--) {
    const kind = kindOfWord(folders[i]!);
    if (kind) return { kind, source: { origin: 'folder', detail: `folder "${folders[i]}"` } };
  }
  return null;
}
