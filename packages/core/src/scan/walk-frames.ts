/**
 * Streams the frame files below a folder, a folder's worth at a time, without holding the tree.
 * Several folders are read at once, which matters on network disks where each call waits.
 * Symbolic links are followed, but a link to anything inside the tree (or already visited) is
 * skipped, so loops and double counting cannot happen.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import type { Dirent } from 'node:fs';
import type { FrameFile } from '../plugin.js';
import { isFrameFileName } from './frame-extensions.js';

export interface WalkWarning {
  path: string;
  code: string;
  message: string;
}

export interface WalkOptions {
  /** Folders read at the same time. */
  concurrency?: number;
  onWarning?: (warning: WalkWarning) => void;
}

interface PendingFolder {
  path: string;
  /** The path as bytes, below a folder whose name is not valid UTF-8. */
  bytes?: Buffer;
  /** Relative to the root with a trailing `/`; empty for the root. */
  relativePrefix: string;
  folders: readonly string[];
}

interface Entry {
  name: string;
  /** The name as bytes, when it is not valid UTF-8 (`name` shows `\ufffd` for what it cannot say). */
  bytes?: Buffer;
  dirent: Dirent | Dirent<Buffer>;
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

/** Entries by name (UTF-16 code units): the same order on every file system and every copy. */
function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export async function* walkFrames(
  root: string,
  options: WalkOptions = {},
): AsyncGenerator<FolderBatch> {
  const concurrency = options.concurrency ?? 8;
  const warn = options.onWarning ?? (() => {});
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
    readEntries(folder).then(
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
    const bytesOf = (entry: Entry): Buffer | undefined =>
      entry.bytes || folder.bytes
        ? Buffer.concat([
            folder.bytes ?? Buffer.from(folder.path),
            Buffer.from(sep),
            entry.bytes ?? Buffer.from(entry.name),
          ])
        : undefined;
    const file = (entry: Entry): FrameFile => {
      const bytes = bytesOf(entry);
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
      yield files;
    }
  }
}

/** The sidecar a folder may hold, found in its listing: no file is opened to look for it. */
const SIDECAR_NAME = 'imagemetadata.csv';

/** One folder's frames, and its `ImageMetaData.csv` when it has one (session-metadata.ts). */
export type FolderBatch = FrameFile[] & { sidecar?: string };

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
