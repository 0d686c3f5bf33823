/**
 * What was read from each frame's header, kept between scans so a rescan of an unchanged archive
 * opens no file: an entry is used only while the file's size, modification time and change time
 * (ctime: which no program can set back, so a header edited in place with its mtime restored is
 * read again) are those it was read at; anything else is read again.
 *
 * Storage: one small JSON file per archive folder, under `<DIR>/.astrotrack/cache/v4/` (or the
 * folder the config names), named by a hash of the folder's path. Per folder because the walker
 * visits folder by folder: only one folder's entries are in memory at a time, so a million frames
 * never are; a changed folder rewrites only its own file; and a damaged file costs one folder's
 * headers, read again. Only values the engine uses are kept, and a folder's shared values once
 * (about 130 bytes a frame; `StoredEntry`).
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CAMERA_KEYWORDS } from '../headers/copy-key.js';
import type { HeaderLookup } from '../headers/header-fields.js';

export const CACHE_VERSION = 4;
/** The names `fileOf` gives: what prune may remove. */
const CACHE_FILE_NAME = /^[0-9a-f]{20}\.json$/;

/** Every keyword and XISF property `fieldsFromHeader` and the engine may ask for. */
// Common ones first: trailing absent values are not written.
export const CACHED_KEYWORDS = [
  'IMAGETYP',
  'EXPTIME',
  'FILTER',
  'OBJECT',
  'XBINNING',
  'YBINNING',
  'GAIN',
  'OFFSET',
  'CCD-TEMP',
  'DATE-OBS',
  'DATE-LOC',
  'ROTATOR',
  'ROTATANG',
  'SITELONG',
  'OBJCTROT',
  'POSANGLE',
  'ANGLE',
  'FRAME',
  'EXPOSURE',
  'EXP',
  'CCDXBIN',
  'CCDYBIN',
  'TEMPERAT',
  'LONG-OBS',
  'BINNING',
  'PA',
  // What tells a copy of a frame, besides the above.
  ...CAMERA_KEYWORDS,
  // Cards many headers lack, last: absent at the end of an entry, they take no room.
  'BAYERPAT',
  'COLORTYP',
  'ISO',
  'ISOSPEED',
  'OBSGEO-L',
  'FOCRATIO',
  'AMBTEMP',
  'MPSAS',
  'SQM',
  'READOUTM',
  'HFR',
  'FWHM',
  'FOCALLEN',
  'XPIXSZ',
] as const;
const KEYWORD_INDEX = new Map<string, number>(
  CACHED_KEYWORDS.map((keyword, index) => [keyword, index]),
);
export const CACHED_PROPERTIES = [
  'Instrument:ExposureTime',
  'Instrument:Filter:Name',
  'Observation:Object:Name',
  'Observation:Time:Start',
  'Instrument:Camera:Name',
  'Instrument:Telescope:Name',
] as const;

/**
 * The lists entries follow, fingerprinted: an entry is a row of values by position, so a cache
 * written with other lists (a keyword added) would give wrong values. Such a cache is simply read
 * again, whatever the version says.
 */
const LISTS_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify([CACHED_KEYWORDS, CACHED_PROPERTIES]))
  .digest('hex')
  .slice(0, 16);

/**
 * One file, in memory, positionally: `[size, mtimeMs, ctimeMs, values, problems]` where `values`
 * follows CACHED_KEYWORDS (null: absent; only text and numbers are kept, the only values the
 * engine uses) and `problems` is 0 or the cards read leniently, by their index in `values`; then
 * for XISF `properties` and `imageType`; or `[size, mtimeMs, ctimeMs, "problem"]` for a header that
 * could not be read.
 */
type Entry =
  | [
      size: number,
      mtimeMs: number,
      ctimeMs: number,
      values: (string | number | null)[],
      problems: 0 | Record<number, string>,
      properties?: Record<string, string>,
      imageType?: string | null,
    ]
  | [size: number, mtimeMs: number, ctimeMs: number, problem: string];

