/**
 * Which object a target name means, as people write it: `M 31`, `M31`, `m31`, `M031`, `NGC 224`,
 * `NGC0224` and `Andromeda Galaxy` are one object, shown as `M31`. Catalogue designations are read
 * leniently (spaces, `_`, `-`, leading zeros, letter case), cross-identified through the small
 * offline catalogue, and anything else is matched by its spelling without case, spaces, `_` or `-`.
 */
import { CALDWELL, COMMON_NAMES, MESSIER } from './catalogue.js';

export interface TargetIdentity {
  /** Equal for two names of one object. */
  key: string;
  /** The name to show: the designation in the catalogue imagers use most, else as written. */
  name: string;
}

/** Catalogue prefixes as written → how they are shown. */
const CATALOGUES: ReadonlyArray<[RegExp, string]> = [
  [/^(messier|m)$/, 'M'],
  [/^ngc$/, 'NGC'],
  [/^ic$/, 'IC'],
  [/^(caldwell|c)$/, 'C'],
  [/^(sh2|sh 2|sharpless|sharpless 2)$/, 'Sh2'],
  [/^ldn$/, 'LDN'],
  [/^lbn$/, 'LBN'],
  [/^vdb$/, 'vdB'],
  [/^(barnard|b)$/, 'Barnard'],
  [/^abell$/, 'Abell'],
  [/^arp$/, 'Arp'],
  [/^ugc$/, 'UGC'],
  [/^pgc$/, 'PGC'],
  [/^(mel|melotte)$/, 'Mel'],
  [/^(cr|collinder)$/, 'Cr'],
  [/^ced$/, 'Ced'],
  [/^rcw$/, 'RCW'],
  [/^gum$/, 'Gum'],
];

/** `NGC 7000`, `ngc7000`, `Sh2-155`, `M_031`, `IC 434A`: a catalogue, a number, maybe a letter. */
const DESIGNATION = /^([a-z]+(?:[ _]?2(?=[ _-]))?|sh ?2)[ _.-]*0*(\d{1,6})([a-z]?)$/i;

const NGC_TO_MESSIER = new Map<string, number>(
  Object.entries(MESSIER).map(([messier, designation]) => [designation, Number(messier)]),
);

/** Common names without their kind (`Rosette` for the Rosette Nebula), except where that is something else. */
const NOT_SHORT_NAMES = new Set([
  'orion',
  'carina',
  'sculptor',
  'triangulum',
  'hercules',
  'saturn',
  'ring',
  'omega',
  'eastern veil',
  'western veil',
]);
const KINDS = / (nebula|galaxy|cluster)$/;

const COMMON = new Map<string, string>();
for (const [name, designation] of Object.entries(COMMON_NAMES)) {
  const spelling = commonKey(name);
  COMMON.set(spelling, designation);
  const short = spelling.replace(KINDS, '');
  if (short !== spelling && !NOT_SHORT_NAMES.has(short) && !COMMON.has(short))
    COMMON.set(short, designation);
}

function commonKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface TargetNamesOptions {
  /** The config's `targets.aliases`: a name as written → the name it means. */
  aliases?: Readonly<Record<string, string>>;
}

/** Resolves target names, remembering each spelling (an archive has few, a million frames have them). */
export class TargetNames {
  private readonly aliases = new Map<string, string>();
  private readonly seen = new Map<string, TargetIdentity>();

  constructor(options: TargetNamesOptions = {}) {
    for (const [alias, meant] of Object.entries(options.aliases ?? {}))
      this.aliases.set(spellingKey(alias), meant);
  }

  identify(name: string): TargetIdentity {
    let identity = this.seen.get(name);
    if (!identity) {
      const meant = this.aliases.get(spellingKey(name));
      identity = identifyName(meant ?? name);
      if (this.seen.size > 100_000) this.seen.clear();
      this.seen.set(name, identity);
    }
    return identity;
  }

