/**
 * The flats plugin: listens to the lights a scan finds and adds the flat recommendations to the
 * report, one entry per filter (and binning, where a filter's lights differ in binning).
 */
import {
  FLATS_SECTION_ID,
  TargetNames,
  type FilterFlats,
  type FlatsSection,
  type Frame,
  type ObserverPlugin,
  type ReportWarning,
  type ResolvedSettings,
} from '@astrotrack/core/internal';
import { filterCoverage, type LightAngles } from './coverage/filter-coverage.js';

export { FLATS_SECTION_ID, type FilterFlats, type FlatsSection };
import type { FlatLibrary } from './library/flat-library.js';
import { listFlats } from './library/library-operations.js';

export interface FlatsPluginOptions {
  /** The library, or how to load it when the report is built. */
  library: FlatLibrary | (() => Promise<FlatLibrary>);
  /** The library file, shown in the report; null when none. */
  libraryPath?: string | null;
  /** Instead of the rig's `flats.tolerance`, `flats.maxAgeDays` and `flats.oldFlatsCover`. */
  tolerance?: number;
  maxAgeDays?: number;
  oldFlatsCover?: boolean;
  /** `YYYY-MM-DD` the ages are counted to; default today. */
  today: string;
}

export function flatsPlugin(options: FlatsPluginOptions): ObserverPlugin {
  return {
    name: 'astrotrack:flats',
    setup({ on, addReportSection, rig, rigs, target }) {
      const tolerance = options.tolerance ?? rig.flats.tolerance;
      const maxAgeDays = options.maxAgeDays ?? rig.flats.maxAgeDays;
      const oldFlatsCover = options.oldFlatsCover ?? rig.flats.oldFlatsCover;
      const targets = new TargetNames({ aliases: rig.targets.aliases });
      // Rig → filter → binning → the lights' angles, each with its count (memory grows with the
      // angles, not the frames). A mixed archive split by rig: each rig's lights are compared
      // with its own flats only, by its own rules.
      const lights = new Map<string | null, Map<string, Map<string, Map<number | null, number>>>>();
      on('scan:start', () => lights.clear());
      on('frame', (frame: Frame) => {
        if (frame.kind !== 'light' || frame.filter === null) return;
        // Narrowed to a target (`--target`): only its lights need flats.
        if (target !== null && (frame.target === null || !targets.same(frame.target, target)))
          return;
        const rigName = rigs.length > 1 ? frame.rig : rig.name;
        let byFilter = lights.get(rigName);
        if (!byFilter) {
          byFilter = new Map();
          lights.set(rigName, byFilter);
        }
        let byBinning = byFilter.get(frame.filter);
        if (!byBinning) {
          byBinning = new Map();
          byFilter.set(frame.filter, byBinning);
        }
        const binning = frame.binning ?? '';
        let angles = byBinning.get(binning);
        if (!angles) {
          angles = new Map();
          byBinning.set(binning, angles);
        }
        const angle = frame.rotatorAngle;
        angles.set(angle, (angles.get(angle) ?? 0) + 1);
      });
      addReportSection(async () => {
        if (lights.size === 0) return null;
        const library =
          typeof options.library === 'function' ? await options.library() : options.library;
        const filters: FilterFlats[] = [];
        for (const settings of rigs) {
          const byFilter = lights.get(settings.name);
          if (!byFilter) continue;
          const rules = {
            tolerance: options.tolerance ?? settings.flats.tolerance,
            maxAgeDays: options.maxAgeDays ?? settings.flats.maxAgeDays,
            oldFlatsCover: options.oldFlatsCover ?? settings.flats.oldFlatsCover,
          };
          const entries = rigFilterFlats(byFilter, library, settings, options.today, rules);
          filters.push(
            ...(rigs.length > 1 ? entries.map((e) => ({ rig: settings.name, ...e })) : entries),
          );
        }
        const data: FlatsSection = {
          tolerance,
          maxAgeDays,
          oldFlatsCover,
          libraryPath: options.libraryPath ?? null,
          filters,
        };
        return {
          id: FLATS_SECTION_ID,
          title: 'Flat frame recommendations',
          data,
          warnings: oldFlatWarnings(filters, maxAgeDays, oldFlatsCover),
        };
      });
    },
  };
}

/** One rig's lights, filter by filter (binning by binning where they differ), against its flats. */
function rigFilterFlats(
  byFilter: ReadonlyMap<string, ReadonlyMap<string, LightAngles>>,
  library: FlatLibrary,
  rig: ResolvedSettings,
  today: string,
  rules: { tolerance: number; maxAgeDays: number; oldFlatsCover: boolean },
): FilterFlats[] {
  const owned = listFlats(library, rig.name, today, rules.maxAgeDays);
  const filters: FilterFlats[] = [];
  const order = [...byFilter.keys()].sort(
    (a, b) => rig.filters.rank(a) - rig.filters.rank(b) || a.localeCompare(b),
  );
  for (const filter of order) {
    const byBinning = byFilter.get(filter)!;
    const split = byBinning.size > 1;
    for (const [binning, angles] of byBinning) {
      // Only the kind of flat these lights can use: with an angle, without one, or both.
      const withoutAngle = angles.has(null);
      const withAngle = angles.size > (withoutAngle ? 1 : 0);
      const flats = owned
        .filter((flat) => (flat.angle === undefined ? withoutAngle : withAngle))
        .filter((flat) => flat.filter === filter)
        // As organize matches them: a flat for one binning calibrates only lights binned so.
        .filter((flat) => !flat.binning || !binning || flat.binning === binning)
        .map((flat) => ({
          angle: flat.angle ?? null,
          date: flat.date,
          old: flat.old,
          ageDays: flat.ageDays,
        }));
      filters.push({
        filter,
        binning: split ? binning || null : null,
        ...filterCoverage(angles, flats, rules),
      });
    }
  }
  return filters;
}

/** Old flats that the lights rely on (or would, if old flats counted): worth shooting again. */
function oldFlatWarnings(
  filters: readonly FilterFlats[],
  maxAgeDays: number,
  oldFlatsCover: boolean,
): ReportWarning[] {
  const used = new Set<string>();
  const examples: string[] = [];
  for (const entry of filters) {
    for (const flat of entry.owned) {
      const angle = flat.angle === null ? 'no angle' : `${flat.angle}°`;
      const rig = entry.rig === undefined ? '' : `${entry.rig ?? 'default rig'} `;
      const key = `${rig}${entry.filter} ${angle}`;
      if (!flat.old || used.has(key)) continue;
      used.add(key);
      examples.push(`${key} (${flat.date})`);
    }
  }
  if (examples.length === 0) return [];
  return [
    {
      code: 'old-flats',
      message: `${examples.length} flat set(s) are older than ${maxAgeDays} days${oldFlatsCover ? '' : ' and no longer count'}; dust moves: consider shooting them again`,
      count: examples.length,
      examples: examples.slice(0, 5),
    },
  ];
}
