/**
 * What a frame's header says, as frame fields with their sources: the truth that capture programs
 * write, read before anything is guessed from the name (research: capture-programs.md §0, §9).
 */
import type { ParsedFrame } from '../plugin.js';
import type { FilterSet } from '../filters/filter-set.js';
import type { FitsValue } from '@astrotrack/fits';
import { CAMERA_KEYWORDS, copyKeyOf } from './copy-key.js';
import { readImageType } from './frame-kind-from-header.js';
import { parsedFrameBuilder } from '../parsed-frame-builder.js';
import { isTargetName } from '../targets/target-identity.js';
import { clockShifted, nightOfLocalTime, nightOfUtcTime } from './night-of.js';

/** The part of a FITS or XISF header that field mapping needs. */
export interface HeaderLookup {
  get(keyword: string): FitsValue | undefined;
  /** What was wrong with the card `get(keyword)` read, if it broke the standard and was read leniently. */
  problem?(keyword: string): string | undefined;
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

export interface HeaderFields extends ParsedFrame {
  /** Cards read leniently or values refused, one line each naming the keyword (`EXPTIME = '1e999': …`). */
  problems: string[];
  /** Set when the header's frame type says the file is no subframe (`SNAPSHOT`, `FOCUS`, unknown). */
  notIntegration: string | null;
  /** The facts that tell a copy of this frame (copy-key.ts); null without a capture time. */
  copyKey: string | null;
  /** The card that says the sensor is a colour one (`BAYERPAT = 'RGGB'`), or null. */
  colourSensor: string | null;
  /** The local wall-clock capture time the header gives (DATE-LOC, or DATE-OBS + utcOffset). */
  localTime: string | null;
  /** The night from UTC alone, when nothing gives the local time: used only if the name has none. */
  utcNight: { night: string; keyword: string } | null;
}

const EXPOSURE_KEYWORDS = ['EXPTIME', 'EXPOSURE', 'EXP'];
// A DSLR's ISO is its gain: darks match lights by it (SGP writes `ISO`, N.I.N.A. `GAIN`).
const GAIN_KEYWORDS = ['GAIN', 'ISO', 'ISOSPEED'];
const COLOUR_KEYWORDS = ['BAYERPAT', 'COLORTYP'];
const LONGITUDE_KEYWORDS = ['SITELONG', 'LONG-OBS', 'OBSGEO-L'];
const KIND_KEYWORDS = ['IMAGETYP', 'FRAME'];
const MECHANICAL_ANGLE = ['ROTATOR', 'ROTATANG'];
// MaxIm DL writes the sky position angle as `PA`, often quoted (`PA = '270.69'`).
const SKY_ANGLE = ['OBJCTROT', 'POSANGLE', 'ANGLE', 'PA'];

/**
 * What a value may be, per field: outside, it is refused with a problem and the field stays unknown
 * (never NaN or Infinity in a total). An exposure over a day is no camera's.
 */
const BOUNDS = {
  exposure: { min: 0, max: 86_400 },
  angle: { min: -3600, max: 3600 },
  binning: { min: 1, max: 64 },
  gain: { min: -1e6, max: 1e6 },
  offset: { min: -1e6, max: 1e6 },
  temperature: { min: -273.15, max: 150 },
  focalRatio: { min: 0.5, max: 100 },
  airTemperature: { min: -90, max: 60 },
  skyQuality: { min: 10, max: 25 },
  starSize: { min: 0.01, max: 100 },
  focalLength: { min: 1, max: 100_000 },
  pixelSize: { min: 0.1, max: 1000 },
  longitude: { min: -360, max: 360 },
} as const;
type Bound = (typeof BOUNDS)[keyof typeof BOUNDS];

export function fieldsFromHeader(header: HeaderLookup, options: HeaderFieldOptions): HeaderFields {
  const parsed = parsedFrameBuilder('header');
  const { set } = parsed;
  const read = new HeaderReader(header);

  const exposure = read.number(EXPOSURE_KEYWORDS, BOUNDS.exposure);
  if (exposure) set('exposureSeconds', exposure.value, exposure.keyword);
  else {
    const property = numberText(header.property?.('Instrument:ExposureTime'));
    if (property !== null && within(property, BOUNDS.exposure))
      set('exposureSeconds', property, 'Instrument:ExposureTime');
  }

  let notIntegration: string | null = null;
  const kindText = read.text(KIND_KEYWORDS);
  const imageType = kindText
    ? { keyword: kindText.keyword, reading: readImageType(kindText.value) }
    : header.imageType
      ? { keyword: 'imageType', reading: readImageType(header.imageType) }
      : null;
  if (imageType?.reading && 'kind' in imageType.reading) {
    set('kind', imageType.reading.kind, imageType.keyword);
  } else if (imageType?.reading && 'notIntegration' in imageType.reading) {
    notIntegration = `${imageType.keyword} ${imageType.reading.notIntegration}`;
  }

  const filter = read.text(['FILTER']) ?? propertyText(header, 'Instrument:Filter:Name');
  if (filter?.value.trim()) {
    set('filter', options.filters.canonical(filter.value) ?? filter.value.trim(), filter.keyword);
  }

  const target = read.text(['OBJECT']) ?? propertyText(header, 'Observation:Object:Name');
  // `FlatWizard`, `TEST`, blank: a program's placeholder, no target (the name may have one).
  if (target && isTargetName(target.value)) set('target', target.value.trim(), target.keyword);

  const angle = read.number(options.angle === 'sky' ? SKY_ANGLE : MECHANICAL_ANGLE, BOUNDS.angle);
  if (angle) set('rotatorAngle', normaliseAngle(angle.value), angle.keyword);

  const binning = read.binning();
  if (binning) set('binning', binning.value, binning.keyword);
  const gain = read.number(GAIN_KEYWORDS, BOUNDS.gain);
  if (gain) set('gain', gain.value, gain.keyword);
  const offset = read.number(['OFFSET'], BOUNDS.offset);
  if (offset) set('offset', offset.value, offset.keyword);
  const temperature = read.number(['CCD-TEMP', 'TEMPERAT'], BOUNDS.temperature);
  if (temperature) set('sensorTemperature', temperature.value, temperature.keyword);
  const camera = read.text(['INSTRUME']) ?? propertyText(header, 'Instrument:Camera:Name');
  if (camera?.value.trim()) set('camera', camera.value.trim(), camera.keyword);
  const readout = read.text(['READOUTM']);
  if (readout?.value.trim()) set('readoutMode', readout.value.trim(), readout.keyword);
  const telescope = read.text(['TELESCOP']) ?? propertyText(header, 'Instrument:Telescope:Name');
  if (telescope?.value.trim()) set('telescope', telescope.value.trim(), telescope.keyword);

  // For AstroBin's acquisition rows: what the optics and the night were like.
  const focalRatio = read.number(['FOCRATIO'], BOUNDS.focalRatio);
  if (focalRatio) set('focalRatio', focalRatio.value, focalRatio.keyword);
  const air = read.number(['AMBTEMP'], BOUNDS.airTemperature);
  if (air) set('ambientTemperature', air.value, air.keyword);
  const sky = read.number(['MPSAS', 'SQM'], BOUNDS.skyQuality);
  if (sky) set('skyQuality', sky.value, sky.keyword);
  const focalLength = read.number(['FOCALLEN'], BOUNDS.focalLength);
  if (focalLength) set('focalLength', focalLength.value, focalLength.keyword);
  const pixelSize = read.number(['XPIXSZ'], BOUNDS.pixelSize);
  if (pixelSize) set('pixelSize', pixelSize.value, pixelSize.keyword);
  // Where a program writes what it measured (most leave it to the name or a CSV).
  const hfr = read.number(['HFR'], BOUNDS.starSize);
  if (hfr) set('hfr', hfr.value, hfr.keyword);
  const fwhm = read.number(['FWHM'], BOUNDS.starSize);
  if (fwhm) set('fwhm', fwhm.value, fwhm.keyword);

  const utc = read.text(['DATE-OBS']) ?? propertyText(header, 'Observation:Time:Start');
  const local = read.text(['DATE-LOC']);
  if (utc && isIsoDate(utc.value)) set('captureTime', asUtc(utc.value), utc.keyword);
  else if (local && isIsoDate(local.value)) set('captureTime', local.value.trim(), local.keyword);

  // The night: the local time minus 12 h. DATE-LOC is local; DATE-OBS needs the rig's UTC offset,
  // else the site's longitude (15° an hour: close enough, the split falls at midday). With neither,
  // the night from UTC is only a fallback: a local time in the name is believed over it (merge).
  let localTime: string | null = null;
  let utcNight: string | null = null;
  const localNight = local && nightOfLocalTime(local.value);
  if (localNight) {
    set('night', localNight, local!.keyword);
    localTime = local!.value.trim();
  } else if (utc) {
    const longitude = options.utcOffsetHours === undefined ? read.longitude() : null;
    const offset = options.utcOffsetHours ?? (longitude ? longitude.value / 15 : null);
    if (offset === null) utcNight = nightOfUtcTime(utc.value, 0);
    else {
      const night = nightOfUtcTime(utc.value, offset);
      const how = longitude ? longitude.keyword : 'utcOffset';
      if (night) set('night', night, `${utc.keyword} + ${how}`);
      if (!longitude) localTime = clockShifted(utc.value, offset);
    }
  }
  const copyKey = copyKeyOf(utc?.value ?? local?.value, [
    parsed.fields.exposureSeconds,
    filter?.value,
    ...CAMERA_KEYWORDS.map((keyword) => header.get(keyword)),
  ]);
  // Spelled out: spreading the builder cost more than the rest of the mapping (measured).
  const { fields, sources } = parsed;
  const colour = read.text(COLOUR_KEYWORDS);
  const colourSensor = colour ? `${colour.keyword} = '${colour.value.trim()}'` : null;
  return {
    fields,
    sources,
    problems: read.problems,
    notIntegration,
    copyKey,
    colourSensor,
    localTime,
    utcNight: utcNight && utc ? { night: utcNight, keyword: utc.keyword } : null,
  };
}

/** Reads keywords leniently, noting each problem once with the keyword it belongs to. */
class HeaderReader {
  readonly problems: string[];
  private readonly header: HeaderLookup;
  /** Looked up once: a cached header without problems has no `problem`, and this runs per keyword. */
  private readonly tellsProblems: boolean;

