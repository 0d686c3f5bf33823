/**
 * `IMAGETYP` (and INDI's `FRAME`, XISF's `imageType`) as capture programs write it: `LIGHT`,
 * `Light Frame`, `Flat Field`, `DARKFLAT`, `Dark Flat`, `Bias Frame`, `Offset`… matched in any case.
 * Types that are not integration (`SNAPSHOT`, `FOCUS`, `TEST`…) and types nobody knows are not
 * lights: counting a focus frame as a sub is the one mistake a counting tool must not make.
 */
import type { FrameKind } from '../frame.js';

export type ImageTypeReading = { kind: FrameKind } | { notIntegration: string } | null;

const WORDS: Array<[RegExp, FrameKind]> = [
  [/^(dark ?flat|flat ?dark)s?\b/, 'darkflat'],
  [/^(light|object|science)/, 'light'],
  [/^(flat|sky ?flat|dome ?flat|twilight ?flat|panel ?flat)s?\b/, 'flat'],
  [/^darks?\b/, 'dark'],
  [/^(bias|offset|zero)\b/, 'bias'],
];

/** Frames a capture program writes that are not subframes of a target (N.I.N.A., SGP, SharpCap…). */
const NOT_INTEGRATION =
  /^(snapshot|snap|focus|autofocus|af|test|preview|framing|plate ?solve|platesolve|solve|centering|center|pointing|sync|guide|guiding|live|video)\b/;

/** What an image-type value says: a kind, a type that is not integration, or null for an empty value. */
export function readImageType(value: string): ImageTypeReading {
  // `Master Dark` names the kind of a master (read as one when its file is, derived-frames.ts).
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^master ?/, '');
  if (text === '') return null;
  for (const [pattern, kind] of WORDS) if (pattern.test(text)) return { kind };
  if (NOT_INTEGRATION.test(text)) return { notIntegration: `'${value.trim()}' is not integration` };
  return { notIntegration: `'${value.trim()}' is not a frame type astrotrack knows` };
}

/** The kind an image-type value names, or null when it names none (not integration, unknown, empty). */
export function frameKindFromImageType(value: string): FrameKind | null {
  const reading = readImageType(value);
  return reading && 'kind' in reading ? reading.kind : null;
}
