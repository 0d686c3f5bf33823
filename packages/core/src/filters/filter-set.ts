/** Known filters, their canonical order and aliases; one set per rig. */

export const DEFAULT_FILTERS = [
  'L',
  'R',
  'G',
  'B',
  'Ha',
  'OIII',
  'SII',
  'ALPT',
  'ALPT2',
  'UVIR',
] as const;

/** What a light or flat taken through no filter counts as: a colour camera's, by default. */
export const DEFAULT_NO_FILTER = 'OSC';

/** The detail a parser gives when the name has a filter field and it is empty (no wheel). */
export const EMPTY_FILTER_FIELD = 'empty filter field';

/** The detail of a filter taken as none because a capture program's header names none. */
export const NO_FILTER_CARD = 'no FILTER card';

/** Spellings of "no filter" seen in capture programs, mapped to the rig's no-filter name. */
const NO_FILTER_SPELLINGS = ['NoFilter', 'No Filter', 'No_Filter', 'None'];

/** Spellings seen in capture programs, mapped to the canonical names above. */
export const DEFAULT_FILTER_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  // ZWO filter-wheel slot names as ASIAIR writes them.
  H: 'Ha',
  O: 'OIII',
  S: 'SII',
  Lum: 'L',
  Luminance: 'L',
  Red: 'R',
  Green: 'G',
  Blue: 'B',
  'H-alpha': 'Ha',
  Halpha: 'Ha',
  H_Alpha: 'Ha',
  O3: 'OIII',
  S2: 'SII',
  'ALP-T': 'ALPT',
  'UV-IR': 'UVIR',
  'UV/IR': 'UVIR',
});

/**
 * Filters sold under a name of several parts, with the spellings seen: read whole from a name
 * (`…_L-eXtreme_…` is no `L`), shown as their maker writes them. A rig's own filters and aliases
 * come first; these are recognised, not listed among the known filters.
 */
export const MULTI_PART_FILTERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'L-eXtreme': ['L-Extreme', 'LeXtreme', 'LExtreme'],
  'L-eNhance': ['L-Enhance', 'LeNhance', 'LEnhance'],
  'L-Ultimate': ['LUltimate'],
  'L-Pro': ['LPro'],
  'L-Quad': ['L-QEF', 'LQuad'],
  SiiOiii: ['SII-OIII', 'SIIOIII', 'S2-O3'],
  HaOiii: ['Ha-OIII', 'HaOIII'],
  NBZ: [],
  'UHC-S': [],
  UHC: [],
  CLS: [],
  'Tri-Band': ['TriBand'],
  'Quad-Band': ['QuadBand'],
  'Duo-Band': ['DuoBand'],
  IRCUT: ['IR-Cut'],
});

export interface FilterSetOptions {
  /** Canonical filters in report order. Replaces the defaults when given. */
  known?: readonly string[];
  /** Extra filters appended after `known`. */
  extra?: readonly string[];
  /** Other spellings → canonical name. Merged over the default aliases. */
  aliases?: Readonly<Record<string, string>>;
  /** The name of "no filter" (a colour camera, a DSLR, a mono camera without a wheel); `OSC` by default. */
  noFilter?: string;
}

export interface FilterSet {
  /** Canonical names in report order. */
  readonly order: readonly string[];
  /** The canonical name for a spelling (case-insensitive), or null. */
  canonical(name: string): string | null;
  /** Sort position of a canonical name; unknown names sort last. */
  rank(name: string): number;
  /** Every spelling (names and aliases), regex-escaped and joined with `|`, longest first. */
  readonly spellingsPattern: string;
  /** What lights and flats through no filter count as; always one of `order`. */
  readonly noFilter: string;
}

export function createFilterSet(options: FilterSetOptions = {}): FilterSet {
  const order = [...(options.known ?? DEFAULT_FILTERS)];
  // A set, not order.includes: 100,000 extra names took 34 s.
  const named = new Set(order);
  const noFilter = options.noFilter?.trim() || DEFAULT_NO_FILTER;
  for (const name of [...(options.extra ?? []), noFilter]) {
    if (named.has(name)) continue;
    named.add(name);
    order.push(name);
  }
  const lookup = new Map<string, string>();
  for (const name of order) lookup.set(name.toLowerCase(), name);
  const aliases: Record<string, string> = { ...DEFAULT_FILTER_ALIASES };
  for (const spelling of NO_FILTER_SPELLINGS) aliases[spelling] = noFilter;
  Object.assign(aliases, options.aliases);
  for (const [alias, target] of Object.entries(aliases)) {
    // A default alias to a filter the rig does not know is simply unused.
    if (named.has(target)) lookup.set(alias.toLowerCase(), target);
  }
  for (const [name, spellings] of Object.entries(MULTI_PART_FILTERS)) {
    for (const spelling of [name, ...spellings]) {
      const key = spelling.toLowerCase();
      if (!lookup.has(key)) lookup.set(key, lookup.get(name.toLowerCase()) ?? name);
    }
  }
  const ranks = new Map(order.map((name, index) => [name, index]));
  // "None" or "NoFilter" in a name is no filter token; only the name itself (`OSC`) is looked for.
  const unspelled = new Set(NO_FILTER_SPELLINGS.map((spelling) => spelling.toLowerCase()));
  unspelled.delete(noFilter.toLowerCase());
  const spellingsPattern = [...lookup.keys()]
    .filter((spelling) => !unspelled.has(spelling) || lookup.get(spelling) !== noFilter)
    .sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return {
    order,
    spellingsPattern,
    noFilter,
    canonical: (name) =>
      lookup.get(name.toLowerCase()) ?? lookup.get(name.trim().toLowerCase()) ?? null,
    rank: (name) => ranks.get(name) ?? order.length,
  };
}
