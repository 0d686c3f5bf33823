/**
 * The organizer as a plugin: it keeps what it needs of each `frame` event, builds the plan once the
 * scan has ended, and reports its own progress on an event bus of its own (`organize:*`).
 */
import { createEventBus, type Frame, type FrameKind, type ObserverPlugin } from '@astrotrack/core';
import {
  applyPlan,
  finishRun,
  undoRun,
  type RunOptions,
  type RunOutcome,
  type RunProgress,
} from './apply/run-operations.js';
import type { RunRecord } from './apply/journal.js';
import { parseLayout } from './layout/layout-template.js';
import { buildPlan } from './plan/build-plan.js';
import { checkDestinations } from './plan/check-destinations.js';
import type { OrganizeFrame, OrganizeMode, OrganizePlan } from './plan/plan-types.js';
import type { SessionFlat } from './sessions/choose-sessions.js';

export type OrganizerEvents = {
  'organize:plan': OrganizePlan;
  'organize:progress': RunProgress;
  'organize:end': RunOutcome;
};

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
  /** Degrees either side of a flat angle a session still takes (default 2). */
  tolerance?: number;
  rig?: string | null;
  /** Only this target's frames (case and spaces ignored). */
  target?: string | null;
}

export interface OrganizerPlugin extends ObserverPlugin {
  /** The complete plan, after the scan; destinations already taken are taken out of it. */
  plan(): Promise<OrganizePlan>;
  apply(plan: OrganizePlan, options?: Omit<RunOptions, 'onProgress'>): RunOutcome;
  finish(run: RunRecord, options?: Omit<RunOptions, 'onProgress'>): RunOutcome;
  undo(run: RunRecord, options?: Omit<RunOptions, 'onProgress'>): RunOutcome;
  on<K extends keyof OrganizerEvents>(
    event: K,
    handler: (payload: OrganizerEvents[K]) => void,
  ): void;
}

export const DEFAULT_SESSION_TOLERANCE = 2;

export function organizerPlugin(options: OrganizerOptions): OrganizerPlugin {
  const layout = parseLayout(options.layout);
  const frames: OrganizeFrame[] = [];
  const bus = createEventBus<OrganizerEvents>();
  const progress: RunOptions['onProgress'] = (event) => bus.emit('organize:progress', event);
  const finished = (outcome: RunOutcome) => {
    bus.emit('organize:end', outcome);
    return outcome;
  };
  return {
    name: 'organizer',
    setup(context) {
      context.on('frame', (frame) => {
        frames.push(organizeFrame(frame));
      });
    },
    async plan() {
      const sessions = layout.usesSessions
        ? {
            flats: (await options.flats?.()) ?? [],
            tolerance: options.tolerance ?? DEFAULT_SESSION_TOLERANCE,
          }
        : undefined;
      const plan = checkDestinations(
        buildPlan(frames, {
          root: options.root,
          output: options.output ?? options.root,
          mode: options.mode ?? 'move',
          layout,
          rig: options.rig ?? null,
          kinds: options.kinds,
          sessions,
          target: options.target ?? null,
        }),
      );
      bus.emit('organize:plan', plan);
      return plan;
    },
    apply: (plan, run) => finished(applyPlan(plan, { ...run, onProgress: progress })),
    finish: (record, run) => finished(finishRun(record, { ...run, onProgress: progress })),
    undo: (record, run) => finished(undoRun(record, { ...run, onProgress: progress })),
    on(event, handler) {
      bus.on(event, handler, 'organizer');
    },
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