  constructor(header: HeaderLookup) {
    this.header = header;
    this.problems = [];
    this.tellsProblems = header.problem !== undefined;
  }

  private get(keyword: string): FitsValue | undefined {
    const value = this.header.get(keyword);
    if (value !== undefined && this.tellsProblems) {
      const problem = this.header.problem!(keyword);
      if (problem) this.problems.push(`${keyword}: ${problem}`);
    }
    return value;
  }

  /** The first keyword with a number (or a quoted one: MaxIm's `PA = '270.69'`) inside the bound. */
  number(keywords: readonly string[], bound: Bound): { keyword: string; value: number } | null {
    for (const keyword of keywords) {
      const value = this.get(keyword);
      const number =
        typeof value === 'number' ? value : typeof value === 'string' ? numberText(value) : null;
      if (number === null) continue;
      if (within(number, bound)) return { keyword, value: number };
      this.problems.push(
        `${keyword} = ${JSON.stringify(value)}: refused, not a number from ${bound.min} to ${bound.max}`,
      );
    }
    return null;
  }

  text(keywords: readonly string[]): { keyword: string; value: string } | null {
    for (const keyword of keywords) {
      const value = this.get(keyword);
      if (typeof value === 'string' && value.trim() !== '') return { keyword, value };
    }
    return null;
  }

