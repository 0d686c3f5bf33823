/** The Python toolkit's API, returning data instead of printing. */
import type { AstrotrackConfig, ExposureReport, SortKey } from '@astrotrack/core/internal';
import { errors, formatPath, parseSortKey } from '@astrotrack/core/internal';
import { runScan } from './run-scan.js';

export interface CalculateTotalExposureOptions {
  /** `total_target_hours`. */
  totalTargetHours?: number;
  /** `filter_pct`, e.g. `{ L: 40, R: 20, G: 20, B: 20 }`. */
  filterPct?: Record<string, number>;
  /** New names (`remaining-time`) or the toolkit's (`remaining_time`). Default `filter`. */
  sortBy?: SortKey | string;
  includeUnknown?: boolean;
  rejectionBufferPercent?: number;
  /** Settings as in astro.config; defaults apply when omitted (no config file is searched). */
  config?: AstrotrackConfig;
  rig?: string;
}

/** `calculate_total_exposure(directory, …)`: scans `directory` and returns the report. */
export async function calculateTotalExposure(
  directory: string,
  options: CalculateTotalExposureOptions = {},
): Promise<ExposureReport> {
  const sort = options.sortBy === undefined ? undefined : parseSortKey(options.sortBy);
  if (sort === null) throw new TypeError(`unknown sortBy "${options.sortBy}"`);
  // The same schema as astro.config checks the arguments: the API accepts what the config does.
  const { settingsSchema } = await import('@astrotrack/core/schema');
  const settings = settingsSchema.safeParse({
    plan: {
      targetHours: options.totalTargetHours,
      allocation: options.filterPct,
      rejectionBuffer: options.rejectionBufferPercent,
    },
    report: { sort, includeUnknown: options.includeUnknown },
  });
  if (!settings.success)
    throw errors.badUsage(
      settings.error.issues
        .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
        .join('; '),
    );
  const { report, pluginErrors } = await runScan({
    dir: directory,
    config: options.config ?? {},
    rig: options.rig,
    settings: settings.data,
  });
  if (pluginErrors.length > 0) throw new AggregateError(pluginErrors, pluginErrors[0]!.message);
  return report;
}
