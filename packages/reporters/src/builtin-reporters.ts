import type { ReporterPlugin } from '@astrotrack/core';

/** What a built-in reporter may use from the rig. */
export interface ReporterSettings {
  /** AstroBin filter ids (`astrobin.filterIds`). */
  filterIds?: Record<string, number>;
  /** `astrobin.bortle` and `astrobin.meanSqm`: the site's sky, for every row. */
  bortle?: number;
  meanSqm?: number;
}

/** Built-in reporters by name, loaded only when asked for. */
export const builtinReporters: Readonly<
  Record<string, (settings?: ReporterSettings) => Promise<ReporterPlugin>>
> = {
  table: async () => (await import('./table/table-reporter.js')).tableReporter(),
  json: async () => (await import('./json/json-reporter.js')).jsonReporter(),
  csv: async () => (await import('./csv/csv-reporter.js')).csvReporter(),
  markdown: async () => (await import('./markdown/markdown-reporter.js')).markdownReporter(),
  html: async () => (await import('./html/html-reporter.js')).htmlReporter(),
  astrobin: async (settings) =>
    (await import('./astrobin/astrobin-reporter.js')).astrobinReporter({
      filterIds: settings?.filterIds,
      bortle: settings?.bortle,
      meanSqm: settings?.meanSqm,
    }),
};

export function isBuiltinReporter(name: string): boolean {
  return Object.hasOwn(builtinReporters, name);
}
