/**
 * Flags that set a config key are a partial config: read from their text, put at the key's path,
 * and checked by the config's own schema. The command line can accept nothing the config refuses,
 * and both say what is wrong in the same words.
 */
import { errors, formatPath, parseSortKey, type Settings } from '@astrotrack/core/internal';
import { parseAllocation, parseDecimal } from './parse-allocation.js';

export interface SettingFlag {
  /** As typed: `--tolerance`. */
  flag: string;
  /** The config key it sets: `organize.tolerance`. */
  path: string;
  /** The flag's text (or commander's boolean) → the value the schema checks. */
  read: (given: string | boolean) => unknown;
}

const number = (given: string | boolean) => parseDecimal(String(given));
const text = (given: string | boolean) => String(given);
/** `--no-headers`: commander gives false when it is there. */
const offWhenFalse = (given: string | boolean) => given !== false;

const SWITCHES = new Set<SettingFlag['read']>([offWhenFalse, Boolean]);

export const SETTING_FLAGS = {
  targetHours: { flag: '--target-hours', path: 'plan.targetHours', read: number },
  alloc: {
    flag: '--alloc',
    path: 'plan.allocation',
    read: (given) => ({ ...parseAllocation(String(given)) }),
  },
  buffer: { flag: '--buffer', path: 'plan.rejectionBuffer', read: number },
  sort: {
    flag: '--sort',
    path: 'report.sort',
    read: (given) => parseSortKey(String(given)) ?? given,
  },
  includeUnknown: { flag: '--include-unknown', path: 'report.includeUnknown', read: Boolean },
  headers: { flag: '--no-headers', path: 'headers', read: offWhenFalse },
  cache: { flag: '--no-cache', path: 'cache.enabled', read: offWhenFalse },
  flatTolerance: { flag: '--tolerance', path: 'flats.tolerance', read: number },
  sessionTolerance: { flag: '--tolerance', path: 'organize.tolerance', read: number },
  mode: { flag: '--mode', path: 'organize.mode', read: text },
  maxAge: { flag: '--max-age', path: 'flats.maxAgeDays', read: number },
} as const satisfies Record<string, SettingFlag>;

/**
 * The given flags as settings, or a usage error listing every bad one. Flags left out (undefined)
 * and switches in their default position (`headers: true` without `--no-headers`) set nothing.
 */
export async function settingsFromFlags(
  given: ReadonlyArray<readonly [SettingFlag, string | boolean | undefined]>,
): Promise<Settings> {
  const raw: Record<string, unknown> = {};
  const byPath = new Map<string, { flag: SettingFlag; text: string | boolean }>();
  for (const [flag, text] of given) {
    if (text === undefined || (flag.read === offWhenFalse && text !== false)) continue;
    setAt(raw, flag.path.split('.'), flag.read(text));
    byPath.set(flag.path, { flag, text });
  }
  // A switch (`--no-headers`) can only be right; the schema (zod, ~0.1 s of start-up) loads only
  // when a flag with a value is there to check.
  if ([...byPath.values()].every(({ flag }) => SWITCHES.has(flag.read))) return raw as Settings;
  const { settingsSchema } = await import('@astrotrack/core/schema');
  const checked = settingsSchema.safeParse(raw);
  if (checked.success) return checked.data;
  const problems = checked.error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const owner = [...byPath].find(([key]) => path === key || path.startsWith(`${key}.`));
    if (!owner) return `${path}: ${issue.message}`;
    const { flag, text } = owner[1];
    const detail = path === owner[0] ? '' : ` (${path.slice(owner[0].length + 1)})`;
    return `bad ${flag.flag} "${String(text)}"${detail}: ${issue.message}`;
  });
  throw errors.badUsage(
    problems.join('; '),
    problems.length > 1 ? 'fix the flags listed' : undefined,
  );
}

function setAt(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}
