/**
 * Which rig a frame is from, by its headers: the first rig (in the config's order) whose `match`
 * fits. Names are compared as words, ignoring case and punctuation, so `ASI2600MM` fits the
 * camera `ZWO ASI2600MM Pro` and `RedCat 51` fits `William Optics RedCat 51`; a focal length fits
 * within 5 %, or within a `[min, max]`. A field the frame does not know fits no rig that asks for it.
 */
import type { FrameFields } from '../frame.js';
import type { RigSettings } from './config-types.js';

export type RigMatch = NonNullable<RigSettings['match']>;

/** A rig that says which frames are its own. */
export interface MatchingRig {
  name: string;
  match: RigMatch;
}

/** How far a single focal length may be off: reducers and flatteners are rarely set to the mm. */
const FOCAL_LENGTH_TOLERANCE = 0.05;

type MatchFields = Pick<FrameFields, 'camera' | 'telescope' | 'focalLength'>;

/** The frame's rig, or null when no rig's `match` fits it. */
export function rigMatcher(rigs: readonly MatchingRig[]): (frame: MatchFields) => string | null {
  const tests = rigs.map(({ name, match }) => ({ name, fits: matchTest(match) }));
  return (frame) => {
    for (const test of tests) if (test.fits(frame)) return test.name;
    return null;
  };
}

function matchTest(match: RigMatch): (frame: MatchFields) => boolean {
  const cameras = words(match.camera);
  const telescopes = words(match.telescope);
  const range = focalRange(match.focalLength);
  return (frame) =>
    (cameras === null || fitsAny(frame.camera, cameras)) &&
    (telescopes === null || fitsAny(frame.telescope, telescopes)) &&
    (range === null ||
      (frame.focalLength !== null &&
        frame.focalLength >= range[0] &&
        frame.focalLength <= range[1]));
}

function words(value: string | readonly string[] | undefined): string[] | null {
  if (value === undefined) return null;
  return (typeof value === 'string' ? [value] : value).map(normalise);
}

function fitsAny(value: string | null, wanted: readonly string[]): boolean {
  if (value === null) return false;
  const padded = normalise(value);
  return wanted.some((word) => padded.includes(word));
}

/** ` zwo asi2600mm pro `: lower case, words between single spaces, padded so words match whole. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim()} `;
}

function focalRange(value: RigMatch['focalLength']): readonly [number, number] | null {
  if (value === undefined) return null;
  if (typeof value === 'number')
    return [value * (1 - FOCAL_LENGTH_TOLERANCE), value * (1 + FOCAL_LENGTH_TOLERANCE)];
  return value;
}

/** `camera ZWO ASI2600MM Pro, telescope RedCat 51`: how a rig's match reads in a report. */
export function describeMatch(match: RigMatch): string {
  const parts: string[] = [];
  const list = (value: string | readonly string[]) =>
    typeof value === 'string' ? value : value.join(' or ');
  if (match.camera !== undefined) parts.push(`camera ${list(match.camera)}`);
  if (match.telescope !== undefined) parts.push(`telescope ${list(match.telescope)}`);
  if (match.focalLength !== undefined)
    parts.push(
      typeof match.focalLength === 'number'
        ? `focal length ${match.focalLength} mm`
        : `focal length ${match.focalLength[0]}–${match.focalLength[1]} mm`,
    );
  return parts.join(', ');
}
