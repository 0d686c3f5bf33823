/** Checks a loaded config and lists every problem at once, each with its path. */
import type { AstrotrackConfig, RigSettings } from './config-types.js';
import { configSchema, KNOWN_KEYS } from './config-schema.js';
import { suggestion } from './did-you-mean.js';
import { createFilterSet } from '../filters/filter-set.js';
import { checkPluginName } from '../plugin.js';

export interface KnownPlugins {
  parsers: ReadonlySet<string>;
  plugins: ReadonlySet<string>;
  /** Built-in reporter names; absent: reporters in the config are not checked by name. */
  reporters?: ReadonlySet<string>;
}

export type ValidationResult =
  | { ok: true; config: AstrotrackConfig }
  | { ok: false; problems: string[] };

export function validateConfig(raw: unknown, known: KnownPlugins): ValidationResult {
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((issue) => describeIssue(issue)) };
  }
  const config = parsed.data as AstrotrackConfig;
  const problems = [...checkRig(config, '', known)];
  for (const [name, rig] of Object.entries(config.rigs ?? {})) {
    problems.push(...checkRig(rig, `rigs.${name}.`, known, config));
  }
  if (config.rig !== undefined && !config.rigs?.[config.rig]) {
    const names = Object.keys(config.rigs ?? {});
    problems.push(`rig: no rig named "${config.rig}" under "rigs"${suggestion(config.rig, names)}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

function checkRig(
  rig: RigSettings,
  prefix: string,
  known: KnownPlugins,
  base: RigSettings = {},
): string[] {
  const problems: string[] = [];
  for (const [index, spec] of (rig.parsers ?? []).entries()) {
    const problem = checkSpec(spec, known.parsers, 'parser', 'parse');
    if (problem) problems.push(`${prefix}parsers[${index}]: ${problem}`);
  }
  for (const [index, spec] of (rig.plugins ?? []).entries()) {
    const problem = checkSpec(spec, known.plugins, 'plugin', 'setup');
    if (problem) problems.push(`${prefix}plugins[${index}]: ${problem}`);
  }
  for (const [index, spec] of (rig.reporters ?? []).entries()) {
    const problem = checkSpec(spec, known.reporters ?? new Set(), 'reporter', 'format');
    if (problem) problems.push(`${prefix}reporters[${index}]: ${problem}`);
  }
  const filters = createFilterSet({ ...base.filters, ...rig.filters });
  for (const filter of Object.keys(rig.astrobin?.filterIds ?? {})) {
    if (!filters.canonical(filter)) {
      problems.push(
        `${prefix}astrobin.filterIds.${filter}: unknown filter${suggestion(filter, filters.order)}; known: ${filters.order.join(', ')}`,
      );
    }
  }
  for (const [alias, target] of Object.entries(rig.filters?.aliases ?? {})) {
    if (!filters.order.includes(target)) {
      problems.push(
        `${prefix}filters.aliases.${alias}: "${target}" is not a known filter${suggestion(target, filters.order)}; add it to filters.extra`,
      );
    }
  }
  for (const filter of Object.keys(rig.plan?.allocation ?? {})) {
    if (!filters.canonical(filter)) {
      problems.push(
        `${prefix}plan.allocation.${filter}: unknown filter${suggestion(filter, filters.order)}; known: ${filters.order.join(', ')}`,
      );
    }
  }
  return problems;
}

function checkSpec(
  spec: unknown,
  builtins: ReadonlySet<string>,
  kind: string,
  method: string,
): string | null {
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const name = typeof spec === 'string' ? spec : (spec[0] as string);
    if (builtins.has(name)) return null;
    return `unknown ${kind} "${name}"${suggestion(name, builtins)}; built-in: ${[...builtins].join(', ')}`;
  }
  const plugin = spec as { name?: unknown } & Record<string, unknown>;
  const nameProblem = checkPluginName(plugin.name, builtins);
  if (nameProblem) return nameProblem;
  if (typeof plugin[method] !== 'function')
    return `${kind} "${String(plugin.name)}" has no ${method}() function`;
  return null;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

function describeIssue(issue: ZodIssueLike): string[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map(
      (key) => `${formatPath([...issue.path, key])}: unknown setting${suggestion(key, KNOWN_KEYS)}`,
    );
  }
  return [`${formatPath(issue.path) || '(top level)'}: ${issue.message}`];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
