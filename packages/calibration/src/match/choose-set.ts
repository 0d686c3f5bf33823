/**
 * One kind of calibration for one light group: every candidate compared, the passing ones ranked
 * (fewest warnings, then nearest, then closest in time, newer on a tie), the best one used; when
 * none passes, the closest failure is kept to say why.
 */
import type { CalibrationSet, KindMatch } from '@astrotrack/core/internal';
import type { Comparison } from './compare-fields.js';

export interface Candidate {
  set: CalibrationSet;
  comparison: Comparison;
  /** Days from the set to the night it is for (positive: older); null when unknown. */
  age: number | null;
  /** How far from exact, smaller is nearer: the ranking after the warnings. */
  distance: number;
}

export function chooseSet(candidates: readonly Candidate[], missing: string): KindMatch {
  let best: Candidate | null = null;
  let nearest: Candidate | null = null;
  for (const candidate of candidates) {
    if (candidate.comparison.failures.length === 0) {
      if (best === null || better(candidate, best)) best = candidate;
    } else if (nearest === null || closerFailure(candidate, nearest)) {
      nearest = candidate;
    }
  }
  if (best) {
    const { warnings, notes } = best.comparison;
    return {
      status: warnings.length > 0 ? 'warn' : 'ok',
      set: best.set,
      ageDays: best.age,
      notes,
      warnings,
      missing: null,
      nearest: null,
    };
  }
  return {
    status: 'missing',
    set: null,
    ageDays: null,
    notes: [],
    warnings: [],
    missing,
    nearest: nearest ? { set: nearest.set, why: nearest.comparison.failures } : null,
  };
}

const SOURCE_RANK = { scan: 0, library: 1, 'flat-library': 2 } as const;

function better(a: Candidate, b: Candidate): boolean {
  return compare(a, b) < 0;
}

function compare(a: Candidate, b: Candidate): number {
  return (
    a.comparison.warnings.length - b.comparison.warnings.length ||
    a.distance - b.distance ||
    Math.abs(a.age ?? 1e9) - Math.abs(b.age ?? 1e9) ||
    // Newer first: shot after the lights (negative age) beats the same distance before them.
    (a.age ?? 0) - (b.age ?? 0) ||
    // The frames at hand before a library's record of the same: they can be exported.
    SOURCE_RANK[a.set.source] - SOURCE_RANK[b.set.source] ||
    Number(b.set.master) - Number(a.set.master) ||
    (b.set.frames ?? 0) - (a.set.frames ?? 0)
  );
}

/** The failure worth showing: the fewest reasons, then as ranked. */
function closerFailure(a: Candidate, b: Candidate): boolean {
  return (a.comparison.failures.length - b.comparison.failures.length || compare(a, b)) < 0;
}

/** A match that needs nothing: `why` says so. */
export function notNeeded(why: string): KindMatch {
  return {
    status: 'ok',
    set: null,
    ageDays: null,
    notes: [why],
    warnings: [],
    missing: null,
    nearest: null,
  };
}
