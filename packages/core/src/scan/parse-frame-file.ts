/** Asks the rig's parsers about one file, in order; the first that recognises it wins. */
import { EMPTY_FRAME_FIELDS, type Frame } from '../frame.js';
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
    const sources = { ...parsed.sources };
    if (parsed.fields.kind === undefined) sources.kind = { origin: 'default', detail: 'light' };
    return {
      frame: {
        ...EMPTY_FRAME_FIELDS,
        ...parsed.fields,
        path: file.path,
        relativePath: file.relativePath,
        parser: parser.name,
        sources,
      },
    };
  }
  return { skipReason: NO_PARSER_MATCHED };
}
