import type { ReporterPlugin } from '@astrotrack/core';

/** Built-in reporters by name, loaded only when asked for. */
export const builtinReporters: Readonly<Record<string, () => Promise<ReporterPlugin>>> = {
  table: async () => (await import('./table/table-reporter.js')).tableReporter(),
  json: async () => (await import('./json/json-reporter.js')).jsonReporter(),
};

export function isBuiltinReporter(name: string): boolean {
  return Object.hasOwn(builtinReporters, name);
}
