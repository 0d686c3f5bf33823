/**
 * N.I.N.A. names, read by the user's own file pattern. Without one, N.I.N.A.'s default
 * (`$$DATEMINUS12$$\$$IMAGETYPE$$\$$DATETIME$$_$$FILTER$$_$$SENSORTEMP$$_$$EXPOSURETIME$$s_$$FRAMENR$$`).
 */
import {
  EMPTY_FILTER_FIELD,
  frameKindFromImageType,
  nightOfLocalTime,
  stripFrameExtension,
  type ParserPlugin,
  parsedFrameBuilder,
} from '@astrotrack/core/internal';
import { compileNinaPattern, NinaPatternError, type NinaField } from './compile-nina-pattern.js';

export const NINA_DEFAULT_PATTERN =
  '$$DATEMINUS12$$\\$$IMAGETYPE$$\\$$DATETIME$$_$$FILTER$$_$$SENSORTEMP$$_$$EXPOSURETIME$$s_$$FRAMENR$$';

export interface NinaParserOptions {
  /** The "Image file pattern" from N.I.N.A.'s options, `\` or `/` between folders. */
  pattern?: string;
}

export function ninaParser(options: NinaParserOptions = {}): ParserPlugin {
  if (options.pattern !== undefined && typeof options.pattern !== 'string') {
    throw new NinaPatternError(
      '"pattern" must be a string, like "$$DATETIME$$_$$FILTER$$_$$EXPOSURETIME$$s"',
    );
  }
  const compiled = compileNinaPattern(options.pattern ?? NINA_DEFAULT_PATTERN);
  const folderCount = compiled.segments - 1;
  const namesFilter = compiled.fields.includes('filter');
  return {
    name: 'nina',
    parse(file, { filters }) {
      if (file.folders.length < folderCount) return null;
      const folders = folderCount > 0 ? file.folders.slice(-folderCount) : [];
      const match = compiled.regex.exec([...folders, stripFrameExtension(file.name)].join('/'));
      if (!match) return null;

      const values = new Map<NinaField, string>();
      compiled.fields.forEach((field, i) => {
        const value = match[i + 1];
        if (field && value !== undefined && value !== '' && !values.has(field))
          values.set(field, value);
      });
      const parsed = parsedFrameBuilder('filename');
      const { set } = parsed;
      const number = (text: string) => Number(text.replace(',', '.'));

      const filter = values.get('filter');
      if (filter) set('filter', filters.canonical(filter) ?? filter, filter);
      // N.I.N.A. renders $$FILTER$$ empty without a filter wheel: a colour camera, most often.
      else if (namesFilter) set('filter', filters.noFilter, EMPTY_FILTER_FIELD);
      const exposure = values.get('exposure');
      // N.I.N.A. writes a 1.5 ms flat as "0.00": that says nothing about the exposure.
      if (exposure && number(exposure) > 0)
        set('exposureSeconds', number(exposure), `${exposure}s`);
      const angle = values.get('rotatorAngle');
      // A rotator's mechanical angle is 0–360: a negative number is no angle (a temperature, -1 unset).
      if (angle && number(angle) >= 0) set('rotatorAngle', number(angle), angle);
      const temperature = values.get('sensorTemperature');
      if (temperature) set('sensorTemperature', number(temperature), temperature);
      const type = values.get('imageType');
      const kind = type ? frameKindFromImageType(type) : null;
      if (kind && type) set('kind', kind, type);
      const target = values.get('target');
      if (target) set('target', target, target);
      const binning = values.get('binning');
      if (binning) set('binning', binning, binning);
      const gain = values.get('gain');
      if (gain) set('gain', Number(gain), gain);
      const offset = values.get('offset');
      if (offset) set('offset', Number(offset), offset);
      const datetime = values.get('datetime');
      const night = values.get('night') ?? (datetime ? nightOfLocalTime(datetime) : null);
      if (datetime)
        set(
          'captureTime',
          `${datetime.slice(0, 10)}T${datetime.slice(11).replace(/-/g, ':')}`,
          datetime,
        );
      if (night) set('night', night, values.get('night') ?? datetime!);
      // Measured values: a number that makes sense, else nothing (NaN, -1 for no stars).
      for (const field of ['hfr', 'fwhm', 'eccentricity', 'guidingRms'] as const) {
        const text = values.get(field);
        const value = text ? number(text) : Number.NaN;
        if (Number.isFinite(value) && value >= 0) set(field, value, text!);
      }
      const stars = values.get('starCount');
      if (stars && Number(stars) >= 0) set('starCount', Number(stars), stars);
      const frame = values.get('frameNumber');
      // N.I.N.A. writes -0001 when the number is unset.
      if (frame && Number(frame) >= 0) set('frameNumber', Number(frame), frame);
      return parsed;
    },
  };
}
