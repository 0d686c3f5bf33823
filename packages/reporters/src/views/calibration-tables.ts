/**
 * The calibration section as tables: per light group its darks, flats and flat calibration
 * (✓ ⚠ ✗ with the date of the set used), the reasons under it, and the sets to shoot. With
 * `explain`, every group's choice is spelled out, not only the ones that need attention.
 */
import {
  CALIBRATION_SECTION_ID,
  celsius,
  describeSet,
  reportSection,
  setupText,
  type CalibrationSection,
  type CalibrationSet,
  type ExposureReport,
  type KindMatch,
  type LightGroup,
  type SetToShoot,
} from '@astrotrack/core/internal';
import { NONE, rigName, type ReportTable } from './report-tables.js';

export function calibrationSectionOf(report: ExposureReport): CalibrationSection | null {
  return reportSection(report, CALIBRATION_SECTION_ID);
}

const MARK = { ok: '✓', warn: '⚠', missing: '✗' } as const;
const KIND = { dark: 'darks', bias: 'bias', darkflat: 'dark flats', flat: 'flats' } as const;

const setText = (set: CalibrationSet) => describeSet(set);

/** `✓ 1 d`: the mark and how many days the set is from the night; `master` for a master. */
function cell(match: KindMatch, showKind = false): string {
  if (!match.set) return match.status === 'missing' ? MARK.missing : MARK[match.status];
  const kind = showKind
    ? `${match.set.master ? 'master ' : ''}${match.set.kind === 'darkflat' ? 'DF' : match.set.kind === 'bias' ? 'bias' : ''} `
    : match.set.master
      ? 'master '
      : '';
  const age = match.ageDays === null ? '' : `${Math.abs(match.ageDays)} d`;
  return `${MARK[match.status]} ${kind}${age}`.replace(/\s+/g, ' ').trim();
}

/** `120 s g100 o50 −10 °C`, and the binning when it is not 1x1: a light group in a table cell. */
function shortSetup(group: LightGroup): string {
  const parts = [`${Number(group.exposureSeconds.toFixed(3))} s`];
  if (group.gain !== null) parts.push(`g${group.gain}`);
  if (group.offset !== null) parts.push(`o${group.offset}`);
  if (group.sensorTemperature !== null) parts.push(celsius(group.sensorTemperature));
  if (group.binning !== null && group.binning !== '1x1') parts.push(group.binning);
  if (group.readoutMode !== null) parts.push(group.readoutMode);
  return parts.join(' ');
}

function groupLabel(group: LightGroup, cameras: boolean): string {
  const angle = group.angle ? ` ${group.angle.from}°` : '';
  const rig = group.rig === undefined ? '' : `${rigName(group.rig)}: `;
  return `${rig}${group.night ?? '(no night)'} ${group.target ?? '(no target)'} ${group.filter}${angle}, ${setupText(group, { camera: cameras })}`;
}

/** The reasons for one kind's result, as one line; null when there is nothing to say. */
function reasonLine(label: string, match: KindMatch, explain: boolean): string | null {
  if (match.status === 'missing') {
    // What to shoot is in the list of sets to shoot; here only why an owned set does not count.
    if (!match.nearest && !explain) return null;
    const nearest = match.nearest
      ? `; nearest: ${setText(match.nearest.set)} (${match.nearest.why.join('; ')})`
      : '';
    return `${label} ${MARK.missing} shoot ${match.missing}${nearest}`;
  }
  if (match.status === 'ok' && !explain) return null;
  const why = [...match.warnings, ...match.notes];
  const used = match.set ? setText(match.set) : '';
  return `${label} ${MARK[match.status]} ${used}${why.length ? `${used ? ': ' : ''}${why.join('; ')}` : ''}`;
}

