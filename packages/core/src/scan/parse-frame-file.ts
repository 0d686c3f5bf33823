/** Asks the rig's parsers about a file's name, in order (the first that recognises it wins), and builds the frame. */
import type { Frame } from '../frame.js';
import type { FrameFile, ParseContext, ParsedFrame, ParserPlugin } from '../plugin.js';
import { firstLine } from '../errors/catalogue.js';
import type { SkipCode } from '../events/engine-events.js';
import { EMPTY_FILTER_FIELD, type FilterSet } from '../filters/filter-set.js';
import { isTargetName } from '../targets/target-identity.js';

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

/**
 * What says a frame was taken through no filter, besides an empty filter field in its name: a colour
 * sensor's card (`BAYERPAT = 'RGGB'`), or a header without a FILTER card (`no FILTER card`).
 */
export type NoFilterEvidence = string | null;

export function buildFrame(
  file: FrameFile,
  parser: string,
  { fields, sources }: ParsedFrame,
  filters?: FilterSet,
  noFilterEvidence: NoFilterEvidence = null,
): Frame {
  if (fields.kind === undefined) sources.kind = { origin: 'default', detail: 'light' };
  const kind = fields.kind ?? 'light';
  let filter = fields.filter ?? null;
  const throughOptics = kind === 'light' || kind === 'flat';
  if (!throughOptics && filter !== null && sources.filter?.detail === EMPTY_FILTER_FIELD) {
    // A dark's empty filter field says nothing.
    filter = null;
    delete sources.filter;
  } else if (
    throughOptics &&
    noFilterEvidence &&
    filters &&
    (filter === null || sources.filter?.detail === EMPTY_FILTER_FIELD)
  ) {
    // The header's word (a colour sensor's card) over an empty field in the name.
    filter = filters.noFilter;
    sources.filter = { origin: 'header', detail: noFilterEvidence };
  }
  let target = fields.target ?? null;
  if (target !== null && !isTargetName(target)) {
    target = null;
    delete sources.target;
  }
  // Spelled out rather than spread: this runs once per file of archives of a million files.
  return {
    kind,
    target,
    filter,
    exposureSeconds: fields.exposureSeconds ?? null,
    // A parser of one's own may give NaN or Infinity: that is no angle, for every reader of frames.
    rotatorAngle: Number.isFinite(fields.rotatorAngle) ? fields.rotatorAngle! : null,
    binning: fields.binning ?? null,
    gain: fields.gain ?? null,
    offset: fields.offset ?? null,
    sensorTemperature: fields.sensorTemperature ?? null,
    camera: fields.camera ?? null,
    readoutMode: fields.readoutMode ?? null,
    telescope: fields.telescope ?? null,
    captureTime: fields.captureTime ?? null,
    night: fields.night ?? null,
    frameNumber: fields.frameNumber ?? null,
    focalRatio: fields.focalRatio ?? null,
    ambientTemperature: fields.ambientTemperature ?? null,
    skyQuality: fields.skyQuality ?? null,
    focalLength: fields.focalLength ?? null,
    pixelSize: fields.pixelSize ?? null,
    hfr: fields.hfr ?? null,
    starCount: fields.starCount ?? null,
    fwhm: fields.fwhm ?? null,
    eccentricity: fields.eccentricity ?? null,
    guidingRms: fields.guidingRms ?? null,
    path: file.path,
    relativePath: file.relativePath,
    parser,
    sources,
    rig: null,
  };
}