/** What a file's entry is checked against. */
export interface FileState {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
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

export interface HeaderCacheOptions {
  /** Use what is stored, write and delete nothing: for dry runs, which promise to change nothing. */
  readOnly?: boolean;
}

export class HeaderCache {
  readonly warnings: string[] = [];
  private readonly visited = new Set<string>();
  readonly readOnly: boolean;
  private writable: boolean;
  hits = 0;
  misses = 0;

  constructor(
    private readonly folder: string,
    options: HeaderCacheOptions = {},
  ) {
    this.readOnly = options.readOnly ?? false;
    this.writable = !this.readOnly;
  }

  /** The cache of one archive folder (`''` for the root), for the files the walker found in it. */
  open(relativeFolder: string): FolderCache {
    const file = this.fileOf(relativeFolder);
    this.visited.add(file);
    return new FolderCache(this, file, relativeFolder, this.load(file, relativeFolder));
  }

  /**
   * After files were moved or linked within the archive (`from` → `to`, relative, `/`-separated):
   * each file's entry is copied to its new place, so the next scan opens none of them. Entries stay
   * where they were too, which keeps an undo cheap; a scan drops whatever no longer matches a file.
   * Returns how many entries were copied.
   */
  copyEntries(moves: readonly { from: string; to: string }[], root: string): number {
    const byFolder = new Map<string, Map<string, Entry>>();
    const entriesOf = (relativeFolder: string) => {
      let entries = byFolder.get(relativeFolder);
      if (!entries) {
        entries = this.load(this.fileOf(relativeFolder), relativeFolder).all();
        byFolder.set(relativeFolder, entries);
      }
      return entries;
    };
    const changed = new Set<string>();
    let copied = 0;
    // A move or a new link changes a file's ctime but not its content: the entry is carried over
    // with the new ctime if size and mtime are still the ones it was read at.
    const restamped = (entry: Entry, path: string): Entry | null => {
      let state: FileState;
      try {
        state = statSync(join(root, path));
      } catch {
        return null;
      }
      if (state.size !== entry[0] || Math.round(state.mtimeMs) !== entry[1]) return null;
      const copy = [...entry] as Entry;
      copy[2] = Math.round(state.ctimeMs);
      return copy;
    };
    for (const { from, to } of moves) {
      const source = splitPath(from);
      const entry = entriesOf(source.folder).get(source.name);
      if (!entry || !isEntry(entry)) continue;
      const moved = restamped(entry, to);
      if (!moved) continue;
      const target = splitPath(to);
      entriesOf(target.folder).set(target.name, moved);
      changed.add(target.folder);
      const stayed = restamped(entry, from);
      if (stayed) {
        entriesOf(source.folder).set(source.name, stayed);
        changed.add(source.folder);
      }
      copied++;
    }
    for (const relativeFolder of changed) {
      this.write(this.fileOf(relativeFolder), relativeFolder, byFolder.get(relativeFolder)!);
    }
    return copied;
  }

  private fileOf(relativeFolder: string): string {
    return join(
      this.folder,
      `${createHash('sha1').update(relativeFolder).digest('hex').slice(0, 20)}.json`,
    );
  }

  /**
   * After a complete walk: drops the caches of folders that are gone, and the caches older versions
   * of astrotrack kept for this archive (`v3/` beside `v4/`: never read again). Only files named as
   * this cache names them are removed, and only in a real folder: never through a link to
   * somewhere else.
   */
  prune(): void {
    if (this.readOnly || linkOnTheWay(this.folder)) return;
    removeCacheFiles(this.folder, (file) => !this.visited.has(file));
    for (const older of olderVersionFolders(this.folder)) {
      if (linkOnTheWay(older)) continue;
      removeCacheFiles(older, () => true);
      removeIfEmpty(older);
      // Under a configured folder, `v3/<archive>`: `v3` itself goes when no archive is left in it.
      if (basename(dirname(older)) !== 'cache') removeIfEmpty(dirname(older));
    }
  }

