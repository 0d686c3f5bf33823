/**
 * A processing bundle: each light group that can be calibrated laid out with exactly the
 * calibration it matches, as WBPP or Siril expect it, as a list of file operations (from the scanned
 * folder to the bundle) and generated files (scripts, the manifest). Groups missing a kind, or whose
 * set is not in the scanned folder (a library set elsewhere), are left out and listed, unless
 * `includeIncomplete`.
 *
 *   WBPP:  TARGET/CALGROUP_001/{LIGHT,DARK,FLAT,DARKFLAT,BIAS}/…   grouping keyword CALGROUP, Pre only
 *   Siril: TARGET/<night>_<filter>_<setup>/{lights,darks,flats,darkflats,biases}/… + preprocess.ssf
 */
import type { CalibrationSet, KindMatch, LightGroup } from '@astrotrack/core/internal';
import { sanitizePathSegment } from '@astrotrack/organizer';
import type { GroupFiles } from '../calibration-plugin.js';
import { SIRIL_FOLDERS, sirilScript } from './siril-script.js';

export const BUNDLE_TOOLS = ['wbpp', 'siril'] as const;
export type BundleTool = (typeof BUNDLE_TOOLS)[number];

export const MANIFEST_NAME = 'astrotrack-export.txt';

const WBPP_FOLDERS = {
  light: 'LIGHT',
  dark: 'DARK',
  flat: 'FLAT',
  darkflat: 'DARKFLAT',
  bias: 'BIAS',
} as const;

export interface BundleOptions {
  tool: BundleTool;
  includeIncomplete: boolean;
  /** The rig's name for no filter (`OSC`): such lights are debayered. */
  noFilter: string;
}

export interface BundledGroup {
  folder: string;
  group: LightGroup;
  /** Files per kind folder. */
  counts: Record<string, number>;
  /** What it lacks (with `includeIncomplete`). */
  missing: string[];
}

export interface LeftGroup {
  group: LightGroup;
  why: string[];
}

export interface BundlePlan {
  /** From the scanned folder (relative) to the bundle (relative). */
  operations: { from: string; to: string }[];
  /** Files made for the bundle: their place in it and their text. */
  generated: { to: string; text: string }[];
  bundled: BundledGroup[];
  left: LeftGroup[];
}

type Kind = keyof typeof WBPP_FOLDERS;

/** Why a kind keeps the group out: nothing matches, or the set is not in the scanned folder. */
function lack(label: string, match: KindMatch, files: readonly string[] | null): string | null {
  if (match.status === 'missing') return `no ${label}`;
  if (match.set && files === null)
    return `its ${label} are in the ${match.set.source === 'flat-library' ? 'flat' : 'calibration'} library, not in the scanned folder`;
  return null;
}

export function bundlePlan(groups: readonly GroupFiles[], options: BundleOptions): BundlePlan {
  const plan: BundlePlan = { operations: [], generated: [], bundled: [], left: [] };
  const taken = new Set<string>();
  let number = 0;
  for (const entry of groups) {
    const { group } = entry;
    const lacks = [
      lack('darks', group.dark, entry.dark),
      lack('flats', group.flat, entry.flat),
      // A master flat needs none; else dark flats or bias.
      group.flat.set?.master ? null : lack('dark flats or bias', group.flatDarks, entry.flatDarks),
    ].filter((why): why is string => why !== null);
    if (lacks.length > 0 && !options.includeIncomplete) {
      plan.left.push({ group, why: lacks });
      continue;
    }
    number++;
    const folder = groupFolder(group, options.tool, number, taken);
    const counts: Record<string, number> = {};
    const add = (kind: Kind, files: readonly string[] | null) => {
      if (!files || files.length === 0) return;
      const names = uniqueNames(files);
      const kindFolder = options.tool === 'wbpp' ? WBPP_FOLDERS[kind] : SIRIL_FOLDERS[kind];
      for (let i = 0; i < files.length; i++)
        plan.operations.push({ from: files[i]!, to: `${folder}/${kindFolder}/${names[i]}` });
      counts[kindFolder] = files.length;
      return names;
    };
    add('light', entry.lights);
    const darkNames = add('dark', entry.dark);
    const flatNames = add('flat', entry.flat);
    const flatDarksKind = group.flatDarks.set?.kind === 'bias' ? 'bias' : 'darkflat';
    const flatDarkNames = group.flat.set?.master ? undefined : add(flatDarksKind, entry.flatDarks);
    if (options.tool === 'siril') {
      const part = (names: string[] | undefined, set: CalibrationSet | null) =>
        names && set ? { names, master: set.master } : null;
      const flatDarks = part(flatDarkNames, group.flatDarks.set);
      plan.generated.push({
        to: `${folder}/preprocess.ssf`,
        text: sirilScript({
          label: groupLabel(group),
          darks: part(darkNames, group.dark.set),
          flats: part(flatNames, group.flat.set),
          flatDarks: flatDarks && { ...flatDarks, kind: flatDarksKind },
          colour: group.filter === options.noFilter,
        }),
      });
    }
    plan.bundled.push({ folder, group, counts, missing: lacks });
  }
  plan.generated.push({ to: MANIFEST_NAME, text: manifest(plan, options.tool) });
  return plan;
}

