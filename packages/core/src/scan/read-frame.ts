/**
 * One file → one frame: the header's facts first, the name's where the header is silent. In
 * names-only mode (`--no-headers`) no file is opened.
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
import { derivedFrameReason, isMasterImageType } from './derived-frames.js';
import type { FileState, FolderCache } from './header-cache.js';

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
  | { skip: Skip };

const NONE: readonly Disagreement[] = [];
const NO_PROBLEMS: readonly string[] = [];

/** Names only: synchronous, no file opened. */
export function readFrameByName(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  const derived = derivedFrameReason(file.name);
  if (derived) return { skip: { code: 'derived', reason: derived } };
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

export async function readFrame(file: FrameFile, options: ReadFrameOptions): Promise<FrameOutcome> {
  if (!options.readHeaders || derivedFrameReason(file.name)) return readFrameByName(file, options);
  return frameFromFile(file, options);
}

async function frameFromFile(file: FrameFile, options: ReadFrameOptions): Promise<FrameOutcome> {
  let header: HeaderLookup;
  try {
    header = await readFrameHeader(file.bytes ?? file.path);
  } catch (error) {
    return { skip: headerSkip(error) };
  }
  return frameFromHeader(file, header, options);
}

/** The same, reading the header synchronously: faster on a local disk. */
export function readFrameSync(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  if (!options.readHeaders || derivedFrameReason(file.name)) return readFrameByName(file, options);
  return frameFromFileSync(file, options);
}

function frameFromFileSync(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  let header: HeaderLookup;
  try {
    header = readFrameHeaderSync(file.bytes ?? file.path);
  } catch (error) {
    return { skip: headerSkip(error) };
  }
  return frameFromHeader(file, header, options);
}

/**
 * The same, with the folder's header cache: a file whose size, mtime and ctime match its entry
 * is not opened. Header problems are kept too (the same file has the same problem); a file that
 * cannot be opened is not (that may pass).
 */
export function readFrameCachedSync(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache,
): FrameOutcome {
  if (!options.readHeaders || derivedFrameReason(file.name)) return readFrameByName(file, options);
  if (cache.storesNothing()) return frameFromFileSync(file, options);
  let info: FileState;
  try {
    info = statSync(file.bytes ?? file.path);
  } catch (error) {
    return { skip: headerSkip(error) };
  }
  const cached = fromCache(file, options, cache, info);
  if (cached) return cached;
  try {
    return remember(file, options, cache, info, readFrameHeaderSync(file.bytes ?? file.path));
  } catch (error) {
    return rememberProblem(file, cache, info, error);
  }
}

/** The cached read on a slow disk: many at once, asynchronously. */
export async function readFrameCached(
  file: FrameFile,
  options: ReadFrameOptions,
  cache: FolderCache,
): Promise<FrameOutcome> {
  if (!options.readHeaders || derivedFrameReason(file.name)) return readFrameByName(file, options);
  if (cache.storesNothing()) return frameFromFile(file, options);
  let info: FileState;
  try {
    info = await stat(file.bytes ?? file.path);
  } catch (error) {
    return { skip: headerSkip(error) };
  }
  const cached = fromCache(file, options, cache, info);
  if (cached) return cached;
  try {
    return remember(file, options, cache, info, await readFrameHeader(file.bytes ?? file.path));
  } catch (error) {
    return rememberProblem(file, cache, info, error);
  }
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
    const reason = `its header says IMAGETYP = '${imageType.trim()}': a master, not a subframe`;
    return { skip: { code: 'derived', reason } };
  }
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
