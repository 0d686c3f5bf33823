/**
 * What was read from each frame's header, kept between scans so a rescan of an unchanged archive
 * opens no file: an entry is used only while the file's size and modification time are those it
 * was read at; anything else is read again.
 *
 * Storage: one small JSON file per archive folder, under `<DIR>/.astrotrack/cache/v1/` (or the
 * folder the config names), named by a hash of the folder's path. Per folder because the walker
 * visits folder by folder: only one folder's entries are in memory at a time, so a million frames
 * never are; a changed folder rewrites only its own file; and a damaged file costs one folder's
 * headers, read again. Only values the engine uses are kept (about 200 bytes a frame).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FitsValue } from '../fits/parse-fits-card.js';
import type { HeaderLookup } from '../headers/header-fields.js';

export const CACHE_VERSION = 1;

/** Every keyword and XISF property `fieldsFromHeader` and the engine may ask for. */
export const CACHED_KEYWORDS = [
  'IMAGETYP',
  'FRAME',
  'EXPTIME',
  'EXPOSURE',
  'EXP',
  'FILTER',
  'OBJECT',
  'XBINNING',
  'CCDXBIN',
  'YBINNING',
  'CCDYBIN',
  'GAIN',
  'OFFSET',
  'CCD-TEMP',
  'TEMPERAT',
  'DATE-OBS',
  'DATE-LOC',
  'SITELONG',
  'LONG-OBS',
  'ROTATOR',
  'ROTATANG',
  'OBJCTROT',
  'POSANGLE',
  'ANGLE',
] as const;
export const CACHED_PROPERTIES = [
  'Instrument:ExposureTime',
  'Instrument:Filter:Name',
  'Observation:Object:Name',
  'Observation:Time:Start',
] as const;

interface StoredHeader {
  /** Keyword values present in the header. */
  v: Record<string, FitsValue>;
  /** XISF properties present. */
  p?: Record<string, string>;
  /** XISF `imageType`. */
  t?: string | null;
}

interface Entry {
  /** Size in bytes and modification time (ms) when read. */
  s: number;
  m: number;
  h?: StoredHeader;
  /** A header that could not be read: the same problem until the file changes. */
  e?: string;
}

export type CachedRead = { header: HeaderLookup } | { error: string };

/**
 * Where an archive's cache lives: in the archive (`<DIR>/.astrotrack/cache/v1`), or, when the config
 * names a cache folder, in a subfolder of it for this archive alone.
 */
export function cacheFolderFor(root: string, configured?: string): string {
  if (!configured) return join(root, '.astrotrack', 'cache', `v${CACHE_VERSION}`);
  const archive = createHash('sha1').update(root).digest('hex').slice(0, 16);
  return join(configured, `v${CACHE_VERSION}`, archive);
}

export class HeaderCache {
  readonly warnings: string[] = [];
  private readonly visited = new Set<string>();
  private writable = true;
  hits = 0;
  misses = 0;

  constructor(private readonly folder: string) {}

  /** The cache of one archive folder (`''` for the root), for the files the walker found in it. */
  open(relativeFolder: string): FolderCache {
    const file = join(
      this.folder,
      `${createHash('sha1').update(relativeFolder).digest('hex').slice(0, 20)}.json`,
    );
    this.visited.add(file);
    return new FolderCache(this, file, relativeFolder, this.load(file, relativeFolder));
  }

  /** After a complete walk: drops the caches of folders that are gone. */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(this.folder, name);
      if (name.endsWith('.json') && !this.visited.has(file)) rmSync(file, { force: true });
    }
  }

  private load(file: string, relativeFolder: string): Map<string, Entry> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new Map();
    }
    try {
      const data = JSON.parse(text) as { v?: unknown; folder?: unknown; entries?: unknown };
      if (
        data.v !== CACHE_VERSION ||
        data.folder !== relativeFolder ||
        typeof data.entries !== 'object' ||
        data.entries === null
      )
        throw new Error('not a cache file of this version and folder');
      return new Map(Object.entries(data.entries as Record<string, Entry>));
    } catch (error) {
      this.warnings.push(
        `the header cache ${file} was damaged (${(error as Error).message}); its headers are read again`,
      );
      return new Map();
    }
  }

  /** Written to a temporary file, then renamed: a kill leaves the old cache or the new one. */
  write(file: string, relativeFolder: string, entries: ReadonlyMap<string, Entry>): void {
    if (!this.writable) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.folder, { recursive: true });
      if (entries.size === 0) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(
        temporary,
        JSON.stringify({
          v: CACHE_VERSION,
          folder: relativeFolder,
          entries: Object.fromEntries(entries),
        }),
      );
      renameSync(temporary, file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written there either.
      }
      this.writable = false;
      this.warnings.push(
        `cannot write the header cache in ${this.folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set cache.folder in astro.config to a writable folder, or use --no-cache`,
      );
    }
  }
}

export class FolderCache {
  private readonly seen = new Map<string, Entry>();
  private changed = false;

  constructor(
    private readonly cache: HeaderCache,
    private readonly file: string,
    private readonly relativeFolder: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * The stored read of a file, if it has not changed since. Times are compared to the nearest millisecond:
   * the finest that survives copies between file systems.
   */
  get(name: string, size: number, mtimeMs: number): CachedRead | undefined {
    mtimeMs = Math.round(mtimeMs);
    const entry = this.entries.get(name);
    if (!entry || entry.s !== size || entry.m !== mtimeMs || !isEntry(entry)) {
      this.cache.misses++;
      return undefined;
    }
    this.cache.hits++;
    this.seen.set(name, entry);
    return entry.e !== undefined ? { error: entry.e } : { header: cachedLookup(entry.h!) };
  }

  put(
    name: string,
    size: number,
    mtimeMs: number,
    read: { header: HeaderLookup } | { error: string },
  ): void {
    this.changed = true;
    const m = Math.round(mtimeMs);
    this.seen.set(
      name,
      'error' in read ? { s: size, m, e: read.error } : { s: size, m, h: storeHeader(read.header) },
    );
  }

  /** Writes the folder's cache if anything was added, changed or is gone. */
  close(): void {
    if (this.changed || this.seen.size !== this.entries.size)
      this.cache.write(this.file, this.relativeFolder, this.seen);
  }
}

function isEntry(entry: Entry): boolean {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (typeof entry.e === 'string' ||
      (typeof entry.h === 'object' && entry.h !== null && typeof entry.h.v === 'object'))
  );
}

function storeHeader(header: HeaderLookup): StoredHeader {
  const v: Record<string, FitsValue> = {};
  for (const keyword of CACHED_KEYWORDS) {
    const value = header.get(keyword);
    if (value !== undefined) v[keyword] = value;
  }
  const stored: StoredHeader = { v };
  if (header.property) {
    const p: Record<string, string> = {};
    for (const id of CACHED_PROPERTIES) {
      const value = header.property(id);
      if (value !== undefined) p[id] = value;
    }
    stored.p = p;
  }
  if (header.imageType !== undefined) stored.t = header.imageType;
  return stored;
}

function cachedLookup(stored: StoredHeader): HeaderLookup {
  const lookup: HeaderLookup = { get: (keyword) => stored.v[keyword] };
  if (stored.p) lookup.property = (id) => stored.p![id];
  if (stored.t !== undefined) lookup.imageType = stored.t;
  return lookup;
}
