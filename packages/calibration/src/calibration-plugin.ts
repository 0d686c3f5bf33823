/**
 * The calibration plugin: listens to a scan's lights, calibration frames and masters and adds the
 * calibration section: per light group its darks, flats and the flats' own calibration (✓ ⚠ ✗, the
 * set used and why), a summary, and the fewest sets still to shoot. Sets come from the scan itself,
 * the calibration library and the flat library. Without any darks, bias, dark flats or masters in
 * the scan or the calibration library (only lights, and flats), there is no section.
 */
import {
  CALIBRATION_SECTION_ID,
  type CalibrationSection,
  type CalibrationSet,
  type CalibrationStatus,
  type LightGroup,
  type ObserverPlugin,
  type PluginContext,
  type ResolvedSettings,
  type SetToShoot,
} from '@astrotrack/core/internal';
import { type FlatLibrary, rigFlats } from '@astrotrack/flats';
import { CalibrationSetAccumulator } from './collect/scan-sets.js';
import { LightGroupAccumulator } from './collect/light-groups.js';
import type { CalibrationLibrary } from './library/calibration-library.js';
import { setOfRecord } from './library/calibration-library.js';
import { rigSets } from './library/calibration-operations.js';
import { matchDarks } from './match/match-dark.js';
import { matchFlatDarks } from './match/match-flat-darks.js';
import { matchFlats } from './match/match-flat.js';
import type { LightSetup, MatchRules } from './match/rules.js';
import { setsToShoot } from './plan/sets-to-shoot.js';

export interface CalibrationPluginOptions {
  /** The calibration library, or how to load it when the report is built; null: none. */
  library?: CalibrationLibrary | (() => Promise<CalibrationLibrary>) | null;
  libraryPath?: string | null;
  /** The flat library, whose flats count as flat sets. */
  flatLibrary?: FlatLibrary | (() => Promise<FlatLibrary>) | null;
  flatLibraryPath?: string | null;
  /** `YYYY-MM-DD`: what a set shot now is dated. */
  today: string;
}

export function calibrationPlugin(options: CalibrationPluginOptions): ObserverPlugin {
  return {
    name: 'astrotrack:calibration',
    setup(context) {
      const collector = collect(context, options, false);
      context.addReportSection(async () => {
        const built = await collector.build();
        return built && { id: CALIBRATION_SECTION_ID, title: 'Calibration', data: built.section };
      });
    },
  };
}

/** A light group with its frames and, per kind, the frames of the set it uses (in the scanned folder). */
export interface GroupFiles {
  group: LightGroup;
  lights: readonly string[];
  /** The frames of each kind's set, relative to the scanned folder; null when the set is not in it. */
  dark: readonly string[] | null;
  flat: readonly string[] | null;
  flatDarks: readonly string[] | null;
}

export interface CalibrationBundle {
  section: CalibrationSection;
  groups: GroupFiles[];
}

/** The same matching, keeping every file: what `export` lays out. `bundle()` after the scan. */
export function calibrationBundlePlugin(
  options: CalibrationPluginOptions,
): ObserverPlugin & { bundle(): Promise<CalibrationBundle | null> } {
  let collector: Collector | null = null;
  return {
    name: 'astrotrack:calibration-bundle',
    setup(context) {
      collector = collect(context, options, true);
    },
    async bundle() {
      return collector ? collector.build() : null;
    },
  };
}

interface Collector {
  build(): Promise<CalibrationBundle | null>;
}

function collect(
  { on, rig, rigs, target }: PluginContext,
  options: CalibrationPluginOptions,
  keepFiles: boolean,
): Collector {
  const split = rigs.length > 1;
  const newLights = (laneRig: ResolvedSettings) =>
    new LightGroupAccumulator({
      aliases: laneRig.targets.aliases,
      target,
      includeUnknown: laneRig.report.includeUnknown,
      keepFiles,
    });
  const newSets = () => new CalibrationSetAccumulator(rig.flats.anglePrecision, keepFiles);
  let lanes = new Map<string | null, Lane>();
  const laneOf = (name: string | null): Lane => {
    const laneRig = rigs.find((candidate) => candidate.name === name) ?? rig;
    let lane = lanes.get(laneRig.name);
    if (!lane) {
      lane = { rig: laneRig, lights: newLights(laneRig), found: newSets() };
      lanes.set(laneRig.name, lane);
    }
    return lane;
  };
  on('scan:start', () => {
    lanes = new Map();
  });
  on('frame', (frame) => {
    const lane = laneOf(frame.rig);
    if (frame.kind === 'light') lane.lights.add(frame);
    else lane.found.add(frame);
  });
  on('frame:master', (frame) => laneOf(frame.rig).found.addMaster(frame));
  return {
    async build() {
      const ordered = rigs.flatMap((candidate) => {
        const lane = lanes.get(candidate.name);
        return lane ? [lane] : [];
      });
      const scanned = ordered.map((lane) => ({ lane, sets: lane.found.calibrationSets() }));
      const owner = new Map<CalibrationSet, CalibrationSetAccumulator>();
      for (const { lane, sets } of scanned) for (const set of sets) owner.set(set, lane.found);
      const files = (set: CalibrationSet | null) => {
        const from = set && set.source === 'scan' ? owner.get(set) : undefined;
        return from ? from.filesOf(set!) : null;
      };
      const matched: GroupFiles[] = [];
      const toShoot: SetToShoot[] = [];
      let tooOld = 0;
      for (const { lane } of scanned) {
        const setups = lane.lights.lightGroupFiles(lane.rig.flats.tolerance);
        if (setups.length === 0) continue;
        const rules = rulesOf(lane.rig);
        // Darks and bias belong to a camera, which the match checks; flats to one optical train.
        const scanSets = scanned.flatMap((other) =>
          other.lane === lane ? other.sets : other.sets.filter((set) => set.kind !== 'flat'),
        );
        const owned = [...scanSets, ...(await librarySets(options, lane.rig.name))];
        if (owned.length === 0) continue;
        const sets = [...owned, ...(await flatLibrarySets(options, lane.rig.name))];
        const laneGroups = setups.map(({ setup, files: lightFiles }) => {
          const group = matchGroup(setup, sets, rules);
          if (split) group.rig = lane.rig.name;
          return {
            group,
            lights: lightFiles,
            dark: files(group.dark.set),
            flat: files(group.flat.set),
            flatDarks: files(group.flatDarks.set),
          };
        });
        matched.push(...laneGroups);
        const shoot = setsToShoot(
          laneGroups.map((entry) => entry.group),
          rules,
          lane.rig.calibration.framesPerSet,
          options.today,
        );
        toShoot.push(...shoot.toShoot.map((set) => (split ? { ...set, rig: lane.rig.name } : set)));
        tooOld += shoot.tooOld;
      }
      // Lights alone, with no calibration seen or recorded: the flats section speaks for flats,
      // and a wall of ✗ would tell a user who only counts integration nothing.
      if (matched.length === 0) return null;
      matched.sort((a, b) => byNightTarget(a.group, b.group));
      const groups = matched.map((entry) => entry.group);
      const section: CalibrationSection = {
        rules: rulesOf(rig),
        libraryPath: options.libraryPath ?? null,
        groups,
        toShoot,
        tooOld,
        summary: {
          groups: groups.length,
          ok: groups.filter((g) => g.status === 'ok').length,
          warn: groups.filter((g) => g.status === 'warn').length,
          missing: groups.filter((g) => g.status === 'missing').length,
        },
      };
      return { section, groups: matched };
    },
  };
}

