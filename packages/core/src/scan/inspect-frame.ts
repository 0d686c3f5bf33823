/**
 * Everything astrotrack makes of one file, for `astrotrack inspect`: the header as read, what each
 * parser said of the name, and the frame with the source of each field.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { firstLine } from '../errors/catalogue.js';
import { readFitsHeader, type FitsHeader } from '@astrotrack/fits';
import { readXisfHeader } from '@astrotrack/fits';
import type { HeaderCard } from '@astrotrack/fits';
import type { Frame } from '../frame.js';
import type { Disagreement } from '../headers/merge-frame-fields.js';
import type { FrameFile, ParseContext, ParserPlugin } from '../plugin.js';
import type { Skip } from './parse-frame-file.js';
import { frameReader, type ReadFrameOptions } from './read-frame.js';
import { readSessionMetadata, withSessionMetadata } from './session-metadata.js';

export interface ParserVerdict {
  parser: string;
  verdict: 'matched' | 'not mine' | 'failed' | 'not asked';
  detail?: string;
}

export interface InspectedHdu {
  /** `primary`, or `extension 1 (IMAGE 'CCD00')`; an XISF file has one, `XISF image`. */
  label: string;
  cards: readonly HeaderCard[];
}

export interface FrameInspection {
  path: string;
  /** The path from `root` down, `/`-separated, as `scan ROOT` names the file. */
  relativePath: string;
  /** The folder the file's folders are read from, as `scan ROOT` reads them. */
  root: string;
  header:
    | {
        format: 'FITS' | 'XISF';
        compressed: boolean;
        /** The cards the frame is read from: the image's, with a primary's inherited cards after. */
        cards: readonly HeaderCard[];
        /** Every header read, in file order (a multi-extension file has two). */
        hdus: readonly InspectedHdu[];
      }
    | { error: string }
    | null;
  parsers: ParserVerdict[];
  /** The frame; for a master of calibration (skipped too), its facts as calibration sees them. */
  frame: Frame | null;
  skip: Skip | null;
  disagreements: readonly Disagreement[];
  /** Cards read leniently and values refused, as scan warns of them. */
  problems: readonly string[];
}

/**
 * `root`: the folder `scan` would be given. Folder-derived fields (the target from a folder name,
 * the filter from a filter folder) come from the folders from `root` down, exactly as `scan ROOT`
 * reads them; by default the file's own folder.
 */
export async function inspectFrame(
  path: string,
  options: ReadFrameOptions,
  root: string = dirname(resolve(path)),
): Promise<FrameInspection> {
  const absolute = resolve(path);
  const top = resolve(root);
  const below = relative(top, dirname(absolute));
  const inside = below === '' || (!below.startsWith('..') && !below.startsWith(sep));
  const base = inside ? top : dirname(absolute);
  const subfolders = inside && below !== '' ? below.split(sep) : [];
  const file: FrameFile = {
    path: absolute,
    relativePath: [...subfolders, basename(absolute)].join('/'),
    name: basename(absolute),
    // As the walker names it: by its real path's name (a link to an archive is named as the archive).
    folders: [basename(await realpath(base).catch(() => base)), ...subfolders],
  };
  const header = options.readHeaders ? await readHeaderForInspection(absolute) : null;
  const outcome = await frameReader(options).read(file);
  // As a scan reads the folder: what N.I.N.A.'s Session Metadata measured, where nothing else said.
  if ('frame' in outcome && options.readHeaders)
    outcome.frame = withSessionMetadata(outcome.frame, readSessionMetadata(dirname(absolute)));
  return {
    path: absolute,
    relativePath: file.relativePath,
    root: base,
    header,
    parsers: parserVerdicts(file, options.parsers, options.context),
    // A master of calibration is no frame, but its facts are what calibration matches by.
    frame: 'frame' in outcome ? outcome.frame : (outcome.master ?? null),
    skip: 'skip' in outcome ? outcome.skip : null,
    disagreements: 'frame' in outcome ? outcome.disagreements : [],
    problems: 'frame' in outcome ? outcome.problems : [],
  };
}

async function readHeaderForInspection(path: string): Promise<FrameInspection['header']> {
  try {
    if (/\.xisf$/i.test(path)) {
      const xisf = await readXisfHeader(path);
      const hdus = [{ label: 'XISF image', cards: xisf.cards }];
      return { format: 'XISF', compressed: false, cards: xisf.cards, hdus };
    }
    const fits: FitsHeader = await readFitsHeader(path);
    return { format: 'FITS', compressed: fits.compressed, cards: fits.cards, hdus: fits.hdus };
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
