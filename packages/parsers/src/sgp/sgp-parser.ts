/**
 * Sequence Generator Pro names, read by the user's naming tokens (SGP help, "Target data file
 * naming"). SGP has no filter token: the event suffix `%su` is the filter name unless the user
 * overrode it. Without a pattern, the forms of SGP's defaults seen in real names (SGP_DEFAULT_PATTERNS):
 * they need `<n>sec`, `<n>x<n>` and `frame<n>`, so no other program's names are taken for them.
 */
import { escapeRegex } from '../escape-regex.js';
import {
  EMPTY_FILTER_FIELD,
  frameKindFromImageType,
  stripFrameExtension,
  type FilterSet,
  type FrameFile,
  type ParsedFrame,
  type ParserPlugin,
  parsedFrameBuilder,
} from '@astrotrack/core/internal';

type SgpField =
  | 'target'
  | 'kind'
  | 'filter'
  | 'exposure'
  | 'binning'
  | 'frame'
  | 'temperature'
  | 'night';

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const TOKENS: Record<string, { pattern: string; field?: SgpField }> = {
  tn: { pattern: '.+?', field: 'target' },
  ft: { pattern: 'Light|Dark|Flat|Bias', field: 'kind' },
  su: { pattern: '.*?', field: 'filter' },
  el: { pattern: `(?:${NUMBER})sec`, field: 'exposure' },
  es: { pattern: NUMBER, field: 'exposure' },
  bi: { pattern: '\\d+x\\d+', field: 'binning' },
  fn: { pattern: 'frame\\d+', field: 'frame' },
  fz: { pattern: 'frame\\d+', field: 'frame' },
  ct: { pattern: `(?:${NUMBER})C`, field: 'temperature' },
  d2: { pattern: '\\d{2}-\\d{2}-\\d{4}', field: 'night' },
  dt: { pattern: '\\d{2}-\\d{2}-\\d{4}' },
  tm: { pattern: '\\d{6}' },
  ca: { pattern: '.*?' },
  is: { pattern: 'ISO\\d+' },
  fl: { pattern: 'filter\\d+' },
  en: { pattern: 'event\\d+' },
  ps: { pattern: 'sop-(?:east|west)' },
  yy: { pattern: '\\d{2,4}' },
  mm: { pattern: '\\d{2}' },
  dd: { pattern: '\\d{2}' },
  dy: { pattern: '\\d{2}' },
};

export const SGP_DEFAULT_PATTERN = '%tn_%ft_%su_%el_%bi_%fn_%ct';
/**
 * Without a pattern of the user's, the forms SGP's own defaults are seen in (research notes §3.1):
 * `HeartAndSoul_Light_Ha_300sec_1x1_frame1_-15.1C`, `…_frame12` without the temperature, and
 * `Vega_1sec_1x1__frame6` (the suffix, SGP's filter name, empty: no filter selected).
 */
export const SGP_DEFAULT_PATTERNS = [
  SGP_DEFAULT_PATTERN,
  '%tn_%ft_%su_%el_%bi_%fn',
  '%tn_%el_%bi_%su_%fn_%ct',
  '%tn_%el_%bi_%su_%fn',
] as const;

export interface SgpParserOptions {
  /** SGP's file naming pattern, `\` between folders, e.g. `%tn\%ft\%tn_%su_%es_%fn`. */
  pattern?: string;
}

export function sgpParser(options: SgpParserOptions = {}): ParserPlugin {
  if (options.pattern !== undefined && typeof options.pattern !== 'string') {
    throw new Error('"pattern" must be a string, like "%tn_%ft_%su_%el_%bi_%fn"');
  }
  const compiled = (options.pattern === undefined ? SGP_DEFAULT_PATTERNS : [options.pattern]).map(
    compileSgpPattern,
  );
  const usesDefaults = options.pattern === undefined;
  return {
    name: 'sgp',
    parse(file, { filters }) {
      // Every default form has `<n>sec_<n>x<n>`: most names are turned away without a regex.
      if (usesDefaults && !file.name.includes('sec_')) return null;
      for (const pattern of compiled) {
        const parsed = parseWith(pattern, file, filters);
        if (parsed) return parsed;
      }
      return null;
    },
  };
}

interface CompiledSgpPattern {
  regex: RegExp;
  fields: Array<SgpField | undefined>;
  folderCount: number;
  namesFilter: boolean;
}

function compileSgpPattern(pattern: string): CompiledSgpPattern {
  const segments = pattern.split(/[\\/]/).filter(Boolean);
  if (segments.length === 0) throw new Error('the pattern is empty');
  const fields: Array<SgpField | undefined> = [];
  const regex = new RegExp(
    `^${segments
      .map((segment) =>
        segment.replace(/%([a-z][a-z0-9])|[^%]+|%/g, (match, token: string | undefined) => {
          if (token === undefined || !TOKENS[token]) return escapeRegex(match);
          fields.push(TOKENS[token].field);
          return `(${TOKENS[token].pattern})`;
        }),
      )
      .join('/')}$`,
    'i',
  );
  return {
    regex,
    fields,
    folderCount: segments.length - 1,
    namesFilter: fields.includes('filter'),
  };
}

function parseWith(
  { regex, fields, folderCount, namesFilter }: CompiledSgpPattern,
  file: FrameFile,
  filters: FilterSet,
): ParsedFrame | null {
  if (file.folders.length < folderCount) return null;
  const folders = folderCount > 0 ? file.folders.slice(-folderCount) : [];
  const match = regex.exec([...folders, stripFrameExtension(file.name)].join('/'));
  if (!match) return null;
  const found = new Map<SgpField, string>();
  fields.forEach((field, i) => {
    const value = match[i + 1];
    if (field && value && !found.has(field)) found.set(field, value);
  });
  const parsed = parsedFrameBuilder('filename');
  const { set } = parsed;
  const kindText = found.get('kind');
  const kind = kindText ? frameKindFromImageType(kindText) : null;
  if (kind) set('kind', kind, kindText!);
  const filter = found.get('filter');
  if (filter) set('filter', filters.canonical(filter) ?? filter, filter);
  // SGP fills the suffix with the filter's name; empty, no filter was selected.
  else if (namesFilter) set('filter', filters.noFilter, EMPTY_FILTER_FIELD);
  const target = found.get('target');
  if (target) set('target', target, target);
  const exposure = found.get('exposure');
  if (exposure) set('exposureSeconds', Number.parseFloat(exposure), exposure);
  const binning = found.get('binning');
  if (binning) set('binning', binning, binning);
  const temperature = found.get('temperature');
  if (temperature) set('sensorTemperature', Number.parseFloat(temperature), temperature);
  const frame = found.get('frame');
  if (frame) set('frameNumber', Number(frame.replace(/\D/g, '')), frame);
  const night = found.get('night');
  if (night) set('night', `${night.slice(6)}-${night.slice(0, 2)}-${night.slice(3, 5)}`, night);
  return parsed;
}
