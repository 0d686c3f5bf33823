/**
 * The sections plugins add to the report, by id: the contract between the plugin that fills a
 * section and the reporters that show it. A plugin of your own registers its section's type by
 * declaration merging, and reads it back typed:
 *
 *   declare module '@astrotrack/core' { interface ReportSections { 'acme/stats': AcmeStats } }
 *   const stats = reportSection(report, 'acme/stats');
 */
import type { CalibrationSection } from './calibration-section.js';
import type { FlatsSection } from './flats-section.js';
import type { ExposureReport } from './report-types.js';

export const FLATS_SECTION_ID = 'flats';
export const CALIBRATION_SECTION_ID = 'calibration';

export interface ReportSections {
  [FLATS_SECTION_ID]: FlatsSection;
  [CALIBRATION_SECTION_ID]: CalibrationSection;
}

/** The data of the section with this id, typed as its registration says; null when absent. */
export function reportSection<K extends keyof ReportSections & string>(
  report: Pick<ExposureReport, 'sections'>,
  id: K,
): ReportSections[K] | null {
  const section = report.sections.find((entry) => entry.id === id);
  // The one place a section's data is typed: what the registration promises for its id.
  return section ? (section.data as ReportSections[K]) : null;
}
