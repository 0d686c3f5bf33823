import type { FilterSet } from '../filters/filter-set.js';
import type { ExposureAccumulator } from './exposure-accumulator.js';
import {
  planRemainingExposure,
  type PlanInput,
  type RejectCounts,
} from './plan-remaining-exposure.js';
import {
  REPORT_SCHEMA_VERSION,
  type ExposureReport,
  type ExposureRow,
  type ExposureTotal,
  type ReportSection,
  type ReportWarning,
} from './report-types.js';
import { SETTING_DEFAULTS } from '../config/setting-defaults.js';
import { sortRows } from './sort-rows.js';
import type { SortKey } from './sort-keys.js';
import { targetSummaries } from './breakdown.js';
import { formatDuration } from './format-duration.js';
import { mosaicsOf, projectsOf, type ProjectGoals } from './projects.js';

export interface BuildReportOptions {
  root: string;
  rig: string | null;
  filters: FilterSet;
  sort?: SortKey;
  plan?: PlanInput | null;
  /** Goals per target (and the rig's plan for the others): the report's projects. */
  goals?: Omit<ProjectGoals, 'target'> | null;
  /** The rig's `targets.aliases`, for the mosaics' names. */
  aliases?: Readonly<Record<string, string>>;
  includeUnknown?: boolean;
  /** Warnings from the scan itself (unreadable folders, failing plugins). */
  warnings?: ReportWarning[];
  sections?: ReportSection[];
}

