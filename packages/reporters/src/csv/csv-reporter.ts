/**
 * The report as one CSV table (RFC 4180: CRLF line ends, fields quoted only when they must be) with
 * a `section` column saying what each row is, so a spreadsheet can filter one section and sum it.
 * Numbers are unformatted: times in seconds.
 *
 * Sections: `night` (night × target × filter × exposure × gain × binning × temperature), `target`
 * (target × filter × exposure), `filter` (filter × exposure, with the plan), `exposure` (totals),
 * `rejected` (lights in reject folders, filter × exposure, in no total), `total`, `plan`,
 * `calibration`, `flats`, `calibration-match` (per light group and kind: `dark`, `flat`,
 * `flat-calibration`, with its status and the set used or what is missing), `calibration-to-shoot`
 * (the fewest sets still to shoot), `duplicate` (frames counted once), `warning`.
 * `quality` (per night × target × filter: the medians measured, `count` the likely rejects),
 * `mosaic` (per panel: `kind` the mosaic, `count` the panel number), `project` (per target with a goal: an overall row, then one per allocated filter, with
 * `percentComplete`), `rig` and `rig-filter` (a mixed archive split by rig: per rig `count` its frames,
 * `message` its match, `kind` `default` for the rig unmatched frames fall to; then its filter ×
 * exposure rows). `offset`, `camera`, `percentComplete`, the measured medians and `rig` come last, so
 * the columns before them keep their places; `rig` is filled on every row that belongs to one rig.
 */
import type { ExposureReport, ReporterPlugin } from '@astrotrack/core';
import {
  CALIBRATION_SECTION_ID,
  describeSet,
  filterPercent,
  FLATS_SECTION_ID,
  remainingSubsOf,
  reportSection,
  type KindMatch,
} from '@astrotrack/core/internal';
import { toShootText } from '../views/calibration-tables.js';

