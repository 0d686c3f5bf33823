/**
 * Collects what the exposure report needs from `frame` events, in memory that does not grow with
 * the archive: counts per filter × exposure, and a few example paths per problem.
 */
import type { Frame, FrameKind } from '../frame.js';
import type {
  FrameDuplicateEvent,
  FrameRejectedEvent,
  FrameSkippedEvent,
  SkipCode,
} from '../events/engine-events.js';
import { BreakdownAccumulator } from './breakdown.js';
import { TargetNames } from '../targets/target-identity.js';
import { QualityAccumulator, type QualityThresholds } from './quality.js';
import { EMPTY_FILTER_FIELD, NO_FILTER_CARD } from '../filters/filter-set.js';
import type { DuplicateFrame, ExposureRow, FrameCounts, SkipSummary } from './report-types.js';

export const UNKNOWN_FILTER = 'Unknown';
/** A filter known to be none only because none was written: a colour sensor's card says more. */
const ABSENCE_ONLY = new Set([NO_FILTER_CARD, EMPTY_FILTER_FIELD]);

const SKIP_REASONS: Record<SkipCode, string> = {
  derived:
    'masters (matched as calibration), stacks, calibrated copies and previews are not subframes',
  'not-integration': 'not integration (snapshots, focus and test frames, unknown frame types)',
  'no-parser': 'no parser recognised the name',
  'parser-failed': 'a parser failed',
  'unreadable-header': 'the header could not be read',
  'unreadable-file': 'the file could not be read',
};
const EXAMPLES_KEPT = 5;
/** Duplicates listed by path in the report; all are counted. */
const DUPLICATES_KEPT = 100;

export interface ExampleList {
  count: number;
  examples: string[];
}

export class ExposureAccumulator {
  readonly byKind: Record<FrameKind, number> = { light: 0, flat: 0, dark: 0, bias: 0, darkflat: 0 };
  readonly unknownFilter: ExampleList = { count: 0, examples: [] };
  readonly noExposure: ExampleList = { count: 0, examples: [] };
  /** Lights counted as the no-filter name with nothing but the filter's absence to say so. */
  readonly noFilterNamed: ExampleList = { count: 0, examples: [] };
  private readonly skips = new Map<SkipCode, ExampleList>();
  /** filter → exposure (ms) → subs */
  private readonly subs = new Map<string, Map<number, number>>();
  /** The same for lights in reject folders. */
  private readonly rejectedSubs = new Map<string, Map<number, number>>();
  rejected = 0;
  readonly rejectFolders = new Set<string>();
  duplicateCount = 0;
  readonly duplicates: DuplicateFrame[] = [];
  readonly breakdown = new BreakdownAccumulator();
  files = 0;
  skipped = 0;
  /** Lights left out because `target` names another target. */
  otherTargets = 0;
  /** The other targets' names (the first few), to say what `--target` could have been. */
  readonly otherTargetNames = new Set<string>();

  /** Shown name → the names it was written as (`M31` ← `M 31`, `NGC 224`). */
  readonly targetSpellings = new Map<string, Set<string>>();
  private readonly targetNames: TargetNames;

  /** `target`: count only the lights of this target (`--target`); calibration frames always count. */
  /** What the lights' capture program measured, and those past the rig's thresholds. */
  readonly quality: QualityAccumulator;

  constructor(
    private readonly includeUnknown: boolean,
    readonly target: string | null = null,
    targetAliases: Readonly<Record<string, string>> = {},
    qualityThresholds: QualityThresholds = {},
    rigThresholds: ReadonlyMap<string | null, QualityThresholds> | null = null,
  ) {
    this.targetNames = new TargetNames({ aliases: targetAliases });
    this.quality = new QualityAccumulator(qualityThresholds, rigThresholds);
  }

  /** Whether a frame's target is the one asked for (`--target`); always, when none was. */
  private ofTarget(frame: Frame): boolean {
    if (this.target === null) return true;
    return frame.target !== null && this.targetNames.same(frame.target, this.target);
  }

  private shownTarget(written: string | null): string | null {
    if (written === null) return null;
    const { name } = this.targetNames.identify(written);
    let spellings = this.targetSpellings.get(name);
    if (!spellings) {
      spellings = new Set();
      this.targetSpellings.set(name, spellings);
    }
    if (spellings.size < 20) spellings.add(written);
    return name;
  }

