/**
 * Finds frames already counted: the same file reached by another path (a hard link; `organize
 * --mode hardlink` makes them), or a copy of it (a backup folder, a stacking program's copy). A copy
 * is known by its header's facts (headers/copy-key.ts); a header without a capture time says too
 * little to tell frames apart, and is never a copy.
 *
 * Only a 53-bit hash of each frame's facts (in typed arrays) and its path (packed-paths.ts) are
 * kept: no JavaScript object or string per frame. A Map of strings cost about 175 bytes a frame;
 * this about 25 at a million frames: 8 for the hash, 8 for the table at most half full, 9 the path.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuplicateFrame } from '../report/report-types.js';
import { PackedPaths } from './packed-paths.js';

export class DuplicateFinder {
  /** Each frame's hash, by its index in `paths`. */
  private hashes = new Float64Array(1024);
  /** Open addressing at most half full: each slot a frame's index + 1 (0: empty). */
  private slots = new Uint32Array(2048);
  private readonly paths = new PackedPaths();

  /** The frame counted already with this key, or null (and this one is remembered): per frame, so synchronous. */
  firstWith(relativePath: string, copyKey: string): string | null {
    const hash = hash53(copyKey);
    const slot = this.find(hash);
    if (this.slots[slot] !== 0) return this.paths.get(this.slots[slot]! - 1);
    const index = this.paths.add(relativePath);
    if (index === this.hashes.length) this.hashes = grown(this.hashes);
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    if (this.paths.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return null;
  }

  /** The slot holding a frame with this hash, or the empty one where it would go. */
  private find(hash: number): number {
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    let slot = hash % slots.length;
    while (slots[slot] !== 0 && hashes[slots[slot]! - 1] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(size: number): void {
    this.slots = new Uint32Array(size);
    for (let index = 0; index < this.paths.length; index++)
      this.slots[this.find(this.hashes[index]!)] = index + 1;
  }

  /** What a frame found again is of the first: the same file (a hard link), or a copy. */
  async describe(root: string, relativePath: string, sameAs: string): Promise<DuplicateFrame> {
    const same = await sameFile(join(root, sameAs), join(root, relativePath));
    return { relativePath, sameAs, how: same ? 'same file' : 'copy' };
  }
}

function grown(from: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const to = new Float64Array(from.length * 2);
  to.set(from);
  return to;
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
