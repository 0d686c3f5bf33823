/**
 * The whole archive's report, with what belongs to each rig taken from that rig's own count: the
 * rigs' integration, and projects and mosaics per rig (a rig's goals, its measured buffer), so
 * two optical trains never share a project.
 */
import type { PlanInput } from '../report/plan-remaining-exposure.js';
import { byFurthestBehind } from '../report/projects.js';
import type { ExposureReport, ReportWarning, RigSummary } from '../report/report-types.js';
import { TargetNames } from '../targets/target-identity.js';
import { type RigLane, RigLanes } from './rig-lanes.js';

type Goals = Readonly<Record<string, PlanInput>>;

/**
 * `build(lane, unshot)`: the lane's report, listing at 0 % the goals of `unshot` it has no frames
 * of. A goal with no frames anywhere is listed once, under the rig that sets it; a mosaic's own
 * goal, under the rig that shot its panels.
 */
export function splitByRig(
  whole: ExposureReport,
  lanes: RigLanes,
  build: (lane: RigLane, unshot: Goals) => ExposureReport,
): ExposureReport {
  const shotBy = new Map<string, RigLane>();
  for (const lane of lanes.lanes) {
    const { targets, mosaics } = build(lane, {});
    for (const name of [...targets.map((t) => t.target), ...mosaics.map((m) => m.mosaic)])
      if (name !== null && !shotBy.has(name)) shotBy.set(name, lane);
  }
  const rigs: RigSummary[] = [];
  const projects: ExposureReport['projects'] = [];
  const mosaics: ExposureReport['mosaics'] = [];
  for (const lane of lanes.lanes) {
    const own = build(lane, unshotGoals(lane, shotBy));
    const rig = lane.rig.name;
    rigs.push({
      rig,
      match: RigLanes.matchText(lane),
      default: lanes.isDefault(lane),
      frames: lane.frames,
      unmatched: lane.unmatched.count,
      subs: own.totalSubs,
      totalSeconds: own.totalSeconds,
      rows: own.rows,
      targets: own.targets,
    });
    projects.push(...own.projects.map((project) => ({ rig, ...project })));
    mosaics.push(...own.mosaics.map((mosaic) => ({ rig, ...mosaic })));
  }
  projects.sort(byFurthestBehind);
  mosaics.sort(
    (a, b) => a.mosaic.localeCompare(b.mosaic) || (a.rig ?? '').localeCompare(b.rig ?? ''),
  );
  return {
    ...whole,
    rigs,
    projects,
    mosaics,
    warnings: [...whole.warnings, ...unmatchedWarnings(lanes)],
  };
}

/** The lane's own unshot goals that no other rig shot, and the goals whose mosaic it shot. */
function unshotGoals(lane: RigLane, shotBy: ReadonlyMap<string, RigLane>): Goals {
  if (!lane.goals) return {};
  const names = new TargetNames({ aliases: lane.rig.targets.aliases });
  const unshot = new Set(Object.keys(lane.goals.unshot ?? lane.goals.goals));
  return Object.fromEntries(
    Object.entries(lane.goals.goals).filter(([written]) => {
      const by = shotBy.get(names.identify(written).name);
      return by === undefined ? unshot.has(written) : by === lane;
    }),
  );
}

function unmatchedWarnings(lanes: RigLanes): ReportWarning[] {
  const fallback = lanes.lanes.find((lane) => lanes.isDefault(lane))!;
  const { count, examples } = fallback.unmatched;
  if (count === 0) return [];
  const name = fallback.rig.name === null ? 'the top-level settings' : `rig ${fallback.rig.name}`;
  return [
    {
      code: 'rig-unmatched',
      message: `${count} frame(s) fit no rig's match (camera INSTRUME, telescope TELESCOP, focal length FOCALLEN): counted under ${name}; add a match for them, or check their headers with astrotrack inspect`,
      count,
      examples,
    },
  ];
}
