/** Exit codes follow sysexits(3), as stylelint does. Documented in docs/errors.md. */
export const EXIT_CODES = {
  ok: 0,
  /** A bug, or a plugin that threw. */
  unexpected: 1,
  /** A check found problems. */
  problemsFound: 2,
  /** Bad command-line usage. */
  usage: 64,
  /** The input folder or file is missing or holds nothing to read. */
  noInput: 66,
  /** The configuration file is missing, unreadable or invalid. */
  config: 78,
} as const;

export type ExitCodeName = keyof typeof EXIT_CODES;
