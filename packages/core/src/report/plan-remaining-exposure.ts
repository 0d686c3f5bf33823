/**
 * Target planning: the target plus the rejection buffer is split by allocation; what is left per
 * filter is counted in subs of the filter's most used exposure length, rounded up. The buffer is a
 * percentage, or measured: per filter, the share of its lights the user put in reject folders.
 */
import { SETTING_DEFAULTS } from '../config/setting-defaults.js';
import type { ExposureRow, FilterPlan, Plan } from './report-types.js';

export interface PlanInput {
  targetHours: number;
  /** Canonical filter → percent. */
  allocation: Readonly<Record<string, number>>;
  /** The config's `plan.rejectionBuffer` when not given; `measured`: from the rejects. */
  rejectionBufferPercent?: number | 'measured';
  /** With `measured`: the percent for a filter with too few frames, and how few is too few. */
  bufferFallback?: number;
  bufferMinFrames?: number;
}

/** Per filter, its lights: counted and in reject folders. */
export type RejectCounts = ReadonlyMap<string, { accepted: number; rejected: number }>;

/** A filter's buffer: its rejects' share when it has frames enough, else the fallback. */
export interface MeasuredBuffer {
  percent: number;
  source: 'measured' | 'fallback';
  frames: number;
}

export function measuredBuffer(
  counts: { accepted: number; rejected: number } | undefined,
  fallback: number,
  minFrames: number,
): MeasuredBuffer {
  const frames = (counts?.accepted ?? 0) + (counts?.rejected ?? 0);
  if (frames < minFrames) return { percent: fallback, source: 'fallback', frames };
  // The share of the filter's lights the user rejected, as the buffer (docs/reports.md).
  const percent = (counts!.rejected / frames) * 100;
  return { percent: Math.round(percent * 10) / 10, source: 'measured', frames };
}

export function planRemainingExposure(
  input: PlanInput,
  rows: readonly ExposureRow[],
  rejects: RejectCounts = new Map(),
): Plan {
  const measured = input.rejectionBufferPercent === 'measured';
  const fallback = input.bufferFallback ?? SETTING_DEFAULTS.plan.bufferFallback;
  const minFrames = input.bufferMinFrames ?? SETTING_DEFAULTS.plan.bufferMinFrames;
  const configured = measured
    ? fallback
    : ((input.rejectionBufferPercent as number | undefined) ??
      SETTING_DEFAULTS.plan.rejectionBuffer);
  const wantedSeconds = input.targetHours * 3600;
  const bufferOf = (filter: string | null): MeasuredBuffer | null => {
    if (!measured) return null;
    if (filter !== null) return measuredBuffer(rejects.get(filter), fallback, minFrames);
    let accepted = 0;
    let rejected = 0;
    for (const counts of rejects.values()) {
      accepted += counts.accepted;
      rejected += counts.rejected;
    }
    return measuredBuffer({ accepted, rejected }, fallback, minFrames);
  };
  const filters = Object.entries(input.allocation).map(([filter, percent]): FilterPlan => {
    const own = bufferOf(filter);
    // Whole seconds: 10 h × 1.15 × 20 % must be exactly 8280 s, not 8280.000000000002.
    const targetSeconds = own
      ? Math.round((wantedSeconds * (1 + own.percent / 100) * percent) / 100)
      : Math.round((Math.round(wantedSeconds * (1 + configured / 100)) * percent) / 100);
    const rowsOf = rows.filter((row) => row.filter === filter);
    const integratedSeconds = rowsOf.reduce((sum, row) => sum + row.totalSeconds, 0);
    const remainingSeconds = Math.max(0, targetSeconds - integratedSeconds);
    const subExposureSeconds = mostUsedExposure(rowsOf);
    return {
      filter,
      allocationPercent: percent,
      targetSeconds,
      integratedSeconds,
      remainingSeconds,
      subExposureSeconds,
      remainingSubs:
        subExposureSeconds === null ? null : Math.ceil(remainingSeconds / subExposureSeconds),
      ...(own
        ? {
            rejectionBufferPercent: own.percent,
            bufferSource: own.source,
            bufferFrames: own.frames,
          }
        : {}),
    };
  });
  const allocated = filters.length > 0;
  const whole = allocated ? null : bufferOf(null);
  const captureSeconds = measured
    ? allocated
      ? filters.reduce((sum, f) => sum + f.targetSeconds, 0) /
        (Object.values(input.allocation).reduce((sum, p) => sum + p, 0) / 100 || 1)
      : Math.round(wantedSeconds * (1 + whole!.percent / 100))
    : Math.round(wantedSeconds * (1 + configured / 100));
  const integrated = rows.reduce((sum, row) => sum + row.totalSeconds, 0);
  const effective = Math.round((captureSeconds / wantedSeconds - 1) * 1000) / 10;
  return {
    targetHours: input.targetHours,
    rejectionBufferPercent: measured ? effective : configured,
    ...(measured ? { bufferSource: 'measured' as const } : {}),
    captureSeconds: Math.round(captureSeconds),
    allocationPercentTotal: Object.values(input.allocation).reduce((sum, p) => sum + p, 0),
    remainingSeconds: allocated
      ? filters.reduce((sum, plan) => sum + plan.remainingSeconds, 0)
      : Math.max(0, Math.round(captureSeconds) - integrated),
    filters,
  };
}

/** The exposure with the most subs; on a tie, the longer one. */
function mostUsedExposure(rows: readonly ExposureRow[]): number | null {
  let best: ExposureRow | null = null;
  for (const row of rows) {
    if (
      !best ||
      row.subs > best.subs ||
      (row.subs === best.subs && row.exposureSeconds > best.exposureSeconds)
    ) {
      best = row;
    }
  }
  return best ? best.exposureSeconds : null;
}
