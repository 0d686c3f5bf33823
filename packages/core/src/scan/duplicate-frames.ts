/**
 * Finds frames already counted: the same file reached by another path (a hard link; `organize
 * --mode hardlink` makes them), or a copy of it (a backup folder, a stacking program's copy). A copy
 * is known by its header's facts (headers/copy-key.ts); a header without a capture time says too
 * little to tell frames apart, and is never a copy.
 *
 * Only a 53-bit hash of each frame's facts (in typed arrays) and its path (packed-paths.ts) are
 * kept: no JavaScript object or string per frame. A Map of strings cost about 175 bytes a frame;
 * this about 33 at a million frames (24 of them the hash table at half load).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuplicateFrame } from '../report/report-types.js';
import { PackedPaths } from './packed-paths.js';

export class DuplicateFinder {
  /** Open addressing: each slot a hash + 1 (0: empty), and the path's index in `paths`. */
  private keys = new Float64Array(1024);
  private slots = new Uint32Array(1024);
  private readonly paths = new PackedPaths();

  /** The frame counted already with this key, or null (and this one is remembered): per frame, so synchronous. */
  firstWith(relativePath: string, copyKey: string): string | null {
    const key = hash53(copyKey) + 1;
    const slot = this.find(key);
    if (this.keys[slot] === key) return this.paths.get(this.slots[slot]!);
    this.keys[slot] = key;
    this.slots[slot] = this.paths.add(relativePath);
    if (this.paths.length * 2 > this.keys.length) this.grow();
    return null;
  }

  /** The slot holding `key`, or the empty one where it would go. */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let slot = key % this.keys.length;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const slot = this.find(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.slots[slot] = slots[i]!;
    }
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
