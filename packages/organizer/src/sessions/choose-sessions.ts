/**
 * Groups lights into flat sessions: each session is one flat angle, so its lights calibrate with one
 * master flat per filter. The toolkit's stated priority, applied greedily: the owned flat angle that
 * covers the most lights first, then the one owned for the most filters, then the one nearest the
 * middle of the lights it covers. Each light then joins the nearest chosen angle whose flats cover it.
 * Lights no owned flat covers join a chosen angle within tolerance when there is one (its flats for
 * that filter are then still to shoot), else the fewest new angles that cover them.
 */
import { fewestFlats, signedTurn, spanOf, withinTolerance, type Arc } from '@astrotrack/flats';

export interface SessionLight {
  filter: string;
  angle: number;
  binning: string | null;
}

export interface SessionFlat {
  filter: string;
  angle: number;
  /** Absent: fits any binning. */
  binning?: string;
}

export interface SessionFilter {
  filter: string;
  frames: number;
  /** The lights' angles, as an arc. */
  lights: Arc;
  /** Whether the library has this filter's flat at the session's angle. */
  flatOwned: boolean;
}

export interface FlatSession {
  angle: number;
  /** False when no filter's flat at this angle is owned: a new angle to shoot. */
  owned: boolean;
  filters: SessionFilter[];
  frames: number;
}

export interface SessionChoice {
  /** By angle. */
  sessions: FlatSession[];
  /** For each light (same order as given), the index of its session. */
  sessionOf: number[];
  /** Flats to shoot: a filter at a session's angle it has lights in but no flat for. */
  flatsToShoot: { filter: string; angle: number }[];
}

export interface ChooseSessionsOptions {
  /** Degrees either side of a flat angle that it still calibrates. */
  tolerance: number;
  /** New angles are placed at multiples of this (default 1°). */
  step?: number;
}

interface Candidate {
  angle: number;
  flats: SessionFlat[];
}

/** Lights sharing filter, binning and angle are interchangeable: counted once, weighted. */
interface LightGroup {
  light: SessionLight;
  count: number;
  indices: number[];
}

export function chooseSessions(
  lights: readonly SessionLight[],
  flats: readonly SessionFlat[],
  options: ChooseSessionsOptions,
): SessionChoice {
  const { tolerance } = options;
  const groups = groupLights(lights);
  const candidates = candidatesOf(flats);
  const dataFilters = new Set(lights.map((light) => light.filter));
  const covers = (candidate: Candidate, light: SessionLight) =>
    withinTolerance(light.angle, candidate.angle, tolerance) && hasFlat(candidate, light);

  const chosen: Candidate[] = [];
  let remaining = groups;
  for (;;) {
    let best: { candidate: Candidate; frames: number; filters: number; offCentre: number } | null =
      null;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const covered = remaining.filter((group) => covers(candidate, group.light));
      const frames = covered.reduce((sum, group) => sum + group.count, 0);
      if (frames === 0) continue;
      const filters = new Set(candidate.flats.map((flat) => flat.filter)).size;
      const filtersInData = [...dataFilters].filter((filter) =>
        candidate.flats.some((flat) => flat.filter === filter),
      ).length;
      const offCentre = Math.abs(
        signedTurn(candidate.angle, middleOf(covered.map((group) => group.light.angle))),
      );
      const score = { candidate, frames, filters: filtersInData * 1000 + filters, offCentre };
      if (!best || better(score, best)) best = score;
    }
    if (!best) break;
    chosen.push(best.candidate);
    remaining = remaining.filter((group) => !covers(best.candidate, group.light));
  }

  const assigned = new Map<LightGroup, number>();
  const uncovered: LightGroup[] = [];
  for (const group of groups) {
    const owned = nearest(group.light.angle, chosen, (c) => covers(c, group.light));
    if (owned) assigned.set(group, owned.angle);
    else uncovered.push(group);
  }
  const stillUncovered: LightGroup[] = [];
  for (const group of uncovered) {
    const near = nearest(group.light.angle, chosen, (c) =>
      withinTolerance(group.light.angle, c.angle, tolerance),
    );
    if (near) assigned.set(group, near.angle);
    else stillUncovered.push(group);
  }
  const newAngles = fewestFlats(
    stillUncovered.map((group) => group.light.angle),
    tolerance,
    options.step ?? 1,
  );
  const fresh = newAngles.map((flat) => ({ angle: flat.angle, flats: [] }) as Candidate);
  for (const group of stillUncovered) {
    const near = nearest(group.light.angle, fresh, (c) =>
      withinTolerance(group.light.angle, c.angle, tolerance),
    );
    // fewestFlats covers every angle it is given, so there is always one.
    assigned.set(group, near!.angle);
  }
  return describe(lights.length, groups, assigned, candidates);
}

