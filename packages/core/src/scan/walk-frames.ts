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
  /** Relative to the root with a trailing `/`; empty for the root. */
  relativePrefix: string;
  folders: readonly string[];
}

interface ReadResult {
  folder: PendingFolder;
  entries: Dirent[] | null;
}

export async function* walkFrames(
  root: string,
  options: WalkOptions = {},
): AsyncGenerator<FrameFile[]> {
  const concurrency = options.concurrency ?? 8;
  const warn = options.onWarning ?? (() => {});
  const rootReal = await realpath(root);
  const visitedOutside = new Set<string>();
  const visitedFiles = new Set<string>();
  const queue: PendingFolder[] = [
    { path: root, relativePrefix: '', folders: [basename(rootReal)] },
  ];
  const inFlight = new Map<Promise<ReadResult>, true>();

  const read = (folder: PendingFolder): Promise<ReadResult> =>
    readdir(folder.path, { withFileTypes: true }).then(
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

  while (queue.length > 0 || inFlight.size > 0) {
    while (queue.length > 0 && inFlight.size < concurrency) {
      const promise = read(queue.shift()!);
      inFlight.set(promise, true);
    }
    const settled = await Promise.race(
      [...inFlight.keys()].map((p) => p.then((result) => ({ promise: p, result }))),
    );
    inFlight.delete(settled.promise);
    const { folder, entries } = settled.result;
    if (!entries) continue;

    // Paths are built by concatenation: path.join and path.relative per file cost more than the walk.
    const prefix = folder.path.endsWith(sep) ? folder.path : folder.path + sep;
    const files: FrameFile[] = [];
    const file = (name: string): FrameFile => ({
      path: prefix + name,
      relativePath: folder.relativePrefix + name,
      name,
      folders: folder.folders,
    });
    const child = (name: string): PendingFolder => ({
      path: prefix + name,
      relativePrefix: `${folder.relativePrefix}${name}/`,
      folders: [...folder.folders, name],
    });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        queue.push(child(entry.name));
      } else if (entry.isFile()) {
        if (isFrameFileName(entry.name)) files.push(file(entry.name));
      } else if (entry.isSymbolicLink()) {
        const target = await followLink(
          prefix + entry.name,
          rootReal,
          visitedOutside,
          visitedFiles,
          warn,
        );
        if (target === 'folder') queue.push(child(entry.name));
        else if (target === 'file' && isFrameFileName(entry.name)) files.push(file(entry.name));
      }
    }
    if (files.length > 0) yield files;
  }
}

async function followLink(
  path: string,
  rootReal: string,
  visitedOutside: Set<string>,
  visitedFiles: Set<string>,
  warn: (warning: WalkWarning) => void,
): Promise<'folder' | 'file' | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() && !info.isDirectory()) return null;
    const target = await realpath(path);
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
    warn({ path, code, message: `broken or looping link ${path} (${code}): skipped` });
    return null;
  }
}

function isBelowAny(path: string, folders: ReadonlySet<string>): boolean {
  for (const folder of folders) if (path.startsWith(folder + sep)) return true;
  return false;
}
