/**
 * Finds and loads `astro.config.*` with cosmiconfig: in the scanned folder and its parents, then in
 * the current folder and its parents, then in the user's config folder (`~/.config/astrotrack/`).
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AstrotrackConfig } from './config-types.js';
import { errors } from '../errors/catalogue.js';
import { isAstrotrackError } from '../errors/astrotrack-error.js';
import { validateConfig, type KnownPlugins } from './validate-config.js';
import { looksLikeWebFrameworkConfig, importsWebFramework } from './detect-web-framework.js';

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

export interface LoadConfigOptions {
  /** Folder to start the search in (the scanned folder). */
  searchFrom: string;
  /** An explicit file (`--config`); no search then. */
  configFile?: string;
  known: KnownPlugins;
}

export interface LoadedConfig {
  config: AstrotrackConfig;
  /** The file read, or null when none was found and defaults apply. */
  filepath: string | null;
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const explorer = await createExplorer();
  let result: { config: unknown; filepath: string } | null;
  const shown = options.configFile ?? 'astro.config';
  try {
    if (options.configFile) {
      const file = resolve(options.configFile);
      await access(file).catch(() => {
        throw errors.configNotFound(options.configFile!);
      });
      result = await explorer.load(file);
    } else {
      result = await explorer.search(options.searchFrom);
      if (!result && resolve(options.searchFrom) !== process.cwd()) result = await explorer.search();
    }
  } catch (error) {
    if (isAstrotrackError(error)) throw error;
    const file = (error as { filepath?: string }).filepath ?? shown;
    throw errors.configUnreadable(file, error);
  }
  if (!result) return { config: {}, filepath: null };

  if (looksLikeWebFrameworkConfig(result.config)) throw errors.webFrameworkConfig(result.filepath);
  const validation = validateConfig(unwrapDefault(result.config), options.known);
  if (!validation.ok) throw errors.configInvalid(result.filepath, validation.problems);
  return { config: validation.config, filepath: result.filepath };
}

async function createExplorer() {
  const { cosmiconfig, defaultLoaders } = await import('cosmiconfig');
  type Loader = (filepath: string, content: string) => Promise<unknown> | unknown;
  const guarded =
    (load: Loader): Loader =>
    async (filepath, content) => {
      if (importsWebFramework(content)) throw errors.webFrameworkConfig(filepath);
      return load(filepath, content);
    };
  const loadTypeScript: Loader = async (filepath, content) => {
    const { TypeScriptLoader } = await import('cosmiconfig-typescript-loader');
    return TypeScriptLoader()(filepath, content);
  };
  return cosmiconfig('astrotrack', {
    searchPlaces: [...CONFIG_FILE_NAMES],
    searchStrategy: 'global',
    stopDir: '/',
    cache: false,
    loaders: {
      '.js': guarded(defaultLoaders['.js']),
      '.mjs': guarded(defaultLoaders['.mjs']),
      '.cjs': guarded(defaultLoaders['.cjs']),
      '.ts': guarded(loadTypeScript),
      '.mts': guarded(loadTypeScript),
    },
  });
}

/** JS/TS configs export their object as default; a JSON or YAML file is the object itself. */
function unwrapDefault(config: unknown): unknown {
  if (config && typeof config === 'object' && 'default' in config && Object.keys(config).length === 1) {
    return (config as { default: unknown }).default;
  }
  return config;
}