export const CSV_COLUMNS = [
  'section',
  'target',
  'night',
  'filter',
  'exposureSeconds',
  'gain',
  'binning',
  'sensorTemperature',
  'subs',
  'totalSeconds',
  'targetSeconds',
  'remainingSeconds',
  'remainingSubs',
  'kind',
  'count',
  'angle',
  'status',
  'message',
  'offset',
  'camera',
  'percentComplete',
  'hfr',
  'fwhm',
  'starCount',
  'eccentricity',
  'guidingRms',
  'rig',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

export function csvReporter(): ReporterPlugin {
  return { name: 'csv', format: (report) => formatCsv(report) };
}

export function formatCsv(report: ExposureReport): string {
  const rows: Row[] = [];
  for (const row of report.nights) rows.push({ section: 'night', ...row });
  for (const target of report.targets) {
    for (const row of target.rows) rows.push({ section: 'target', target: target.target, ...row });
  }
  const planOf = new Map(report.plan?.filters.map((plan) => [plan.filter, plan]));
  for (const row of report.rows) {
    const plan = planOf.get(row.filter);
    const onPlanRow = plan !== undefined && plan.subExposureSeconds === row.exposureSeconds;
    rows.push({
      section: 'filter',
      ...row,
      ...(onPlanRow
        ? {
            targetSeconds: plan.targetSeconds,
            remainingSeconds: plan.remainingSeconds,
            remainingSubs: plan.remainingSubs,
          }
        : {}),
    });
  }
  for (const row of report.rejected) rows.push({ section: 'rejected', ...row });
  for (const rig of report.rigs) {
    rows.push({
      section: 'rig',
      rig: rig.rig,
      kind: rig.default ? 'default' : null,
      count: rig.frames,
      subs: rig.subs,
      totalSeconds: rig.totalSeconds,
      message: rig.match,
    });
    for (const row of rig.rows) rows.push({ section: 'rig-filter', rig: rig.rig, ...row });
  }
  for (const row of report.quality) {
    rows.push({
      section: 'quality',
      night: row.night,
      target: row.target,
      filter: row.filter,
      subs: row.frames,
      count: row.likelyRejects,
      hfr: row.hfr?.median ?? null,
      fwhm: row.fwhm?.median ?? null,
      starCount: row.starCount?.median ?? null,
      eccentricity: row.eccentricity?.median ?? null,
      guidingRms: row.guidingRms?.median ?? null,
      rig: row.rig,
    });
  }
  for (const mosaic of report.mosaics) {
    for (const panel of mosaic.panels) {
      rows.push({
        section: 'mosaic',
        target: panel.target,
        kind: mosaic.mosaic,
        count: panel.panel,
        subs: panel.subs,
        totalSeconds: panel.totalSeconds,
        percentComplete: panel.percentComplete,
        rig: mosaic.rig,
      });
    }
  }
  for (const { target, plan, percentComplete, rig } of report.projects) {
    rows.push({
      section: 'project',
      rig,
      target,
      targetSeconds: plan.captureSeconds,
      totalSeconds: plan.captureSeconds - plan.remainingSeconds,
      remainingSeconds: plan.remainingSeconds,
      remainingSubs: remainingSubsOf(plan),
      percentComplete,
    });
    for (const filter of plan.filters) {
      rows.push({
        section: 'project',
        rig,
        target,
        filter: filter.filter,
        exposureSeconds: filter.subExposureSeconds,
        targetSeconds: filter.targetSeconds,
        totalSeconds: filter.integratedSeconds,
        remainingSeconds: filter.remainingSeconds,
        remainingSubs: filter.remainingSubs,
        percentComplete: filterPercent(filter),
      });
    }
  }
  for (const total of report.totalsByExposure) rows.push({ section: 'exposure', ...total });
  rows.push({ section: 'total', subs: report.totalSubs, totalSeconds: report.totalSeconds });
  if (report.plan) {
    rows.push({
      section: 'plan',
      targetSeconds: report.plan.captureSeconds,
      remainingSeconds: report.plan.remainingSeconds,
      totalSeconds: report.totalSeconds,
    });
  }
  for (const group of report.calibration) rows.push({ section: 'calibration', ...group });
  const flats = reportSection(report, FLATS_SECTION_ID);
  if (flats) {
    for (const filter of flats.filters) {
      for (const flat of filter.owned) {
        rows.push({
          section: 'flats',
          rig: filter.rig,
          filter: filter.filter,
          binning: filter.binning,
          angle: flat.angle,
          night: flat.date,
          status: flat.old ? 'owned-old' : 'owned',
        });
      }
      for (const angle of filter.needed) {
        rows.push({
          section: 'flats',
          rig: filter.rig,
          filter: filter.filter,
          binning: filter.binning,
          angle,
          status: 'to-shoot',
        });
      }
      // Lights without an angle need a flat set without one: a to-shoot row with no angle.
      if (filter.withoutAngle && !filter.withoutAngle.flat) {
        rows.push({
          section: 'flats',
          rig: filter.rig,
          filter: filter.filter,
          binning: filter.binning,
          status: 'to-shoot',
          subs: filter.withoutAngle.frames,
        });
      }
    }
  }
  const calibration = reportSection(report, CALIBRATION_SECTION_ID);
  for (const group of calibration?.groups ?? []) {
    const matches: [string, KindMatch][] = [
      ['dark', group.dark],
      ['flat', group.flat],
      ['flat-calibration', group.flatDarks],
    ];
    for (const [kind, match] of matches) {
      rows.push({
        section: 'calibration-match',
        target: group.target,
        night: group.night,
        filter: group.filter,
        exposureSeconds: group.exposureSeconds,
        gain: group.gain,
        binning: group.binning,
        sensorTemperature: group.sensorTemperature,
        subs: group.frames,
        kind,
        angle: group.angle?.from ?? null,
        status: match.status,
        message: match.set
          ? [describeSet(match.set), ...match.warnings, ...match.notes].join('; ')
          : (match.missing ?? match.notes.join('; ')),
        offset: group.offset,
        camera: group.camera,
        rig: group.rig,
      });
    }
  }
  for (const set of calibration?.toShoot ?? []) {
    rows.push({
      section: 'calibration-to-shoot',
      filter: set.filter,
      exposureSeconds: set.exposureSeconds,
      gain: set.gain,
      binning: set.binning,
      sensorTemperature: set.sensorTemperature,
      kind: set.kind,
      count: set.frames,
      subs: set.groups,
      angle: set.angle,
      status: 'to-shoot',
      message: `${toShootText(set)} for ${set.targets.join(', ')}`,
      offset: set.offset,
      camera: set.camera,
      rig: set.rig,
    });
  }
  for (const duplicate of report.duplicates) {
    rows.push({
      section: 'duplicate',
      status: duplicate.how,
      message: `${duplicate.relativePath} is the same frame as ${duplicate.sameAs}`,
    });
  }
  for (const warning of report.warnings)
    rows.push({
      section: 'warning',
      kind: warning.code,
      count: warning.count ?? null,
      message: warning.message,
    });
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One field: quoted when it holds a comma, quote or line break. Text that a spreadsheet would run as
 * a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return: `-1+HYPERLINK(…)` too)
 * gets a leading `'`, as OWASP advises, unless the whole text is a number.
 */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const formula = /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
