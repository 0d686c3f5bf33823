/** Asks the rig's parsers about one file, in order; the first that recognises it wins. */
import type { Frame } from '../frame.js';
import type { FrameFile, ParseContext, ParserPlugin } from '../plugin.js';
import { firstLine } from '../errors/catalogue.js';

export type ParseOutcome = { frame: Frame } | { skipReason: string };

export const NO_PARSER_MATCHED = 'no parser recognised the name';

export function parseFrameFile(
  file: FrameFile,
  parsers: readonly ParserPlugin[],
  context: ParseContext,
): ParseOutcome {
  for (const parser of parsers) {
    let parsed: ReturnType<ParserPlugin['parse']>;
    try {
      parsed = parser.parse(file, context);
    } catch (error) {
      return { skipReason: `parser "${parser.name}" failed: ${firstLine(error)}` };
    }
    if (!parsed) continue;
    const { fields, sources } = parsed;
    if (fields.kind === undefined) sources.kind = { origin: 'default', detail: 'light' };
    // Spelled out rather than spread: this runs once per file of archives of a million files.
    return {
      frame: {
        kind: fields.kind ?? 'light',
        target: fields.target ?? null,
        filter: fields.filter ?? null,
        exposureSeconds: fields.exposureSeconds ?? null,
        rotatorAngle: fields.rotatorAngle ?? null,
        binning: fields.binning ?? null,
        gain: fields.gain ?? null,
        offset: fields.offset ?? null,
        sensorTemperature: fields.sensorTemperature ?? null,
        captureTime: fields.captureTime ?? null,
        path: file.path,
        relativePath: file.relativePath,
        parser: parser.name,
        sources,
      },
    };
  }
  return { skipReason: NO_PARSER_MATCHED };
}
