/**
 * The report as titled tables of text cells: what `table`, `markdown` and `html` each draw in their
 * own way. One place decides what every section shows.
 */
import {
  filterPercent,
  formatDuration,
  remainingSubsOf,
  sortRows,
  type ExposureReport,
  type ExposureRow,
  type FilterPlan,
  type ReportWarning,
} from '@astrotrack/core/internal';
import {
  FLATS_SECTION_ID,
  reportSection,
  type CoverageGroup,
  type FilterFlats,
  type FlatsSection,
} from '@astrotrack/core/internal';
import { byFilterOrder, filterRank, nightTotals, targetName } from './report-views.js';
import { calibrationSectionOf, calibrationTables } from './calibration-tables.js';

export const NONE = '—';

export type Align = 'left' | 'right';

export interface ReportTable {
  id:
    | 'integration'
    | 'rejected'
    | 'duplicates'
    | 'exposures'
    | 'targets'
    | 'rigs'
    | 'projects'
    | 'mosaics'
    | 'quality'
    | 'nights'
    | 'calibration'
    | 'calibration-groups'
    | 'calibration-to-shoot'
    | 'flats';
  title: string;
  columns: { header: string; align: Align }[];
  rows: string[][];
  /** Lines shown under the table. */
  notes: string[];
}

/** The filter × exposure rows shown, with plan-only filters (no frames yet) as placeholder rows. */
export function integrationRows(report: ExposureReport): ExposureRow[] {
  const plan = report.plan;
  const placeholders: ExposureRow[] = (plan?.filters ?? [])
    .filter((p) => p.subExposureSeconds === null)
    .map((p) => ({ filter: p.filter, exposureSeconds: 0, subs: 0, totalSeconds: 0 }));
  if (placeholders.length === 0) return report.rows;
  const planOf = (filter: string) => plan?.filters.find((p) => p.filter === filter);
  return sortRows([...report.rows, ...placeholders], report.sortedBy, filterRank(report), planOf);
}

export function integrationTable(report: ExposureReport): ReportTable {
  const plan = report.plan;
  const planOf = (filter: string) => plan?.filters.find((p) => p.filter === filter);
  const columns: ReportTable['columns'] = [
    { header: 'Filter', align: 'left' },
    { header: 'Exp (s)', align: 'right' },
    { header: 'Subs', align: 'right' },
    { header: 'Total', align: 'left' },
  ];
  if (plan) {
    columns.push(
      { header: 'Target', align: 'left' },
      { header: 'Remaining', align: 'left' },
      { header: 'Rem. subs', align: 'right' },
    );
  }
  const rows = integrationRows(report).map((row) => {
    const base = [
      row.filter,
      row.subs ? String(row.exposureSeconds) : NONE,
      String(row.subs),
      formatDuration(row.totalSeconds),
    ];
    return plan ? [...base, ...planCells(row, planOf(row.filter))] : base;
  });
  return {
    id: 'integration',
    title: 'Integration by filter and exposure',
    columns,
    rows,
    notes: [],
  };
}

/** The plan shows once per filter, on the row of the exposure its remaining subs are counted in. */
function planCells(row: ExposureRow, plan: FilterPlan | undefined): string[] {
  if (!plan) return [NONE, NONE, NONE];
  const planRow =
    plan.subExposureSeconds === null
      ? row.subs === 0
      : plan.subExposureSeconds === row.exposureSeconds;
  if (!planRow) return ['', '', ''];
  return [
    formatDuration(plan.targetSeconds),
    formatDuration(plan.remainingSeconds),
    plan.remainingSubs === null ? '?' : String(plan.remainingSubs),
  ];
}

/**
 * Per filter, the lights counted beside those in reject folders, so a night's losses show: only
 * when some were rejected.
 */
