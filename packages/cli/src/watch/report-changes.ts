/**
 * What a live night's update changed, in one line: new subs per filter and the time still to
 * capture, against the report shown before. `null` when nothing a user counts changed.
 */
import { formatDuration, type ExposureReport } from '@astrotrack/core';

export function changesSince(before: ExposureReport, after: ExposureReport): string | null {
  const subsOf = (report: ExposureReport) => {
    const subs = new Map<string, number>();
    for (const row of report.rows) subs.set(row.filter, (subs.get(row.filter) ?? 0) + row.subs);
    return subs;
  };
  const was = subsOf(before);
  const now = subsOf(after);
  const filters = [...new Set([...now.keys(), ...was.keys()])];
  const parts = filters.flatMap((filter) => {
    const delta = (now.get(filter) ?? 0) - (was.get(filter) ?? 0);
    if (delta === 0) return [];
    return [`${delta > 0 ? '+' : '−'}${Math.abs(delta)} ${filter}`];
  });
  const remainingBefore = before.plan?.remainingSeconds;
  const remainingAfter = after.plan?.remainingSeconds;
  if (remainingAfter !== undefined && remainingBefore !== remainingAfter) {
    const delta = remainingAfter - (remainingBefore ?? remainingAfter);
    const change =
      delta === 0 ? '' : ` (${delta > 0 ? '+' : '−'}${formatDuration(Math.abs(delta))})`;
    parts.push(`${formatDuration(remainingAfter)} still to capture${change}`);
  }
  if (parts.length === 0) return null;
  const subs = after.totalSubs - before.totalSubs;
  const total = subs === 0 ? '' : ` (${subs > 0 ? '+' : '−'}${Math.abs(subs)} subs)`;
  return `${parts.join(', ')}${total}`;
}
