import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Relative paths kept in the order they were added, in as little memory as a million frames
 * allow: blocks of 256 consecutive paths joined by NUL (no path holds one), as UTF-8 bytes in
 * chunks of 1 MB. Once the list is large, each block is deflated as it fills: frame paths repeat
 * their folders and most of their names, so a path takes about 9 bytes instead of 71 (measured on
 * the bench's million-frame archive; 275 ms of deflating in all). Below that size nothing is
 * deflated, so a small scan pays nothing for it. Reading a path back decodes its block: rare (a
 * copy found), and the last block decoded is kept.
 */
export class PackedPaths {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  /** Per closed block: its chunk, where its bytes start in it, and how many. */
  private chunkOf: number[] = [];
  private offsets: number[] = [];
  private sizes: number[] = [];
  private open: string[] = [];
  private decoded: { block: number; paths: string[] } | null = null;
  length = 0;

  /** @param deflateFrom how many paths the list holds before blocks are deflated. */
  constructor(private readonly deflateFrom = DEFLATE_FROM) {}

  /** Adds a path; returns its index. */
  add(path: string): number {
    if (path.includes('\0')) throw new RangeError(`a path holding NUL: ${JSON.stringify(path)}`);
    const index = this.length++;
    this.open.push(path);
    if (this.open.length === BLOCK) this.close();
    return index;
  }

  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.length)
      throw new RangeError(`no path ${index} in a list of ${this.length}`);
    const block = Math.floor(index / BLOCK);
    const at = index % BLOCK;
    if (block === this.sizes.length) return this.open[at]!;
    if (this.decoded?.block !== block) this.decoded = { block, paths: this.read(block) };
    return this.decoded.paths[at]!;
  }

  private close(): void {
    const text = Buffer.from(this.open.join('\0'));
    const bytes = this.isDeflated(this.sizes.length) ? deflateRawSync(text, { level: 1 }) : text;
    // Copied into a chunk: a buffer from zlib or Buffer.from may be a view of a far larger one. A
    // block larger than a chunk (paths far beyond any real one) gets a chunk of its own.
    const last = this.chunks.at(-1);
    if (!last || this.used + bytes.length > last.length) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK, bytes.length)));
      this.used = 0;
    }
    bytes.copy(this.chunks.at(-1)!, this.used);
    this.chunkOf.push(this.chunks.length - 1);
    this.offsets.push(this.used);
    this.sizes.push(bytes.length);
    this.used += bytes.length;
    this.open = [];
  }

  private read(block: number): string[] {
    const offset = this.offsets[block]!;
    const bytes = this.chunks[this.chunkOf[block]!]!.subarray(offset, offset + this.sizes[block]!);
    return (this.isDeflated(block) ? inflateRawSync(bytes) : bytes).toString('utf8').split('\0');
  }

  /** Blocks close full, so a block is deflated when the list held `deflateFrom` paths at its end. */
  private isDeflated(block: number): boolean {
    return (block + 1) * BLOCK >= this.deflateFrom;
  }
}

const BLOCK = 256;
const CHUNK = 1 << 20;
/** The first 65,536 paths (about 4.6 MB) are kept as they are. */
const DEFLATE_FROM = 65_536;
