/**
 * The organizer as a plugin: it keeps what it needs of each `frame` event, builds the plan once the
 * scan has ended, and applies, finishes or undoes it (progress through `onProgress`).
 */
import type { Frame, FrameKind, ObserverPlugin } from '@astrotrack/core';
import {
  applyPlan,
  finishRun,
  undoRun,
  type RunOptions,
  type RunOutcome,
} from './apply/run-operations.js';
import type { RunRecord } from './apply/journal.js';
import { parseLayout } from './layout/layout-template.js';
import { buildPlan } from './plan/build-plan.js';
import { checkDestinations } from './plan/check-destinations.js';
import type { OrganizeFrame, OrganizeMode, OrganizePlan } from './plan/plan-types.js';
import type { SessionFlat } from './sessions/choose-sessions.js';

export interface OrganizerOptions {
  /** The organized folder, absolute. */
  root: string;
  /** Where the layout starts; default `root`. */
  output?: string;
  layout: string;
  mode?: OrganizeMode;
  kinds?: readonly FrameKind[];
  /** The rig's flats, asked for only when the layout uses sessions. */
  flats?: () => Promise<readonly SessionFlat[]>;
  /** Degrees either side of a flat angle a session still takes; default the rig's `organize.tolerance`. */
  tolerance?: number;
  rig?: string | null;
  /** Only this target's frames (case and spaces ignored). */
  target?: string | null;
}

export interface OrganizerPlugin extends ObserverPlugin {
  /** The complete plan, after the scan; destinations already taken are taken out of it. */
  plan(): Promise<OrganizePlan>;
  apply(plan: OrganizePlan, options?: RunOptions): RunOutcome;
  finish(run: RunRecord, options?: RunOptions): RunOutcome;
  undo(run: RunRecord, options?: RunOptions): RunOutcome;
}

export function organizerPlugin(options: OrganizerOptions): OrganizerPlugin {
  const layout = parseLayout(options.layout);
  const frames: OrganizeFrame[] = [];
  let sessionTolerance = options.tolerance;
  let mode = options.mode;
  return {
    name: 'organizer',
    setup(context) {
      sessionTolerance ??= context.rig.organize.tolerance;
      mode ??= context.rig.organize.mode;
      context.on('frame', (frame) => {
        frames.push(organizeFrame(frame));
      });
    },
    async plan() {
      const sessions = layout.usesSessions
        ? {
            flats: (await options.flats?.()) ?? [],
            tolerance: sessionTolerance!,
          }
        : undefined;
      const plan = checkDestinations(
        buildPlan(frames, {
          root: options.root,
          output: options.output ?? options.root,
          mode: mode!,
          layout,
          rig: options.rig ?? null,
          kinds: options.kinds,
          sessions,
          target: options.target ?? null,
        }),
      );
      return plan;
    },
    apply: (plan, run) => applyPlan(plan, run),
    finish: (record, run) => finishRun(record, run),
    undo: (record, run) => undoRun(record, run),
  };
}

function organizeFrame(frame: Frame): OrganizeFrame {
  return {
    relativePath: frame.relativePath,
    kind: frame.kind,
    filter: frame.filter,
    target: frame.target,
    night: frame.night,
    exposureSeconds: frame.exposureSeconds,
    binning: frame.binning,
    gain: frame.gain,
    offset: frame.offset,
    rotatorAngle: frame.rotatorAngle,
  };
}
