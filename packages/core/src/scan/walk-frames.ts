/**
 * Streams the frame files below a folder, a folder's worth at a time, without holding the tree.
 * Several folders are read at once, which matters on network disks where each call waits.
 * Symbolic links are followed, but a link to anything inside the tree (or already visited) is
 * skipped, so loops and double counting cannot happen.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { networkFileSystem } from '../fs/network-file-system.js';
import type { FrameFile } from '../plugin.js';
import { isFrameFileName } from './frame-extensions.js';
import { Gate } from './gate.js';
import type { FileState } from './header-cache.js';

export interface WalkWarning {
  path: string;
  code: string;
  message: string;
}

export interface WalkOptions {
  /** Folders read at the same time. */
  concurrency?: number;
  onWarning?: (warning: WalkWarning) => void;
  /**
   * How folders are listed: `typed` (the kernel says which entry is a file, a folder or a link),
   * `untyped` (names, then a stat of every entry, many at once: for file systems whose listings
   * carry no types, where Node would stat the entries one by one). Default: `untyped` on FUSE
   * mounts, `typed` elsewhere.
   */
  listing?: Listing;
}

export type Listing = 'typed' | 'untyped';

/**
 * An untyped listing stats each folder's entries a few at a time, and lists many folders at once:
 * a FUSE mount may answer one folder's lookups one after another, so requests are spread over
 * folders (32 × 8: more than the thread pool's 64, which keeps it busy).
 */
const STATS_AT_ONCE_PER_FOLDER = 8;
const UNTYPED_FOLDERS_AT_ONCE = 32;

/**
 * FUSE mounts (sshfs, rclone, a NAS's own driver, the simulated share) often list names without
 * types; Node then stats each entry in turn, one round trip after another. Elsewhere (ext4, btrfs,
 * NFS, SMB) the kernel gives the types and a typed listing is one call.
 */
export function listingFor(root: string): Listing {
  return networkFileSystem(root) === 'FUSE' ? 'untyped' : 'typed';
}

interface PendingFolder {
  path: string;
  /** The path as bytes, below a folder whose name is not valid UTF-8. */
  bytes?: Buffer;
  /** Relative to the root with a trailing `/`; empty for the root. */
  relativePrefix: string;
  folders: readonly string[];
}

