/**
 * Projects: every target with a goal (its own in `targets`, else the rig's plan), how far it is,
 * per filter and overall, and what is left. A target with a goal and no frames yet is a project
 * too: nothing shot is 0 %, not absent.
 */
import { TargetNames } from '../targets/target-identity.js';
import {
  planRemainingExposure,
  type PlanInput,
  type RejectCounts,
} from './plan-remaining-exposure.js';
import type { Plan, Project, TargetSummary } from './report-types.js';

export interface ProjectGoals {
  /** Target name as written in the config → its goal, the allocation's filters canonical. */
  goals: Readonly<Record<string, PlanInput>>;
  /** The rig's plan, for targets without a goal of their own; null: none. */
  fallback: PlanInput | null;
  aliases: Readonly<Record<string, string>>;
  /** `--target`: only its project. */
  target: string | null;
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
    const plan = goal ?? options.fallback;
    if (!plan) continue;
    projects.push(
      project(
        summary.target,
        goal ? 'target' : 'rig',
        planRemainingExposure(plan, summary.rows, rejects),
      ),
    );
  }
  for (const [name, goal] of own) {
    if (seen.has(name) || !narrowed(name)) continue;
    projects.push(project(name, 'target', planRemainingExposure(goal, [], rejects)));
  }
  // Furthest behind first: what to point the scope at tonight.
  return projects.sort(
    (a, b) =>
      a.percentComplete - b.percentComplete ||
      b.plan.remainingSeconds - a.plan.remainingSeconds ||
      a.target.localeCompare(b.target),
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
      : Math.min(plan.captureSeconds, plan.captureSeconds - plan.remainingSeconds);
  return Math.round((done / wanted) * 1000) / 10;
}

/** Per filter: what share of its target is integrated, up to 100. */
export function filterPercent(filter: Plan['filters'][number]): number {
  if (filter.targetSeconds === 0) return 100;
  return Math.round(Math.min(1, filter.integratedSeconds / filter.targetSeconds) * 1000) / 10;
}
