/**
 * The built-in reporters by name, each with the schema of its options (`reporters: [[name, { … }]]`
 * in the config). The code of a reporter is loaded only when it is asked for.
 */
import { z } from 'zod';
import type { FilterSet, ReporterPlugin } from '@astrotrack/core';
import { astrobinOptionsSchema } from './astrobin/astrobin-options.js';

/** What a reporter's options are checked against: the rig's filters. */
export interface ReporterContext {
  filters: FilterSet;
}

export interface BuiltinReporter<Options = Record<string, unknown>> {
  options: z.ZodType<Options>;
  /** Problems the schema cannot see (filters the rig does not know), each `path: problem`. */
  check?(options: Options, context: ReporterContext): string[];
  load(options: Options): Promise<ReporterPlugin>;
}

const noOptions = z.strictObject({});

function builtin<Options>(reporter: BuiltinReporter<Options>): BuiltinReporter {
  return reporter as unknown as BuiltinReporter;
}

export const builtinReporters: Readonly<Record<string, BuiltinReporter>> = {
  table: builtin({
    options: noOptions,
    load: async () => (await import('./table/table-reporter.js')).tableReporter(),
  }),
  json: builtin({
    options: noOptions,
    load: async () => (await import('./json/json-reporter.js')).jsonReporter(),
  }),
  csv: builtin({
    options: noOptions,
    load: async () => (await import('./csv/csv-reporter.js')).csvReporter(),
  }),
  markdown: builtin({
    options: noOptions,
    load: async () => (await import('./markdown/markdown-reporter.js')).markdownReporter(),
  }),
  html: builtin({
    options: noOptions,
    load: async () => (await import('./html/html-reporter.js')).htmlReporter(),
  }),
  astrobin: builtin({
    options: astrobinOptionsSchema,
    check: (options, { filters }) =>
      Object.keys(options.filterIds ?? {})
        .filter((filter) => !filters.canonical(filter))
        .map((filter) => `filterIds.${filter}: unknown filter; known: ${filters.order.join(', ')}`),
    load: async (options) =>
      (await import('./astrobin/astrobin-reporter.js')).astrobinReporter(options),
  }),
};

export function isBuiltinReporter(name: string): boolean {
  return Object.hasOwn(builtinReporters, name);
}

/**
 * Every problem with a built-in's options, each with its path under the entry
 * (`filterIds.Lum: unknown filter`); none for a name that is not built in.
 */
export function reporterOptionProblems(
  name: string,
  options: unknown,
  context: ReporterContext,
): string[] {
  if (!isBuiltinReporter(name)) return [];
  const reporter = builtinReporters[name]!;
  const parsed = reporter.options.safeParse(options);
  if (!parsed.success)
    return parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${[...issue.path, key].join('.')}: unknown option`).join('; ')
        : `${issue.path.join('.') || '(options)'}: ${issue.message}`,
    );
  return reporter.check?.(parsed.data, context) ?? [];
}

/** A built-in with the options the rig's config gives it, merged in order (later entries win). */
export async function loadBuiltinReporter(
  name: string,
  options: Record<string, unknown>,
): Promise<ReporterPlugin> {
  const reporter = builtinReporters[name]!;
  return reporter.load(reporter.options.parse(options));
}
