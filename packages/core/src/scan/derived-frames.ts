/**
 * Files made from frames, not frames: masters, stacks, calibrated and registered copies, previews.
 * Counting them would count integration twice (research: capture-programs.md §9).
 */

const DERIVED_NAME = [
  /^master/i, // PixInsight masterLight_…, ASIAIR MasterFlat_Stack20_…, MasterDark_…
  /^stack(ed)?[_\d-]/i, // ASIAIR live stacks: Stacked12_…, Stack_…
  /^light_stack_/i, // ASIStudio live stack
  /^(integration|drizzle|autocrop)/i,
  /^(c|r|pp|bkg)_/i, // Siril and DSS calibrated / registered / pre-processed copies
  /^preview_/i, // ASIAIR and ASIStudio previews
  /_(c|cc|d|r|a|ccd)\.xisf$/i, // PixInsight WBPP: calibrated, cosmetized, debayered, registered
];

/** Why a file name marks a derived file, or null for a subframe. */
export function derivedFrameReason(name: string): string | null {
  for (const pattern of DERIVED_NAME) {
    if (pattern.test(name))
      return `a derived file (master, stack, calibrated copy or preview), not a subframe: ${name}`;
  }
  return null;
}

/** `IMAGETYP = 'Master Light'`, `'MASTER FLAT'`… as PixInsight and others write them. */
export function isMasterImageType(value: string): boolean {
  return /^\s*master/i.test(value);
}

const MASTER_KIND_NAME = /^master[\s_-]*(dark[\s_-]*flat|flat[\s_-]*dark|dark|bias|offset|flat)/i;

/**
 * The calibration kind a master's file name or `IMAGETYP` names (`MasterDark_…`, `master-flat…`,
 * `'Master Bias'`, `'MASTER DARKFLAT'`), or null for other masters (lights, stacks) and subframes.
 * A master is no subframe, but it calibrates lights as a set of frames does.
 */
export function masterCalibrationKind(text: string): 'dark' | 'bias' | 'darkflat' | 'flat' | null {
  const match = MASTER_KIND_NAME.exec(text.trim());
  if (!match) return null;
  const word = match[1]!.toLowerCase().replace(/[\s_-]/g, '');
  if (word === 'darkflat' || word === 'flatdark') return 'darkflat';
  if (word === 'offset') return 'bias';
  return word as 'dark' | 'bias' | 'flat';
}