export function buildExposureReport(
  accumulator: ExposureAccumulator,
  options: BuildReportOptions,
): ExposureReport {
  const rawRows = accumulator.rows();
  const rejects = rejectCounts(
    rawRows,
    accumulator.rejectedRows(),
    accumulator.quality.rejectsByFilter,
  );
  const plan = options.plan ? planRemainingExposure(options.plan, rawRows, rejects) : null;
  const planOf = (filter: string) => plan?.filters.find((p) => p.filter === filter);
  const sortedBy = options.sort ?? SETTING_DEFAULTS.report.sort;
  const rows = sortRows(rawRows, sortedBy, options.filters.rank, planOf);

  const totals = new Map<number, ExposureTotal>();
  for (const row of rows) {
    const total = totals.get(row.exposureSeconds) ?? {
      exposureSeconds: row.exposureSeconds,
      subs: 0,
      totalSeconds: 0,
    };
    total.subs += row.subs;
    total.totalSeconds += row.totalSeconds;
    totals.set(row.exposureSeconds, total);
  }

  const warnings: ReportWarning[] = [...(options.warnings ?? [])];
  if (plan && plan.allocationPercentTotal > 100) {
    warnings.push({
      code: 'allocation-over-100',
      message: `filter allocations add up to ${plan.allocationPercentTotal} %, more than 100 %: the plan asks for more than the target`,
    });
  }
  const { unknownFilter, noExposure } = accumulator;
  if (unknownFilter.count > 0 && !options.includeUnknown) {
    warnings.push({
      code: 'unknown-filter',
      message: `${unknownFilter.count} light frame(s) with no recognisable filter were left out; use --include-unknown to count them, or add the filter under filters.extra`,
      count: unknownFilter.count,
      examples: unknownFilter.examples,
    });
  }
  const { noFilterNamed } = accumulator;
  if (noFilterNamed.count > 0) {
    const name = options.filters.noFilter;
    warnings.push({
      code: 'no-filter-named',
      message: `${noFilterNamed.count} light frame(s) name no filter and no colour sensor (no FILTER card, or an empty filter field): counted as ${name}; if they were taken through a filter, set filters.noFilter (e.g. "L" for a mono camera without a wheel)`,
      count: noFilterNamed.count,
      examples: noFilterNamed.examples,
    });
  }
  if (noExposure.count > 0) {
    warnings.push({
      code: 'no-exposure',
      message: `${noExposure.count} light frame(s) have no exposure time and were not counted`,
      count: noExposure.count,
      examples: noExposure.examples,
    });
  }
  if (accumulator.target !== null && rawRows.length === 0) {
    const others = [...accumulator.otherTargetNames];
    warnings.push({
      code: 'target-not-found',
      message: `no lights of target "${accumulator.target}"${others.length ? `; targets found: ${others.join(', ')}` : ''}`,
    });
  }
  const rejected = sortRows(
    accumulator.rejectedRows(),
    'filter',
    options.filters.rank,
    () => undefined,
  );
  if (accumulator.rejected > 0) {
    const subs = rejected.reduce((sum, row) => sum + row.subs, 0);
    const seconds = rejected.reduce((sum, row) => sum + row.totalSeconds, 0);
    warnings.push({
      code: 'rejected-lights',
      message: `${accumulator.rejected} frame(s) are in reject folders (${[...accumulator.rejectFolders].join(', ')}) and were not counted: ${subs} light(s), ${formatDuration(seconds)}`,
      count: accumulator.rejected,
    });
  }
  if (accumulator.duplicateCount > 0) {
    const { duplicates } = accumulator;
    warnings.push({
      code: 'duplicate-frames',
      message: `${accumulator.duplicateCount} frame(s) were found more than once (hard links, or copies with the same header facts) and were counted once`,
      count: accumulator.duplicateCount,
      examples: duplicates
        .slice(0, 5)
        .map(
          (d) =>
            `${d.relativePath} (${d.how === 'copy' ? 'a copy of' : 'the same file as'} ${d.sameAs})`,
        ),
    });
  }
  const likely = accumulator.quality.likelyRejects();
  if (likely.count > 0) {
    warnings.push({
      code: 'likely-rejects',
      message: `${likely.count} light(s) are past the rig's quality thresholds (quality in astro.config): likely rejects, still counted; move them to a rejected/ folder to drop them`,
      count: likely.count,
      examples: likely.examples.slice(0, 5).map((e) => `${e.relativePath} (${e.why.join(', ')})`),
    });
  }
  const skipped = accumulator.skipSummaries();
  const nights = accumulator.breakdown.nights(options.filters.rank);
  if (accumulator.skipped > 0) {
    warnings.push({
      code: 'skipped-files',
      message: `${accumulator.skipped} file(s) were not recognised as frames: ${skipped.map((s) => `${s.count} ${s.reason}`).join('; ')}`,
      count: accumulator.skipped,
    });
  }

  const targets = targetSummaries(nights, options.filters.rank, accumulator.targetSpellings);
  const projects = options.goals
    ? projectsOf(targets, { ...options.goals, target: accumulator.target }, rejects)
    : [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    root: options.root,
    rig: options.rig,
    sortedBy,
    filterOrder: [...options.filters.order],
    frames: accumulator.counts(),
    rows,
    rejected,
    duplicates: [...accumulator.duplicates].sort((a, b) =>
      a.relativePath.localeCompare(b.relativePath),
    ),
    totalsByExposure: [...totals.values()].sort((a, b) => b.exposureSeconds - a.exposureSeconds),
    totalSeconds: rows.reduce((sum, row) => sum + row.totalSeconds, 0),
    totalSubs: rows.reduce((sum, row) => sum + row.subs, 0),
    plan,
    skipped,
    warnings,
    sections: options.sections ?? [],
    target: accumulator.target,
    targets,
    quality: accumulator.quality.rows(),
    likelyRejects: accumulator.quality.likelyRejects(),
    rigs: [],
    mosaics: mosaicsOf(targets, projects, options.aliases ?? options.goals?.aliases ?? {}),
    projects,
    nights,
    calibration: accumulator.breakdown.calibrationGroups(),
  };
}

/**
 * Per filter, the lights counted and those rejected: in reject folders, or past the quality
 * thresholds (counted, but likely thrown away). What a measured buffer is made of.
 */
function rejectCounts(
  accepted: readonly ExposureRow[],
  rejected: readonly ExposureRow[],
  likely: ReadonlyMap<string, number>,
): RejectCounts {
  const counts = new Map<string, { accepted: number; rejected: number }>();
  const of = (filter: string) => {
    let entry = counts.get(filter);
    if (!entry) {
      entry = { accepted: 0, rejected: 0 };
      counts.set(filter, entry);
    }
    return entry;
  };
  for (const row of accepted) of(row.filter).accepted += row.subs;
  for (const row of rejected) of(row.filter).rejected += row.subs;
  // A likely reject is among the counted lights: it moves from accepted to rejected.
  for (const [filter, count] of likely) {
    const entry = of(filter);
    const moved = Math.min(count, entry.accepted);
    entry.accepted -= moved;
    entry.rejected += moved;
  }
  return counts;
}
