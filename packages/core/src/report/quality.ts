/**
 * What the capture program measured on the lights (HFR, FWHM, stars, eccentricity, guiding RMS),
 * per night × target × filter: how many frames have it, the median and the spread. With the rig's
 * `quality` thresholds, frames past one are likely rejects: listed, never moved. Only frames with a
 * measured value cost memory.
 */
import type { Frame } from '../frame.js';
import type { LikelyRejects, QualityRow } from './report-types.js';

export const QUALITY_MEASURES = ['hfr', 'fwhm', 'starCount', 'eccentricity', 'guidingRms'] as const;
export type QualityMeasure = (typeof QUALITY_MEASURES)[number];

export interface QualityThresholds {
  maxHfr?: number;
  maxFwhm?: number;
  minStars?: number;
  maxEccentricity?: number;
  maxGuidingRms?: number;
}

const LIMITS: ReadonlyArray<[keyof QualityThresholds, QualityMeasure, 'max' | 'min', string]> = [
  ['maxHfr', 'hfr', 'max', 'HFR'],
  ['maxFwhm', 'fwhm', 'max', 'FWHM'],
  ['minStars', 'starCount', 'min', 'stars'],
  ['maxEccentricity', 'eccentricity', 'max', 'eccentricity'],
  ['maxGuidingRms', 'guidingRms', 'max', 'guiding RMS'],
];

const EXAMPLES = 20;

interface Group {
  rig: string | null;
  night: string | null;
  target: string | null;
  filter: string;
  values: Record<QualityMeasure, number[]>;
  frames: number;
  likelyRejects: number;
}

export class QualityAccumulator {
  private readonly groups = new Map<string, Group>();
  private rejects = 0;
  private readonly examples: LikelyRejects['examples'] = [];
  /** Per filter, the likely rejects: a measured buffer counts them with the reject folders'. */
  readonly rejectsByFilter = new Map<string, number>();

  /**
   * `byRig`: with rigs chosen from the frames, each rig's thresholds (a frame's rig not in it has
   * `thresholds`), and the rows split per rig.
   */
  constructor(
    private readonly thresholds: QualityThresholds = {},
    private readonly byRig: ReadonlyMap<string | null, QualityThresholds> | null = null,
  ) {}

  add(frame: Frame, target: string | null, filter: string): void {
    if (
      frame.hfr === null &&
      frame.fwhm === null &&
      frame.starCount === null &&
      frame.eccentricity === null &&
      frame.guidingRms === null
    )
      return;
    const rig = this.byRig ? frame.rig : null;
    const key = `${frame.night}\u0000${target}\u0000${filter}\u0000${rig}`;
    let group = this.groups.get(key);
    if (!group) {
      group = {
        rig,
        night: frame.night,
        target,
        filter,
        values: { hfr: [], fwhm: [], starCount: [], eccentricity: [], guidingRms: [] },
        frames: 0,
        likelyRejects: 0,
      };
      this.groups.set(key, group);
    }
    group.frames++;
    for (const measure of QUALITY_MEASURES) {
      const value = frame[measure];
      if (value !== null) group.values[measure].push(value);
    }
    const why = this.pastLimits(frame);
    if (why.length > 0) {
      group.likelyRejects++;
      this.rejects++;
      this.rejectsByFilter.set(filter, (this.rejectsByFilter.get(filter) ?? 0) + 1);
      if (this.examples.length < EXAMPLES)
        this.examples.push({ relativePath: frame.relativePath, why });
    }
  }

  private pastLimits(frame: Frame): string[] {
    const why: string[] = [];
    const thresholds = this.byRig?.get(frame.rig) ?? this.thresholds;
    for (const [setting, measure, side, label] of LIMITS) {
      const limit = thresholds[setting];
      const value = frame[measure];
      if (limit === undefined || value === null) continue;
      if (side === 'max' ? value > limit : value < limit)
        why.push(`${label} ${value} ${side === 'max' ? '>' : '<'} ${limit}`);
    }
    return why;
  }

  rows(): QualityRow[] {
    return [...this.groups.values()]
      .map((group) => ({
        ...(this.byRig ? { rig: group.rig } : {}),
        night: group.night,
        target: group.target,
        filter: group.filter,
        frames: group.frames,
        likelyRejects: group.likelyRejects,
        ...Object.fromEntries(QUALITY_MEASURES.map((m) => [m, summary(group.values[m])])),
      }))
      .sort(
        (a, b) =>
          (a.night ?? '9999').localeCompare(b.night ?? '9999') ||
          (a.target ?? '').localeCompare(b.target ?? '') ||
          a.filter.localeCompare(b.filter) ||
          (a.rig ?? '').localeCompare(b.rig ?? ''),
      ) as QualityRow[];
  }

  likelyRejects(): LikelyRejects {
    return { count: this.rejects, examples: [...this.examples] };
  }
}

/** Median and spread (min, max) of the values; null without any. */
function summary(
  values: number[],
): { frames: number; median: number; min: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    frames: values.length,
    median: round(median),
    min: round(sorted[0]!),
    max: round(sorted.at(-1)!),
  };
}
