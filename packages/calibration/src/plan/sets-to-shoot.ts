/**
 * What to shoot next: across every light group still missing calibration, the fewest sets of each
 * kind that calibrate them all. Darks: one class per camera, gain, offset, binning, readout mode and
 * exposure (with `scaleDarks`, the longest exposure of a class covers the shorter ones), and within a
 * class the fewest temperatures (stab-temperatures.ts). Flats: per camera, filter and binning, the
 * fewest angles (the flat library's `fewestFlats`), one set without an angle for lights without
 * one. Dark flats: one per flat setup. Groups that a set shot today could not calibrate (its age
 * from their night over the limit) are counted apart, never promised.
 */
import type { CalibrationKind, LightGroup, SetToShoot } from '@astrotrack/core/internal';
import { daysBetween, fewestFlats, withinTolerance } from '@astrotrack/flats';
import type { MatchRules } from '../match/rules.js';
import { stabTemperatures } from './stab-temperatures.js';

export interface ToShootResult {
  toShoot: SetToShoot[];
  /** Groups missing a kind that no set shot today would be young enough for. */
  tooOld: number;
}

export function setsToShoot(
  groups: readonly LightGroup[],
  rules: MatchRules,
  framesPerSet: Record<CalibrationKind, number>,
  today: string,
): ToShootResult {
  const tooOld = new Set<LightGroup>();
  const fresh = (group: LightGroup, maxAgeDays: number, oldCounts = false) => {
    if (oldCounts || group.night === null || daysBetween(group.night, today) <= maxAgeDays)
      return true;
    tooOld.add(group);
    return false;
  };
  const needDarks = groups.filter(
    (g) => g.dark.status === 'missing' && fresh(g, rules.darkMaxAgeDays),
  );
  const needFlats = groups.filter(
    (g) => g.flat.status === 'missing' && fresh(g, rules.flatMaxAgeDays, rules.oldFlatsCover),
  );
  const needFlatDarks = groups.filter(
    (g) => g.flatDarks.status === 'missing' && fresh(g, rules.flatMaxAgeDays, rules.oldFlatsCover),
  );
  const toShoot = [
    ...darksToShoot(needDarks, rules, framesPerSet.dark),
    ...flatsToShoot(needFlats, rules, framesPerSet.flat),
    ...flatDarksToShoot(needFlatDarks, framesPerSet.darkflat),
  ];
  return { toShoot, tooOld: tooOld.size };
}

function classesOf<T>(items: readonly T[], key: (item: T) => unknown[]): T[][] {
  const classes = new Map<string, T[]>();
  for (const item of items) {
    const id = JSON.stringify(key(item));
    const list = classes.get(id);
    if (list) list.push(item);
    else classes.set(id, [item]);
  }
  return [...classes.values()];
}

const sensorKey = (g: LightGroup) => [g.camera, g.gain, g.offset, g.binning, g.readoutMode];

function entry(
  kind: CalibrationKind,
  covered: readonly LightGroup[],
  frames: number,
  fields: Partial<SetToShoot>,
): SetToShoot {
  const first = covered[0]!;
  return {
    kind,
    camera: first.camera,
    exposureSeconds: null,
    gain: first.gain,
    offset: first.offset,
    binning: first.binning,
    readoutMode: first.readoutMode,
    sensorTemperature: null,
    filter: null,
    angle: null,
    frames,
    groups: covered.length,
    nights: new Set(covered.map((g) => g.night).filter((n) => n !== null)).size,
    targets: [...new Set(covered.map((g) => g.target ?? '(no target)'))].sort(),
    ...fields,
  };
}

function darksToShoot(
  groups: readonly LightGroup[],
  rules: MatchRules,
  frames: number,
): SetToShoot[] {
  const key = (g: LightGroup) => [...sensorKey(g), rules.scaleDarks ? null : g.exposureSeconds];
  const result: SetToShoot[] = [];
  for (const members of classesOf(groups, key)) {
    const unknown = members.filter((g) => g.sensorTemperature === null);
    const known = members.filter((g) => g.sensorTemperature !== null);
    const sets = stabTemperatures(
      known.map((g) => g.sensorTemperature!),
      rules.temperatureTolerance,
    );
    for (const set of sets) {
      const covered = set.covers.map((index) => known[index]!);
      result.push(
        entry('dark', covered, frames, {
          exposureSeconds: Math.max(...covered.map((g) => g.exposureSeconds)),
          sensorTemperature: set.temperature,
        }),
      );
    }
    if (unknown.length > 0)
      result.push(
        entry('dark', unknown, frames, {
          exposureSeconds: Math.max(...unknown.map((g) => g.exposureSeconds)),
        }),
      );
  }
  return result;
}

function flatsToShoot(
  groups: readonly LightGroup[],
  rules: MatchRules,
  frames: number,
): SetToShoot[] {
  const result: SetToShoot[] = [];
  for (const members of classesOf(groups, (g) => [g.camera, g.filter, g.binning])) {
    const without = members.filter((g) => g.angle === null);
    if (without.length > 0)
      result.push(entry('flat', without, frames, { filter: without[0]!.filter }));
    const withAngle = members.filter((g) => g.angle !== null);
    // A group's arc (a fraction of a degree, mostly) is covered when both its ends are.
    const flats = fewestFlats(
      withAngle.flatMap((g) => [g.angle!.from, g.angle!.to]),
      rules.angleTolerance,
    ).map((flat) => ({ angle: flat.angle, covered: [] as LightGroup[] }));
    const covers = (angle: number, g: LightGroup) =>
      withinTolerance(g.angle!.from, angle, rules.angleTolerance) &&
      withinTolerance(g.angle!.to, angle, rules.angleTolerance);
    for (const group of withAngle) {
      let flat = flats.find((candidate) => covers(candidate.angle, group));
      if (!flat) {
        // Ends split between two flats: one in the arc's middle covers both.
        flat = { angle: Math.round(arcMiddle(group.angle!)) % 360, covered: [] };
        flats.push(flat);
      }
      flat.covered.push(group);
    }
    for (const flat of flats) {
      if (flat.covered.length === 0) continue;
      result.push(
        entry('flat', flat.covered, frames, { filter: flat.covered[0]!.filter, angle: flat.angle }),
      );
    }
  }
  return result;
}

function flatDarksToShoot(groups: readonly LightGroup[], frames: number): SetToShoot[] {
  // Per flat setup: the exposure of the flat it is for, where one is used and known.
  const exposureOf = (g: LightGroup) => g.flat.set?.exposureSeconds ?? null;
  return classesOf(groups, (g) => [...sensorKey(g), exposureOf(g)]).map((members) =>
    entry('darkflat', members, frames, { exposureSeconds: exposureOf(members[0]!) }),
  );
}

function arcMiddle(arc: { from: number; to: number }): number {
  const span = (arc.to - arc.from + 360) % 360;
  return (arc.from + span / 2) % 360;
}
