/**
 * The report's finer views, from `frame` events: lights per night × target × filter × exposure ×
 * gain × binning × sensor temperature (what AstroBin's CSV wants, and what per-target and per-night
 * views sum), and calibration frames grouped the same way. Memory grows with the number of groups,
 * not of frames.
 */
import type { Frame, FrameKind } from '../frame.js';
import type { CalibrationGroup, ExposureRow, NightRow, TargetSummary } from './report-types.js';

type Key = string;

const CONDITION_FIELDS = ['focalRatio', 'ambientTemperature', 'skyQuality', 'fwhm'] as const;
type Conditions = Record<(typeof CONDITION_FIELDS)[number], [sum: number, count: number]>;

/** 206.265″ per radian per 1000: µm of pixel over mm of focal length, in arcseconds. */
const ARCSEC_PER_UM_PER_MM = 206.265;

/**
 * The frame's FWHM in arcseconds, for AstroBin's mean FWHM: its measured FWHM (pixels), else twice
 * its HFR (a Gaussian star's HFR is close to half its FWHM), times the plate scale; null without a
 * measure or without the focal length and pixel size.
 */
export function fwhmArcsec(frame: Frame): number | null {
  const pixels = frame.fwhm ?? (frame.hfr === null ? null : 2 * frame.hfr);
  if (pixels === null || frame.focalLength === null || frame.pixelSize === null) return null;
  return (pixels * ARCSEC_PER_UM_PER_MM * frame.pixelSize) / frame.focalLength;
}

export class BreakdownAccumulator {
  private readonly lights = new Map<Key, NightRow>();
  private readonly calibration = new Map<Key, CalibrationGroup>();

  /** The row the previous light went to: frames come folder by folder, so the next one mostly shares it. */
  private last: NightRow | null = null;
  /** Per row: sums and counts of the conditions its frames report, for the means. */
  private readonly conditions = new Map<NightRow, Conditions>();

  private noteConditions(row: NightRow, frame: Frame): void {
    const fwhm = fwhmArcsec(frame);
    if (
      frame.focalRatio === null &&
      frame.ambientTemperature === null &&
      frame.skyQuality === null &&
      fwhm === null
    )
      return;
    let sums = this.conditions.get(row);
    if (!sums) {
      sums = { focalRatio: [0, 0], ambientTemperature: [0, 0], skyQuality: [0, 0], fwhm: [0, 0] };
      this.conditions.set(row, sums);
    }
    for (const field of CONDITION_FIELDS) {
      const value = field === 'fwhm' ? fwhm : frame[field];
      if (value === null) continue;
      sums[field][0] += value;
      sums[field][1]++;
    }
  }

  /** `target`: the frame's target as the report shows it (canonical: `M31` for `M 31` and `NGC 224`). */
  addLight(frame: Frame, filter: string, exposureSeconds: number, target: string | null): void {
    const temperature = roundTemperature(frame.sensorTemperature);
    const last = this.last;
    if (
      last !== null &&
      last.night === frame.night &&
      last.target === target &&
      last.filter === filter &&
      last.exposureSeconds === exposureSeconds &&
      last.gain === frame.gain &&
      last.binning === frame.binning &&
      last.sensorTemperature === temperature &&
      last.offset === frame.offset &&
      last.camera === frame.camera
    ) {
      last.subs++;
      last.totalSeconds = round3(last.subs * exposureSeconds);
      this.noteConditions(last, frame);
      return;
    }
    const key = [
      frame.night,
      target,
      filter,
      exposureSeconds,
      frame.gain,
      frame.binning,
      temperature,
      frame.offset,
      frame.camera,
    ].join('\u0000');
    const row = this.lights.get(key);
    if (row) {
      row.subs++;
      row.totalSeconds = round3(row.subs * exposureSeconds);
      this.last = row;
      this.noteConditions(row, frame);
      return;
    }
    const created: NightRow = {
      night: frame.night,
      target,
      filter,
      exposureSeconds,
      gain: frame.gain,
      binning: frame.binning,
      sensorTemperature: temperature,
      offset: frame.offset,
      camera: frame.camera,
      subs: 1,
      totalSeconds: exposureSeconds,
    };
    this.lights.set(key, created);
    this.last = created;
    this.noteConditions(created, frame);
  }