  addFrame(frame: Frame): void {
    this.files++;
    this.byKind[frame.kind]++;
    if (frame.kind !== 'light') {
      this.breakdown.addCalibration(frame);
      return;
    }
    if (!this.ofTarget(frame)) {
      this.otherTargets++;
      if (frame.target !== null && this.otherTargetNames.size < 20)
        this.otherTargetNames.add(frame.target);
      return;
    }
    if (frame.exposureSeconds === null || !(frame.exposureSeconds > 0)) {
      remember(this.noExposure, frame.relativePath);
      return;
    }
    if (frame.filter === null) {
      remember(this.unknownFilter, frame.relativePath);
      if (!this.includeUnknown) return;
    } else if (ABSENCE_ONLY.has(frame.sources.filter?.detail ?? '')) {
      remember(this.noFilterNamed, frame.relativePath);
    }
    const filter = frame.filter ?? UNKNOWN_FILTER;
    const exposureMs = Math.round(frame.exposureSeconds * 1000);
    countSub(this.subs, filter, exposureMs);
    const shown = this.shownTarget(frame.target);
    this.breakdown.addLight(frame, filter, exposureMs / 1000, shown);
    this.quality.add(frame, shown, filter);
  }

  /** A frame in a reject folder: its lights are counted per filter × exposure, apart. */
  addRejected({ frame, folder }: FrameRejectedEvent): void {
    this.files++;
    this.rejected++;
    if (this.rejectFolders.size < 20) this.rejectFolders.add(folder);
    if (frame.kind !== 'light' || frame.exposureSeconds === null || !(frame.exposureSeconds > 0))
      return;
    if (!this.ofTarget(frame)) return;
    const exposureMs = Math.round(frame.exposureSeconds * 1000);
    countSub(this.rejectedSubs, frame.filter ?? UNKNOWN_FILTER, exposureMs);
  }

  addDuplicate(event: FrameDuplicateEvent): void {
    this.files++;
    this.duplicateCount++;
    if (this.duplicates.length < DUPLICATES_KEPT) {
      // Which of two is met first depends on the walk; the pair is named the same way every time,
      // the one nearer the top (not the backup folder's) as the frame counted.
      const [first, second] = [event.relativePath, event.sameAs].sort(nearerTheTop);
      this.duplicates.push({ relativePath: second!, sameAs: first!, how: event.how });
    }
  }

  addSkipped(event: FrameSkippedEvent): void {
    this.files++;
    this.skipped++;
    let list = this.skips.get(event.code);
    if (!list) {
      list = { count: 0, examples: [] };
      this.skips.set(event.code, list);
    }
    // A name says all for these; for the others the file's own problem is worth showing.
    const withDetail = event.code !== 'no-parser' && event.code !== 'derived';
    remember(list, withDetail ? `${event.relativePath}: ${event.reason}` : event.relativePath);
  }

  rows(): ExposureRow[] {
    return rowsOf(this.subs);
  }

  rejectedRows(): ExposureRow[] {
    return rowsOf(this.rejectedSubs);
  }

  counts(): FrameCounts {
    const counted = this.rows().reduce((sum, row) => sum + row.subs, 0);
    return {
      files: this.files,
      skipped: this.skipped,
      byKind: { ...this.byKind },
      counted,
      unknownFilter: this.unknownFilter.count,
      noExposure: this.noExposure.count,
      otherTargets: this.otherTargets,
      rejected: this.rejected,
      duplicates: this.duplicateCount,
    };
  }

  skipSummaries(): SkipSummary[] {
    return [...this.skips].map(([code, list]) => ({ code, reason: SKIP_REASONS[code], ...list }));
  }
}

/** Counts one more, keeping it as an example while there are fewer than five. */
export function remember(list: ExampleList, path: string): void {
  list.count++;
  if (list.examples.length < EXAMPLES_KEPT) list.examples.push(path);
}

function countSub(
  subs: Map<string, Map<number, number>>,
  filter: string,
  exposureMs: number,
): void {
  let byExposure = subs.get(filter);
  if (!byExposure) {
    byExposure = new Map();
    subs.set(filter, byExposure);
  }
  byExposure.set(exposureMs, (byExposure.get(exposureMs) ?? 0) + 1);
}

function rowsOf(subs: Map<string, Map<number, number>>): ExposureRow[] {
  const rows: ExposureRow[] = [];
  for (const [filter, byExposure] of subs) {
    for (const [exposureMs, count] of byExposure) {
      rows.push({
        filter,
        exposureSeconds: exposureMs / 1000,
        subs: count,
        totalSeconds: (exposureMs * count) / 1000,
      });
    }
  }
  return rows;
}

function nearerTheTop(a: string, b: string): number {
  const depth = (path: string) => path.split('/').length;
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}
