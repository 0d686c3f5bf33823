/**
 * The built-in reporters by name. The code of a reporter is loaded only when it is asked for; its
 * options' schema is in reporter-options.ts (`@astrotrack/reporters/options`), loaded only when a
 * config gives options to check.
 */
import type { ReporterPlugin } from '@astrotrack/core';

export interface BuiltinReporter {
  /** The reporter, with options the config's check has accepted. */
  load(options: Record<string, unknown>): Promise<ReporterPlugin>;
}

export const builtinReporters: Readonly<Record<string, BuiltinReporter>> = {
  table: { load: async () => (await import('./table/table-reporter.js')).tableReporter() },
  json: { load: async () => (await import('./json/json-reporter.js')).jsonReporter() },
  csv: { load: async () => (await import('./csv/csv-reporter.js')).csvReporter() },
  markdown: {
    load: async () => (await import('./markdown/markdown-reporter.js')).markdownReporter(),
  },
  html: { load: async () => (await import('./html/html-reporter.js')).htmlReporter() },
  astrobin: {
    load: async (options) =>
      (await import('./astrobin/astrobin-reporter.js')).astrobinReporter(options),
  },
};

export function isBuiltinReporter(name: string): boolean {
  return Object.hasOwn(builtinReporters, name);
}

/** A built-in with the options the rig's config gives it (checked with the config). */
export function loadBuiltinReporter(
  name: string,
  options: Record<string, unknown>,
): Promise<ReporterPlugin> {
  return builtinReporters[name]!.load(options);
}
