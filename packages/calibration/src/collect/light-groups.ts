/**
 * The light groups calibration is matched for: lights that share target, night, filter, camera,
 * exposure, gain, offset, binning, readout mode and sensor temperature (whole degrees), split
 * further where their rotator angles lie apart by more than the flats' tolerance. The lights
 * counted are the report's: an exposure, and a filter (or an unknown one when the rig counts those).
 * Memory grows with the groups, not the frames.
 */
import { type Frame, TargetNames, UNKNOWN_FILTER } from '@astrotrack/core/internal';
import type { LightSetup } from '../match/rules.js';

interface Accumulated {
  setup: Omit<LightSetup, 'angle' | 'frames' | 'sensorTemperature'>;
  /** The frame fields that made it, as written (the target before it is made canonical). */
  written: {
    target: string | null;
    filter: string | null;
    exposureSeconds: number;
    temperature: number | null;
  };
  frames: number;
  temperatureSum: number;
  temperatures: number;
  /** Angle (to 0.01°) → frames; null key: frames without an angle. */
  angles: Map<number | null, number>;
  /** The last angle seen and its frames since, not yet in `angles`: frames come in runs. */
  runAngle: number | null | undefined;
  runFrames: number;
  /** With `keepFiles`: angle → the frames' relative paths. */
  files: Map<number | null, string[]> | null;
}

/** Groups tried before a key is built: a folder's frames rotate through a few filters. */
const RECENT = 8;

export interface LightGroupOptions {
  aliases: Record<string, string>;
  /** `--target`: only this target's lights. */
  target: string | null;
  includeUnknown: boolean;
  /** Keep each group's frames (their relative paths), for `export`. */
  keepFiles?: boolean;
}

/** A light group and, when kept, the relative paths of its frames. */
export interface LightGroupFiles {
  setup: LightSetup;
  files: string[];
}

export class LightGroupAccumulator {
  private readonly groups = new Map<string, Accumulated>();
  private readonly targets: TargetNames;
  private readonly recent: Accumulated[] = [];

  constructor(private readonly options: LightGroupOptions) {
    this.targets = new TargetNames({ aliases: options.aliases });
  }

  add(frame: Frame): void {
    if (frame.exposureSeconds === null || !(frame.exposureSeconds > 0)) return;
    if (frame.filter === null && !this.options.includeUnknown) return;
    const wanted = this.options.target;
    if (wanted !== null && (frame.target === null || !this.targets.same(frame.target, wanted)))
      return;
    const group = this.recentGroup(frame) ?? this.groupOf(frame);
    group.frames++;
    if (frame.sensorTemperature !== null) {
      group.temperatureSum += frame.sensorTemperature;
      group.temperatures++;
    }
    const angle = frame.rotatorAngle === null ? null : Math.round(frame.rotatorAngle * 100) / 100;
    if (group.files) {
      const list = group.files.get(angle);
      if (list) list.push(frame.relativePath);
      else group.files.set(angle, [frame.relativePath]);
    }
    if (angle === group.runAngle) group.runFrames++;
    else {
      flushRun(group);
      group.runAngle = angle;
      group.runFrames = 1;
    }
  }

