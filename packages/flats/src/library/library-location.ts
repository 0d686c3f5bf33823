/** Where the flat library lives: `--library`, else the rig config's `flats.library`, else the data folder. */
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export const LIBRARY_FILE_NAME = 'flats.json';

export interface LibraryLocationOptions {
  /** `--library FILE`. */
  explicit?: string;
  /** The rig's `flats.library`, relative to the config file's folder. */
  configured?: string;
  configPath?: string | null;
  env?: NodeJS.ProcessEnv;
  /** The file's name in the data folder (default `flats.json`; the calibration library's is another). */
  fileName?: string;
}

export function libraryPath(options: LibraryLocationOptions = {}): string {
  if (options.explicit) return resolve(options.explicit);
  if (options.configured) {
    if (isAbsolute(options.configured)) return options.configured;
    const base = options.configPath ? dirname(options.configPath) : process.cwd();
    return resolve(base, options.configured);
  }
  return join(dataFolder(options.env ?? process.env), options.fileName ?? LIBRARY_FILE_NAME);
}

/** `$ASTROTRACK_DATA_DIR`, else the platform's data folder (XDG on Linux and macOS). */
export function dataFolder(env: NodeJS.ProcessEnv): string {
  if (env.ASTROTRACK_DATA_DIR) return resolve(env.ASTROTRACK_DATA_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'astrotrack');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share'), 'astrotrack');
}
