/** Asks the rig's parsers about a file's name, in order (the first that recognises it wins), and builds the frame. */
import type { Frame } from '../frame.js';
import type { FrameFile, ParseContext, ParsedFrame, ParserPlugin } from '../plugin.js';
import { firstLine } from '../errors/catalogue.js';
import type { SkipCode } from '../events/engine-events.js';

export interface Skip {
  code: SkipCode;
  reason: string;
}

export const NO_PARSER_MATCHED = 'no parser recognised the name';

/** The first parser's answer, or why none answered. */
export function parseName(
  file: FrameFile,
  parsers: readonly ParserPlugin[],
  context: ParseContext,
): { parser: string; parsed: ParsedFrame } | { skip: Skip } {
  for (const parser of parsers) {
    let parsed: ReturnType<ParserPlugin['parse']>;
    try {
      parsed = parser.parse(file, context);
    } catch (error) {
      return {
        skip: {
          code: 'parser-failed',
          reason: `parser "${parser.name}" failed: ${firstLine(error)}`,
        },
      };
    }
    if (parsed) return { parser: parser.name, parsed };
  }
  return { skip: { code: 'no-parser', reason: NO_PARSER_MATCHED } };
}

export function buildFrame(
  file: FrameFile,
  parser: string,
  { fields, sources }: ParsedFrame,
): Frame {
  if (fields.kind === undefined) sources.kind = { origin: 'default', detail: 'light' };
  // Spelled out rather than spread: this runs once per file of archives of a million files.
  return {
    kind: fields.kind ?? 'light',
    target: fields.target ?? null,
    filter: fields.filter ?? null,
    exposureSeconds: fields.exposureSeconds ?? null,
    // A parser of one's own may give NaN or Infinity: that is no angle, for every reader of frames.
    rotatorAngle: Number.isFinite(fields.rotatorAngle) ? fields.rotatorAngle! : null,
    binning: fields.binning ?? null,
    gain: fields.gain ?? null,
    offset: fields.offset ?? null,
    sensorTemperature: fields.sensorTemperature ?? null,
    captureTime: fields.captureTime ?? null,
    night: fields.night ?? null,
    frameNumber: fields.frameNumber ?? null,
    path: file.path,
    relativePath: file.relativePath,
    parser,
    sources,
  };
}