  /**
   * The site's longitude, east positive: a number (`SITELONG = 8.54`, `OBSGEO-L`) or sexagesimal
   * text as SGP and MaxIm write it (`SITELONG = '-105 31 42'`, `'3 43 0.000'`, `'-74:00:30'`).
   */
  longitude(): { keyword: string; value: number } | null {
    for (const keyword of LONGITUDE_KEYWORDS) {
      const value = this.get(keyword);
      const degrees =
        typeof value === 'number'
          ? value
          : typeof value === 'string'
            ? (numberText(value) ?? sexagesimal(value))
            : null;
      if (degrees === null) continue;
      if (within(degrees, BOUNDS.longitude)) return { keyword, value: degrees };
      this.problems.push(
        `${keyword} = ${JSON.stringify(value)}: refused, not a longitude from -360 to 360`,
      );
    }
    return null;
  }

  /** `XBINNING`/`YBINNING` (or `CCDXBIN`/`CCDYBIN`), else one `BINNING` card: `2`, `2x2`, DWARF's `2*2`. */
  binning(): { keyword: string; value: string } | null {
    const x = this.number(['XBINNING', 'CCDXBIN'], BOUNDS.binning);
    if (x) {
      const y = this.number(['YBINNING', 'CCDYBIN'], BOUNDS.binning)?.value ?? x.value;
      return { keyword: x.keyword, value: `${x.value}x${y}` };
    }
    const single = this.get('BINNING');
    const text =
      typeof single === 'number' ? String(single) : typeof single === 'string' ? single : null;
    if (text === null) return null;
    const match = /^\s*(\d+)\s*(?:[x*×X]\s*(\d+))?\s*$/.exec(text);
    const [bx, by] = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [Number.NaN, 0];
    if (within(bx, BOUNDS.binning) && within(by, BOUNDS.binning))
      return { keyword: 'BINNING', value: `${bx}x${by}` };
    this.problems.push(`BINNING = ${JSON.stringify(single)}: refused, not a binning such as 2x2`);
    return null;
  }
}

function within(value: number, bound: Bound): boolean {
  return Number.isFinite(value) && value >= bound.min && value <= bound.max;
}

/** Into [0, 360) without touching angles already there (adding and taking 360 costs precision). */
function normaliseAngle(degrees: number): number {
  const turned = degrees % 360;
  return turned < 0 ? turned + 360 : turned;
}

function propertyText(header: HeaderLookup, id: string) {
  const value = header.property?.(id);
  return value === undefined ? null : { keyword: id, value };
}

/** A number written as text, or null; `1e999` is Infinity, for the bounds to refuse. */
function numberText(text: string | undefined): number | null {
  if (text === undefined || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text))
    return null;
  return Number(text);
}

/** `'-105 31 42'`, `'3 43 0.000'`, `'-74:00:30.5'`: degrees, minutes, seconds; null if not that. */
function sexagesimal(text: string): number | null {
  const match = /^\s*([+-])?(\d{1,3})[\s:]+(\d{1,2})(?:[\s:]+(\d{1,2}(?:\.\d*)?))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, degrees, minutes, seconds] = match;
  if (Number(minutes) >= 60 || Number(seconds ?? 0) >= 60) return null;
  const value = Number(degrees) + Number(minutes) / 60 + Number(seconds ?? 0) / 3600;
  return sign === '-' ? -value : value;
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
