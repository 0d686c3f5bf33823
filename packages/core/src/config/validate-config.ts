/** Checks a loaded config and lists every problem at once, each with its path. */
import type { AstrotrackConfig, RigSettings } from './config-types.js';
import { configSchema, KNOWN_KEYS, MOVED_KEYS, rigSettingsSchema } from './config-schema.js';
import type { FilterSet } from '../filters/filter-set.js';
import { suggestion } from './did-you-mean.js';
import { formatPath } from './format-path.js';
import { rigFilterSet } from './resolve-rig.js';
import { checkPluginName } from '../plugin.js';

export interface KnownPlugins {
  parsers: ReadonlySet<string>;
  plugins: ReadonlySet<string>;
  /** Built-in reporter names; absent: reporters in the config are not checked by name. */
  reporters?: ReadonlySet<string>;
  /** A built-in reporter's problems with its options (`filterIds.Lum: unknown filter`). */
  reporterOptions?: ReporterOptionCheck;
  /** The same, loaded only when a config is checked (its schemas may load a library). */
  loadReporterOptions?: () => Promise<ReporterOptionCheck>;
}

export type ReporterOptionCheck = (
  name: string,
  options: unknown,
  context: { filters: FilterSet },
) => string[];

export type ValidationResult =
  | { ok: true; config: AstrotrackConfig }
  | { ok: false; problems: string[] };

/**
 * One pass, every problem: the shape's problems, then what the names say (unknown parsers, filters
 * no rig knows, a rig that is not there) of every part whose shape is right, even when another
 * part's is not.
 */
export function validateConfig(raw: unknown, known: KnownPlugins): ValidationResult {
  const parsed = configSchema.safeParse(raw ?? {});
  const problems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeIssue(issue));
  const config = parsed.success ? parsed.data : wellShapedParts(raw);
  problems.push(...checkNames(config, known));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

function checkNames(config: AstrotrackConfig, known: KnownPlugins): string[] {
  const problems = [...checkRig(config, '', known)];
  for (const [name, rig] of Object.entries(config.rigs ?? {})) {
    problems.push(...checkRig(rig, `rigs.${name}.`, known, config));
  }
  if (config.rig !== undefined && !config.rigs?.[config.rig]) {
    const names = Object.keys(config.rigs ?? {});
    problems.push(`rig: no rig named "${config.rig}" under "rigs"${suggestion(config.rig, names)}`);
  }
  return problems;
}

/** The settings whose own shape is right, top level and per rig: what the name checks can read. */
function wellShapedParts(raw: unknown): AstrotrackConfig {
  // `rigs` is left out by shapedPart: each rig is shaped on its own below.
  const top = shapedPart(raw, configSchema.shape as Record<string, SchemaLike>) as AstrotrackConfig;
  const rigs = isPlainObject(raw) ? raw.rigs : undefined;
  if (isPlainObject(rigs)) {
    const shaped: Record<string, RigSettings> = Object.create(null);
    for (const [name, rig] of Object.entries(rigs))
      shaped[name] = shapedPart(
        rig,
        rigSettingsSchema.shape as Record<string, SchemaLike>,
      ) as RigSettings;
    top.rigs = shaped;
  }
  return top;
}

interface SchemaLike {
  safeParse(value: unknown): { success: boolean; data?: unknown };
  unwrap?: () => SchemaLike;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
}

/** The keys of `raw` whose value has the right shape; an object that has not, key by key. */
function shapedPart(raw: unknown, shape: Record<string, SchemaLike>): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  if (!isPlainObject(raw)) return part;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'rigs' || !Object.hasOwn(shape, key)) continue;
    const schema = shape[key]!;
    const checked = schema.safeParse(value);
    if (checked.success) part[key] = checked.data;
    else {
      const inner = typeof schema.unwrap === 'function' ? schema.unwrap() : schema;
      if (inner.shape && isPlainObject(value)) part[key] = shapedPart(value, inner.shape);
      // A list keeps its well-shaped entries (in place, so their index still names them).
      else if (inner.element && Array.isArray(value)) {
        const element = inner.element;
        part[key] = value.map((entry) => {
          const checked = element.safeParse(entry);
          return checked.success ? checked.data : SKIPPED;
        });
      }
    }
  }
  return part;
}

/** An entry of a list that has the wrong shape: its problem is listed already. */
const SKIPPED = Symbol('skipped');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRig(
  rig: RigSettings,
  prefix: string,
  known: KnownPlugins,
  base: RigSettings = {},
): string[] {
  const problems: string[] = [];
  for (const [index, spec] of (rig.parsers ?? []).entries()) {
    if ((spec as unknown) === SKIPPED) continue;
    const problem = checkSpec(spec, known.parsers, 'parser', 'parse');
    if (problem) problems.push(`${prefix}parsers[${index}]: ${problem}`);
  }
  for (const [index, spec] of (rig.plugins ?? []).entries()) {
    if ((spec as unknown) === SKIPPED) continue;
    const problem = checkSpec(spec, known.plugins, 'plugin', 'setup');
    if (problem) problems.push(`${prefix}plugins[${index}]: ${problem}`);
  }
  const filters = rigFilterSet(base, rig);
  for (const [index, spec] of (rig.reporters ?? []).entries()) {
    if ((spec as unknown) === SKIPPED) continue;
    const problem = checkSpec(spec, known.reporters ?? new Set(), 'reporter', 'format');
    if (problem) problems.push(`${prefix}reporters[${index}]: ${problem}`);
    else if (Array.isArray(spec))
      for (const optionProblem of known.reporterOptions?.(spec[0], spec[1], { filters }) ?? [])
        problems.push(`${prefix}reporters[${index}].${optionProblem}`);
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
    return issue.keys.map((key) =>
      Object.hasOwn(MOVED_KEYS, key)
        ? `${formatPath([...issue.path, key])}: ${MOVED_KEYS[key]}`
        : `${formatPath([...issue.path, key])}: unknown setting${suggestion(key, KNOWN_KEYS)}`,
    );
  }
  return [`${formatPath(issue.path) || '(top level)'}: ${issue.message}`];
}