  same(a: string, b: string): boolean {
    return this.identify(a).key === this.identify(b).key;
  }
}

/** The identity of one name, without aliases. */
export function identifyName(written: string): TargetIdentity {
  const name = written.trim().replace(/\s+/g, ' ');
  const designation = parseDesignation(name);
  if (designation) return designation;
  const common = COMMON.get(commonKey(name));
  if (common) return parseDesignation(common) ?? { key: spellingKey(common), name: common };
  return { key: spellingKey(name), name };
}

/** Two names of one object (`M 31`, `m031`, `NGC 224`, `Andromeda Galaxy`), without the config's aliases. */
export function sameTarget(a: string, b: string): boolean {
  return normaliseTarget(a) === normaliseTarget(b);
}

/** The key two names of one object share (identifyName). */
export function normaliseTarget(name: string): string {
  return identifyName(name).key;
}

/** Whether a name is a catalogue designation or a known common name: a plausible target. */
export function isCatalogueName(written: string): boolean {
  const name = written.trim();
  return parseDesignation(name) !== null || COMMON.has(commonKey(name));
}

function parseDesignation(name: string): TargetIdentity | null {
  const match = DESIGNATION.exec(name);
  if (!match) return null;
  const prefix = match[1]!.toLowerCase().replace(/[ _]/g, ' ').trim();
  const catalogue = CATALOGUES.find(([pattern]) => pattern.test(prefix))?.[1];
  if (!catalogue) return null;
  const number = Number(match[2]);
  const letter = match[3]!.toUpperCase();
  if (catalogue === 'M' && !letter && number >= 1 && number <= 110) return messier(number);
  if (catalogue === 'C' && !letter && CALDWELL[number])
    return parseDesignation(CALDWELL[number]!) ?? null;
  const shown = show(catalogue, number, letter);
  if ((catalogue === 'NGC' || catalogue === 'IC') && !letter) {
    const m = NGC_TO_MESSIER.get(shown);
    if (m !== undefined) return messier(m);
  }
  return { key: shown.toLowerCase().replace(/[\s-]/g, ''), name: shown };
}

function messier(number: number): TargetIdentity {
  return { key: `m${number}`, name: `M${number}` };
}

function show(catalogue: string, number: number, letter: string): string {
  if (catalogue === 'Sh2') return `Sh2-${number}${letter}`;
  return `${catalogue} ${number}${letter}`;
}

/** A name as compared when nothing else matches: no case, spaces, `_` or `-`, no leading zeros. */
function spellingKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/^([a-z]+)0+(?=\d)/, '$1');
}

/**
 * Values capture programs write where there is no target: N.I.N.A.'s flat wizard, test shots,
 * SGP's and Seestar's defaults, frame types. Never a target, from a header or a name.
 */
const NO_TARGET = new Set(
  [
    'flatwizard',
    'flat wizard',
    'test',
    'testing',
    'unknown',
    'none',
    'null',
    'object',
    'target',
    'untitled',
    'noname',
    'no name',
    'default',
    'new target',
    'target 1',
    'capture',
    'snapshot',
    'focus',
    'autofocus',
    'calibration',
    'flat',
    'flats',
    'dark',
    'darks',
    'bias',
    'darkflat',
    'dark flat',
    'sky flat',
    'skyflat',
    'dome flat',
    'twilight flat',
    'light',
    'lights',
    '-',
    '?',
  ].map((value) => value.replace(/\s+/g, '')),
);

/** Whether a value read for the target names one: not blank, not a placeholder such as `FlatWizard`. */
export function isTargetName(value: string): boolean {
  // Asked once per frame, and a folder's frames share a target: the last answer is kept.
  if (value === lastAsked) return lastAnswer;
  const compact = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
  lastAsked = value;
  lastAnswer = compact !== '' && !NO_TARGET.has(compact) && /[\p{L}\p{N}]/u.test(compact);
  return lastAnswer;
}

let lastAsked = '';
let lastAnswer = false;
