/**
 * A mixed archive split by optical train: each frame goes to the first rig whose `match` fits its
 * headers, else to the scan's rig; each rig counts its own frames (integration, goals, measured
 * buffer), so one rig's numbers never borrow another's frames.
 */
import type { ResolvedRig } from '../config/resolve-rig.js';
import { describeMatch, rigMatcher } from '../config/rig-match.js';
import type { Frame } from '../frame.js';
import { ExposureAccumulator, type ExampleList, remember } from '../report/exposure-accumulator.js';
import type { PlanInput } from '../report/plan-remaining-exposure.js';
import type { QualityThresholds } from '../report/quality.js';

export interface RigLane {
  rig: ResolvedRig;
  /** Its goals (`targets`, the rig's plan); null: none. */
  goals: LaneGoals | null;
  accumulator: ExposureAccumulator;
  frames: number;
  unmatched: ExampleList;
}

export interface LaneGoals {
  goals: Readonly<Record<string, PlanInput>>;
  fallback: PlanInput | null;
  /** The goals listed at 0 % when the rig has no frames of them: those its own section sets. */
  unshot?: Readonly<Record<string, PlanInput>>;
}

export interface RigLaneInput {
  rig: ResolvedRig;
  goals?: LaneGoals | null;
}

export interface LaneOptions {
  includeUnknown: boolean;
  target: string | null;
}

export class RigLanes {
  readonly lanes: RigLane[];
  private readonly byName = new Map<string | null, RigLane>();
  private readonly fallback: RigLane;
  private readonly matchOf: (frame: Frame) => string | null;
  /** Each rig's quality thresholds, for the whole archive's quality rows. */
  readonly thresholds = new Map<string | null, QualityThresholds>();

  /** `rigs`: the rigs with a `match`; `scanRig` (maybe among them) takes the frames none fits. */
  constructor(scanRig: RigLaneInput, rigs: readonly RigLaneInput[], options: LaneOptions) {
    const lane = ({ rig, goals }: RigLaneInput): RigLane => ({
      rig,
      goals: goals ?? null,
      accumulator: new ExposureAccumulator(
        options.includeUnknown,
        options.target,
        rig.targets.aliases,
        rig.quality,
      ),
      frames: 0,
      unmatched: { count: 0, examples: [] },
    });
    const inputs = rigs.some((input) => input.rig.name === scanRig.rig.name)
      ? rigs
      : [...rigs, scanRig];
    this.lanes = inputs.map(lane);
    for (const entry of this.lanes) {
      this.byName.set(entry.rig.name, entry);
      this.thresholds.set(entry.rig.name, entry.rig.quality);
    }
    this.fallback = this.byName.get(scanRig.rig.name)!;
    this.matchOf = rigMatcher(rigs.map(({ rig }) => ({ name: rig.name!, match: rig.match! })));
  }

  /** Sets the frame's rig; `counted`: a frame of the report (not rejected, not a master). */
  assign(frame: Frame, counted: boolean): RigLane {
    const name = this.matchOf(frame);
    const lane = name === null ? this.fallback : this.byName.get(name)!;
    if (counted) {
      lane.frames++;
      if (name === null) remember(lane.unmatched, frame.relativePath);
    }
    frame.rig = lane.rig.name;
    return lane;
  }

  of(frame: Frame): RigLane {
    return this.byName.get(frame.rig) ?? this.fallback;
  }

  isDefault(lane: RigLane): boolean {
    return lane === this.fallback;
  }

  /** How a lane's rig tells its frames apart, as text; null without a match. */
  static matchText(lane: RigLane): string | null {
    return lane.rig.match ? describeMatch(lane.rig.match) : null;
  }
}
