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
