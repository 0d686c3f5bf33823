/**
 * Turns a N.I.N.A. file pattern (`$$DATEMINUS12$$\$$IMAGETYPE$$\$$DATETIME$$_$$FILTER$$_…`) into a
 * matcher for the end of a frame's path. Token formats are N.I.N.A.'s own (research notes §1.2):
 * decimals with 2 places (a `,` on old German or French installs), unset tokens left empty.
 */

import { escapeRegex } from '../escape-regex.js';

export type NinaField =
  | 'date'
  | 'night'
  | 'datetime'
  | 'time'
  | 'filter'
  | 'exposure'
  | 'sensorTemperature'
  | 'rotatorAngle'
  | 'frameNumber'
  | 'imageType'
  | 'target'
  | 'binning'
  | 'gain'
  | 'offset'
  | 'hfr'
  | 'starCount'
  | 'fwhm'
  | 'eccentricity'
  | 'guidingRms';

const DECIMAL = '-?\\d+(?:[.,]\\d+)?';
const TEXT = '.*?';

/** Each token's regular expression, and the field it fills (none for tokens we do not use). */
const TOKENS: Record<string, { pattern: string; field?: NinaField }> = {
  DATE: { pattern: '\\d{4}-\\d{2}-\\d{2}', field: 'date' },
  DATEMINUS12: { pattern: '\\d{4}-\\d{2}-\\d{2}', field: 'night' },
  DATEUTC: { pattern: '\\d{4}-\\d{2}-\\d{2}' },
  DATETIME: { pattern: '\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}', field: 'datetime' },
  TIME: { pattern: '\\d{2}-\\d{2}-\\d{2}', field: 'time' },
  TIMEUTC: { pattern: '\\d{2}-\\d{2}-\\d{2}' },
  MJD: { pattern: '\\d+(?:[.,]\\d+)?' },
  FILTER: { pattern: TEXT, field: 'filter' },
  EXPOSURETIME: { pattern: DECIMAL, field: 'exposure' },
  SENSORTEMP: { pattern: `(?:${DECIMAL})?`, field: 'sensorTemperature' },
  TEMPERATURESETPOINT: { pattern: `(?:${DECIMAL})?` },
  ROTATORANGLE: { pattern: `(?:${DECIMAL})?`, field: 'rotatorAngle' },
  FRAMENR: { pattern: '-?\\d+', field: 'frameNumber' },
  IMAGETYPE: { pattern: 'LIGHT|FLAT|DARK|BIAS|SNAPSHOT|DARKFLAT', field: 'imageType' },
  TARGETNAME: { pattern: TEXT, field: 'target' },
  BINNING: { pattern: '\\d+x\\d+', field: 'binning' },
  GAIN: { pattern: '-?\\d*', field: 'gain' },
  OFFSET: { pattern: '-?\\d*', field: 'offset' },
  // What N.I.N.A. measured: NaN or empty when it could not (no stars, no guider).
  HFR: { pattern: `(?:${DECIMAL}|NaN)?`, field: 'hfr' },
  FWHM: { pattern: `(?:${DECIMAL}|NaN)?`, field: 'fwhm' },
  STARCOUNT: { pattern: '-?\\d*', field: 'starCount' },
  ECCENTRICITY: { pattern: `(?:${DECIMAL}|NaN)?`, field: 'eccentricity' },
  RMSARCSEC: { pattern: `(?:${DECIMAL}|NaN)?`, field: 'guidingRms' },
};

export interface CompiledNinaPattern {
  pattern: string;
  /** How many path segments (folders + file name) the pattern covers. */
  segments: number;
  regex: RegExp;
  /** Capture group index → field. */
  fields: Array<NinaField | undefined>;
}

export class NinaPatternError extends Error {
  override readonly name = 'NinaPatternError';
}

export function compileNinaPattern(pattern: string): CompiledNinaPattern {
  const segments = pattern.split(/[\\/]/).filter((s) => s.trim() !== '');
  if (segments.length === 0) throw new NinaPatternError('the pattern is empty');
  const fields: Array<NinaField | undefined> = [];
  const parts = segments.map((segment) =>
    segment.replace(/\$\$([A-Z0-9]+)\$\$|[^$]+|\$/g, (match, token: string | undefined) => {
      if (token === undefined) return escapeRegex(match);
      const known = TOKENS[token];
      fields.push(known?.field);
      // Plugin tokens and those we do not read (RMS in pixels, CAMERA…) match anything.
      return `(${known?.pattern ?? TEXT})`;
    }),
  );
  return { pattern, segments: segments.length, regex: new RegExp(`^${parts.join('/')}$`), fields };
}