  addCalibration(frame: Frame): void {
    const kind = frame.kind as Exclude<FrameKind, 'light'>;
    const exposureSeconds = frame.exposureSeconds === null ? null : round3(frame.exposureSeconds);
    const temperature = roundTemperature(frame.sensorTemperature);
    const key = [
      kind,
      frame.night,
      frame.filter,
      exposureSeconds,
      frame.gain,
      frame.binning,
      temperature,
      frame.offset,
      frame.camera,
    ].join('\u0000');
    const group = this.calibration.get(key);
    if (group) group.count++;
    else
      this.calibration.set(key, {
        kind,
        night: frame.night,
        filter: frame.filter,
        exposureSeconds,
        gain: frame.gain,
        binning: frame.binning,
        sensorTemperature: temperature,
        offset: frame.offset,
        camera: frame.camera,
        count: 1,
      });
  }

  /** By night (no night last), then target, filter rank, exposure. */
  nights(rank: (filter: string) => number): NightRow[] {
    for (const [row, sums] of this.conditions) {
      for (const field of CONDITION_FIELDS) {
        const [sum, count] = sums[field];
        row[field] = count === 0 ? null : Math.round((sum / count) * 100) / 100;
      }
    }
    return [...this.lights.values()].sort(
      (a, b) =>
        compareNullLast(a.night, b.night) ||
        compareNullLast(a.target, b.target) ||
        rank(a.filter) - rank(b.filter) ||
        a.filter.localeCompare(b.filter) ||
        b.exposureSeconds - a.exposureSeconds ||
        (a.gain ?? -1) - (b.gain ?? -1) ||
        (a.binning ?? '').localeCompare(b.binning ?? '') ||
        (a.sensorTemperature ?? 999) - (b.sensorTemperature ?? 999) ||
        (a.offset ?? -1) - (b.offset ?? -1) ||
        compareNullLast(a.camera ?? null, b.camera ?? null),
    );
  }

  calibrationGroups(): CalibrationGroup[] {
    return [...this.calibration.values()].sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        compareNullLast(a.night, b.night) ||
        compareNullLast(a.filter, b.filter) ||
        (a.exposureSeconds ?? 0) - (b.exposureSeconds ?? 0) ||
        (a.sensorTemperature ?? 999) - (b.sensorTemperature ?? 999) ||
        (a.offset ?? -1) - (b.offset ?? -1) ||
        compareNullLast(a.camera ?? null, b.camera ?? null),
    );
  }
}

/** Integration per target, each with its filter × exposure rows, most integration first. */
export function targetSummaries(
  nights: readonly NightRow[],
  rank: (filter: string) => number,
  spellings: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): TargetSummary[] {
  const byTarget = new Map<
    string | null,
    { rows: Map<string, ExposureRow>; nights: Set<string> }
  >();
  for (const row of nights) {
    let target = byTarget.get(row.target);
    if (!target) {
      target = { rows: new Map(), nights: new Set() };
      byTarget.set(row.target, target);
    }
    if (row.night) target.nights.add(row.night);
    const key = `${row.filter}\u0000${row.exposureSeconds}`;
    const exposure = target.rows.get(key) ?? {
      filter: row.filter,
      exposureSeconds: row.exposureSeconds,
      subs: 0,
      totalSeconds: 0,
    };
    exposure.subs += row.subs;
    exposure.totalSeconds = round3(exposure.totalSeconds + row.totalSeconds);
    target.rows.set(key, exposure);
  }
  return [...byTarget]
    .map(([target, { rows, nights: nightSet }]) => {
      const list = [...rows.values()].sort(
        (a, b) =>
          rank(a.filter) - rank(b.filter) ||
          a.filter.localeCompare(b.filter) ||
          b.exposureSeconds - a.exposureSeconds,
      );
      const sortedNights = [...nightSet].sort();
      const written = target === null ? [] : [...(spellings.get(target) ?? [])];
      return {
        target,
        // The names this target was written as, where they are not only the one shown.
        ...(written.some((name) => name !== target) ? { names: written.sort() } : {}),
        subs: list.reduce((sum, row) => sum + row.subs, 0),
        totalSeconds: round3(list.reduce((sum, row) => sum + row.totalSeconds, 0)),
        nights: sortedNights.length,
        firstNight: sortedNights[0] ?? null,
        lastNight: sortedNights.at(-1) ?? null,
        rows: list,
      };
    })
    .sort((a, b) => b.totalSeconds - a.totalSeconds || compareNullLast(a.target, b.target));
}

function roundTemperature(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
