/**
 * Target planning: the target plus the rejection buffer is split by allocation; what is left per
 * filter is counted in subs of the filter's most used exposure length, rounded up.
 */
import { SETTING_DEFAULTS } from '../config/setting-defaults.js';
import type { ExposureRow, FilterPlan, Plan } from './report-types.js';

export interface PlanInput {
  targetHours: number;
  /** Canonical filter → percent. */
  allocation: Readonly<Record<string, number>>;
  /** The config's `plan.rejectionBuffer` when not given. */
  rejectionBufferPercent?: number;
}

export function planRemainingExposure(input: PlanInput, rows: readonly ExposureRow[]): Plan {
  const buffer = input.rejectionBufferPercent ?? SETTING_DEFAULTS.plan.rejectionBuffer;
  // Whole seconds: 10 h × 1.15 × 20 % must be exactly 8280 s, not 8280.000000000002.
  const captureSeconds = Math.round(input.targetHours * 3600 * (1 + buffer / 100));
  const filters = Object.entries(input.allocation).map(([filter, percent]): FilterPlan => {
    const targetSeconds = Math.round((captureSeconds * percent) / 100);
    const own = rows.filter((row) => row.filter === filter);
    const integratedSeconds = own.reduce((sum, row) => sum + row.totalSeconds, 0);
    const remainingSeconds = Math.max(0, targetSeconds - integratedSeconds);
    const subExposureSeconds = mostUsedExposure(own);
    return {
      filter,
      allocationPercent: percent,
      targetSeconds,
      integratedSeconds,
      remainingSeconds,
      subExposureSeconds,
      remainingSubs:
        subExposureSeconds === null ? null : Math.ceil(remainingSeconds / subExposureSeconds),
    };
  });
  const allocated = filters.length > 0;
  const integrated = rows.reduce((sum, row) => sum + row.totalSeconds, 0);
  return {
    targetHours: input.targetHours,
    rejectionBufferPercent: buffer,
    captureSeconds,
    allocationPercentTotal: Object.values(input.allocation).reduce((sum, p) => sum + p, 0),
    remainingSeconds: allocated
      ? filters.reduce((sum, plan) => sum + plan.remainingSeconds, 0)
      : Math.max(0, captureSeconds - integrated),
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
