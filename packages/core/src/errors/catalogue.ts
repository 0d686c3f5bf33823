/** Every message a user can get from astrotrack: what happened, why, what to do. */
import { AstrotrackError } from './astrotrack-error.js';
import { loaderProblem } from '../config/loader-problem.js';

export const errors = {
  directoryNotFound: (dir: string) =>
    new AstrotrackError({
      name: 'DirectoryNotFound',
      exit: 'noInput',
      message: `folder not found: ${dir}`,
      hint: 'check the path; DIR defaults to the current folder',
    }),
  notADirectory: (path: string) =>
    new AstrotrackError({
      name: 'NotADirectory',
      exit: 'noInput',
      message: `not a folder: ${path}`,
      hint: 'give the folder that holds your frames, not a single file',
    }),
  directoryUnreadable: (dir: string, cause: unknown) =>
    new AstrotrackError({
      name: 'DirectoryUnreadable',
      exit: 'noInput',
      message: `cannot read folder ${dir} (${errorCode(cause)})`,
      hint: 'check its permissions',
      cause,
    }),
  noFramesFound: (dir: string) =>
    new AstrotrackError({
      name: 'NoFramesFound',
      exit: 'noInput',
      message: `no frames found in ${dir}`,
      hint: 'astrotrack reads .fits .fit .fts .fz and .xisf files (any letter case) in the folder and below it',
    }),
  configInvalid: (file: string, problems: readonly string[]) =>
    new AstrotrackError({
      name: 'ConfigInvalid',
      exit: 'config',
      message: `${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint: 'fix the settings listed; docs/configuration.md describes every key',
    }),
  configUnreadable: (file: string, cause: unknown) =>
    new AstrotrackError({
      name: 'ConfigUnreadable',
      exit: 'config',
      message: `cannot load ${file}: ${loaderProblem(cause)}`,
      hint: 'fix the error in it, or pass another file with --config',
      cause,
    }),
  configNotFound: (file: string) =>
    new AstrotrackError({
      name: 'ConfigNotFound',
      exit: 'config',
      message: `config file not found: ${file}`,
      hint: 'check the path given to --config',
    }),
  webFrameworkConfig: (file: string) =>
    new AstrotrackError({
      name: 'WebFrameworkConfig',
      exit: 'config',
      message: `${file} is a config file of the Astro web framework, not of astrotrack`,
      hint: 'put the astrotrack settings in another file and pass it with --config',
    }),
  rigNotFound: (rig: string, known: readonly string[]) =>
    new AstrotrackError({
      name: 'RigNotFound',
      exit: 'config',
      message: `no rig named "${rig}"${known.length ? ` (the config has: ${known.join(', ')})` : ' (the config defines no rigs)'}`,
      hint: 'add it under "rigs" in astro.config, or pick another with --rig',
    }),
  flatLibraryCorrupt: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'FlatLibraryCorrupt',
      exit: 'data',
      message: `the flat library ${file} cannot be read: ${problem}`,
      hint: 'fix the file by hand (it is JSON) or move it away; astrotrack never overwrites it while it is broken',
    }),
  flatLibraryTooNew: (file: string, version: number) =>
    new AstrotrackError({
      name: 'FlatLibraryTooNew',
      exit: 'data',
      message: `the flat library ${file} has schema version ${version}, newer than this astrotrack understands`,
      hint: 'update astrotrack (npm i -g @astrotrack/cli)',
    }),
  flatLibraryBusy: (file: string, seconds: number) =>
    new AstrotrackError({
      name: 'FlatLibraryBusy',
      exit: 'busy',
      message: `the flat library ${file} stayed locked by another astrotrack process for ${seconds} s`,
      hint: `try again; if no astrotrack is running, delete ${file}.lock`,
    }),
  fileNotWritten: (file: string, cause: unknown) =>
    new AstrotrackError({
      name: 'FileNotWritten',
      exit: 'cantCreate',
      message: `cannot write ${file} (${errorCode(cause)})`,
      hint: 'check that its folder exists and is writable; nothing was changed',
      cause,
    }),
  flatLibraryNotWritten: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'FlatLibraryNotWritten',
      exit: 'data',
      message: `not written to the flat library ${file}: ${problem}`,
      hint: 'the library is left as it was; correct the flat given (filter name, angle) and try again',
    }),
  calibrationLibraryCorrupt: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'CalibrationLibraryCorrupt',
      exit: 'data',
      message: `the calibration library ${file} cannot be read: ${problem}`,
      hint: 'fix the file by hand (it is JSON) or move it away; astrotrack never overwrites it while it is broken',
    }),
  calibrationLibraryTooNew: (file: string, version: number) =>
    new AstrotrackError({
      name: 'CalibrationLibraryTooNew',
      exit: 'data',
      message: `the calibration library ${file} has schema version ${version}, newer than this astrotrack understands`,
      hint: 'update astrotrack (npm i -g @astrotrack/cli)',
    }),
  calibrationLibraryBusy: (file: string, seconds: number) =>
    new AstrotrackError({
      name: 'CalibrationLibraryBusy',
      exit: 'busy',
      message: `the calibration library ${file} stayed locked by another astrotrack process for ${seconds} s`,
      hint: `try again; if no astrotrack is running, delete ${file}.lock`,
    }),
  calibrationLibraryNotWritten: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'CalibrationLibraryNotWritten',
      exit: 'data',
      message: `not written to the calibration library ${file}: ${problem}`,
      hint: 'the library is left as it was; this is a bug if astrotrack itself made the change, please report it',
    }),
  legacyFlatsUnreadable: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'LegacyFlatsUnreadable',
      exit: 'data',
      message: `cannot import ${file}: ${problem}`,
      hint: "give the Python toolkit's ~/.astrophotography_flats.json, unchanged",
    }),
  linkedFolder: (path: string) =>
    new AstrotrackError({
      name: 'LinkedFolder',
      exit: 'cantCreate',
      message: `${path} is a symbolic link or not a folder; astrotrack does not write through links`,
      hint: 'replace it with a real folder, or name the folder the link points to; nothing was written there',
    }),
  notARegularFile: (file: string, kind: string) =>
    new AstrotrackError({
      name: 'NotARegularFile',
      exit: 'cantCreate',
      message: `${file} is ${kind}, not a regular file; astrotrack does not replace it`,
      hint: 'give a new file name or an existing regular file (or - for the terminal)',
    }),
  readOnlyFile: (file: string) =>
    new AstrotrackError({
      name: 'ReadOnlyFile',
      exit: 'cantCreate',
      message: `${file} is read-only; astrotrack does not replace it`,
      hint: `make it writable (chmod u+w ${file}) if it should change, or give another file`,
    }),
  journalOutside: (file: string, path: string) =>
    new AstrotrackError({
      name: 'JournalOutside',
      exit: 'data',
      message: `the organize journal ${file} names a file outside the folder it is in (${path}); not acted on`,
      hint: 'astrotrack never writes such a journal: move it away if you did not put it there',
    }),
  journalOutputElsewhere: (root: string, recordedRoot: string, output: string) =>
    new AstrotrackError({
      name: 'JournalOutputElsewhere',
      exit: 'usage',
      message: `the last run in ${root} was made in ${recordedRoot} and built its layout in ${output}, outside the folder; ${root} is a copy of it or was moved`,
      hint: 'give --out with the folder that holds that layout now; nothing was changed',
    }),
  settleTimeout: (what: string, seconds: number) =>
    new AstrotrackError({
      name: 'SettleTimeout',
      exit: 'config',
      message: `${what} did not finish within ${seconds} s`,
      hint: 'a config file or plugin setup that waits on something that never comes; fix it or raise ASTROTRACK_SETUP_TIMEOUT (seconds)',
    }),
  organizeBusy: (root: string, pid: number | null) =>
    new AstrotrackError({
      name: 'OrganizeBusy',
      exit: 'busy',
      message: `another astrotrack${pid === null ? '' : ` (pid ${pid})`} is organizing ${root}`,
      hint: `wait for it to finish; if none is running, delete ${root}/.astrotrack/lock`,
    }),
  confirmationNeeded: (what: string) =>
    new AstrotrackError({
      name: 'ConfirmationNeeded',
      exit: 'usage',
      message: `not ${what} without a confirmation, and there is no terminal to ask on`,
      hint: 'check the plan with --dry-run, then run again with --yes',
    }),
  nothingToUndo: (root: string) =>
    new AstrotrackError({
      name: 'NothingToUndo',
      exit: 'noInput',
      message: `no organize run to undo in ${root}`,
      hint: 'undo looks for the journal in DIR/.astrotrack/journal; give the folder you organized',
    }),
  journalUnreadable: (file: string, problem: string) =>
    new AstrotrackError({
      name: 'JournalUnreadable',
      exit: 'data',
      message: `the organize journal ${file} cannot be read: ${problem}`,
      hint: 'it is JSON Lines; fix or move it away; files it lists have not been touched since',
    }),
  organizeIncomplete: (
    failed: number,
    total: number,
    journal: string,
    { notStarted = 0, dir = 'DIR' }: { notStarted?: number; dir?: string } = {},
  ) =>
    new AstrotrackError({
      name: 'OrganizeIncomplete',
      exit: 'cantCreate',
      message: `${failed} of ${total} file operations failed (listed above)${notStarted > 0 ? `; ${notStarted} were not started` : ''}; every file done is in its place`,
      hint: `fix the cause and run the same command again to finish, or \`astrotrack undo ${dir}\` to go back (journal: ${journal})`,
    }),
  /** A reporter that cannot write a truthful report without options of its own. */
  reporterNeedsOptions: (reporter: string, message: string, hint: string) =>
    new AstrotrackError({
      name: 'ReporterNeedsOptions',
      exit: 'config',
      message: `the ${reporter} report: ${message}`,
      hint,
    }),
  badUsage: (message: string, hint?: string) =>
    new AstrotrackError({ name: 'BadUsage', exit: 'usage', message, ...(hint ? { hint } : {}) }),
} as const;

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : firstLine(error);
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
