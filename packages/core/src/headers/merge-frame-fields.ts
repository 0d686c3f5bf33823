/**
 * Header first, name second: each field comes from the header when it has it, else from the name.
 * Where both say something different about the same fact, the header wins and the difference is
 * reported, because a name that lies usually means a renamed file or a wrong filter-wheel slot.
 */
import type { FieldSources, FrameField, FrameFields } from '../frame.js';
import type { ParsedFrame } from '../plugin.js';
import { EMPTY_FILTER_FIELD } from '../filters/filter-set.js';
import type { HeaderFields } from './header-fields.js';
import { minutesBetween } from './night-of.js';

export interface Disagreement {
  field: 'filter' | 'exposureSeconds' | 'kind' | 'rotatorAngle' | 'localTime';
  header: string;
  name: string;
}

/** More apart than a daylight-saving hour and a long exposure: two clocks that disagree. */
const CLOCKS_APART_MINUTES = 90;

export function mergeFrameFields(
  header: ParsedFrame & Partial<Pick<HeaderFields, 'localTime' | 'utcNight'>>,
  name: ParsedFrame | null,
): { fields: Partial<FrameFields>; sources: FieldSources; disagreements: Disagreement[] } {
  const utcNight = header.utcNight;
  if (!name) {
    if (utcNight && header.fields.night == null) nightFromUtc(header, utcNight);
    return { fields: header.fields, sources: header.sources, disagreements: NONE };
  }
  const h = header.fields;
  const n = name.fields;
  const hs = header.sources;
  const ns = name.sources;
  const nameAngle = nameAngleIsTemperature(h, n) ? undefined : n.rotatorAngle;
  // Field by field, spelled out: spreading and key loops cost more than the header read (measured).
  const fields: Partial<FrameFields> = {
    kind: h.kind ?? n.kind,
    target: h.target ?? n.target,
    filter: h.filter ?? n.filter,
    exposureSeconds: h.exposureSeconds ?? n.exposureSeconds,
    rotatorAngle: h.rotatorAngle ?? nameAngle,
    binning: h.binning ?? n.binning,
    gain: h.gain ?? n.gain,
    offset: h.offset ?? n.offset,
    sensorTemperature: h.sensorTemperature ?? n.sensorTemperature,
    camera: h.camera ?? n.camera,
    readoutMode: h.readoutMode ?? n.readoutMode,
    telescope: h.telescope ?? n.telescope,
    captureTime: h.captureTime ?? n.captureTime,
    night: h.night ?? n.night,
    frameNumber: h.frameNumber ?? n.frameNumber,
    focalRatio: h.focalRatio ?? n.focalRatio,
    ambientTemperature: h.ambientTemperature ?? n.ambientTemperature,
    skyQuality: h.skyQuality ?? n.skyQuality,
    focalLength: h.focalLength ?? n.focalLength,
    pixelSize: h.pixelSize ?? n.pixelSize,
    hfr: h.hfr ?? n.hfr,
    starCount: h.starCount ?? n.starCount,
    fwhm: h.fwhm ?? n.fwhm,
    eccentricity: h.eccentricity ?? n.eccentricity,
    guidingRms: h.guidingRms ?? n.guidingRms,
  } satisfies Record<FrameField, unknown>;
  const sources: FieldSources = {
    kind: h.kind != null ? hs.kind : ns.kind,
    target: h.target != null ? hs.target : ns.target,
    filter: h.filter != null ? hs.filter : ns.filter,
    exposureSeconds: h.exposureSeconds != null ? hs.exposureSeconds : ns.exposureSeconds,
    rotatorAngle:
      h.rotatorAngle != null ? hs.rotatorAngle : nameAngle != null ? ns.rotatorAngle : undefined,
    binning: h.binning != null ? hs.binning : ns.binning,
    gain: h.gain != null ? hs.gain : ns.gain,
    offset: h.offset != null ? hs.offset : ns.offset,
    sensorTemperature: h.sensorTemperature != null ? hs.sensorTemperature : ns.sensorTemperature,
    camera: h.camera != null ? hs.camera : ns.camera,
    readoutMode: h.readoutMode != null ? hs.readoutMode : ns.readoutMode,
    telescope: h.telescope != null ? hs.telescope : ns.telescope,
    captureTime: h.captureTime != null ? hs.captureTime : ns.captureTime,
    night: h.night != null ? hs.night : ns.night,
    frameNumber: h.frameNumber != null ? hs.frameNumber : ns.frameNumber,
    focalRatio: h.focalRatio != null ? hs.focalRatio : ns.focalRatio,
    ambientTemperature:
      h.ambientTemperature != null ? hs.ambientTemperature : ns.ambientTemperature,
    skyQuality: h.skyQuality != null ? hs.skyQuality : ns.skyQuality,
    focalLength: h.focalLength != null ? hs.focalLength : ns.focalLength,
    pixelSize: h.pixelSize != null ? hs.pixelSize : ns.pixelSize,
    hfr: h.hfr != null ? hs.hfr : ns.hfr,
    starCount: h.starCount != null ? hs.starCount : ns.starCount,
    fwhm: h.fwhm != null ? hs.fwhm : ns.fwhm,
    eccentricity: h.eccentricity != null ? hs.eccentricity : ns.eccentricity,
    guidingRms: h.guidingRms != null ? hs.guidingRms : ns.guidingRms,
  } satisfies Record<FrameField, unknown>;
  // Nothing gave the local time but UTC: a night from it, and a hint to set utcOffset (scan warns).
  if (fields.night == null && utcNight) nightFromUtc({ fields, sources }, utcNight);
  return { fields, sources, disagreements: disagreements(header, name) };
}

