import { errors } from '@astrotrack/core';

const PAIR = /^([^=\s]+)=(\d+(?:\.\d+)?)$/;

/** `L=40,R=20,G=20,B=20` → `{ L: 40, R: 20, G: 20, B: 20 }`; any bad pair is a usage error naming it. */
export function parseAllocation(text: string): Record<string, number> {
  const allocation: Record<string, number> = {};
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
    const percent = Number(match[2]);
    if (percent > 100)
      throw errors.badUsage(`bad --alloc "${part}": a percentage cannot exceed 100`);
    if (Object.hasOwn(allocation, match[1]!))
      throw errors.badUsage(`bad --alloc: filter "${match[1]}" is given twice`);
    allocation[match[1]!] = percent;
  }
  if (Object.keys(allocation).length === 0) {
    throw errors.badUsage('--alloc is empty', 'write it like --alloc L=40,R=20,G=20,B=20');
  }
  return allocation;
}

export function parsePositiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!text.trim() || !Number.isFinite(value) || value <= 0) {
    throw errors.badUsage(`bad ${flag} "${text}": expected a number above 0`);
  }
  return value;
}

export function parsePercent(flag: string, text: string): number {
  const value = Number(text);
  if (!text.trim() || !Number.isFinite(value) || value < 0 || value > 1000) {
    throw errors.badUsage(`bad ${flag} "${text}": expected a percentage from 0 to 1000`);
  }
  return value;
}

/** A number within a setting's bounds (SETTING_BOUNDS): what the config accepts, no more. */
export function parseBoundedNumber(
  flag: string,
  text: string,
  bound: { min: number; max: number },
): number {
  const value = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= bound.min && value <= bound.max)) {
    throw errors.badUsage(
      `bad ${flag} "${text}": expected a number from ${bound.min} to ${bound.max}`,
    );
  }
  return value;
}
