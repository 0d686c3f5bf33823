/**
 * One file → one frame: the header's facts first, the name's where the header is silent. In
 * names-only mode (`--no-headers`) no file is opened.
 *
 * The reading is written once, as a program that asks for a file's state and its header
 * (`frameProgram`), and run by a synchronous driver (fastest on a local disk) or an asynchronous
 * one (many at once hide a network disk's latency), as fits/read-program.ts does for bytes.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { errorCode } from '../errors/catalogue.js';
import { FitsHeaderError } from '@astrotrack/fits';
import type { Frame } from '../frame.js';
import { NO_FILTER_CARD } from '../filters/filter-set.js';
import {
  fieldsFromHeader,
  type AngleSource,
  type HeaderFields,
  type HeaderLookup,
} from '../headers/header-fields.js';
import { mergeFrameFields, type Disagreement } from '../headers/merge-frame-fields.js';
import { readFrameHeader, readFrameHeaderSync } from '../headers/read-frame-header.js';
import type { FrameFile, ParseContext, ParserPlugin } from '../plugin.js';
import { buildFrame, parseName, type Skip } from './parse-frame-file.js';
import { derivedFrameReason, isMasterImageType, masterCalibrationKind } from './derived-frames.js';
import { type FileState, type FolderCache, storedLookup, withChanges } from './header-cache.js';
import { failedWith, type HeaderAnswers, headerAnswer, isFailure } from './header-job.js';

export interface ReadFrameOptions {
  parsers: readonly ParserPlugin[];
  context: ParseContext;
  readHeaders: boolean;
  angle?: AngleSource;
  utcOffsetHours?: number;
}

export type FrameOutcome =
  | {
      frame: Frame;
      disagreements: readonly Disagreement[];
      /** Header cards read leniently or values refused, each naming its keyword. */
      problems: readonly string[];
      /** The header facts that tell a copy of this frame (copy-key.ts); null without a header. */
      copyKey: string | null;
    }
  | {
      skip: Skip;
      /** A master dark, bias, dark flat or flat: skipped as no subframe, kept as calibration. */
      master?: Frame;
    };

const NONE: readonly Disagreement[] = [];
const NO_PROBLEMS: readonly string[] = [];

/** Reads frames one way for a whole scan: its options and, per folder, that folder's cache. */
export interface FrameReader {
  /**
   * Synchronous: fastest on a local disk (no thread pool round trip). `state`: the file's size and
   * times when the walk already knows them (an untyped listing stat'ed it), so it is not stat'ed again.
   */
  readSync(file: FrameFile, cache?: FolderCache | null, state?: FileState): FrameOutcome;
  /** Asynchronous: run many at once, they hide a network disk's latency. */
  read(file: FrameFile, cache?: FolderCache | null, state?: FileState): Promise<FrameOutcome>;
  /**
   * With the file's stat and header answered by a header worker (`answers` at `index`); whatever
   * the worker did not answer is read here, synchronously.
   */
  readAnswered(
    file: FrameFile,
    cache: FolderCache | null,
    state: FileState | undefined,
    answers: HeaderAnswers,
    index: number,
  ): FrameOutcome;
}

type MasterKind = NonNullable<ReturnType<typeof masterCalibrationKind>>;

/**
 * What a file's name alone says: null for a subframe, to be read; a derived file (a stack, a
 * registered copy) skipped unopened; or a master, read for its facts as calibration.
 */
function derivedByName(name: string): { skip: Skip } | { master: MasterKind } | null {
  const derived = derivedFrameReason(name);
  if (!derived) return null;
  const master = masterCalibrationKind(name);
  return master ? { master } : { skip: { code: 'derived', reason: derived } };
}

/** Whether reading this file may open it: derived files other than masters are skipped by name. */
export function mayOpen(name: string): boolean {
  const byName = derivedByName(name);
  return byName === null || 'master' in byName;
}

