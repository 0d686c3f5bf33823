/**
 * The Siril script for one exported group: Siril's standard preprocessing (as its bundled
 * Mono/OSC_Preprocessing scripts do it), with what the group has: dark flats or bias for the flats,
 * a master where one is used instead of frames, and debayering for a colour camera.
 */
export interface SirilGroupFiles {
  label: string;
  /** Kind folder → the names in it; a master is one name flagged. */
  darks: { names: readonly string[]; master: boolean } | null;
  flats: { names: readonly string[]; master: boolean } | null;
  /** Dark flats (`darkflats/`) or bias (`biases/`) for the flats. */
  flatDarks: { kind: 'darkflat' | 'bias'; names: readonly string[]; master: boolean } | null;
  colour: boolean;
}

export const SIRIL_FOLDERS = {
  light: 'lights',
  dark: 'darks',
  flat: 'flats',
  darkflat: 'darkflats',
  bias: 'biases',
} as const;

/** A master of this set, by name, or the stack the script makes of its frames. */
function source(
  folder: string,
  set: { names: readonly string[]; master: boolean },
  stacked: string,
): string {
  return set.master ? `../${folder}/${set.names[0]}` : `../masters/${stacked}`;
}

function stackFrames(folder: string, base: string, out: string): string[] {
  return [
    `cd ${folder}`,
    `convert ${base} -out=../process`,
    'cd ../process',
    `stack ${base} rej 3 3 -nonorm -out=../masters/${out}`,
    'cd ..',
  ];
}

export function sirilScript(group: SirilGroupFiles): string {
  const lines = [
    '############################################',
    `# astrotrack export for Siril: ${group.label.replace(/[\r\n]+/g, ' ')}`,
    '# Run it in this folder: siril-cli -d . -s preprocess.ssf (or Scripts > Run in Siril)',
    '############################################',
    'requires 1.2.0',
    '',
  ];
  let flatCalibration = '';
  if (group.flatDarks && !group.flats?.master) {
    const { kind } = group.flatDarks;
    const folder = SIRIL_FOLDERS[kind];
    if (!group.flatDarks.master) {
      lines.push(`# ${kind === 'bias' ? 'Bias' : 'Dark flats'}: the flats' own calibration`);
      lines.push(...stackFrames(folder, kind, `${kind}_stacked`), '');
    }
    flatCalibration = ` -${kind === 'bias' ? 'bias' : 'dark'}=${source(folder, group.flatDarks, `${kind}_stacked`)}`;
  }
  let flatOption = '';
  if (group.flats) {
    if (!group.flats.master) {
      lines.push(
        '# Flats',
        'cd flats',
        'convert flat -out=../process',
        'cd ../process',
        `calibrate flat${flatCalibration}`,
        'stack pp_flat rej 3 3 -norm=mul -out=../masters/pp_flat_stacked',
        'cd ..',
        '',
      );
    }
    flatOption = ` -flat=${source('flats', group.flats, 'pp_flat_stacked')}`;
  }
  let darkOption = '';
  if (group.darks) {
    if (!group.darks.master)
      lines.push('# Darks', ...stackFrames('darks', 'dark', 'dark_stacked'), '');
    darkOption = ` -dark=${source('darks', group.darks, 'dark_stacked')} -cc=dark`;
  }
  const colour = group.colour ? ' -cfa -equalize_cfa -debayer' : '';
  lines.push(
    '# Lights: calibrated, registered, stacked',
    'cd lights',
    'convert light -out=../process',
    'cd ../process',
    `calibrate light${darkOption}${flatOption}${colour}`,
    'register pp_light',
    'stack r_pp_light rej 3 3 -norm=addscale -output_norm -out=../result',
    'cd ..',
    'close',
    '',
  );
  return lines.join('\n');
}