/** Basenames, made unique within one folder by the folder they come from. */
function uniqueNames(files: readonly string[]): string[] {
  const base = files.map((file) => file.slice(file.lastIndexOf('/') + 1));
  const count = new Map<string, number>();
  for (const name of base) count.set(name, (count.get(name) ?? 0) + 1);
  return files.map((file, i) => {
    if (count.get(base[i]!)! === 1) return base[i]!;
    const parent = file.slice(0, file.lastIndexOf('/')).replaceAll('/', '_') || 'top';
    return sanitizePathSegment(`${parent}_${base[i]}`);
  });
}

function groupFolder(
  group: LightGroup,
  tool: BundleTool,
  number: number,
  taken: Set<string>,
): string {
  const target = sanitizePathSegment(group.target ?? 'no target');
  let name =
    tool === 'wbpp'
      ? `CALGROUP_${String(number).padStart(3, '0')}`
      : sanitizePathSegment(sirilName(group));
  for (let n = 2; taken.has(`${target}/${name}`.toLowerCase()); n++)
    name = `${sirilName(group)}_${n}`;
  const folder = `${target}/${sanitizePathSegment(name)}`;
  taken.add(folder.toLowerCase());
  return folder;
}

function sirilName(group: LightGroup): string {
  const parts = [
    group.night ?? 'no-night',
    group.filter,
    `${Number(group.exposureSeconds.toFixed(3))}s`,
  ];
  if (group.gain !== null) parts.push(`g${group.gain}`);
  if (group.offset !== null) parts.push(`o${group.offset}`);
  if (group.sensorTemperature !== null) parts.push(`${Math.round(group.sensorTemperature)}C`);
  if (group.binning !== null && group.binning !== '1x1') parts.push(`bin${group.binning}`);
  if (group.angle) parts.push(`${Math.round(group.angle.from)}deg`);
  return parts.join('_');
}

function groupLabel(group: LightGroup): string {
  const angle = group.angle ? ` at ${group.angle.from}°` : '';
  const camera = group.camera ? ` (${group.camera})` : '';
  return `${group.night ?? 'no night'} ${group.target ?? 'no target'} ${group.filter}${angle}, ${group.frames} × ${group.exposureSeconds} s${camera}`;
}

function manifest(plan: BundlePlan, tool: BundleTool): string {
  const lines = [
    `astrotrack export for ${tool === 'wbpp' ? 'PixInsight WBPP' : 'Siril'}`,
    '',
    tool === 'wbpp'
      ? 'In WBPP: Add Directory (this folder), then add the grouping keyword CALGROUP with Pre on and Post off: each group is calibrated only with its own darks, flats and flat calibration, and the lights of one target and filter are integrated together.'
      : "In Siril: run each group folder's preprocess.ssf in that folder (siril-cli -d <folder> -s preprocess.ssf).",
    '',
  ];
  for (const { folder, group, counts, missing } of plan.bundled) {
    const files = Object.entries(counts)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    lines.push(
      `${folder}: ${groupLabel(group)}; ${files}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
    );
  }
  if (plan.left.length > 0) {
    lines.push('', 'Left out (nothing to calibrate them with yet):');
    for (const { group, why } of plan.left) lines.push(`  ${groupLabel(group)}: ${why.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
