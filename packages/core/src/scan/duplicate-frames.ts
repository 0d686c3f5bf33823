/**
 * Finds frames already counted: the same file reached by another path (a hard link; `organize
 * --mode hardlink` makes them), or a copy of it (a backup folder, a stacking program's copy). A copy
 * is known by its header's facts: capture time, exposure, filter, camera, telescope and image size;
 * a header without a capture time says too little to tell frames apart, and is never a copy.
 *
 * Only a 53-bit hash of each frame's facts and its path are kept: a million frames cost tens of MB.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

export const COPY_KEYWORDS = [
  'DATE-OBS',
  'DATE-LOC',
  'EXPTIME',
  'EXPOSURE',
  'FILTER',
  'INSTRUME',
  'TELESCOP',
  'NAXIS1',
  'NAXIS2',
] as const;

/** The facts that make a frame that frame, as text; null when the header has no capture time. */
export function copyKeyOf(get: (keyword: string) => unknown): string | null {
  const date = get('DATE-OBS') ?? get('DATE-LOC');
  if (typeof date !== 'string' || date.trim() === '') return null;
  return COPY_KEYWORDS.map((keyword) => {
    const value = get(keyword);
    // Only text and numbers: what the header cache keeps, so a cached read gives the same key.
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }).join('\u0000');
}

export interface Duplicate {
  relativePath: string;
  /** The frame counted in its place. */
  sameAs: string;
  /** The very same file (hard link), or a copy with the same header facts. */
  how: 'same file' | 'copy';
}

export class DuplicateFinder {
  private readonly seen = new Map<number, string>();

  /** The frame this one duplicates, or null when it is the first of its kind. */
  async check(
    root: string,
    relativePath: string,
    copyKey: string | null,
  ): Promise<Duplicate | null> {
    if (copyKey === null) return null;
    const hash = hash53(copyKey);
    const first = this.seen.get(hash);
    if (first === undefined) {
      this.seen.set(hash, relativePath);
      return null;
    }
    const how = (await sameFile(join(root, first), join(root, relativePath)))
      ? 'same file'
      : 'copy';
    return { relativePath, sameAs: first, how };
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** cyrb53: a fast 53-bit string hash (public domain, bryc). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
