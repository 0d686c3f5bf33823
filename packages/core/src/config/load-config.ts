/** Finds (find-config-file.ts) and loads `astro.config.*` with cosmiconfig, then validates it. */
import { spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstrotrackConfig } from './config-types.js';
import { errors } from '../errors/catalogue.js';
import { isAstrotrackError } from '../errors/astrotrack-error.js';
import type { KnownPlugins } from './validate-config.js';
import { looksLikeWebFrameworkConfig, importsWebFramework } from './detect-web-framework.js';
import { CONFIG_FILE_NAMES, findConfigFile } from './find-config-file.js';
import { settleWithin } from './settle-within.js';

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
  /** What to tell the user: web-framework configs passed over on the way. */
  warnings: string[];
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  let file: string | null;
  const skipped: string[] = [];
  if (options.configFile) {
    file = resolve(options.configFile);
    await access(file).catch(() => {
      throw errors.configNotFound(options.configFile!);
    });
  } else {
    file = await findConfigFile(options.searchFrom, skipped);
  }
  const warnings = skipped.map(
    (path) => `${path} is a config file of the Astro web framework, not of astrotrack: passed over`,
  );
  if (!file) return { config: {}, filepath: null, warnings };

  const loaded = file;
  let result: { config: unknown; filepath: string } | null;
  try {
    result = await settleWithin(`the config file ${file}`, async () =>
      (await createExplorer()).load(loaded),
    );
  } catch (error) {
    if (isAstrotrackError(error)) throw error;
    throw errors.configUnreadable(file, error);
  }
  if (!result) throw errors.configUnreadable(file, new Error('the file is empty'));

  const { filepath } = result;
  const raw = result.config;
  try {
    if (looksLikeWebFrameworkConfig(raw)) throw errors.webFrameworkConfig(filepath);
    const config = await validateConfigOrThrow(unwrapDefault(raw), options.known, filepath);
    return { config, filepath, warnings };
  } catch (error) {
    // A getter in a JS config that throws while its settings are read.
    if (isAstrotrackError(error)) throw error;
    throw errors.configUnreadable(filepath, error);
  }
}

/** Validates and throws ConfigInvalid listing every problem. The schema (zod) loads only when needed. */
export async function validateConfigOrThrow(
  raw: unknown,
  known: KnownPlugins,
  shownAs: string,
): Promise<AstrotrackConfig> {
  const { validateConfig } = await import('./validate-config.js');
  const validation = validateConfig(raw, known);
  if (!validation.ok) throw errors.configInvalid(shownAs, validation.problems);
  return validation.config;
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
  // cosmiconfig's own falls back to require() when import() fails, and then reports Node's
  // internal error instead of the config's syntax error.
  const loadModule: Loader = async (filepath) => {
    let module: { default?: unknown };
    try {
      module = await import(`${pathToFileURL(filepath).href}?t=${Date.now()}`);
    } catch (error) {
      throw error instanceof SyntaxError ? withLine(error, filepath) : error;
    }
    return module.default ?? module;
  };
  const loadTypeScript: Loader = async (filepath, content) => {
    const { TypeScriptLoader } = await import('cosmiconfig-typescript-loader');
    return TypeScriptLoader()(filepath, content);
  };
  return cosmiconfig('astrotrack', {
    searchPlaces: [...CONFIG_FILE_NAMES],
    cache: false,
    loaders: {
      '.js': guarded(loadModule),
      '.mjs': guarded(loadModule),
      '.cjs': guarded(defaultLoaders['.cjs']),
      '.ts': guarded(loadTypeScript),
      '.mts': guarded(loadTypeScript),
    },
  });
}

/** JS/TS configs export their object as default; a JSON or YAML file is the object itself. */
function unwrapDefault(config: unknown): unknown {
  if (
    config &&
    typeof config === 'object' &&
    'default' in config &&
    Object.keys(config).length === 1
  ) {
    return (config as { default: unknown }).default;
  }
  return config;
}

/**
 * Node's import() says what is wrong with a module's syntax but not where; `node --check` says
 * where. Only ever run for a config that does not parse.
 */
function withLine(error: SyntaxError, filepath: string): SyntaxError {
  const check = spawnSync(process.execPath, ['--check', filepath], { encoding: 'utf8' });
  const line = new RegExp(`${escapeRegExp(filepath)}:(\\d+)`).exec(check.stderr ?? '')?.[1];
  return line ? new SyntaxError(`${error.message} (line ${line})`) : error;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