export function rejectedTable(report: ExposureReport): ReportTable | null {
  if (report.rejected.length === 0) return null;
  const byFilter = new Map<
    string,
    { subs: number; seconds: number; rejected: number; lost: number }
  >();
  const totalOf = (filter: string) => {
    let total = byFilter.get(filter);
    if (!total) {
      total = { subs: 0, seconds: 0, rejected: 0, lost: 0 };
      byFilter.set(filter, total);
    }
    return total;
  };
  for (const row of report.rows) {
    const total = totalOf(row.filter);
    total.subs += row.subs;
    total.seconds += row.totalSeconds;
  }
  for (const row of report.rejected) {
    const total = totalOf(row.filter);
    total.rejected += row.subs;
    total.lost += row.totalSeconds;
  }
  const filters = [...byFilter.keys()].sort(byFilterOrder(report));
  return {
    id: 'rejected',
    title: 'Accepted and rejected lights by filter',
    columns: [
      { header: 'Filter', align: 'left' },
      { header: 'Accepted', align: 'right' },
      { header: 'Total', align: 'left' },
      { header: 'Rejected', align: 'right' },
      { header: 'Rej. total', align: 'left' },
      { header: 'Rejected %', align: 'right' },
    ],
    rows: filters.map((filter) => {
      const total = byFilter.get(filter)!;
      const all = total.subs + total.rejected;
      return [
        filter,
        String(total.subs),
        formatDuration(total.seconds),
        String(total.rejected),
        formatDuration(total.lost),
        all === 0 ? NONE : `${Math.round((100 * total.rejected) / all)} %`,
      ];
    }),
    notes: ['Rejected: lights in reject folders (rejected/, bad/, _bad_frames/…), in no total.'],
  };
}

/** Frames found more than once and counted once: only when there are some. */
export function duplicatesTable(report: ExposureReport): ReportTable | null {
  if (report.duplicates.length === 0) return null;
  const more = report.frames.duplicates - report.duplicates.length;
  return {
    id: 'duplicates',
    title: 'Frames counted once',
    columns: [
      { header: 'Frame', align: 'left' },
      { header: 'Same as', align: 'left' },
      { header: 'How', align: 'left' },
    ],
    rows: report.duplicates.map((d) => [d.relativePath, d.sameAs, d.how]),
    notes: more > 0 ? [`… and ${more} more`] : [],
  };
}

export function exposuresTable(report: ExposureReport): ReportTable {
  return {
    id: 'exposures',
    title: 'Totals by exposure',
    columns: [
      { header: 'Exp (s)', align: 'right' },
      { header: 'Subs', align: 'right' },
      { header: 'Total', align: 'left' },
    ],
    rows: report.totalsByExposure.map((t) => [
      String(t.exposureSeconds),
      String(t.subs),
      formatDuration(t.totalSeconds),
    ]),
    notes: [],
  };
}

/** The overall total and the plan, as sentences. */
export function summaryLines(report: ExposureReport): string[] {
  const lines = [
    `Overall total: ${formatDuration(report.totalSeconds)} (${report.totalSubs} subs)`,
  ];
  const plan = report.plan;
  if (plan) {
    const allocation = plan.filters.map((f) => `${f.filter} ${f.allocationPercent} %`).join(', ');
    // Allocations over 100 % ask for more than the target: say what the filters' goals add up to.
    const asked = plan.filters.reduce((sum, f) => sum + f.targetSeconds, 0);
    const over =
      plan.allocationPercentTotal > 100
        ? `; the allocations add up to ${plan.allocationPercentTotal} %, so the plan asks ${formatDuration(asked)}`
        : '';
    lines.push(
      `Plan: ${plan.targetHours} h target + ${bufferText(plan)} = ${formatDuration(plan.captureSeconds)} to capture` +
        (allocation ? ` (${allocation})` : '') +
        over,
      `Still to capture: ${formatDuration(plan.remainingSeconds)}`,
    );
  }
  return lines;
}

/** `15 % rejection buffer`, or the measured one filter by filter: `measured rejection buffer (L 8.3 % of 120 frames, R 15 % fallback: 12 frames)`. */
function bufferText(plan: NonNullable<ExposureReport['plan']>): string {
  if (plan.bufferSource !== 'measured') return `${plan.rejectionBufferPercent} % rejection buffer`;
  const filters = plan.filters
    .filter((f) => f.rejectionBufferPercent !== undefined)
    .map((f) =>
      f.bufferSource === 'fallback'
        ? `${f.filter} ${f.rejectionBufferPercent} % fallback: ${f.bufferFrames} frames`
        : `${f.filter} ${f.rejectionBufferPercent} % of ${f.bufferFrames} frames`,
    );
  return filters.length > 0
    ? `measured rejection buffer (${filters.join(', ')})`
    : `measured rejection buffer ${plan.rejectionBufferPercent} %`;
}