export function frameReader(options: ReadFrameOptions): FrameReader {
  return {
    readSync(file, cache = null, state) {
      // Names only opens nothing: no program to drive (it cost 0.4 µs a frame).
      if (!options.readHeaders) return namesOnly(file, options);
      const program = frameProgram(file, options, cache, state);
      let step = program.next();
      while (!step.done) step = program.next(performSync(step.value, file));
      return step.value;
    },
    async read(file, cache = null, state) {
      const program = frameProgram(file, options, cache, state);
      let step = program.next();
      while (!step.done) step = program.next(await perform(step.value, file));
      return step.value;
    },
    readAnswered(file, cache, state, answers, index) {
      const program = frameProgram(file, options, cache, state);
      let step = program.next();
      while (!step.done)
        step = program.next(answered(step.value, answers, index) ?? performSync(step.value, file));
      return step.value;
    },
  };
}

/** A worker's answer to the program's request; undefined: the worker did not answer it. */
function answered(
  request: FrameRequest,
  answers: HeaderAnswers,
  index: number,
): Answer | undefined {
  if (request === 'state') {
    const failure = answers.stateFailures[index];
    if (failure) return new Failed(failedWith(failure));
    const at = index * 3;
    const size = answers.states[at]!;
    if (Number.isNaN(size)) return undefined;
    return { size, mtimeMs: answers.states[at + 1]!, ctimeMs: answers.states[at + 2]! };
  }
  const header = headerAnswer(answers, index);
  if (!header) return undefined;
  if (isFailure(header)) return new Failed(failedWith(header));
  header[0] = withChanges(header[0], answers.base)!;
  return storedLookup(header);
}

/** The program's outcome when no header is read, without running it (frameProgram's first steps). */
function namesOnly(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  const byName = derivedByName(file.name);
  if (!byName) return frameFromName(file, options);
  if ('skip' in byName) return byName;
  return asMaster(frameFromName(file, options), byName.master);
}

/** What the program asks for: the file's size and times (for the cache), or its header. */
type FrameRequest = 'state' | 'header';
/** An answer that failed: what was thrown. */
class Failed {
  constructor(readonly error: unknown) {}
}
type Answer = FileState | HeaderLookup | Failed;
type FrameProgram = Generator<FrameRequest, FrameOutcome, Answer>;

const where = (file: FrameFile) => file.bytes ?? file.path;

function performSync(request: FrameRequest, file: FrameFile): Answer {
  try {
    return request === 'state' ? statSync(where(file)) : readFrameHeaderSync(where(file));
  } catch (error) {
    return new Failed(error);
  }
}

function perform(request: FrameRequest, file: FrameFile): Promise<Answer> {
  const pending: Promise<Answer> =
    request === 'state' ? stat(where(file)) : readFrameHeader(where(file));
  return pending.catch((error: unknown) => new Failed(error));
}

/**
 * The reading of one file, every way at once. With a folder cache: a file whose size, mtime and
 * ctime match its entry is not opened. Header problems are kept too (the same file has the same
 * problem); a file that cannot be opened is not (that may pass).
 */
function* frameProgram(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache | null,
  known: FileState | undefined,
): FrameProgram {
  const byName = derivedByName(file.name);
  if (!byName) return yield* subframeProgram(file, options, cache, known);
  if ('skip' in byName) return byName;
  return asMaster(yield* subframeProgram(file, options, cache, known), byName.master);
}

/** A master read as a frame: its facts kept for calibration, the file skipped as no subframe. */
function asMaster(outcome: FrameOutcome, kind: MasterKind): FrameOutcome {
  const reason = `a master ${kind === 'darkflat' ? 'dark flat' : kind}: calibration, not a subframe`;
  if ('skip' in outcome) {
    if (outcome.master) return outcome;
    return {
      skip: {
        code: 'derived',
        reason: `${reason}; its facts are unknown (${outcome.skip.reason})`,
      },
    };
  }
  return {
    skip: { code: 'derived', reason },
    master: { ...outcome.frame, kind },
  };
}