/** What a listing says of an entry: a Dirent, or in an untyped listing its Stats. */
interface EntryType {
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

interface Entry {
  name: string;
  /** The name as bytes, when it is not valid UTF-8 (`name` shows `\ufffd` for what it cannot say). */
  bytes?: Buffer;
  dirent: EntryType;
  /** From an untyped listing's stat: the file's size and times, so it need not be stat'ed again. */
  state?: FileState;
}

interface ReadResult {
  folder: PendingFolder;
  entries: Entry[] | null;
}

/**
 * A folder's entries. Names that are not valid UTF-8 (old cameras, Windows code pages) decode with
 * `\ufffd` and no longer name their file: such a folder is read again as bytes.
 */
async function readEntries(folder: PendingFolder): Promise<Entry[]> {
  if (!folder.bytes) {
    const entries = await readdir(folder.path, { withFileTypes: true });
    if (!entries.some((entry) => entry.name.includes('\ufffd'))) {
      return entries.map((dirent) => ({ name: dirent.name, dirent })).sort(byName);
    }
  }
  const raw = await readdir(folder.bytes ?? folder.path, {
    withFileTypes: true,
    encoding: 'buffer',
  });
  return raw
    .map((dirent) => {
      const name = dirent.name.toString('utf8');
      return name.includes('\ufffd') ? { name, bytes: dirent.name, dirent } : { name, dirent };
    })
    .sort(byName);
}

/**
 * An untyped listing: the names, then every entry stat'ed (lstat: a link is seen as a link), many at
 * once. An entry gone between the two is left out, as if the listing had come a moment later.
 */
async function readEntriesUntyped(folder: PendingFolder, gate: Gate): Promise<Entry[]> {
  let named: { name: string; bytes?: Buffer }[] | null = null;
  if (!folder.bytes) {
    const names = await readdir(folder.path);
    if (!names.some((name) => name.includes('\ufffd'))) named = names.map((name) => ({ name }));
  }
  if (!named) {
    const raw = await readdir(folder.bytes ?? folder.path, { encoding: 'buffer' });
    named = raw.map((bytes) => {
      const name = bytes.toString('utf8');
      return name.includes('\ufffd') ? { name, bytes } : { name };
    });
  }
  const prefix = folder.path.endsWith(sep) ? folder.path : folder.path + sep;
  const entries = await Promise.all(
    named.map(({ name, bytes }) =>
      gate.run(async (): Promise<Entry | null> => {
        const where = pathBytes(folder, name, bytes) ?? prefix + name;
        let info: Stats;
        try {
          info = await lstat(where);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        }
        const entry: Entry = { name, dirent: info };
        if (bytes) entry.bytes = bytes;
        if (info.isFile()) entry.state = info;
        return entry;
      }),
    ),
  );
  return entries.filter((entry): entry is Entry => entry !== null).sort(byName);
}

/**
 * An entry's path as bytes, when it or its folder is named in bytes that are not UTF-8; undefined
 * when its text path names it.
 */
function pathBytes(folder: PendingFolder, name: string, bytes?: Buffer): Buffer | undefined {
  if (!bytes && !folder.bytes) return undefined;
  return Buffer.concat([
    folder.bytes ?? Buffer.from(folder.path),
    Buffer.from(sep),
    bytes ?? Buffer.from(name),
  ]);
}

/** Entries by name (UTF-16 code units): the same order on every file system and every copy. */
function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export async function* walkFrames(
  root: string,
  options: WalkOptions = {},
): AsyncGenerator<FolderBatch> {
  const untyped = (options.listing ?? listingFor(root)) === 'untyped';
  const concurrency = options.concurrency ?? (untyped ? UNTYPED_FOLDERS_AT_ONCE : 8);
  const warn = options.onWarning ?? (() => {});
  const list = untyped
    ? (folder: PendingFolder) => readEntriesUntyped(folder, new Gate(STATS_AT_ONCE_PER_FOLDER))
    : readEntries;
  const rootReal = await realpath(root);
  const visitedOutside = new Set<string>();
  const visitedFiles = new Set<string>();
  const queue: PendingFolder[] = [
    { path: root, relativePrefix: '', folders: [basename(rootReal)] },
  ];
  // Reads in flight, oldest first: folders are handed out in the order they were found, whatever
  // order their reads finish in, so every walk of the same tree gives the same order (which of two
  // copies of a frame is counted must not depend on a busy disk).
  const inFlight: Promise<ReadResult>[] = [];

  const read = (folder: PendingFolder): Promise<ReadResult> =>
    list(folder).then(
      (entries) => ({ folder, entries }),
      (error: NodeJS.ErrnoException) => {
        warn({
          path: folder.path,
          code: error.code ?? 'EIO',
          message: `cannot read folder ${folder.path} (${error.code ?? error.message}): skipped; check its permissions`,
        });
        return { folder, entries: null };
      },
    );

  while (queue.length > 0 || inFlight.length > 0) {
    while (queue.length > 0 && inFlight.length < concurrency) inFlight.push(read(queue.shift()!));
    const { folder, entries } = await inFlight.shift()!;
    if (!entries) continue;

    // Paths are built by concatenation: path.join and path.relative per file cost more than the walk.
    const prefix = folder.path.endsWith(sep) ? folder.path : folder.path + sep;
    const files: FolderBatch = [];
    let sidecar: string | undefined;
    const bytesOf = (entry: Entry) => pathBytes(folder, entry.name, entry.bytes);
    // Only an untyped listing knows the files' stats: a typed one keeps nothing per file.
    const states: (FileState | undefined)[] | null = untyped ? [] : null;
    const file = (entry: Entry): FrameFile => {
      const bytes = bytesOf(entry);
      states?.push(entry.state);
      const made: FrameFile = {
        path: prefix + entry.name,
        relativePath: folder.relativePrefix + entry.name,
        name: entry.name,
        folders: folder.folders,
      };
      if (bytes) made.bytes = bytes;
      return made;
    };
    const child = (entry: Entry): PendingFolder => {
      const made: PendingFolder = {
        path: prefix + entry.name,
        relativePrefix: `${folder.relativePrefix}${entry.name}/`,
        folders: [...folder.folders, entry.name],
      };
      const bytes = bytesOf(entry);
      if (bytes) made.bytes = bytes;
      return made;
    };
    for (const entry of entries) {
      const { dirent } = entry;
      if (dirent.isDirectory()) {
        queue.push(child(entry));
      } else if (dirent.isFile()) {
        if (isFrameFileName(entry.name)) files.push(file(entry));
        else if (entry.name.toLowerCase() === SIDECAR_NAME) sidecar = prefix + entry.name;
      } else if (dirent.isSymbolicLink()) {
        const target = await followLink(
          bytesOf(entry) ?? prefix + entry.name,
          rootReal,
          visitedOutside,
          visitedFiles,
          warn,
        );
        if (target === 'folder') queue.push(child(entry));
        else if (target === 'file' && isFrameFileName(entry.name)) files.push(file(entry));
      }
    }
    if (files.length > 0) {
      if (sidecar) files.sidecar = sidecar;
      if (states) files.states = states;
      files.foldersAhead = queue.length + inFlight.length;
      yield files;
    }
  }
}

/** The sidecar a folder may hold, found in its listing: no file is opened to look for it. */
const SIDECAR_NAME = 'imagemetadata.csv';

/**
 * One folder's frames, and its `ImageMetaData.csv` when it has one (session-metadata.ts); after an
 * untyped listing, each frame's size and times, by position (none for a frame reached by a link).
 */
export type FolderBatch = FrameFile[] & {
  sidecar?: string;
  states?: readonly (FileState | undefined)[];
  /** Folders found and not yet handed over: what the walk knows is still to come. */
  foldersAhead?: number;
};

async function followLink(
  path: string | Buffer,
  rootReal: string,
  visitedOutside: Set<string>,
  visitedFiles: Set<string>,
  warn: (warning: WalkWarning) => void,
): Promise<'folder' | 'file' | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() && !info.isDirectory()) return null;
    const target = typeof path === 'string' ? await realpath(path) : await realpathOf(path);
    // Whatever the link points to inside the tree is reached (or was) by its own path.
    const insideTree = target === rootReal || target.startsWith(rootReal + sep);
    if (insideTree || visitedOutside.has(target) || isBelowAny(target, visitedOutside)) return null;
    if (info.isFile()) {
      // Two links to one file outside the tree are one frame.
      if (visitedFiles.has(target)) return null;
      visitedFiles.add(target);
      return 'file';
    }
    visitedOutside.add(target);
    return 'folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const shown = typeof path === 'string' ? path : path.toString('utf8');
    warn({ path: shown, code, message: `broken or looping link ${shown} (${code}): skipped` });
    return null;
  }
}

/** The real path of a link given as bytes, as text: only compared with other real paths. */
async function realpathOf(path: Buffer): Promise<string> {
  return (await realpath(path, { encoding: 'buffer' })).toString('utf8');
}

function isBelowAny(path: string, folders: ReadonlySet<string>): boolean {
  for (const folder of folders) if (path.startsWith(folder + sep)) return true;
  return false;
}
