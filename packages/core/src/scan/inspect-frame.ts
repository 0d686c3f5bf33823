/**
 * Everything astrotrack makes of one file, for `astrotrack inspect`: the header as read, what each
 * parser said of the name, and the frame with the source of each field.
 */
import { basename, dirname, resolve, sep } from 'node:path';
import { firstLine } from '../errors/catalogue.js';
import { readFitsHeader, type FitsHeader } from '../fits/read-fits-header.js';
import { readXisfHeader } from '../fits/read-xisf-header.js';
import type { HeaderCard } from '../fits/parse-fits-card.js';
import type { Frame } from '../frame.js';
import type { Disagreement } from '../headers/merge-frame-fields.js';
import type { FrameFile, ParseContext, ParserPlugin } from '../plugin.js';
import type { Skip } from './parse-frame-file.js';
import { readFrame, type ReadFrameOptions } from './read-frame.js';

export interface ParserVerdict {
  parser: string;
  verdict: 'matched' | 'not mine' | 'failed' | 'not asked';
  detail?: string;
}

export interface FrameInspection {
  path: string;
  header:
    | { format: 'FITS' | 'XISF'; compressed: boolean; cards: readonly HeaderCard[] }
    | { error: string }
    | null;
  parsers: ParserVerdict[];
  frame: Frame | null;
  skip: Skip | null;
  disagreements: readonly Disagreement[];
}

export async function inspectFrame(
  path: string,
  options: ReadFrameOptions,
): Promise<FrameInspection> {
  const absolute = resolve(path);
  const file: FrameFile = {
    path: absolute,
    relativePath: basename(absolute),
    name: basename(absolute),
    folders: dirname(absolute).split(sep).filter(Boolean),
  };
  const header = options.readHeaders ? await readHeaderForInspection(absolute) : null;
  const outcome = await readFrame(file, options);
  return {
    path: absolute,
    header,
    parsers: parserVerdicts(file, options.parsers, options.context),
    frame: 'frame' in outcome ? outcome.frame : null,
    skip: 'skip' in outcome ? outcome.skip : null,
    disagreements: 'frame' in outcome ? outcome.disagreements : [],
  };
}

async function readHeaderForInspection(path: string): Promise<FrameInspection['header']> {
  try {
    if (/\.xisf$/i.test(path)) {
      const xisf = await readXisfHeader(path);
      return { format: 'XISF', compressed: false, cards: xisf.cards };
    }
    const fits: FitsHeader = await readFitsHeader(path);
    return { format: 'FITS', compressed: fits.compressed, cards: fits.cards };
  } catch (error) {
    return { error: firstLine(error) };
  }
}

/** Each parser in order, as the engine asks them: the first that recognises the name wins. */
function parserVerdicts(
  file: FrameFile,
  parsers: readonly ParserPlugin[],
  context: ParseContext,
): ParserVerdict[] {
  const verdicts: ParserVerdict[] = [];
  let matched = false;
  for (const parser of parsers) {
    if (matched) {
      verdicts.push({
        parser: parser.name,
        verdict: 'not asked',
        detail: 'an earlier parser matched',
      });
      continue;
    }
    try {
      if (parser.parse(file, context)) {
        matched = true;
        verdicts.push({ parser: parser.name, verdict: 'matched' });
      } else {
        verdicts.push({
          parser: parser.name,
          verdict: 'not mine',
          detail: 'did not recognise the name',
        });
      }
    } catch (error) {
      verdicts.push({ parser: parser.name, verdict: 'failed', detail: firstLine(error) });
    }
  }
  return verdicts;
}