  /** One of the last groups used, when the frame is of it (the most recent first). */
  private recentGroup(frame: Frame): Accumulated | null {
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const group = recent[i]!;
      const { setup, written } = group;
      if (
        setup.night === frame.night &&
        written.target === frame.target &&
        written.filter === frame.filter &&
        written.exposureSeconds === frame.exposureSeconds &&
        setup.gain === frame.gain &&
        setup.offset === frame.offset &&
        setup.binning === frame.binning &&
        setup.camera === frame.camera &&
        setup.readoutMode === frame.readoutMode &&
        written.temperature === roundTemperature(frame.sensorTemperature)
      ) {
        if (i > 0) {
          recent.splice(i, 1);
          recent.unshift(group);
        }
        return group;
      }
    }
    return null;
  }

  private groupOf(frame: Frame): Accumulated {
    const target = frame.target === null ? null : this.targets.identify(frame.target).name;
    const exposureSeconds = Math.round(frame.exposureSeconds! * 1000) / 1000;
    const filter = frame.filter ?? UNKNOWN_FILTER;
    const key = [
      target,
      frame.night,
      filter,
      exposureSeconds,
      frame.gain,
      frame.offset,
      frame.binning,
      frame.camera,
      frame.readoutMode,
      roundTemperature(frame.sensorTemperature),
    ].join('\u0000');
    let group = this.groups.get(key);
    if (!group) {
      group = {
        setup: {
          target,
          night: frame.night,
          filter,
          camera: frame.camera,
          exposureSeconds,
          gain: frame.gain,
          offset: frame.offset,
          binning: frame.binning,
          readoutMode: frame.readoutMode,
        },
        written: {
          target: frame.target,
          filter: frame.filter,
          exposureSeconds: frame.exposureSeconds!,
          temperature: roundTemperature(frame.sensorTemperature),
        },
        frames: 0,
        temperatureSum: 0,
        temperatures: 0,
        angles: new Map(),
        runAngle: undefined,
        runFrames: 0,
        files: this.options.keepFiles ? new Map() : null,
      };
      this.groups.set(key, group);
    }
    // Another spelling of the target, or an exposure written otherwise, finds the same group here.
    const at = this.recent.indexOf(group);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(group);
    if (this.recent.length > RECENT) this.recent.pop();
    return group;
  }

  /** The groups, each split by angle clusters, in the order first seen. */
  lightGroups(angleTolerance: number): LightSetup[] {
    return this.lightGroupFiles(angleTolerance).map((group) => group.setup);
  }

  /** The same, each with its frames' relative paths (empty unless `keepFiles`). */
  lightGroupFiles(angleTolerance: number): LightGroupFiles[] {
    const result: LightGroupFiles[] = [];
    for (const group of this.groups.values()) {
      flushRun(group);
      const sensorTemperature =
        group.temperatures === 0
          ? null
          : Math.round((group.temperatureSum / group.temperatures) * 10) / 10;
      for (const cluster of angleClusters(group.angles, angleTolerance)) {
        const files = group.files
          ? cluster.members.flatMap((angle) => group.files!.get(angle) ?? [])
          : [];
        result.push({
          setup: {
            ...group.setup,
            sensorTemperature,
            angle: cluster.angle,
            frames: cluster.frames,
          },
          files,
        });
      }
    }
    return result;
  }
}

function flushRun(group: Accumulated): void {
  if (group.runFrames === 0 || group.runAngle === undefined) return;
  group.angles.set(group.runAngle, (group.angles.get(group.runAngle) ?? 0) + group.runFrames);
  group.runFrames = 0;
  group.runAngle = undefined;
}

function roundTemperature(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

export interface AngleCluster {
  angle: { from: number; to: number } | null;
  frames: number;
  /** The angles (to 0.01°) in it; `[null]` for the frames without one. */
  members: (number | null)[];
}

/**
 * Angles one flat cannot cover together belong to different groups: sorted round the circle from
 * after the widest gap, a cluster grows while it spans at most twice the tolerance (one flat in its
 * middle covers it).
 */
export function angleClusters(
  angles: ReadonlyMap<number | null, number>,
  tolerance: number,
): AngleCluster[] {
  const clusters: AngleCluster[] = [];
  const without = angles.get(null);
  if (without) clusters.push({ angle: null, frames: without, members: [null] });
  const sorted = [...angles.entries()]
    .filter((entry): entry is [number, number] => entry[0] !== null)
    .sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return clusters;
  // Start after the widest gap (the one across 0° included), so a cluster never wraps unseen.
  let start = 0;
  let widest = sorted[0]![0] + 360 - sorted.at(-1)![0];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]![0] - sorted[i - 1]![0];
    if (gap > widest) {
      widest = gap;
      start = i;
    }
  }
  const first = sorted[start]![0];
  let current: (AngleCluster & { angle: { from: number; to: number } }) | null = null;
  let clusterStart = 0;
  for (let k = 0; k < sorted.length; k++) {
    const [angle, frames] = sorted[(start + k) % sorted.length]!;
    const unwrapped = angle < first ? angle + 360 : angle;
    if (current && unwrapped - clusterStart <= 2 * tolerance + 1e-9) {
      current.angle.to = angle;
      current.frames += frames;
      current.members.push(angle);
    } else {
      current = { angle: { from: angle, to: angle }, frames, members: [angle] };
      clusters.push(current);
      clusterStart = unwrapped;
    }
  }
  return clusters;
}
