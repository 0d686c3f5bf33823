/**
 * Where astro.config.* is looked for, in order: the scanned folder and each parent up to the root,
 * then the current folder and its parents, then `$XDG_CONFIG_HOME/astrotrack/` (`~/.config/astrotrack/`).
 * A plain stat per name keeps this cheap: the config loader is only imported once a file exists.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { importsWebFramework } from './detect-web-framework.js';

export const CONFIG_FILE_NAMES = [
  'astro.config.json',
  'astro.config.yaml',
  'astro.config.yml',
  'astro.config.js',
  'astro.config.mjs',
  'astro.config.cjs',
  'astro.config.ts',
  'astro.config.mts',
] as const;

export function userConfigFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'astrotrack');
}

export function configSearchFolders(searchFrom: string, cwd = process.cwd()): string[] {
  const folders: string[] = [];
  for (const start of [resolve(searchFrom), resolve(cwd)]) {
    for (let folder = start; ; folder = dirname(folder)) {
      if (!folders.includes(folder)) folders.push(folder);
      if (dirname(folder) === folder) break;
    }
  }
  folders.push(userConfigFolder());
  return folders;
}

/**
 * The first config file on the search path. `astro.config.mjs` is also the Astro web framework's
 * file name: one of theirs (it imports `astro`) is passed over, named in `skipped`, and the search
 * goes on.
 */
export async function findConfigFile(
  searchFrom: string,
  skipped: string[] = [],
): Promise<string | null> {
  for (const folder of configSearchFolders(searchFrom)) {
    const found = await Promise.all(
      CONFIG_FILE_NAMES.map((name) =>
        stat(join(folder, name)).then(
          (info) => (info.isFile() ? join(folder, name) : null),
          () => null,
        ),
      ),
    );
    for (const file of found) {
      if (file === null) continue;
      if (/\.[cm]?[jt]s$/.test(file) && (await isWebFrameworkConfig(file))) {
        skipped.push(file);
        continue;
      }
      return file;
    }
  }
  return null;
}

async function isWebFrameworkConfig(file: string): Promise<boolean> {
  try {
    return importsWebFramework(await readFile(file, 'utf8'));
  } catch {
    return false; // Unreadable: loading it says why.
  }
}
