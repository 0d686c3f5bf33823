/**
 * Frames + layout (+ flat sessions) → the operations an organize run will do. Pure: nothing on disk
 * is looked at here; `checkDestinations` then finds names already taken.
 */
import { normaliseTarget, sameTarget, type FrameKind } from '@astrotrack/core/internal';
import { renderLayout, type LayoutTemplate, type LayoutValues } from '../layout/layout-template.js';
import { chooseSessions, type SessionFlat } from '../sessions/choose-sessions.js';
import type {
  LeftFrame,
  OrganizeFrame,
  OrganizeMode,
  OrganizePlan,
  PlannedOperation,
} from './plan-types.js';

export interface BuildPlanOptions {
  root: string;
  output: string;
  mode: OrganizeMode;
  layout: LayoutTemplate;
  rig: string | null;
  /** Frame kinds organized (default lights only). */
  kinds?: readonly FrameKind[];
  /** Needed when the layout uses `{session}` or `{n}`. */
  sessions?: { flats: readonly SessionFlat[]; tolerance: number };
  /** `--target`: only this target's frames are organized (case and spaces ignored). */
  target?: string | null;
}

export function buildPlan(
  frames: readonly OrganizeFrame[],
  options: BuildPlanOptions,
): OrganizePlan {
  const kinds = new Set(options.kinds ?? ['light']);
  const left: LeftFrame[] = [];
  const wanted: OrganizeFrame[] = [];
  const target = options.target ?? null;
  let otherTargets = 0;
  for (const frame of frames) {
    if (target !== null && (frame.target === null || !sameTarget(frame.target, target)))
      otherTargets++;
    else if (kinds.has(frame.kind)) wanted.push(frame);
    else left.push({ path: frame.relativePath, reason: 'not-a-light', detail: frame.kind });
  }
  wanted.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );

  const sessionValues = options.layout.usesSessions ? sessionsFor(wanted, options) : null;
  const operations: PlannedOperation[] = [];
  // Keyed by names from headers: no inherited keys (a filter called `constructor`).
  const folders: Record<string, number> = Object.create(null);
  const targets = new Map<string, string>();
  const samePlace = options.root === options.output;
  let inPlace = 0;
  wanted.forEach((frame, index) => {
    const values: LayoutValues = {
      ...valuesOf(frame, options.rig),
      ...(sessionValues?.valuesOf(index) ?? {}),
    };
    const rendered = renderLayout(options.layout, values);
    if ('missing' in rendered) {
      left.push({
        path: frame.relativePath,
        reason: 'missing-values',
        detail: `no ${rendered.missing.map(describeToken).join(', no ')}`,
      });
      return;
    }
    const name = frame.relativePath.slice(frame.relativePath.lastIndexOf('/') + 1);
    const to = `${rendered.folder}/${name}`;
    folders[rendered.folder] = (folders[rendered.folder] ?? 0) + 1;
    if (frame.target !== null) targets.set(normaliseTarget(frame.target), frame.target);
    if (samePlace && to === frame.relativePath) inPlace++;
    else operations.push({ from: frame.relativePath, to });
  });
  return {
    root: options.root,
    output: options.output,
    mode: options.mode,
    layout: options.layout.source,
    operations,
    inPlace,
    left,
    folders,
    otherTargets,
    mixedTargets:
      options.layout.tokens.has('target') || targets.size < 2 ? [] : [...targets.values()].sort(),
    sessions: sessionValues && { ...sessionValues.choice, tolerance: options.sessions!.tolerance },
  };
}

function valuesOf(frame: OrganizeFrame, rig: string | null): LayoutValues {
  return {
    filter: frame.filter,
    target: frame.target,
    night: frame.night,
    exposure: frame.exposureSeconds === null ? null : formatNumber(frame.exposureSeconds),
    binning: frame.binning,
    gain: frame.gain === null ? null : formatNumber(frame.gain),
    offset: frame.offset === null ? null : formatNumber(frame.offset),
    kind: frame.kind,
    rig: rig ?? 'default',
  };
}

function sessionsFor(frames: readonly OrganizeFrame[], options: BuildPlanOptions) {
  if (!options.sessions) throw new Error('a layout with {session} or {n} needs the flat library');
  const placed: number[] = [];
  const lights = [];
  for (const [index, frame] of frames.entries()) {
    if (
      frame.filter === null ||
      frame.rotatorAngle === null ||
      !Number.isFinite(frame.rotatorAngle)
    )
      continue;
    placed.push(index);
    lights.push({ filter: frame.filter, angle: frame.rotatorAngle, binning: frame.binning });
  }
  const choice = chooseSessions(lights, options.sessions.flats, {
    tolerance: options.sessions.tolerance,
  });
  const sessionOfFrame = new Map<number, number>();
  for (const [lightIndex, frameIndex] of placed.entries()) {
    sessionOfFrame.set(frameIndex, choice.sessionOf[lightIndex]!);
  }
  return {
    choice,
    valuesOf(index: number): LayoutValues {
      const session = sessionOfFrame.get(index);
      if (session === undefined) return { session: null, n: null };
      return { session: formatAngle(choice.sessions[session]!.angle), n: String(session + 1) };
    },
  };
}

const TOKEN_WORDS: Record<string, string> = {
  session: 'rotator angle (needed for a session)',
  n: 'rotator angle (needed for a session)',
};

function describeToken(token: string): string {
  return TOKEN_WORDS[token] ?? token;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** `71`, `69.6`: as few decimals as the angle needs, at most two. */
export function formatAngle(angle: number): string {
  return String(Math.round(angle * 100) / 100);
}
