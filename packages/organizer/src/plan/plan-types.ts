/** What an organize run will do, complete before anything is touched: the preview is the plan. */
import type { FrameKind } from '@astrotrack/core';
import type { SessionChoice } from '../sessions/choose-sessions.js';

import { ORGANIZE_MODES } from '@astrotrack/core/internal';

export { ORGANIZE_MODES };
export type OrganizeMode = (typeof ORGANIZE_MODES)[number];

/** What the organizer keeps of a frame: only what a layout or a session can use. */
export interface OrganizeFrame {
  /** Relative to the organized folder, `/`-separated. */
  relativePath: string;
  kind: FrameKind;
  filter: string | null;
  target: string | null;
  night: string | null;
  exposureSeconds: number | null;
  binning: string | null;
  gain: number | null;
  offset: number | null;
  rotatorAngle: number | null;
}

export interface PlannedOperation {
  /** Relative to the organized folder. */
  from: string;
  /** Relative to the output folder (the organized folder unless `--out` is given). */
  to: string;
}

export type LeftReason =
  /** A flat, dark or bias: only lights are organized. */
  | 'not-a-light'
  /** The layout needs a value the frame does not have (an unknown filter, no angle…). */
  | 'missing-values'
  /** The same name already holds the same content: nothing to do. */
  | 'duplicate'
  /** The same name already holds something else: never overwritten. */
  | 'conflict'
  /** The file's name is not valid UTF-8, so it cannot be named to move it. */
  | 'unreadable-name';

export interface LeftFrame {
  path: string;
  reason: LeftReason;
  /** For people: which values are missing, or which file is in the way. */
  detail: string;
}

export interface OrganizePlan {
  /** The organized folder, absolute. */
  root: string;
  /** Where the layout starts, absolute; `root` unless `--out` was given. */
  output: string;
  mode: OrganizeMode;
  layout: string;
  operations: PlannedOperation[];
  /** Frames already where the layout puts them. */
  inPlace: number;
  left: LeftFrame[];
  /** Files per destination folder, for the summary (no inherited keys). */
  folders: Record<string, number>;
  /** Frames left out because they are of another target than `--target`. */
  otherTargets: number;
  /** The targets a layout without `{target}` puts into the same folders (empty when one or none). */
  mixedTargets: string[];
  /** When the layout uses flat sessions. */
  sessions: (SessionChoice & { tolerance: number }) | null;
}
