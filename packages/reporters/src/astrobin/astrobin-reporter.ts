/**
 * AstroBin's "Import acquisitions from CSV" for long exposures, exactly as its importer reads it:
 * camelCase headers it allows, no quoting, no spaces, LF line ends, one row per date × filter ×
 * exposure (× binning and gain where they differ). Columns no row has a value for are left out.
 *
 * Calibration counts per row are the frames that would calibrate it: flats of its filter and
 * binning from the night nearest its date, the dark flats of those flats' exposure, darks of its
 * exposure, gain, binning and sensor temperature (±2 °C), bias of its gain and binning. Unknown on
 * either side does not rule a frame out.
 */
import {
  errors,
  type CalibrationGroup,
  type ExposureReport,
  type NightRow,
  type ReporterPlugin,
} from '@astrotrack/core/internal';
import { byFilterOrder } from '../views/report-views.js';

/** In AstroBin's own order (its CSV import help). */
export const ASTROBIN_COLUMNS = [
  'date',
  'filter',
  'number',
  'duration',
  'binning',
  'gain',
  'sensorCooling',
  'fNumber',
  'darks',
  'flats',
  'flatDarks',
  'bias',
  'bortle',
  'meanSqm',
  'meanFwhm',
  'temperature',
] as const;

type Column = (typeof ASTROBIN_COLUMNS)[number];

export interface AstrobinReporterOptions {
  /** AstroBin's numeric equipment id per filter: `reporters: [[astrobin, { filterIds }]]`. */
  filterIds?: Record<string, number>;
  /** The site's Bortle class for every row. */
  bortle?: number;
  /** The site's sky brightness, where the frames have no SQM reading. */
  meanSqm?: number;
}

/** Darks this far from a light's sensor temperature still calibrate it. */
const DARK_TEMPERATURE_TOLERANCE = 2;

export function astrobinReporter(options: AstrobinReporterOptions = {}): ReporterPlugin & {
  warnings(report: ExposureReport): string[];
} {
  const ids = options.filterIds ?? {};
  return {
    name: 'astrobin',
    format: (report) => formatAstrobin(report, ids, options),
    warnings: (report) => astrobinWarnings(report, ids),
  };
}