  private load(file: string, relativeFolder: string): StoredEntries {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return StoredEntries.none;
    }
    try {
      const data = JSON.parse(text) as {
        v?: unknown;
        keys?: unknown;
        folder?: unknown;
        base?: unknown;
        entries?: unknown;
      };
      // Written by a version that kept other cards: not damaged, only not ours to read.
      if (data.v === CACHE_VERSION && data.keys !== LISTS_FINGERPRINT) return StoredEntries.none;
      if (
        data.v !== CACHE_VERSION ||
        data.folder !== relativeFolder ||
        !Array.isArray(data.base) ||
        typeof data.entries !== 'object' ||
        data.entries === null
      )
        throw new Error('not a cache file of this version and folder');
      return new StoredEntries(
        new Map(Object.entries(data.entries as Record<string, unknown>)),
        data.base as Value[],
      );
    } catch (error) {
      this.warnings.push(
        `the header cache ${file} was damaged (${(error as Error).message}); its headers are read again`,
      );
      return StoredEntries.none;
    }
  }

  /** Written to a temporary file, then renamed: a kill leaves the old cache or the new one. */
  write(file: string, relativeFolder: string, entries: ReadonlyMap<string, Entry>): void {
    const base = baseOf(entries);
    const stored = new Map<string, string>();
    for (const [name, entry] of entries) stored.set(name, JSON.stringify(encodeEntry(entry, base)));
    this.writeStored(file, relativeFolder, base, stored);
  }

