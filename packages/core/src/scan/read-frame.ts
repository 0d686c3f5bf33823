/**
 * One file → one frame: the header's facts first, the name's where the header is silent. In
 * names-only mode (`--no-headers`) no file is opened.
 */
import { errorCode } from '../errors/catalogue.js';
import { FitsHeaderError } from '../fits/parse-fits-header.js';
import type { Frame } from '../frame.js';
import { fieldsFromHeader, type AngleSource } from '../headers/header-fields.js';
import { mergeFrameFields, type Disagreement } from '../headers/merge-frame-fields.js';
import { readFrameHeader } from '../headers/read-frame-header.js';
import type { FrameFile, ParseContext, ParserPlugin } from '../plugin.js';
import { buildFrame, parseName, type Skip } from './parse-frame-file.js';

export interface ReadFrameOptions {
  parsers: readonly ParserPlugin[];
  context: ParseContext;
  readHeaders: boolean;
  angle?: AngleSource;
}

export type FrameOutcome =
  | { frame: Frame; disagreements: readonly Disagreement[] }
  | { skip: Skip };

const NONE: readonly Disagreement[] = [];

/** Names only: synchronous, no file opened. */
export function readFrameByName(file: FrameFile, options: ReadFrameOptions): FrameOutcome {
  const named = parseName(file, options.parsers, options.context);
  return 'skip' in named
    ? named
    : { frame: buildFrame(file, named.parser, named.parsed), disagreements: NONE };
}

export async function readFrame(file: FrameFile, options: ReadFrameOptions): Promise<FrameOutcome> {
  if (!options.readHeaders) return readFrameByName(file, options);
  const named = parseName(file, options.parsers, options.context);
  let header: Awaited<ReturnType<typeof readFrameHeader>>;
  try {
    header = await readFrameHeader(file.path);
  } catch (error) {
    if (error instanceof FitsHeaderError)
      return { skip: { code: 'unreadable-header', reason: error.message } };
    return {
      skip: { code: 'unreadable-file', reason: `cannot read the file (${errorCode(error)})` },
    };
  }
  const fromHeader = fieldsFromHeader(header, {
    filters: options.context.filters,
    angle: options.angle,
  });
  const name = 'skip' in named ? null : named.parsed;
  if (!name && Object.keys(fromHeader.fields).length === 0) return named as { skip: Skip };
  const merged = mergeFrameFields(fromHeader, name);
  return {
    frame: buildFrame(file, name ? (named as { parser: string }).parser : 'header', merged),
    disagreements: merged.disagreements,
  };
}
