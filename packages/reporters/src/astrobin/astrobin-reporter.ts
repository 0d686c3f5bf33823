/**
 * AstroBin's "Import acquisitions from CSV" for long exposures, exactly as its importer reads it:
 * camelCase headers it allows, no quoting, no spaces, LF line ends, one row per night × filter ×
 * exposure × gain × binning × sensor temperature. Columns no row has a value for are left out.
 *
 * Calibration counts per row: flats of the same night and filter; darks of the same exposure; flat
 * darks and bias from anywhere in the archive. Gain and binning must agree where both are known.
 */
import type { CalibrationGroup, ExposureReport, NightRow, ReporterPlugin } from '@astrotrack/core';
import { byFilterOrder } from '../views/report-views.js';

export const ASTROBIN_COLUMNS = [
  'date',
  'filter',
  'number',
  'duration',
  'binning',
  'gain',
  'sensorCooling',
  'darks',
  'flats',
  'flatDarks',
  'bias',
] as const;

type Column = (typeof ASTROBIN_COLUMNS)[number];

export interface AstrobinReporterOptions {
  /** AstroBin's numeric equipment id per filter: the rig's `astrobin.filterIds`. */
  filterIds?: Record<string, number>;
}

export function astrobinReporter(options: AstrobinReporterOptions = {}): ReporterPlugin & {
  warnings(report: ExposureReport): string[];
} {
  const ids = options.filterIds ?? {};
  return {
    name: 'astrobin',
    format: (report) => formatAstrobin(report, ids),
    warnings: (report) => astrobinWarnings(report, ids),
  };
}

export function formatAstrobin(report: ExposureReport, filterIds: Record<string, number>): string {
  const rows = report.nights.map((night) => rowOf(night, report.calibration, filterIds));
  const columns = ASTROBIN_COLUMNS.filter((column) =>
    rows.some((row) => row[column] !== undefined),
  );
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => row[column] ?? '').join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

export function astrobinWarnings(
  report: ExposureReport,
  filterIds: Record<string, number>,
): string[] {
  const warnings: string[] = [];
  const missing = [...new Set(report.nights.map((row) => row.filter))]
    .filter((filter) => filterIds[filter] === undefined)
    .sort(byFilterOrder(report));
  if (missing.length > 0) {
    warnings.push(
      `astrobin: no AstroBin id for filter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, so the filter column is empty there; set astrobin.filterIds.${missing[0]} (and the others) in astro.config to the number in each filter’s page address on app.astrobin.com`,
    );
  }
  if (report.targets.length > 1) {
    warnings.push(
      `astrobin: the rows mix ${report.targets.length} targets, and AstroBin acquisitions belong to one image; add --target NAME`,
    );
  }
  const noNight = report.nights
    .filter((row) => row.night === null)
    .reduce((sum, row) => sum + row.subs, 0);
  if (noNight > 0)
    warnings.push(
      `astrobin: ${noNight} light frame(s) have no date; their rows have an empty date column`,
    );
  return warnings;
}

function rowOf(
  row: NightRow,
  calibration: readonly CalibrationGroup[],
  filterIds: Record<string, number>,
): Partial<Record<Column, string>> {
  const fits = (group: CalibrationGroup) =>
    agree(group.gain, row.gain) && agree(group.binning, row.binning);
  const count = (kind: CalibrationGroup['kind'], match: (group: CalibrationGroup) => boolean) => {
    const total = calibration
      .filter((g) => g.kind === kind && fits(g) && match(g))
      .reduce((sum, g) => sum + g.count, 0);
    return total > 0 ? String(total) : undefined;
  };
  const id = filterIds[row.filter];
  return {
    date: row.night ?? undefined,
    filter: id === undefined ? undefined : String(id),
    number: String(row.subs),
    duration: decimals(row.exposureSeconds, 4),
    binning: binningOf(row.binning),
    gain: row.gain === null ? undefined : decimals(row.gain, 2),
    sensorCooling:
      row.sensorTemperature === null || row.sensorTemperature < -274 || row.sensorTemperature > 100
        ? undefined
        : String(Math.round(row.sensorTemperature)),
    darks: count(
      'dark',
      (g) =>
        g.exposureSeconds !== null && Math.abs(g.exposureSeconds - row.exposureSeconds) < 0.001,
    ),
    flats: count('flat', (g) => g.night === row.night && g.filter === row.filter),
    flatDarks: count('darkflat', () => true),
    bias: count('bias', () => true),
  };
}

/** Unknown on either side does not rule a calibration frame out. */
function agree<T>(a: T | null, b: T | null): boolean {
  return a === null || b === null || a === b;
}

/** AstroBin takes 1–4, the same both ways; `1x2` and the like are left out. */
function binningOf(binning: string | null): string | undefined {
  const match = binning?.match(/^([1-4])x\1$/);
  return match ? match[1] : undefined;
}

function decimals(value: number, places: number): string {
  return String(Math.round(value * 10 ** places) / 10 ** places);
}