export function targetsTable(report: ExposureReport): ReportTable {
  return {
    id: 'targets',
    title: 'Integration by target',
    columns: [
      { header: 'Target', align: 'left' },
      { header: 'Nights', align: 'right' },
      { header: 'First', align: 'left' },
      { header: 'Last', align: 'left' },
      { header: 'Subs', align: 'right' },
      { header: 'Total', align: 'left' },
    ],
    rows: report.targets.map((t) => [
      // The names merged into it, where its frames were written otherwise: `M31 (M 31, NGC 224)`.
      t.names
        ? `${targetName(t.target)} (${t.names.filter((n) => n !== t.target).join(', ')})`
        : targetName(t.target),
      String(t.nights),
      t.firstNight ?? NONE,
      t.lastNight ?? NONE,
      String(t.subs),
      formatDuration(t.totalSeconds),
    ]),
    notes: [],
  };
}

/** A mixed archive split by optical train: what each rig's `match` took, and its integration. */
export function rigsTable(report: ExposureReport): ReportTable {
  const unmatched = report.rigs.find((rig) => rig.default && rig.unmatched > 0);
  return {
    id: 'rigs',
    title: 'Integration by rig',
    columns: [
      { header: 'Rig', align: 'left' },
      { header: 'Frames of', align: 'left' },
      { header: 'Frames', align: 'right' },
      { header: 'Subs', align: 'right' },
      { header: 'Total', align: 'left' },
      { header: 'Targets', align: 'right' },
    ],
    rows: report.rigs.map((rig) => [
      rigName(rig.rig),
      [rig.match, rig.default ? 'no match (default)' : null].filter(Boolean).join('; ') || NONE,
      String(rig.frames),
      String(rig.subs),
      formatDuration(rig.totalSeconds),
      String(rig.targets.length),
    ]),
    notes: unmatched
      ? [
          `${unmatched.unmatched} frame${unmatched.unmatched === 1 ? '' : 's'} matched no rig and count under ${rigName(unmatched.rig)}.`,
        ]
      : [],
  };
}

export function rigName(rig: string | null | undefined): string {
  return rig ?? '(top level)';
}

/** A Rig column first, when the rows are split by rig. */
function rigColumn<T extends { rig?: string | null }>(
  rows: readonly T[],
): { columns: ReportTable['columns']; cell: (row: T) => string[] } {
  const split = rows.some((row) => row.rig !== undefined);
  return split
    ? { columns: [{ header: 'Rig', align: 'left' }], cell: (row) => [rigName(row.rig)] }
    : { columns: [], cell: () => [] };
}

/** Shown when there is more than the integration table's plan to say: several projects, or a target's own goal. */
export function projectsShown(report: ExposureReport): boolean {
  const { projects } = report;
  return projects.length > 1 || (projects.length === 1 && projects[0]!.goalFrom === 'target');
}

/** Every target with a goal, furthest behind first: how far, what is left, per filter. */
export function projectsTable(report: ExposureReport): ReportTable {
  const rig = rigColumn(report.projects);
  return {
    id: 'projects',
    title: 'Projects (furthest behind first)',
    columns: [
      ...rig.columns,
      { header: 'Target', align: 'left' },
      { header: 'Goal', align: 'left' },
      { header: 'Done', align: 'right' },
      { header: 'Remaining', align: 'left' },
      { header: 'Rem. subs', align: 'right' },
      { header: 'Per filter', align: 'left' },
    ],
    rows: report.projects.map((project) => {
      const { plan } = project;
      const subs = remainingSubsOf(plan);
      return [
        ...rig.cell(project),
        targetName(project.target),
        `${formatDuration(plan.targetHours * 3600)}${project.goalFrom === 'rig' ? ' (rig)' : ''}`,
        `${project.percentComplete} %`,
        formatDuration(plan.remainingSeconds),
        plan.filters.length === 0 ? NONE : subs === null ? '?' : String(subs),
        plan.filters.map((f) => `${f.filter} ${filterPercent(f)} %`).join(', ') || NONE,
      ];
    }),
    notes: [
      'Done: of the goal with its rejection buffer, each filter counted up to its share; (rig): the rig plan, for targets without a goal of their own.',
    ],
  };
}

