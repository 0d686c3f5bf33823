/** Finds (find-config-file.ts) and loads `astro.config.*` with cosmiconfig, then validates it. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
  /**
   * Packages a JS/TS config may import (`@astrotrack/core/config`), as the running astrotrack has
   * them: specifier → file. A config whose own folder cannot resolve one (astrotrack installed
   * globally, or in another project) gets this installation's copy. Asked for only when a JS or TS
   * config is loaded: resolving them is start-up work a YAML config or none never needs.
   */
  modules?: () => Readonly<Record<string, string>>;
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
      (await createExplorer(options.modules ?? (() => ({})))).load(loaded),
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
  const reporterOptions = known.reporterOptions ?? (await known.loadReporterOptions?.());
  const validation = validateConfig(raw, { ...known, reporterOptions });
  if (!validation.ok) throw errors.configInvalid(shownAs, validation.problems);
  return validation.config;
}

async function createExplorer(modules: () => Readonly<Record<string, string>>) {
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
  const loadTypeScript: Loader = async (filepath, content) => {
    const { TypeScriptLoader } = await import('cosmiconfig-typescript-loader');
    return TypeScriptLoader({ alias: unresolvable(filepath, modules()) })(filepath, content);
  };
  const loadModule: Loader = async (filepath, content) => {
    let module: { default?: unknown };
    try {
      module = await import(`${pathToFileURL(filepath).href}?t=${Date.now()}`);
    } catch (error) {
      if (error instanceof SyntaxError) throw withLine(error, filepath);
      // Node resolves a bare import from the file's folder only: one of ours it cannot find there
      // is loaded again through jiti, which is told where this installation keeps it.
      const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
      const ours = Object.keys(unresolvable(filepath, modules()));
      // Node names the package (`Cannot find package '@astrotrack/core'`), not the subpath.
      const named = (name: string) =>
        String((error as Error).message).includes(`'${name.split('/').slice(0, 2).join('/')}`);
      if (missing && ours.some(named)) return loadTypeScript(filepath, content);
      throw error;
    }
    return module.default ?? module;
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

/**
 * The packages of `modules` that the config's own folder cannot resolve, as Node's `import` looks
 * (`node_modules` of each folder up, never NODE_PATH): jiti aliases for them.
 */
function unresolvable(
  filepath: string,
  modules: Readonly<Record<string, string>>,
): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const [name, file] of Object.entries(modules))
    if (!installedAbove(dirname(filepath), name.split('/').slice(0, 2).join('/')))
      alias[name] = file;
  return alias;
}

function installedAbove(folder: string, name: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
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
