/** Views of a report that several reporters show: per night, per filter against its plan. */
import type { ExposureReport } from '@astrotrack/core';

export interface NightTotal {
  night: string | null;
  subs: number;
  totalSeconds: number;
  /** Filters of the night, in the rig's order. */
  filters: string[];
  targets: string[];
}

/** A filter's place in the rig's order; filters the rig does not know come last. */
export function filterRank(report: ExposureReport): (filter: string) => number {
  return (filter) => {
    const index = report.filterOrder.indexOf(filter);
    return index === -1 ? report.filterOrder.length : index;
  };
}

/** Compares filter names in the rig's order, then by name. */
export function byFilterOrder(report: ExposureReport): (a: string, b: string) => number {
  const rank = filterRank(report);
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}

/** One line per night (by date; lights with no night last). */
export function nightTotals(report: ExposureReport): NightTotal[] {
  const byNight = new Map<string | null, NightTotal>();
  for (const row of report.nights) {
    const total = byNight.get(row.night) ?? {
      night: row.night,
      subs: 0,
      totalSeconds: 0,
      filters: [],
      targets: [],
    };
    total.subs += row.subs;
    total.totalSeconds += row.totalSeconds;
    if (!total.filters.includes(row.filter)) total.filters.push(row.filter);
    if (row.target !== null && !total.targets.includes(row.target)) total.targets.push(row.target);
    byNight.set(row.night, total);
  }
  const order = byFilterOrder(report);
  for (const total of byNight.values()) total.filters.sort(order);
  return [...byNight.values()];
}

export interface FilterTotal {
  filter: string;
  subs: number;
  totalSeconds: number;
  /** With a plan allocation: the target including the buffer, and what is left. */
  targetSeconds: number | null;
  remainingSeconds: number | null;
}

/** Integration per filter (all exposures), with its plan target where there is one. */
export function filterTotals(report: ExposureReport): FilterTotal[] {
  const byFilter = new Map<string, FilterTotal>();
  for (const row of report.rows) {
    const total = byFilter.get(row.filter) ?? {
      filter: row.filter,
      subs: 0,
      totalSeconds: 0,
      targetSeconds: null,
      remainingSeconds: null,
    };
    total.subs += row.subs;
    total.totalSeconds += row.totalSeconds;
    byFilter.set(row.filter, total);
  }
  for (const plan of report.plan?.filters ?? []) {
    const total = byFilter.get(plan.filter) ?? {
      filter: plan.filter,
      subs: 0,
      totalSeconds: 0,
      targetSeconds: null,
      remainingSeconds: null,
    };
    total.targetSeconds = plan.targetSeconds;
    total.remainingSeconds = plan.remainingSeconds;
    byFilter.set(plan.filter, total);
  }
  const order = byFilterOrder(report);
  return [...byFilter.values()].sort((a, b) => order(a.filter, b.filter));
}

/** The name a target is shown with; lights without one are grouped as "(no target)". */
export function targetName(target: string | null): string {
  return target ?? '(no target)';
}
