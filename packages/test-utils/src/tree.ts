/** Real folders for tests: write files, and take a snapshot of a tree to compare before and after. */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempFolder(
  prefix = 'astrotrack-organize-',
  parent = tmpdir(),
): { path: string; remove: () => void } {
  const path = mkdtempSync(join(parent, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Each file's content defaults to its own path, so every file is different. */
export function writeTree(root: string, files: readonly string[] | Record<string, string>): void {
  const entries = Array.isArray(files)
    ? files.map((path) => [path, `frame ${path}`])
    : Object.entries(files);
  for (const [path, content] of entries) {
    mkdirSync(dirname(join(root, path!)), { recursive: true });
    writeFileSync(join(root, path!), content!);
  }
}

export interface TreeEntry {
  kind: 'file' | 'folder' | 'link';
  /** SHA-256 of a file; the target of a link. */
  content?: string;
  size?: number;
  mtimeMs?: number;
  inode?: number;
}

/** Every path under root (but .astrotrack) with what it holds. */
export function snapshot(
  root: string,
  options: { times?: boolean } = {},
): Record<string, TreeEntry> {
  const entries: Record<string, TreeEntry> = {};
  const visit = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (prefix === '' && name === '.astrotrack') continue;
      const path = join(folder, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const info = lstatSync(path);
      if (info.isSymbolicLink()) entries[relative] = { kind: 'link', content: readlinkSync(path) };
      else if (info.isDirectory()) {
        entries[relative] = { kind: 'folder', ...(options.times ? { mtimeMs: info.mtimeMs } : {}) };
        visit(path, relative);
      } else {
        entries[relative] = {
          kind: 'file',
          content: createHash('sha256').update(readFileSync(path)).digest('hex'),
          size: info.size,
          ...(options.times ? { mtimeMs: info.mtimeMs, inode: info.ino } : {}),
        };
      }
    }
  };
  visit(root, '');
  return entries;
}

/** Just the files, as path → checksum. */
export function fileChecksums(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(root))
      .filter(([, entry]) => entry.kind === 'file')
      .map(([path, entry]) => [path, entry.content!]),
  );
}

/** Everything in a folder down to inodes and times, the text of its organize journals included. */
export function folderState(folder: string): {
  tree: Record<string, TreeEntry>;
  journals: string[];
} {
  const journals = join(folder, '.astrotrack', 'journal');
  return {
    tree: snapshot(folder, { times: true }),
    journals: existsSync(journals)
      ? readdirSync(journals).map((name) => readFileSync(join(journals, name), 'utf8'))
      : [],
  };
}
