import { errors } from '@astrotrack/core/internal';

/** `L=40`, `L = 40`, `L=40%`: as people type them. */
const PAIR = /^([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*%?$/;

/** `L=40,R=20,G=20,B=20` → `{ L: 40, R: 20, G: 20, B: 20 }`; any bad pair is a usage error naming it. */
export function parseAllocation(text: string): Record<string, number> {
  // Filter names are the user's: no inherited keys (`__proto__` would be lost).
  const allocation: Record<string, number> = Object.create(null);
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = PAIR.exec(part);
    if (!match) {
      throw errors.badUsage(
        `bad --alloc "${part}": expected FILTER=PERCENT`,
        'write it like --alloc L=40,R=20,G=20,B=20',
      );
    }
    // Bounds are the config's (plan.allocation), checked with the other setting flags.
    const percent = Number(match[2]);
    if (Object.hasOwn(allocation, match[1]!))
      throw errors.badUsage(`bad --alloc: filter "${match[1]}" is given twice`);
    allocation[match[1]!] = percent;
  }
  if (Object.keys(allocation).length === 0) {
    throw errors.badUsage('--alloc is empty', 'write it like --alloc L=40,R=20,G=20,B=20');
  }
  return allocation;
}

/**
 * A decimal number as people type it (`45`, `-2.5`, `.5`, spaces around), or NaN: `0x10`, `1e3`
 * and `Infinity` are not what anyone means for a setting or an angle.
 */
export function parseDecimal(text: string): number {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** A number within a setting's bounds (SETTING_BOUNDS): what the config accepts, no more. */
export function parseBoundedNumber(
  flag: string,
  text: string,
  bound: { min: number; max: number },
): number {
  const value = parseDecimal(text);
  if (!(value >= bound.min && value <= bound.max)) {
    throw errors.badUsage(
      `bad ${flag} "${text}": expected a number from ${bound.min} to ${bound.max}`,
    );
  }
  return value;
}