interface Lane {
  rig: ResolvedSettings;
  lights: LightGroupAccumulator;
  found: CalibrationSetAccumulator;
}

function rulesOf(rig: ResolvedSettings): MatchRules {
  return {
    temperatureTolerance: rig.calibration.temperatureTolerance,
    exposureTolerance: rig.calibration.exposureTolerance,
    scaleDarks: rig.calibration.scaleDarks,
    darkMaxAgeDays: rig.calibration.darkMaxAgeDays,
    biasMaxAgeDays: rig.calibration.biasMaxAgeDays,
    flatMaxAgeDays: rig.flats.maxAgeDays,
    oldFlatsCover: rig.flats.oldFlatsCover,
    angleTolerance: rig.flats.tolerance,
  };
}

/** One light group's darks, flats and flat calibration, and its status: the worst of the three. */
export function matchGroup(
  setup: LightSetup,
  sets: readonly CalibrationSet[],
  rules: MatchRules,
): LightGroup {
  const dark = matchDarks(setup, sets, rules);
  const flat = matchFlats(setup, sets, rules);
  const flatDarks = matchFlatDarks(setup, flat, sets, rules);
  return {
    ...setup,
    status: worst([dark.status, flat.status, flatDarks.status]),
    dark,
    flat,
    flatDarks,
  };
}

function worst(statuses: readonly CalibrationStatus[]): CalibrationStatus {
  if (statuses.includes('missing')) return 'missing';
  return statuses.includes('warn') ? 'warn' : 'ok';
}

async function librarySets(
  options: CalibrationPluginOptions,
  rig: string | null,
): Promise<CalibrationSet[]> {
  if (!options.library) return [];
  const library = typeof options.library === 'function' ? await options.library() : options.library;
  const file = options.libraryPath ?? 'the calibration library';
  return rigSets(library, rig).map((record) => setOfRecord(record, file));
}

/** The flat library's flats: filter, angle, binning (absent: any) and date, and what learning kept. */
async function flatLibrarySets(
  options: CalibrationPluginOptions,
  rig: string | null,
): Promise<CalibrationSet[]> {
  if (!options.flatLibrary) return [];
  const library =
    typeof options.flatLibrary === 'function' ? await options.flatLibrary() : options.flatLibrary;
  return rigFlats(library, rig).map((flat) => ({
    kind: 'flat',
    master: false,
    camera: flat.camera ?? null,
    exposureSeconds: flat.exposureSeconds ?? null,
    gain: flat.gain ?? null,
    offset: flat.offset ?? null,
    binning: flat.binning ?? null,
    readoutMode: null,
    sensorTemperature: null,
    filter: flat.filter,
    angle: flat.angle ?? null,
    date: flat.date,
    frames: flat.frames ?? null,
    source: 'flat-library',
    where: options.flatLibraryPath ?? null,
  }));
}

function byNightTarget(a: LightGroup, b: LightGroup): number {
  return (
    (a.night ?? '9999').localeCompare(b.night ?? '9999') ||
    (a.target ?? '\uffff').localeCompare(b.target ?? '\uffff') ||
    a.filter.localeCompare(b.filter) ||
    (a.camera ?? '').localeCompare(b.camera ?? '') ||
    b.exposureSeconds - a.exposureSeconds ||
    (a.gain ?? -1) - (b.gain ?? -1) ||
    (a.sensorTemperature ?? 999) - (b.sensorTemperature ?? 999) ||
    (a.angle?.from ?? -1) - (b.angle?.from ?? -1)
  );
}
