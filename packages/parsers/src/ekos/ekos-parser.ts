/**
 * KStars/Ekos names from its placeholder format (research notes §4.1; kstars placeholderpath.cpp):
 * default `%t_%T_%F_%e_%D_%s3`, e.g. `M_31_Light_Ha_300_secs_2023-10-01T22-15-03_001`. Only the file
 * name part of a format is read (its folders repeat the same facts). As in KStars, an empty
 * placeholder takes its following separator with it: darks and biases have no `%F`.
 */
import { escapeRegex } from '../escape-regex.js';
import {
  frameKindFromImageType,
  nightOfLocalTime,
  parsedFrameBuilder,
  stripFrameExtension,
  type FrameFile,
  type ParserPlugin,
} from '@astrotrack/core/internal';

type EkosField =
  | 'target'
  | 'kind'
  | 'filter'
  | 'exposure'
  | 'datetime'
  | 'temperature'
  | 'binning'
  | 'gain'
  | 'offset'
  | 'frame';

interface Token {
  pattern: string;
  field?: EkosField;
  /** May be empty in a name, taking its following separator with it. */
  optional: boolean;
}

const NUMBER = '\\d+(?:\\.\\d+)?';
const TOKENS: Record<string, Token> = {
  t: { pattern: '.+?', field: 'target', optional: false },
  T: { pattern: 'Light|Dark|Bias|Flat|DarkFlat', field: 'kind', optional: false },
  F: { pattern: '.+?', field: 'filter', optional: true },
  e: { pattern: `${NUMBER}_secs`, field: 'exposure', optional: true },
  E: { pattern: NUMBER, field: 'exposure', optional: true },
  D: { pattern: '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}', field: 'datetime', optional: true },
  C: { pattern: '-?\\d+', field: 'temperature', optional: true },
  B: { pattern: '\\d+x\\d+', field: 'binning', optional: true },
  G: { pattern: '\\d+', field: 'gain', optional: true },
  O: { pattern: '\\d+', field: 'offset', optional: true },
  I: { pattern: '\\d+', optional: true },
  P: { pattern: 'East|West|Unknown', optional: true },
  f: { pattern: '.+?', optional: true },
};
const LONG_NAMES: Record<string, string> = {
  target: 't',
  Type: 'T',
  Filter: 'F',
  exposure: 'e',
  exp: 'E',
  Datetime: 'D',
  temperature: 'C',
  bin: 'B',
  gain: 'G',
  offset: 'O',
  iso: 'I',
  pierside: 'P',
  filename: 'f',
};
const PLACEHOLDER =
  /%(target|Type|Filter|exposure|exp|Datetime|temperature|bin|gain|offset|iso|pierside|filename|sequence\d*|s\d*|[tTFeEDCBGOIPf])/g;

export const EKOS_DEFAULT_PATTERN = '%t_%T_%F_%e_%D_%s3';

export interface EkosParserOptions {
  /** The capture module's placeholder format; `_%s3` for the sequence if it is not there. */
  pattern?: string;
}

/**
 * KStars' default names are loose enough to fit other programs' (`M31_Light_L_0001`): without a
 * pattern of the user's, a name is taken for KStars' only with its marks, an exposure in `_secs`,
 * a `2023-10-01T22-15-03` time, or the default folders `<target>/<Type>/[<Filter>/]`.
 */
/** KStars' default format always has the frame type between `_`s: most names fail here, cheaply. */
const KSTARS_TYPE = /_(?:Light|Dark|Bias|Flat|DarkFlat)_/;

function looksLikeKStars(file: FrameFile, found: ReadonlyMap<EkosField, string>): boolean {
  if (found.has('exposure') || found.has('datetime')) return true;
  const type = found.get('kind');
  const [above, parent] = [file.folders.at(-2), file.folders.at(-1)];
  // `<target>/<Type>/` (no filter: darks, biases) or `…/<Type>/<Filter>/`.
  return (
    (parent === type && above === found.get('target')) ||
    (above === type && parent === found.get('filter'))
  );
}

export function ekosParser(options: EkosParserOptions = {}): ParserPlugin {
  if (options.pattern !== undefined && typeof options.pattern !== 'string') {
    throw new Error('"pattern" must be a string, like "%t_%T_%F_%e_%D_%s3"');
  }
  let format =
    (options.pattern ?? EKOS_DEFAULT_PATTERN).split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  if (!/%s(equence)?\d*/.test(format)) format += '_%s3';
  const fields: Array<EkosField | undefined> = [];
  let source = '';
  let at = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    source += escapeRegex(format.slice(at, match.index));
    at = match.index + match[0].length;
    const name = match[1]!;
    if (/^s(equence)?\d*$/.test(name)) {
      fields.push('frame');
      source += `(\\d{${name.replace(/\D/g, '') || '1'},})`;
      continue;
    }
    const token = TOKENS[LONG_NAMES[name] ?? name]!;
    fields.push(token.field);
    const separator = format[at] && format[at] !== '%' ? format[at]! : '';
    // An optional wildcard (the filter) is tried empty first (`??`), as KStars leaves out what is
    // empty, e.g. the filter of a dark; precise ones (exposure, date) are taken when they fit (`?`).
    // Otherwise a wildcard would swallow the exposure, or the exposure the filter.
    const quantifier = token.pattern === '.+?' ? '??' : '?';
    if (token.optional && separator) {
      source += `(?:(${token.pattern})${escapeRegex(separator)})${quantifier}`;
      at++;
    } else {
      source += token.optional ? `(${token.pattern})${quantifier}` : `(${token.pattern})`;
    }
  }
  source += escapeRegex(format.slice(at));
  const regex = new RegExp(`^${source}$`);
  const usesDefault = options.pattern === undefined;

  return {
    name: 'ekos',
    parse(file, { filters }) {
      if (usesDefault && !KSTARS_TYPE.test(file.name)) return null;
      const match = regex.exec(stripFrameExtension(file.name));
      if (!match) return null;
      const found = new Map<EkosField, string>();
      fields.forEach((field, i) => {
        const value = match[i + 1];
        if (field && value && !found.has(field)) found.set(field, value);
      });
      if (usesDefault && !looksLikeKStars(file, found)) return null;
      const parsed = parsedFrameBuilder('filename');
      const type = found.get('kind');
      const kind = type ? frameKindFromImageType(type) : null;
      if (kind) parsed.set('kind', kind, type!);
      const target = found.get('target');
      if (target && (kind === 'light' || kind === null)) parsed.set('target', target, target);
      const filter = found.get('filter');
      if (filter) parsed.set('filter', filters.canonical(filter) ?? filter, filter);
      const exposure = found.get('exposure');
      if (exposure) parsed.set('exposureSeconds', Number.parseFloat(exposure), exposure);
      const datetime = found.get('datetime');
      if (datetime) {
        const local = `${datetime.slice(0, 10)}T${datetime.slice(11).replace(/-/g, ':')}`;
        parsed.set('captureTime', local, datetime);
        const night = nightOfLocalTime(local);
        if (night) parsed.set('night', night, datetime);
      }
      const binning = found.get('binning');
      if (binning) parsed.set('binning', binning, binning);
      const frame = found.get('frame');
      if (frame) parsed.set('frameNumber', Number(frame), frame);
      for (const key of ['gain', 'offset'] as const) {
        const value = found.get(key);
        if (value) parsed.set(key, Number(value), value);
      }
      return parsed;
    },
  };
}
