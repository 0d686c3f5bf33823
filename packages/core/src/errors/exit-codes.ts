/** Exit codes follow sysexits(3), as stylelint does. Documented in docs/errors.md. */
export const EXIT_CODES = {
  ok: 0,
  /** A bug, or a plugin that threw. */
  unexpected: 1,
  /** A check found problems. */
  problemsFound: 2,
  /** Bad command-line usage. */
  usage: 64,
  /** A data file of ours (the flat library) is damaged or from a newer version. */
  data: 65,
  /** The input folder or file is missing or holds nothing to read. */
  noInput: 66,
  /** A file could not be written. */
  cantCreate: 73,
  /** Another astrotrack process holds the file; try again. */
  busy: 75,
  /** The configuration file is missing, unreadable or invalid. */
  config: 78,
} as const;

export type ExitCodeName = keyof typeof EXIT_CODES;
