/** The keys the exposure table can be sorted by, as the config and `--sort` name them. */
export const SORT_KEYS = [
  'filter',
  'exposure',
  'subs',
  'total',
  'remaining-time',
  'remaining-subs',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The toolkit's `sort_by` values, accepted as synonyms. */
export const TOOLKIT_SORT_NAMES: Readonly<Record<string, SortKey>> = {
  folder: 'filter',
  exposure_time: 'exposure',
  num_subs: 'subs',
  total_exposure: 'total',
  remaining_time: 'remaining-time',
  remaining_subs: 'remaining-subs',
};

export function parseSortKey(value: string): SortKey | null {
  if ((SORT_KEYS as readonly string[]).includes(value)) return value as SortKey;
  return TOOLKIT_SORT_NAMES[value] ?? null;
}