  /** `write`, with each entry already as the file keeps it (changes from `base`), in JSON. */
  writeStored(
    file: string,
    relativeFolder: string,
    base: readonly Value[],
    entries: ReadonlyMap<string, string>,
  ): void {
    if (!this.writable) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      if (linkOnTheWay(this.folder))
        throw new Error('its folder is reached through a symbolic link: not written through it');
      mkdirSync(this.folder, { recursive: true });
      if (entries.size === 0) {
        rmSync(file, { force: true });
        return;
      }
      // Joined as text: an object of a folder's entries (Object.fromEntries) was the largest
      // garbage of a first scan (17 MB of old generation at 100,000 frames).
      const stored: string[] = [];
      for (const [name, entry] of entries) stored.push(`${JSON.stringify(name)}:${entry}`);
      const head = JSON.stringify({
        v: CACHE_VERSION,
        keys: LISTS_FINGERPRINT,
        folder: relativeFolder,
        base,
      });
      writeFileSync(temporary, `${head.slice(0, -1)},"entries":{${stored.join(',')}}}`);
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

/** In `FolderCache.seen`: the file's entry as stored, unchanged (made again only to be written). */
const AS_STORED = 0;

export class FolderCache {
  /**
   * Entries for the files this scan found: new or changed ones in the JSON the file keeps (changes
   * from `base`), or AS_STORED. Text, not values: a header's strings are slices of its whole
   * 5,760-byte text, so values kept until the folder is written kept every header of the folder
   * alive into the old generation.
   */
  private readonly seen = new Map<string, string | typeof AS_STORED>();
  private changed = false;
  /** The row new entries are stored as changes from: the file's own, else the first header put. */
  private base: readonly Value[] | null;

  constructor(
    private readonly cache: HeaderCache,
    private readonly file: string,
    private readonly relativeFolder: string,
    private readonly entries: StoredEntries,
  ) {
    this.base = entries.base.length > 0 ? entries.base : null;
  }

  /**
   * Read-only with nothing stored for this folder: no file can be found in it or added to it, so
   * its files are read without a `stat` first. Each such read counts as a miss.
   */
  storesNothing(): boolean {
    if (!this.cache.readOnly || this.entries.size > 0) return false;
    this.cache.misses++;
    return true;
  }

  /** The stored read of a file, if it has not changed since (`sameStamp`). */
  get(name: string, state: FileState): CachedRead | undefined {
    const stamp = this.entries.stamp(name);
    const entry = stamp && sameStamp(stamp, state) ? this.entries.entry(name) : null;
    if (!entry) {
      this.cache.misses++;
      return undefined;
    }
    this.cache.hits++;
    // Not the entry itself: kept for a folder's whole scan, its values would outlive the young
    // generation and fill the old one (measured: 30 MB more at a million frames).
    this.seen.set(name, AS_STORED);
    return typeof entry[3] === 'string' ? { error: entry[3] } : { header: cachedLookup(entry) };
  }

  /** The size, mtime and ctime a file's entry was stored with; null without an entry. */
  stamp(name: string): readonly [number, number, number] | null {
    return this.entries.stamp(name);
  }

  put(name: string, state: FileState, read: { header: HeaderLookup } | { error: string }): void {
    if (this.cache.readOnly) return;
    this.changed = true;
    const stamp = [state.size, Math.round(state.mtimeMs), Math.round(state.ctimeMs)] as const;
    let entry: Entry;
    if ('error' in read) entry = [...stamp, read.error];
    else {
      const stored = storeHeader(read.header);
      // A copy: the header's own values are slices of its text.
      this.base ??= JSON.parse(JSON.stringify(stored[0])) as Value[];
      entry = [...stamp, ...stored];
    }
    this.seen.set(name, JSON.stringify(encodeEntry(entry, this.base ?? [])));
  }

  /** Writes the folder's cache if anything was added, changed or is gone. */
  close(): void {
    if (!this.changed && this.seen.size === this.entries.size) return;
    const base = this.base ?? this.entries.base;
    const entries = new Map<string, string>();
    for (const [name, entry] of this.seen) {
      const kept = entry === AS_STORED ? this.entries.storedFrom(name, base) : entry;
      if (kept) entries.set(name, typeof kept === 'string' ? kept : JSON.stringify(kept));
    }
    this.cache.writeStored(this.file, this.relativeFolder, base, entries);
  }
}

/**
 * A folder's entries as its file has them (`StoredEntry`), each made whole only when asked for: a
 * warm scan makes each one once, and lets it go with the frame it gave.
 */
class StoredEntries {
  static readonly none = new StoredEntries(new Map(), []);

  constructor(
    private readonly stored: ReadonlyMap<string, unknown>,
    readonly base: readonly Value[],
  ) {}

  get size(): number {
    return this.stored.size;
  }

  /** The size, mtime and ctime stored for a file; null without an entry, or a damaged one. */
  stamp(name: string): [number, number, number] | null {
    const stored = this.stored.get(name);
    if (!Array.isArray(stored)) return null;
    const [size, mtimeMs, ctimeAfter] = stored as unknown[];
    if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ctimeAfter !== 'number')
      return null;
    return [size, mtimeMs, mtimeMs + ctimeAfter];
  }

  /** A file's entry; null without one, or for a damaged one. */
  entry(name: string): Entry | null {
    const stored = this.stored.get(name);
    return stored === undefined ? null : decodeEntry(stored, this.base);
  }

  /**
   * An entry `get` found whole (`AS_STORED`), as the file keeps it with changes from `base`: as
   * read when `base` is the file's own row, else made again.
   */
  storedFrom(name: string, base: readonly Value[]): StoredEntry | null {
    if (base === this.base) return this.stored.get(name) as StoredEntry;
    const entry = this.entry(name);
    return entry && encodeEntry(entry, base);
  }

  /** Every entry that is not damaged. */
  all(): Map<string, Entry> {
    const entries = new Map<string, Entry>();
    for (const name of this.stored.keys()) {
      const entry = this.entry(name);
      if (entry) entries.set(name, entry);
    }
    return entries;
  }
}

/**
 * Whether a file still has the size and times an entry was stored with. Times are compared to the
 * nearest millisecond: the finest that survives copies between file systems.
 */
export function sameStamp(
  stamp: ArrayLike<unknown>,
  { size, mtimeMs, ctimeMs }: FileState,
): boolean {
  return stamp[0] === size && stamp[1] === Math.round(mtimeMs) && stamp[2] === Math.round(ctimeMs);
}

export type Value = string | number | null;

/**
 * An entry as the file keeps it: its values only where they differ from the folder's `base` row
 * (`[index, value, …]`), its ctime as the difference from its mtime. A folder's frames share most
 * of their cards (camera, gain, binning, telescope…): a frame takes about 130 bytes instead of 370,
 * and a warm scan parses a third of the text.
 */
type StoredEntry =
  | [
      size: number,
      mtimeMs: number,
      ctimeAfterMtime: number,
      changes: Value[],
      problems: 0 | Record<number, string>,
      properties?: Record<string, string>,
      imageType?: string | null,
    ]
  | [size: number, mtimeMs: number, ctimeAfterMtime: number, problem: string];

/** The values most entries of the folder share: the first header's. */
function baseOf(entries: ReadonlyMap<string, Entry>): Value[] {
  for (const entry of entries.values()) if (Array.isArray(entry[3])) return entry[3];
  return [];
}

function encodeEntry(entry: Entry, base: readonly Value[]): StoredEntry {
  const [size, mtimeMs, ctimeMs, read] = entry;
  if (typeof read === 'string') return [size, mtimeMs, ctimeMs - mtimeMs, read];
  return [size, mtimeMs, ctimeMs - mtimeMs, changesFrom(read, base), ...(entry.slice(4) as [0])];
}

/** The entry a file keeps, or null when it is damaged. */
function decodeEntry(stored: unknown, base: readonly Value[]): Entry | null {
  if (!Array.isArray(stored) || typeof stored[1] !== 'number' || typeof stored[2] !== 'number')
    return null;
  const [size, mtimeMs, ctimeAfter, read, ...rest] = stored as unknown[];
  const ctimeMs = (mtimeMs as number) + (ctimeAfter as number);
  if (typeof read === 'string') return checked([size, mtimeMs, ctimeMs, read]);
  const values = withChanges(read, base);
  return values && checked([size, mtimeMs, ctimeMs, values, ...rest]);
}

/** A header's values as `[index, value, …]` where they differ from `base`. */
export function changesFrom(values: readonly Value[], base: readonly Value[]): Value[] {
  const changes: Value[] = [];
  for (let index = 0; index < Math.max(values.length, base.length); index++) {
    const value = values[index] ?? null;
    if (value !== (base[index] ?? null)) changes.push(index, value);
  }
  return changes;
}

/** `base` with `changes` made (`changesFrom`); null when they are not such a list. */
export function withChanges(changes: unknown, base: readonly Value[]): Value[] | null {
  if (!Array.isArray(changes) || changes.length % 2 !== 0) return null;
  const values = base.slice();
  for (let at = 0; at < changes.length; at += 2) {
    const index = changes[at];
    if (!Number.isInteger(index) || index < 0 || index >= CACHED_KEYWORDS.length) return null;
    values[index] = changes[at + 1] as Value;
  }
  return values;
}

function checked(entry: unknown[]): Entry | null {
  return isEntry(entry) ? entry : null;
}

function isEntry(entry: unknown): entry is Entry {
  return (
    Array.isArray(entry) &&
    typeof entry[0] === 'number' &&
    typeof entry[1] === 'number' &&
    typeof entry[2] === 'number' &&
    (typeof entry[3] === 'string' || Array.isArray(entry[3]))
  );
}

/** A header as an entry stores it, after the file's size and times. */
export type StoredHeader = [
  values: (string | number | null)[],
  problems: 0 | Record<number, string>,
  properties?: Record<string, string>,
  imageType?: string | null,
];

export function storeHeader(header: HeaderLookup): StoredHeader {
  let problems: 0 | Record<number, string> = 0;
  const values: (string | number | null)[] = CACHED_KEYWORDS.map((keyword, index) => {
    const value = header.get(keyword);
    const problem = value === undefined ? undefined : header.problem?.(keyword);
    if (problem) {
      if (problems === 0) problems = {};
      problems[index] = problem;
    }
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  });
  while (values.length > 0 && values.at(-1) === null) values.pop();
  if (!header.property && header.imageType === undefined) return [values, problems];
  const properties: Record<string, string> = {};
  for (const id of CACHED_PROPERTIES) {
    const value = header.property?.(id);
    if (value !== undefined) properties[id] = value;
  }
  return [values, problems, properties, header.imageType ?? null];
}

function cachedLookup(entry: Entry): HeaderLookup {
  return storedLookup(entry, 3);
}

/** The lookup of a stored header: `stored` from `at` is a `StoredHeader`. */
export function storedLookup(stored: readonly unknown[], at = 0): HeaderLookup {
  const values = stored[at] as (string | number | null)[];
  const problems = stored[at + 1] as 0 | Record<number, string>;
  // Keywords are asked for as the engine writes them, upper case (as CACHED_KEYWORDS).
  const lookup: HeaderLookup = {
    get: (keyword) => {
      const index = KEYWORD_INDEX.get(keyword);
      if (index === undefined) return undefined;
      // A card whose value was left undefined (with its problem) is there, as the header said.
      return values[index] ?? (problems && problems[index] !== undefined ? null : undefined);
    },
  };
  if (problems) {
    lookup.problem = (keyword) => {
      const index = KEYWORD_INDEX.get(keyword);
      return index === undefined ? undefined : problems[index];
    };
  }
  if (stored.length > at + 2) {
    const properties = (stored[at + 2] ?? {}) as Record<string, string>;
    lookup.property = (id) => properties[id];
    lookup.imageType = (stored[at + 3] ?? null) as string | null;
  }
  return lookup;
}

function removeCacheFiles(folder: string, remove: (file: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = join(folder, name);
    if (CACHE_FILE_NAME.test(name) && remove(file)) rmSync(file, { force: true });
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty (a file not ours), or not there: left as it is.
  }
}

/**
 * Where older versions kept this archive's cache, as `cacheFolderFor` laid it out: `v1`…`v3` beside
 * `<DIR>/.astrotrack/cache/v4`, or `<folder>/v1/<archive>`… beside `<folder>/v4/<archive>`. None
 * for a cache folder laid out otherwise (a test's, a caller's own).
 */
function olderVersionFolders(folder: string): string[] {
  const current = `v${CACHE_VERSION}`;
  const versions = Array.from({ length: CACHE_VERSION - 1 }, (_, index) => `v${index + 1}`);
  if (basename(folder) === current && basename(dirname(folder)) === 'cache')
    return versions.map((version) => join(dirname(folder), version));
  if (basename(dirname(folder)) === current)
    return versions.map((version) => join(dirname(dirname(folder)), version, basename(folder)));
  return [];
}

function splitPath(relativePath: string): { folder: string; name: string } {
  const slash = relativePath.lastIndexOf('/');
  return { folder: relativePath.slice(0, Math.max(0, slash)), name: relativePath.slice(slash + 1) };
}

/** Whether the cache folder or one of the two above it (`.astrotrack/cache/v4`) is a symbolic link. */
function linkOnTheWay(folder: string): boolean {
  let path = folder;
  for (let level = 0; level < 3; level++) {
    try {
      if (lstatSync(path).isSymbolicLink()) return true;
    } catch {
      // Not there yet: made as a real folder when written.
    }
    path = dirname(path);
  }
  return false;
}