/** Throws ReporterNeedsOptions when rows of several filters would have no filter id. */
export function formatAstrobin(
  report: ExposureReport,
  filterIds: Record<string, number>,
  site: Pick<AstrobinReporterOptions, 'bortle' | 'meanSqm'> = {},
): string {
  const acquisitions = acquisitionsOf(report.nights);
  refuseRowsWithoutFilter(acquisitions, filterIds);
  const rows = acquisitions.map((acquisition) =>
    rowOf(acquisition, report.calibration, filterIds, site),
  );
  const columns = ASTROBIN_COLUMNS.filter((column) =>
    rows.some((row) => row[column] !== undefined),
  );
  const lines = rows.map((row) => columns.map((column) => row[column] ?? '').join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

/**
 * Rows of two filters without an AstroBin id would both have an empty filter column: AstroBin (and
 * the user) could not tell them apart. One such filter (a colour camera's) is only a warning.
 */
function refuseRowsWithoutFilter(
  acquisitions: readonly Acquisition[],
  filterIds: Record<string, number>,
): void {
  const lacking = [...new Set(acquisitions.map((row) => row.filter))].filter(
    (filter) => filterIds[filter] === undefined,
  );
  if (lacking.length > 1)
    throw errors.reporterNeedsOptions(
      'astrobin',
      `the rows of ${lacking.join(', ')} would have no filter (no AstroBin id), so nothing would tell them apart`,
      `set filterIds.${lacking[0]} (and the others) in the config's reporters: [[astrobin, { filterIds: { … } }]], each the number in the filter's page address on app.astrobin.com; or add --target NAME`,
    );
}

const MEAN_FIELDS = [
  'sensorTemperature',
  'focalRatio',
  'ambientTemperature',
  'skyQuality',
  'fwhm',
] as const;
type MeanField = (typeof MEAN_FIELDS)[number];

/** One AstroBin row: the report's rows of a date, filter, exposure, binning and gain. */
interface Acquisition {
  night: string | null;
  filter: string;
  exposureSeconds: number;
  binning: string | null;
  gain: number | null;
  subs: number;
  /** Subs-weighted sums and the subs they cover, for the means. */
  sums: Record<MeanField, [sum: number, subs: number]>;
}

function acquisitionsOf(nights: readonly NightRow[]): Acquisition[] {
  const byKey = new Map<string, Acquisition>();
  for (const row of nights) {
    const key = [row.night, row.filter, row.exposureSeconds, row.binning, row.gain].join('\u0000');
    let acquisition = byKey.get(key);
    if (!acquisition) {
      acquisition = {
        night: row.night,
        filter: row.filter,
        exposureSeconds: row.exposureSeconds,
        binning: row.binning,
        gain: row.gain,
        subs: 0,
        sums: Object.fromEntries(
          MEAN_FIELDS.map((field) => [field, [0, 0]]),
        ) as Acquisition['sums'],
      };
      byKey.set(key, acquisition);
    }
    acquisition.subs += row.subs;
    for (const field of MEAN_FIELDS) {
      const value = row[field];
      if (value === null || value === undefined) continue;
      acquisition.sums[field][0] += value * row.subs;
      acquisition.sums[field][1] += row.subs;
    }
  }
  return [...byKey.values()];
}

function mean(acquisition: Acquisition, field: MeanField): number | null {
  const [sum, subs] = acquisition.sums[field];
  return subs === 0 ? null : sum / subs;
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
      `astrobin: no AstroBin id for filter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, so the filter column is empty there; set filterIds.${missing[0]} (and the others) in the config's reporters: [[astrobin, { filterIds: { … } }]], each the number in the filter’s page address on app.astrobin.com`,
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
  row: Acquisition,
  calibration: readonly CalibrationGroup[],
  filterIds: Record<string, number>,
  site: Pick<AstrobinReporterOptions, 'bortle' | 'meanSqm'>,
): Partial<Record<Column, string>> {
  const temperature = mean(row, 'sensorTemperature');
  const sameCamera = (group: CalibrationGroup) =>
    agree(group.gain, row.gain) && agree(group.binning, row.binning);
  const darks = calibration.filter(
    (g) =>
      g.kind === 'dark' &&
      sameCamera(g) &&
      sameExposure(g.exposureSeconds, row.exposureSeconds) &&
      (g.sensorTemperature == null ||
        temperature === null ||
        Math.abs(g.sensorTemperature - temperature) <= DARK_TEMPERATURE_TOLERANCE),
  );
  const flats = nearestNight(
    calibration.filter(
      (g) => g.kind === 'flat' && g.filter === row.filter && agree(g.binning, row.binning),
    ),
    row.night,
  );
  const flatDarks = calibration.filter(
    (g) =>
      g.kind === 'darkflat' &&
      flats.some(
        (flat) =>
          sameExposure(g.exposureSeconds, flat.exposureSeconds) &&
          agree(g.gain, flat.gain) &&
          agree(g.binning, flat.binning),
      ),
  );
  const bias = calibration.filter((g) => g.kind === 'bias' && sameCamera(g));
  const sky = mean(row, 'skyQuality') ?? site.meanSqm ?? null;
  const focalRatio = mean(row, 'focalRatio');
  const air = mean(row, 'ambientTemperature');
  const fwhm = mean(row, 'fwhm');
  const id = filterIds[row.filter];
  return {
    date: row.night ?? undefined,
    filter: id === undefined ? undefined : String(id),
    number: String(row.subs),
    duration: decimals(row.exposureSeconds, 4),
    binning: binningOf(row.binning),
    gain: row.gain === null ? undefined : decimals(row.gain, 2),
    sensorCooling:
      temperature === null || temperature < -274 || temperature > 100
        ? undefined
        : String(Math.round(temperature)),
    fNumber: focalRatio === null ? undefined : decimals(focalRatio, 2),
    darks: total(darks),
    flats: total(flats),
    flatDarks: total(flatDarks),
    bias: total(bias),
    bortle:
      site.bortle !== undefined
        ? String(site.bortle)
        : sky === null
          ? undefined
          : String(bortleOf(sky)),
    meanSqm: sky === null ? undefined : decimals(sky, 2),
    meanFwhm: fwhm === null ? undefined : decimals(fwhm, 2),
    temperature: air === null ? undefined : decimals(air, 2),
  };
}

function total(groups: readonly CalibrationGroup[]): string | undefined {
  const count = groups.reduce((sum, g) => sum + g.count, 0);
  return count > 0 ? String(count) : undefined;
}

function sameExposure(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.abs(a - b) < 0.001;
}

/**
 * The flats of the night nearest the lights' (the same night first, then the closest before or
 * after, the earlier on a tie): the set that calibrates them, not every flat ever taken.
 */
function nearestNight(
  flats: readonly CalibrationGroup[],
  night: string | null,
): CalibrationGroup[] {
  const dated = flats.filter((flat) => flat.night !== null);
  if (dated.length === 0 || night === null) return dated.length > 0 ? [] : [...flats];
  const distance = (flat: CalibrationGroup) =>
    Math.abs(Date.parse(flat.night!) - Date.parse(night)) / 86_400_000;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const flat of dated) {
    const d = distance(flat);
    if (d < bestDistance || (d === bestDistance && flat.night! < best!)) {
      best = flat.night;
      bestDistance = d;
    }
  }
  return dated.filter((flat) => flat.night === best);
}

/**
 * The Bortle class a sky brightness suggests (the usual SQM ranges; a guide, not a measurement):
 * set `astrobin.bortle` to give your own.
 */
export function bortleOf(sqm: number): number {
  const limits: Array<[number, number]> = [
    [21.99, 1],
    [21.89, 2],
    [21.69, 3],
    [20.49, 4],
    [19.5, 5],
    [18.94, 6],
    [18.38, 7],
    [17.8, 8],
  ];
  return limits.find(([limit]) => sqm >= limit)?.[1] ?? 9;
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
