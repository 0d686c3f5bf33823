/** The report as JSON: the versioned contract for scripts (docs/json-report.md). Times in seconds. */
import type { ReporterPlugin } from '@astrotrack/core';

export function jsonReporter(): ReporterPlugin {
  return { name: 'json', format: (report) => `${JSON.stringify(report, null, 2)}\n` };
}
