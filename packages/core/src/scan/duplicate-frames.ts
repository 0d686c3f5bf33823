/**
 * Finds frames already counted: the same file reached by another path (a hard link; `organize
 * --mode hardlink` makes them), or a copy of it (a backup folder, a stacking program's copy). A copy
 * is known by its header's facts (headers/copy-key.ts); a header without a capture time says too
 * little to tell frames apart, and is never a copy.
 *
 * Only a 53-bit hash of each frame's facts and its path are kept: a million frames cost tens of MB.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuplicateFrame } from '../report/report-types.js';

export class DuplicateFinder {
  private readonly seen = new Map<number, string>();

  /** The frame counted already with this key, or null (and this one is remembered): per frame, so synchronous. */
  firstWith(relativePath: string, copyKey: string): string | null {
    const hash = hash53(copyKey);
    const first = this.seen.get(hash);
    if (first !== undefined) return first;
    this.seen.set(hash, relativePath);
    return null;
  }

  /** What a frame found again is of the first: the same file (a hard link), or a copy. */
  async describe(root: string, relativePath: string, sameAs: string): Promise<DuplicateFrame> {
    const same = await sameFile(join(root, sameAs), join(root, relativePath));
    return { relativePath, sameAs, how: same ? 'same file' : 'copy' };
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
