/**
 * Projects: every target with a goal (its own in `targets`, else the rig's plan), how far it is,
 * per filter and overall, and what is left. A target with a goal and no frames yet is a project
 * too: nothing shot is 0 %, not absent.
 */
import { panelOf } from '../targets/mosaic-panel.js';
import { TargetNames } from '../targets/target-identity.js';
import {
  planRemainingExposure,
  type PlanInput,
  type RejectCounts,
} from './plan-remaining-exposure.js';
import type { Mosaic, Plan, Project, TargetSummary } from './report-types.js';

export interface ProjectGoals {
  /** Target name as written in the config → its goal, the allocation's filters canonical. */
  goals: Readonly<Record<string, PlanInput>>;
  /** The rig's plan, for targets without a goal of their own; null: none. */
  fallback: PlanInput | null;
  aliases: Readonly<Record<string, string>>;
  /** `--target`: only its project. */
  target: string | null;
  /** The goals listed at 0 % when no frames are of them; default: all of `goals`. */
  unshot?: Readonly<Record<string, PlanInput>>;
}

/** `rejects`: per filter, the scan's lights counted and rejected, for goals with a measured buffer. */
export function projectsOf(
  targets: readonly TargetSummary[],
  options: ProjectGoals,
  rejects: RejectCounts = new Map(),
): Project[] {
  const names = new TargetNames({ aliases: options.aliases });
  const own = new Map<string, PlanInput>();
  for (const [written, goal] of Object.entries(options.goals))
    own.set(names.identify(written).name, goal);
  const narrowed = (name: string) => options.target === null || names.same(name, options.target);
  const projects: Project[] = [];
  const seen = new Set<string>();
  for (const summary of targets) {
    if (summary.target === null) continue;
    seen.add(summary.target);
    const goal = own.get(summary.target);
    // A panel without a goal of its own has its mosaic's: a mosaic goal applies per panel.
    const panel = goal ? null : panelOf(summary.target);
    const mosaicGoal = panel ? own.get(names.identify(panel.mosaic).name) : undefined;
    const plan = goal ?? mosaicGoal ?? options.fallback;
    if (!plan) continue;
    const from = goal ? 'target' : mosaicGoal ? 'mosaic' : 'rig';
    projects.push(
      project(summary.target, from, planRemainingExposure(plan, summary.rows, rejects)),
    );
  }
  const unshot = options.unshot
    ? new Set(Object.keys(options.unshot).map((written) => names.identify(written).name))
    : null;
  for (const [name, goal] of own) {
    if (seen.has(name) || !narrowed(name) || (unshot && !unshot.has(name))) continue;
    projects.push(project(name, 'target', planRemainingExposure(goal, [], rejects)));
  }
  return projects.sort(byFurthestBehind);
}

/** Furthest behind first: what to point the scope at tonight. */
export function byFurthestBehind(a: Project, b: Project): number {
  return (
    a.percentComplete - b.percentComplete ||
    b.plan.remainingSeconds - a.plan.remainingSeconds ||
    a.target.localeCompare(b.target) ||
    (a.rig ?? '').localeCompare(b.rig ?? '')
  );
}

function project(target: string, goalFrom: Project['goalFrom'], plan: Plan): Project {
  return { target, goalFrom, plan, percentComplete: percentComplete(plan) };
}

/** Of what there is to capture: per allocated filter up to its share (more L does not finish R). */
function percentComplete(plan: Plan): number {
  const wanted =
    plan.filters.length > 0
      ? plan.filters.reduce((sum, f) => sum + f.targetSeconds, 0)
      : plan.captureSeconds;
  if (wanted === 0) return 100;
  const done =
    plan.filters.length > 0
      ? plan.filters.reduce((sum, f) => sum + Math.min(f.integratedSeconds, f.targetSeconds), 0)
      : plan.captureSeconds - plan.remainingSeconds;
  return Math.round((done / wanted) * 1000) / 10;
}

/** Targets named as panels, under their mosaic; each mosaic's panels furthest behind first. */
export function mosaicsOf(
  targets: readonly TargetSummary[],
  projects: readonly Project[],
  aliases: Readonly<Record<string, string>>,
): Mosaic[] {
  const names = new TargetNames({ aliases });
  const done = new Map(projects.map((p) => [p.target, p.percentComplete]));
  const mosaics = new Map<string, Mosaic>();
  for (const summary of targets) {
    if (summary.target === null) continue;
    const panel = panelOf(summary.target);
    if (!panel) continue;
    const name = names.identify(panel.mosaic).name;
    let mosaic = mosaics.get(name);
    if (!mosaic) {
      mosaic = { mosaic: name, subs: 0, totalSeconds: 0, panels: [] };
      mosaics.set(name, mosaic);
    }
    mosaic.subs += summary.subs;
    mosaic.totalSeconds = Math.round((mosaic.totalSeconds + summary.totalSeconds) * 1000) / 1000;
    mosaic.panels.push({
      panel: panel.panel,
      target: summary.target,
      subs: summary.subs,
      totalSeconds: summary.totalSeconds,
      percentComplete: done.get(summary.target) ?? null,
    });
  }
  for (const mosaic of mosaics.values())
    mosaic.panels.sort(
      (a, b) =>
        (a.percentComplete ?? 0) - (b.percentComplete ?? 0) ||
        a.totalSeconds - b.totalSeconds ||
        a.panel - b.panel,
    );
  return [...mosaics.values()].sort((a, b) => a.mosaic.localeCompare(b.mosaic));
}

/** The subs left over all allocated filters; null when a filter's exposure is unknown, or none is allocated. */
export function remainingSubsOf(plan: Plan): number | null {
  let total = 0;
  for (const filter of plan.filters) {
    if (filter.remainingSubs === null) return null;
    total += filter.remainingSubs;
  }
  return plan.filters.length === 0 ? null : total;
}

/** Per filter: what share of its target is integrated, up to 100. */
export function filterPercent(filter: Plan['filters'][number]): number {
  if (filter.targetSeconds === 0) return 100;
  return Math.round(Math.min(1, filter.integratedSeconds / filter.targetSeconds) * 1000) / 10;
}
