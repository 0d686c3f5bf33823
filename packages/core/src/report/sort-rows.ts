/** Sort keys of the exposure table. Every key falls back to filter order, then longest exposure. */
import type { ExposureRow, FilterPlan } from './report-types.js';
import type { SortKey } from './sort-keys.js';

type Rank = (filter: string) => number;
type PlanOf = (filter: string) => FilterPlan | undefined;

/** Bigger first for every measure; rows without a plan go last when sorting by what remains. */
const measures: Record<Exclude<SortKey, 'filter'>, (row: ExposureRow, plan: PlanOf) => number> = {
  exposure: (row) => row.exposureSeconds,
  subs: (row) => row.subs,
  total: (row) => row.totalSeconds,
  'remaining-time': (row, plan) => plan(row.filter)?.remainingSeconds ?? -1,
  'remaining-subs': (row, plan) => plan(row.filter)?.remainingSubs ?? -1,
};

export function sortRows(
  rows: ExposureRow[],
  key: SortKey,
  rank: Rank,
  plan: PlanOf,
): ExposureRow[] {
  const byFilter = (a: ExposureRow, b: ExposureRow) =>
    rank(a.filter) - rank(b.filter) ||
    a.filter.localeCompare(b.filter) ||
    b.exposureSeconds - a.exposureSeconds;
  if (key === 'filter') return [...rows].sort(byFilter);
  const measure = measures[key];
  return [...rows].sort((a, b) => measure(b, plan) - measure(a, plan) || byFilter(a, b));
}
