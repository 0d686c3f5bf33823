/**
 * `IMAGETYP` (and INDI's `FRAME`, XISF's `imageType`) as capture programs write it: `LIGHT`,
 * `Light Frame`, `Flat Field`, `DARKFLAT`, `Dark Flat`, `Bias Frame`, `Offset`… matched in any case.
 */
import type { FrameKind } from '../frame.js';

const WORDS: Array<[RegExp, FrameKind]> = [
  [/^(dark\s*-?\s*flat|flat\s*-?\s*dark)s?\b/, 'darkflat'],
  [/^(light|object|science|snapshot)\b/, 'light'],
  [/^(flat|sky\s*flat|dome\s*flat)s?\b/, 'flat'],
  [/^darks?\b/, 'dark'],
  [/^(bias|offset|zero)\b/, 'bias'],
];

export function frameKindFromImageType(value: string): FrameKind | null {
  const text = value.trim().toLowerCase();
  for (const [pattern, kind] of WORDS) if (pattern.test(text)) return kind;
  return null;
}