function* subframeProgram(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache | null,
  known: FileState | undefined,
): FrameProgram {
  if (!options.readHeaders) return frameFromName(file, options);
  if (!cache || cache.storesNothing()) {
    const header = yield 'header';
    if (header instanceof Failed) return { skip: headerSkip(header.error) };
    return frameFromHeader(file, header as HeaderLookup, options);
  }
  const state = known ?? (yield 'state');
  if (state instanceof Failed) return { skip: headerSkip(state.error) };
  const cached = fromCache(file, options, cache, state as FileState);
  if (cached) return cached;
  const header = yield 'header';
  if (header instanceof Failed)
    return rememberProblem(file, cache, state as FileState, header.error);
  return remember(file, options, cache, state as FileState, header as HeaderLookup);
}

/** Names only: no file opened. */
function frameFromName(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  const named = parseName(file, options.parsers, options.context);
  return 'skip' in named
    ? named
    : {
        frame: buildFrame(file, named.parser, named.parsed, options.context.filters),
        disagreements: NONE,
        problems: NO_PROBLEMS,
        copyKey: null,
      };
}

function fromCache(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache,
  state: FileState,
): FrameOutcome | undefined {
  const cached = cache.get(file.name, state);
  if (!cached) return undefined;
  return 'error' in cached
    ? { skip: { code: 'unreadable-header', reason: cached.error } }
    : frameFromHeader(file, cached.header, options);
}

function remember(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache,
  state: FileState,
  header: HeaderLookup,
): FrameOutcome {
  cache.put(file.name, state, { header });
  return frameFromHeader(file, header, options);
}

function rememberProblem(
  file: FrameFile,
  cache: FolderCache,
  state: FileState,
  error: unknown,
): FrameOutcome {
  const skip = headerSkip(error);
  if (skip.code === 'unreadable-header') cache.put(file.name, state, { error: skip.reason });
  return { skip };
}

function frameFromHeader(
  file: FrameFile,
  header: HeaderLookup,
  options: ReadFrameOptions,
): FrameOutcome {
  const imageType = header.get('IMAGETYP');
  if (typeof imageType === 'string' && isMasterImageType(imageType)) {
    const kind = masterCalibrationKind(imageType);
    if (kind) return asMaster(subframeFromHeader(file, header, options), kind);
    const reason = `its header says IMAGETYP = '${imageType.trim()}': a master, not a subframe`;
    return { skip: { code: 'derived', reason } };
  }
  return subframeFromHeader(file, header, options);
}

function subframeFromHeader(
  file: FrameFile,
  header: HeaderLookup,
  options: ReadFrameOptions,
): FrameOutcome {
  const fromHeader = fieldsFromHeader(header, {
    filters: options.context.filters,
    angle: options.angle,
    utcOffsetHours: options.utcOffsetHours,
  });
  if (fromHeader.notIntegration) {
    return {
      skip: { code: 'not-integration', reason: `its header says ${fromHeader.notIntegration}` },
    };
  }
  const named = parseName(file, options.parsers, options.context);
  const name = 'skip' in named ? null : named.parsed;
  if (!name && Object.keys(fromHeader.fields).length === 0) return named as { skip: Skip };
  const merged = mergeFrameFields(fromHeader, name);
  return {
    frame: buildFrame(
      file,
      name ? (named as { parser: string }).parser : 'header',
      merged,
      options.context.filters,
      noFilterEvidence(fromHeader),
    ),
    disagreements: merged.disagreements,
    problems: fromHeader.problems.length > 0 ? fromHeader.problems : NO_PROBLEMS,
    copyKey: fromHeader.copyKey,
  };
}

/** A colour sensor's card; else a capture program's header (it gave a type or exposure) without a filter. */
function noFilterEvidence(fromHeader: HeaderFields): string | null {
  if (fromHeader.colourSensor) return fromHeader.colourSensor;
  const { kind, exposureSeconds } = fromHeader.fields;
  return kind !== undefined || exposureSeconds !== undefined ? NO_FILTER_CARD : null;
}

function headerSkip(error: unknown): Skip {
  if (error instanceof FitsHeaderError) return { code: 'unreadable-header', reason: error.message };
  return { code: 'unreadable-file', reason: `cannot read the file (${errorCode(error)})` };
}
