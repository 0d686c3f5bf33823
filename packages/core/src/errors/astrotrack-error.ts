import { EXIT_CODES, type ExitCodeName } from './exit-codes.js';

export interface AstrotrackErrorInit {
  /** Permanent PascalCase name, e.g. `DirectoryNotFound`. */
  name: string;
  message: string;
  hint?: string;
  exit: ExitCodeName;
  cause?: unknown;
}

/** The one error class users see. Its `name` never changes, so scripts may match on it. */
export class AstrotrackError extends Error {
  override readonly name: string;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(init: AstrotrackErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = init.name;
    this.hint = init.hint;
    this.exitCode = EXIT_CODES[init.exit];
  }
}

export function isAstrotrackError(error: unknown): error is AstrotrackError {
  return error instanceof AstrotrackError;
}
