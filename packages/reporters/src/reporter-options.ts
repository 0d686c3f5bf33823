/**
 * `@astrotrack/reporters/options`: the schema of each built-in reporter's options
 * (`reporters: [[name, { … }]]` in the config), and the check the config's validation calls.
 */
import * as z from '@astrotrack/core/zod';
import type { FilterSet } from '@astrotrack/core';
import { astrobinOptionsSchema } from './astrobin/astrobin-options.js';
import { isBuiltinReporter } from './builtin-reporters.js';

/** What a reporter's options are checked against: the rig's filters. */
export interface ReporterContext {
  filters: FilterSet;
}

interface OptionRules {
  schema: z.ZodType;
  /** Problems the schema cannot see (filters the rig does not know), each `path: problem`. */
  check?(options: never, context: ReporterContext): string[];
}

const noOptions: OptionRules = { schema: z.strictObject({}) };

export const REPORTER_OPTIONS: Readonly<Record<string, OptionRules>> = {
  table: noOptions,
  json: noOptions,
  csv: noOptions,
  markdown: noOptions,
  html: noOptions,
  astrobin: {
    schema: astrobinOptionsSchema,
    check: (options: z.output<typeof astrobinOptionsSchema>, { filters }: ReporterContext) =>
      Object.keys(options.filterIds ?? {})
        .filter((filter) => !filters.canonical(filter))
        .map((filter) => `filterIds.${filter}: unknown filter; known: ${filters.order.join(', ')}`),
  },
};

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
  const rules = REPORTER_OPTIONS[name]!;
  const parsed = rules.schema.safeParse(options);
  if (!parsed.success)
    return parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${[...issue.path, key].join('.')}: unknown option`).join('; ')
        : `${issue.path.join('.') || '(options)'}: ${issue.message}`,
    );
  return rules.check?.(parsed.data as never, context) ?? [];
}