/** Each mosaic's panels, furthest behind first: the panel to shoot next is on top. */
export function mosaicsTable(report: ExposureReport): ReportTable {
  const rig = rigColumn(report.mosaics);
  const rows: string[][] = [];
  for (const mosaic of report.mosaics) {
    for (const [i, panel] of mosaic.panels.entries()) {
      rows.push([
        ...(i === 0 ? rig.cell(mosaic) : rig.cell(mosaic).map(() => '')),
        i === 0 ? targetName(mosaic.mosaic) : '',
        `${panel.panel}`,
        String(panel.subs),
        formatDuration(panel.totalSeconds),
        panel.percentComplete === null ? NONE : `${panel.percentComplete} %`,
      ]);
    }
  }
  return {
    id: 'mosaics',
    title: 'Mosaics (per panel, furthest behind first)',
    columns: [
      ...rig.columns,
      { header: 'Mosaic', align: 'left' },
      { header: 'Panel', align: 'right' },
      { header: 'Subs', align: 'right' },
      { header: 'Total', align: 'left' },
      { header: 'Done', align: 'right' },
    ],
    rows,
    notes: report.mosaics.map(
      (m) =>
        `${m.rig === undefined ? '' : `${rigName(m.rig)}: `}${targetName(m.mosaic)}: ${m.panels.length} panels, ${formatDuration(m.totalSeconds)}; next: panel ${m.panels[0]!.panel}`,
    ),
  };
}

/** `2.1 (1.8–3.4)`: the median and the spread; — when nothing was measured. */
function measured(value: ExposureReport['quality'][number]['hfr']): string {
  if (!value) return NONE;
  return value.min === value.max
    ? `${value.median}`
    : `${value.median} (${value.min}–${value.max})`;
}

/** What the capture program measured, per night × target × filter, and the likely rejects. */
export function qualityTable(report: ExposureReport): ReportTable {
  const several = new Set(report.quality.map((row) => row.target)).size > 1;
  const { likelyRejects } = report;
  const rig = rigColumn(report.quality);
  return {
    id: 'quality',
    title: 'Quality as measured (median, spread)',
    columns: [
      ...rig.columns,
      { header: 'Night', align: 'left' },
      ...(several ? [{ header: 'Target', align: 'left' as const }] : []),
      { header: 'Filter', align: 'left' },
      { header: 'Frames', align: 'right' },
      { header: 'HFR', align: 'left' },
      { header: 'FWHM', align: 'left' },
      { header: 'Stars', align: 'left' },
      { header: 'Ecc.', align: 'left' },
      { header: 'RMS"', align: 'left' },
      { header: 'Likely rej.', align: 'right' },
    ],
    rows: report.quality.map((row) => [
      ...rig.cell(row),
      row.night ?? NONE,
      ...(several ? [targetName(row.target)] : []),
      row.filter,
      String(row.frames),
      measured(row.hfr),
      measured(row.fwhm),
      measured(row.starCount),
      measured(row.eccentricity),
      measured(row.guidingRms),
      String(row.likelyRejects),
    ]),
    notes:
      likelyRejects.count > 0
        ? [
            `Likely rejects (past the quality thresholds; listed, never moved): ${likelyRejects.count}`,
            ...likelyRejects.examples.map((e) => `  ${e.relativePath}: ${e.why.join(', ')}`),
          ]
        : [],
  };
}

export function nightsTable(report: ExposureReport): ReportTable {
  const several = report.targets.length > 1;
  return {
    id: 'nights',
    title: 'Integration by night',
    columns: [
      { header: 'Night', align: 'left' },
      ...(several ? [{ header: 'Targets', align: 'left' as const }] : []),
      { header: 'Filters', align: 'left' },
      { header: 'Subs', align: 'right' },
      { header: 'Total', align: 'left' },
    ],
    rows: nightTotals(report).map((night) => [
      night.night ?? '(unknown)',
      ...(several ? [night.targets.join(', ') || NONE] : []),
      night.filters.join(' '),
      String(night.subs),
      formatDuration(night.totalSeconds),
    ]),
    notes: [],
  };
}

const KIND_NAMES = { flat: 'Flat', dark: 'Dark', bias: 'Bias', darkflat: 'Dark flat' } as const;