export function calibrationTables(
  section: CalibrationSection,
  options: { explain?: boolean; maxRows?: number } = {},
): ReportTable[] {
  const explain = options.explain ?? false;
  const cameras = new Set(section.groups.map((g) => g.camera)).size > 1;
  const targets = new Set(section.groups.map((g) => g.target)).size > 1;
  const rigs = section.groups.some((g) => g.rig !== undefined);
  const { summary, rules } = section;
  const shown =
    explain || options.maxRows === undefined || section.groups.length <= options.maxRows
      ? section.groups
      : section.groups.filter((g) => g.status !== 'ok').slice(0, options.maxRows);
  const notes: string[] = [];
  for (const group of shown) {
    const lines = [
      reasonLine('darks', group.dark, explain),
      reasonLine('flats', group.flat, explain),
      reasonLine('flat calibration', group.flatDarks, explain),
    ].filter((line): line is string => line !== null);
    if (lines.length === 0) continue;
    notes.push(`${groupLabel(group, cameras)}:`, ...lines.map((line) => `  ${line}`));
  }
  const hidden = section.groups.length - shown.length;
  if (hidden > 0)
    notes.push(
      `${hidden} more group(s) (all ✓ or past the first ${options.maxRows}): --explain, or --reporter markdown, lists every one`,
    );
  notes.push(
    'Darks, Flats, Flat cal. (dark flats DF, or bias): ✓ matched, ⚠ matched with a caveat, ✗ none; days between the set and the night.',
    `${summary.groups} light group(s): ${summary.ok} ✓, ${summary.warn} ⚠, ${summary.missing} ✗ (darks within ±${rules.temperatureTolerance} °C and ${rules.darkMaxAgeDays} days${rules.scaleDarks ? ', scaled with bias' : ''}; flats within ±${rules.angleTolerance}° and ${rules.flatMaxAgeDays} days)`,
  );
  if (section.libraryPath) notes.push(`Calibration library: ${section.libraryPath}`);
  const tables: ReportTable[] = [
    {
      id: 'calibration-groups',
      title: 'Calibration by light group',
      columns: [
        ...(rigs ? [{ header: 'Rig', align: 'left' as const }] : []),
        { header: 'Night', align: 'left' },
        ...(targets ? [{ header: 'Target', align: 'left' as const }] : []),
        { header: 'Filter', align: 'left' },
        { header: 'Lights', align: 'left' },
        ...(cameras ? [{ header: 'Camera', align: 'left' as const }] : []),
        { header: 'Frames', align: 'right' },
        { header: 'Darks', align: 'left' },
        { header: 'Flats', align: 'left' },
        { header: 'Flat cal.', align: 'left' },
      ],
      rows: shown.map((group) => [
        ...(rigs ? [rigName(group.rig)] : []),
        group.night ?? NONE,
        ...(targets ? [group.target ?? NONE] : []),
        group.angle ? `${group.filter} ${group.angle.from}°` : group.filter,
        shortSetup(group),
        ...(cameras ? [group.camera ?? NONE] : []),
        String(group.frames),
        cell(group.dark),
        cell(group.flat),
        cell(group.flatDarks, true),
      ]),
      notes,
    },
  ];
  if (section.toShoot.length > 0 || section.tooOld > 0) tables.push(toShootTable(section, cameras));
  return tables;
}

function toShootTable(section: CalibrationSection, cameras: boolean): ReportTable {
  const rigs = section.toShoot.some((set) => set.rig !== undefined);
  return {
    id: 'calibration-to-shoot',
    title: 'Calibration to shoot (the fewest sets that calibrate every group)',
    columns: [
      ...(rigs ? [{ header: 'Rig', align: 'left' as const }] : []),
      { header: 'Kind', align: 'left' },
      { header: 'Set', align: 'left' },
      ...(cameras ? [{ header: 'Camera', align: 'left' as const }] : []),
      { header: 'Frames', align: 'right' },
      { header: 'For', align: 'left' },
    ],
    rows: section.toShoot.map((set) => [
      ...(rigs ? [rigName(set.rig)] : []),
      KIND[set.kind],
      toShootText(set),
      ...(cameras ? [set.camera ?? NONE] : []),
      String(set.frames),
      `${set.groups} group(s), ${set.nights} night(s): ${set.targets.join(', ')}`,
    ]),
    notes:
      section.tooOld > 0
        ? [
            `${section.tooOld} group(s) are older than the age limits: a set shot today would not count for them (raise calibration.darkMaxAgeDays or flats.maxAgeDays if the camera is unchanged)`,
          ]
        : [],
  };
}

export function toShootText(set: SetToShoot): string {
  if (set.kind === 'flat') {
    const angle = set.angle === null ? 'no angle' : `${set.angle}°`;
    return `${set.filter ?? '?'} at ${angle}${set.binning ? `, bin ${set.binning}` : ''}`;
  }
  const setup = setupText({ ...set, exposureSeconds: null }, { camera: false });
  if (set.kind === 'darkflat') {
    const exposure =
      set.exposureSeconds === null
        ? "at the new flats' exposure"
        : `${Number(set.exposureSeconds.toFixed(3))} s`;
    return `${exposure}${setup ? `, ${setup}` : ''} (or bias)`;
  }
  const exposure =
    set.exposureSeconds === null ? '' : `${Number(set.exposureSeconds.toFixed(3))} s`;
  const temperature =
    set.kind === 'dark' && set.sensorTemperature === null ? ", at the lights' temperature" : '';
  return (
    [exposure, setupText({ ...set, exposureSeconds: null }, { camera: false })]
      .filter(Boolean)
      .join(', ') + temperature
  );
}
