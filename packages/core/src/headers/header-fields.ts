/**
 * What a frame's header says, as frame fields with their sources: the truth that capture programs
 * write, read before anything is guessed from the name (research: capture-programs.md §0, §9).
 */
import type { FieldSources, FrameFields } from '../frame.js';
import type { FilterSet } from '../filters/filter-set.js';
import type { FitsValue } from '../fits/parse-fits-card.js';
import { frameKindFromImageType } from './frame-kind-from-header.js';
import { parsedFrameBuilder } from '../parsed-frame-builder.js';
import { nightOfLocalTime, nightOfUtcTime } from './night-of.js';

/** The part of a FITS or XISF header that field mapping needs. */
export interface HeaderLookup {
  get(keyword: string): FitsValue | undefined;
  /** XISF `<Property>` values by id; absent for FITS. */
  property?(id: string): string | undefined;
  /** XISF `<Image imageType>`; absent for FITS. */
  imageType?: string | null;
}

/** Which rotation to call "the angle": the rotator's mechanical position, or the sky position angle. */
export type AngleSource = 'mechanical' | 'sky';

export interface HeaderFieldOptions {
  filters: FilterSet;
  angle?: AngleSource;
  /** Hours to add to DATE-OBS for the local time when DATE-LOC is missing. */
  utcOffsetHours?: number;
}

const EXPOSURE_KEYWORDS = ['EXPTIME', 'EXPOSURE', 'EXP'];
const KIND_KEYWORDS = ['IMAGETYP', 'FRAME'];
const MECHANICAL_ANGLE = ['ROTATOR', 'ROTATANG'];
const SKY_ANGLE = ['OBJCTROT', 'POSANGLE', 'ANGLE'];

export function fieldsFromHeader(
  header: HeaderLookup,
  options: HeaderFieldOptions,
): { fields: Partial<FrameFields>; sources: FieldSources } {
  const parsed = parsedFrameBuilder('header');
  const { set } = parsed;

  const exposure = firstNumber(header, EXPOSURE_KEYWORDS);
  if (exposure && exposure.value >= 0) set('exposureSeconds', exposure.value, exposure.keyword);
  else {
    const property = numberText(header.property?.('Instrument:ExposureTime'));
    if (property !== null) set('exposureSeconds', property, 'Instrument:ExposureTime');
  }

  const kindText = firstText(header, KIND_KEYWORDS);
  const kind = kindText ? frameKindFromImageType(kindText.value) : null;
  if (kind && kindText) set('kind', kind, kindText.keyword);
  else if (header.imageType && frameKindFromImageType(header.imageType)) {
    set('kind', frameKindFromImageType(header.imageType)!, 'imageType');
  }

  const filter = firstText(header, ['FILTER']) ?? propertyText(header, 'Instrument:Filter:Name');
  if (filter?.value.trim()) {
    set('filter', options.filters.canonical(filter.value) ?? filter.value.trim(), filter.keyword);
  }

  const target = firstText(header, ['OBJECT']) ?? propertyText(header, 'Observation:Object:Name');
  if (target?.value.trim()) set('target', target.value.trim(), target.keyword);

  const angle = firstNumber(header, options.angle === 'sky' ? SKY_ANGLE : MECHANICAL_ANGLE);
  if (angle) set('rotatorAngle', normaliseAngle(angle.value), angle.keyword);

  const xbin = firstNumber(header, ['XBINNING', 'CCDXBIN']);
  if (xbin) {
    const ybin = firstNumber(header, ['YBINNING', 'CCDYBIN'])?.value ?? xbin.value;
    set('binning', `${xbin.value}x${ybin}`, xbin.keyword);
  }
  const gain = firstNumber(header, ['GAIN']);
  if (gain) set('gain', gain.value, gain.keyword);
  const offset = firstNumber(header, ['OFFSET']);
  if (offset) set('offset', offset.value, offset.keyword);
  const temperature = firstNumber(header, ['CCD-TEMP', 'TEMPERAT']);
  if (temperature) set('sensorTemperature', temperature.value, temperature.keyword);

  const utc = firstText(header, ['DATE-OBS']) ?? propertyText(header, 'Observation:Time:Start');
  const local = firstText(header, ['DATE-LOC']);
  if (utc && isIsoDate(utc.value)) set('captureTime', asUtc(utc.value), utc.keyword);
  else if (local && isIsoDate(local.value)) set('captureTime', local.value.trim(), local.keyword);

  // The night: the local time minus 12 h. DATE-LOC is local; DATE-OBS needs the rig's UTC offset,
  // else the site's longitude (15° an hour: close enough, the split falls at midday), else none (UTC).
  const localNight = local && nightOfLocalTime(local.value);
  if (localNight) set('night', localNight, local!.keyword);
  else if (utc) {
    const longitude =
      options.utcOffsetHours === undefined ? firstNumber(header, ['SITELONG', 'LONG-OBS']) : null;
    const offset = options.utcOffsetHours ?? (longitude ? longitude.value / 15 : 0);
    const night = nightOfUtcTime(utc.value, offset);
    const how =
      options.utcOffsetHours !== undefined ? 'utcOffset' : longitude ? longitude.keyword : 'UTC';
    if (night) set('night', night, `${utc.keyword} + ${how}`);
  }
  return parsed;
}

/** Into [0, 360) without touching angles already there (adding and taking 360 costs precision). */
function normaliseAngle(degrees: number): number {
  const turned = degrees % 360;
  return turned < 0 ? turned + 360 : turned;
}

function firstNumber(header: HeaderLookup, keywords: readonly string[]) {
  for (const keyword of keywords) {
    const value = header.get(keyword);
    if (typeof value === 'number' && Number.isFinite(value)) return { keyword, value };
    // Some writers quote numbers: EXPTIME = '300'.
    if (typeof value === 'string' && numberText(value) !== null)
      return { keyword, value: numberText(value)! };
  }
  return null;
}

function firstText(header: HeaderLookup, keywords: readonly string[]) {
  for (const keyword of keywords) {
    const value = header.get(keyword);
    if (typeof value === 'string') return { keyword, value };
  }
  return null;
}

function propertyText(header: HeaderLookup, id: string) {
  const value = header.property?.(id);
  return value === undefined ? null : { keyword: id, value };
}

function numberText(text: string | undefined): number | null {
  if (text === undefined || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text))
    return null;
  return Number(text);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/;

function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text.trim());
}

/** DATE-OBS is UTC by convention but written without a zone. */
function asUtc(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith('Z') ? trimmed : `${trimmed}Z`;
}