export function calibrationTable(report: ExposureReport): ReportTable {
  const groups = report.calibration;
  // Shown when they tell groups apart: an offset anywhere, more than one camera.
  const offsets = groups.some((group) => group.offset != null);
  const cameras = new Set(groups.map((group) => group.camera ?? null)).size > 1;
  return {
    id: 'calibration',
    title: 'Calibration frames',
    columns: [
      { header: 'Kind', align: 'left' },
      { header: 'Night', align: 'left' },
      { header: 'Filter', align: 'left' },
      { header: 'Exp (s)', align: 'right' },
      { header: 'Gain', align: 'right' },
      ...(offsets ? [{ header: 'Offset', align: 'right' as const }] : []),
      { header: 'Bin', align: 'left' },
      { header: 'Temp', align: 'right' },
      ...(cameras ? [{ header: 'Camera', align: 'left' as const }] : []),
      { header: 'Frames', align: 'right' },
    ],
    rows: groups.map((group) => [
      KIND_NAMES[group.kind],
      group.night ?? NONE,
      group.filter ?? NONE,
      group.exposureSeconds === null ? NONE : String(group.exposureSeconds),
      group.gain === null ? NONE : String(group.gain),
      ...(offsets ? [group.offset == null ? NONE : String(group.offset)] : []),
      group.binning ?? NONE,
      group.sensorTemperature == null ? NONE : `${group.sensorTemperature}°C`,
      ...(cameras ? [group.camera ?? NONE] : []),
      String(group.count),
    ]),
    notes: [],
  };
}

const STATUS = {
  'have-all': '✓ Have',
  'need-some': '⚠ Need more',
  'need-all': '✗ Need all',
} as const;

export function flatsSectionOf(report: ExposureReport): FlatsSection | null {
  return reportSection(report, FLATS_SECTION_ID);
}

/**
 * The flat recommendations as the toolkit printed them, fixed: the status follows the coverage, an
 * uncovered range is always a flat to shoot, and lights without an angle are counted, not dropped.
 */
export function flatsTable(section: FlatsSection): ReportTable {
  const notes: string[] = [];
  const coverage = section.filters.filter((entry) => entry.groups.length > 0);
  if (coverage.length > 0) {
    notes.push('Coverage (flat → lights it calibrates; ? → lights no flat covers yet):');
    for (const entry of coverage)
      notes.push(`  ${flatLabel(entry)}: ${entry.groups.map(groupText).join('; ')}`);
  }
  const fixedCamera = section.filters.filter((entry) => entry.withoutAngle);
  if (fixedCamera.length > 0) {
    notes.push('Without a rotator angle (flat without an angle → lights without one):');
    for (const entry of fixedCamera) {
      const { frames, flat } = entry.withoutAngle!;
      const lights = `${frames} frame${frames === 1 ? '' : 's'}`;
      notes.push(
        flat
          ? `  ${flatLabel(entry)}: ${flat.date}${flat.old ? ' (old)' : ''}→${lights}`
          : `  ${flatLabel(entry)}: ?→${lights} (shoot a flat set)`,
      );
    }
  }
  if (section.libraryPath) notes.push(`Flat library: ${section.libraryPath}`);
  return {
    id: 'flats',
    title: `Flat frame recommendations (±${section.tolerance}°, flats older than ${section.maxAgeDays} days ${section.oldFlatsCover ? 'still count' : 'do not count'})`,
    columns: [
      { header: 'Filter', align: 'left' },
      { header: 'Light angles', align: 'left' },
      { header: 'Flats owned', align: 'left' },
      { header: 'Shoot', align: 'left' },
      { header: 'Status', align: 'left' },
    ],
    rows: section.filters.map((entry) => [
      flatLabel(entry),
      detected(entry),
      entry.owned.length ? entry.owned.map(ownedText).join(', ') : NONE,
      shootText(entry),
      statusText(entry),
    ]),
    notes,
  };
}

function ownedText(flat: FilterFlats['owned'][number]): string {
  const angle = flat.angle === null ? `no angle ${flat.date}` : degrees(flat.angle);
  return `${angle}${flat.old ? ' (old)' : ''}`;
}

function shootText(entry: FilterFlats): string {
  const shoot = entry.needed.map((angle) => `${angle}°`);
  if (entry.withoutAngle && !entry.withoutAngle.flat) shoot.push('a set (no angle)');
  return shoot.length ? shoot.join(', ') : NONE;
}

