/** The report's version and closed lists, apart from its schema so the engine needs no zod to use them. */

export const REPORT_SCHEMA_VERSION = 1;

/** Why a file is not a frame, stable for grouping; a skip's `reason` has the file's own detail. */
export const SKIP_CODES = [
  'derived',
  'not-integration',
  'no-parser',
  'parser-failed',
  'unreadable-header',
  'unreadable-file',
] as const;

/** The warnings astrotrack gives today; the published schema leaves the list open for new ones. */
export const WARNING_CODES = [
  'unknown-filter',
  'no-filter-named',
  'no-exposure',
  'allocation-over-100',
  'unreadable-folder',
  'skipped-files',
  'plugin-failed',
  'header-name-disagreement',
  'header-problems',
  'night-from-utc',
  'duplicate-frames',
  'rejected-lights',
  'target-not-found',
  'old-flats',
  'likely-rejects',
  'rig-unmatched',
] as const;