function better(
  a: { frames: number; filters: number; offCentre: number; candidate: Candidate },
  b: { frames: number; filters: number; offCentre: number; candidate: Candidate },
): boolean {
  if (a.frames !== b.frames) return a.frames > b.frames;
  if (a.filters !== b.filters) return a.filters > b.filters;
  if (Math.abs(a.offCentre - b.offCentre) > 1e-9) return a.offCentre < b.offCentre;
  return a.candidate.angle < b.candidate.angle;
}

function describe(
  lightCount: number,
  groups: readonly LightGroup[],
  assigned: ReadonlyMap<LightGroup, number>,
  candidates: readonly Candidate[],
): SessionChoice {
  // A chosen angle can lose all its lights to a nearer one; only angles with lights are sessions.
  const sorted = [...new Set(assigned.values())].sort((a, b) => a - b);
  const sessionOf = new Array<number>(lightCount).fill(-1);
  const perSession = sorted.map(() => new Map<string, { angles: number[]; frames: number }>());
  const flatOwned = new Map<string, boolean>();
  for (const group of groups) {
    const angle = assigned.get(group)!;
    const index = sorted.indexOf(angle);
    for (const light of group.indices) sessionOf[light] = index;
    const filters = perSession[index]!;
    const entry = filters.get(group.light.filter) ?? { angles: [], frames: 0 };
    entry.angles.push(group.light.angle);
    entry.frames += group.count;
    filters.set(group.light.filter, entry);
    const key = `${index}\u0000${group.light.filter}`;
    const candidate = candidates.find((c) => c.angle === angle);
    const owned = candidate !== undefined && hasFlat(candidate, group.light);
    // A filter's flat counts as owned for the session only if it fits all its lights' binning.
    flatOwned.set(key, (flatOwned.get(key) ?? true) && owned);
  }
  const sessions: FlatSession[] = sorted.map((angle, index) => {
    const filters = [...perSession[index]!]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([filter, entry]) => ({
        filter,
        frames: entry.frames,
        lights: spanOf(entry.angles)!,
        flatOwned: flatOwned.get(`${index}\u0000${filter}`)!,
      }));
    return {
      angle,
      owned: candidates.some((candidate) => candidate.angle === angle),
      filters,
      frames: filters.reduce((sum, filter) => sum + filter.frames, 0),
    };
  });
  const flatsToShoot = sessions.flatMap((session) =>
    session.filters
      .filter((filter) => !filter.flatOwned)
      .map((filter) => ({ filter: filter.filter, angle: session.angle })),
  );
  return { sessions, sessionOf, flatsToShoot };
}

function groupLights(lights: readonly SessionLight[]): LightGroup[] {
  const byKey = new Map<string, LightGroup>();
  lights.forEach((light, index) => {
    const key = `${light.filter}\u0000${light.binning ?? ''}\u0000${light.angle}`;
    const group = byKey.get(key);
    if (group) {
      group.count++;
      group.indices.push(index);
    } else byKey.set(key, { light, count: 1, indices: [index] });
  });
  return [...byKey.values()];
}

function candidatesOf(flats: readonly SessionFlat[]): Candidate[] {
  const byAngle = new Map<number, Candidate>();
  for (const flat of flats) {
    const candidate = byAngle.get(flat.angle) ?? { angle: flat.angle, flats: [] };
    candidate.flats.push(flat);
    byAngle.set(flat.angle, candidate);
  }
  return [...byAngle.values()].sort((a, b) => a.angle - b.angle);
}

function hasFlat(candidate: Candidate, light: SessionLight): boolean {
  return candidate.flats.some(
    (flat) =>
      flat.filter === light.filter &&
      (flat.binning === undefined || light.binning === null || flat.binning === light.binning),
  );
}

/** The candidate nearest the angle among those accepted; on a tie, the lower angle. */
function nearest(
  angle: number,
  candidates: readonly Candidate[],
  accept: (candidate: Candidate) => boolean,
): Candidate | null {
  let best: Candidate | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (!accept(candidate)) continue;
    const distance = Math.abs(signedTurn(candidate.angle, angle));
    if (
      distance < bestDistance - 1e-9 ||
      (Math.abs(distance - bestDistance) <= 1e-9 && candidate.angle < best!.angle)
    ) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The middle of the shortest arc holding the angles. */
function middleOf(angles: readonly number[]): number {
  const arc = spanOf(angles)!;
  const width = (((arc.to - arc.from) % 360) + 360) % 360;
  return arc.from + width / 2;
}