/** A fixed camera's flat has an age that matters: "✓ Have, 12 days old". */
function statusText(entry: FilterFlats): string {
  const fixedFlat = entry.withoutAngle?.flat;
  if (entry.status !== 'have-all' || !fixedFlat || entry.detected) return STATUS[entry.status];
  const days = fixedFlat.ageDays;
  return days === undefined
    ? STATUS[entry.status]
    : `${STATUS[entry.status]}, ${days} day${days === 1 ? '' : 's'} old`;
}

function flatLabel(entry: FilterFlats): string {
  const label = entry.binning ? `${entry.filter} ${entry.binning}` : entry.filter;
  return entry.rig === undefined ? label : `${rigName(entry.rig)}: ${label}`;
}

function detected(entry: FilterFlats): string {
  const parts: string[] = [];
  if (entry.detected) {
    const { from, to, angles, frames } = entry.detected;
    parts.push(
      `${arcText(from, to)} (${angles} angle${angles === 1 ? '' : 's'}, ${frames} frame${frames === 1 ? '' : 's'})`,
    );
  }
  if (entry.withoutAngle) {
    const { frames } = entry.withoutAngle;
    parts.push(`no angle (${frames} frame${frames === 1 ? '' : 's'})`);
  }
  return parts.length ? parts.join('; ') : NONE;
}

function groupText(group: CoverageGroup): string {
  const range = arcText(group.lights.from, group.lights.to);
  return group.owned ? `${degrees(group.flat)}→${range}` : `?→${range} (shoot ${group.flat}°)`;
}

/** One decimal, or two where one would hide a difference (72.49° is not covered where 72.5° is). */
export function degrees(angle: number): string {
  return `${angle.toFixed(decimalsOf(angle))}°`;
}

function decimalsOf(angle: number): 1 | 2 {
  return angle.toFixed(2).endsWith('0') ? 1 : 2;
}

/** Both ends with as many decimals as either needs: `90.10°–90.74°`, not `90.1°–90.74°`. */
export function arcText(from: number, to: number): string {
  if (degrees(from) === degrees(to)) return degrees(from);
  const decimals = Math.max(decimalsOf(from), decimalsOf(to));
  return `${from.toFixed(decimals)}°–${to.toFixed(decimals)}°`;
}

/** The line after a warning's examples when it has more than it lists; null when it lists all. */
export function moreExamples(warning: ReportWarning): string | null {
  const shown = warning.examples?.length ?? 0;
  const more = (warning.count ?? shown) - shown;
  return shown > 0 && more > 0 ? `… and ${more} more` : null;
}

/** Warnings as lines: the message, then a few example paths. */
export function warningLines(report: ExposureReport): { message: string; examples: string[] }[] {
  return report.warnings.map((warning) => ({
    message: warning.message,
    examples: warning.examples ?? [],
  }));
}

export type DocumentPart = { table: ReportTable } | { summary: string[] };

/** Every section of a full report, in order: what `markdown` and `html` show. */
export function documentParts(
  report: ExposureReport,
  options: { explain?: boolean } = {},
): DocumentPart[] {
  const parts: DocumentPart[] = [{ table: integrationTable(report) }];
  const rejected = rejectedTable(report);
  if (rejected) parts.push({ table: rejected });
  if (report.totalsByExposure.length > 0) parts.push({ table: exposuresTable(report) });
  parts.push({ summary: summaryLines(report) });
  if (report.rigs.length > 0) parts.push({ table: rigsTable(report) });
  if (projectsShown(report)) parts.push({ table: projectsTable(report) });
  if (report.mosaics.length > 0) parts.push({ table: mosaicsTable(report) });
  if (report.quality.length > 0) parts.push({ table: qualityTable(report) });
  if (report.targets.length > 0) parts.push({ table: targetsTable(report) });
  if (report.nights.some((row) => row.night !== null)) parts.push({ table: nightsTable(report) });
  if (report.calibration.length > 0) parts.push({ table: calibrationTable(report) });
  const flats = flatsSectionOf(report);
  if (flats) parts.push({ table: flatsTable(flats) });
  const calibration = calibrationSectionOf(report);
  if (calibration)
    for (const table of calibrationTables(calibration, options)) parts.push({ table });
  const duplicates = duplicatesTable(report);
  if (duplicates) parts.push({ table: duplicates });
  return parts;
}