/** How a night taken from UTC alone is told apart (the report counts them). */
export const UTC_ALONE = ' + UTC';

function nightFromUtc(
  frame: ParsedFrame,
  { night, keyword }: NonNullable<HeaderFields['utcNight']>,
): void {
  frame.fields.night = night;
  frame.sources.night = { origin: 'header', detail: `${keyword}${UTC_ALONE}` };
}

const NONE: Disagreement[] = [];

/**
 * N.I.N.A.'s default name has the sensor temperature where the toolkit's names have the angle: a
 * name "angle" equal to the header's CCD-TEMP, on a frame whose header has no rotator, is the
 * temperature.
 */
function nameAngleIsTemperature(h: Partial<FrameFields>, n: Partial<FrameFields>): boolean {
  if (n.rotatorAngle == null || h.sensorTemperature == null) return false;
  const temperature = ((h.sensorTemperature % 360) + 360) % 360;
  const apart = Math.abs(temperature - n.rotatorAngle);
  return Math.min(apart, 360 - apart) < 0.05;
}

function disagreements(
  header: ParsedFrame & Partial<Pick<HeaderFields, 'localTime'>>,
  name: ParsedFrame,
): Disagreement[] {
  let found = NONE;
  const add = (disagreement: Disagreement) => {
    if (found === NONE) found = [];
    found.push(disagreement);
  };
  const h = header.fields;
  const n = name.fields;
  // An empty filter field in the name is a program that left it out, not a second opinion.
  const nameHasFilter = n.filter && name.sources.filter?.detail !== EMPTY_FILTER_FIELD;
  if (h.filter && nameHasFilter && h.filter.toLowerCase() !== n.filter!.toLowerCase()) {
    add({ field: 'filter', header: h.filter, name: n.filter! });
  }
  // Names round: NINA writes 2 decimals, so 0.0015 s is "0.00s". Only a real difference counts.
  if (h.exposureSeconds != null && n.exposureSeconds != null && n.exposureSeconds > 0) {
    if (Math.abs(h.exposureSeconds - n.exposureSeconds) > 0.005 + h.exposureSeconds * 0.001) {
      add({
        field: 'exposureSeconds',
        header: `${h.exposureSeconds}`,
        name: `${n.exposureSeconds}`,
      });
    }
  }
  if (h.kind && n.kind && h.kind !== n.kind) add({ field: 'kind', header: h.kind, name: n.kind });
  if (h.rotatorAngle != null && n.rotatorAngle != null) {
    const difference = Math.abs(h.rotatorAngle - n.rotatorAngle);
    if (Math.min(difference, 360 - difference) > 0.01) {
      add({ field: 'rotatorAngle', header: `${h.rotatorAngle}`, name: `${n.rotatorAngle}` });
    }
  }
  // The name's time is the capture program's local clock; the header's local time must match it.
  if (header.localTime && n.captureTime) {
    const apart = minutesBetween(header.localTime, n.captureTime);
    if (apart !== null && Math.abs(apart) > CLOCKS_APART_MINUTES)
      add({ field: 'localTime', header: header.localTime, name: n.captureTime });
  }
  return found;
}
