/**
 * Reads one 80-character FITS card (FITS Standard 4.0 §4.1–4.2): value cards `KEY     = value / c`,
 * HIERARCH keywords, CONTINUE long strings (handled by the header parser), commentary cards.
 */

export type FitsValue = string | number | boolean | null | { re: number; im: number };

export interface HeaderCard {
  /** Upper-case as written; HIERARCH keywords keep their own case and spaces. */
  keyword: string;
  /** null: a commentary card, or a value card with an undefined (blank) value. */
  value: FitsValue;
  comment: string | null;
  /** COMMENT, HISTORY, blank keyword, or any card without `= `. */
  commentary: boolean;
  /** What was wrong with a card that breaks the standard and was read leniently (lenient-card.ts). */
  problem?: string;
}

export class FitsCardError extends Error {
  override readonly name = 'FitsCardError';
}

/** A real number as FITS writes one (`1.5D3` too): Number() alone would also take `0x1F`, `Infinity`. */
export const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?$/;
const COMPLEX = /^\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/;

export function parseFitsCard(card: string): HeaderCard {
  const name = card.slice(0, 8).trimEnd();
  if (name === 'HIERARCH') return parseHierarch(card);
  if (card.slice(8, 10) !== '= ' || name === 'COMMENT' || name === 'HISTORY' || name === '') {
    return {
      keyword: name,
      value: null,
      comment: card.slice(8).trimEnd() || null,
      commentary: true,
    };
  }
  return { keyword: name, ...parseValueAndComment(card.slice(10)), commentary: false };
}

/** ESO HIERARCH convention: `HIERARCH ESO DET CHIP = 'x' / c`; the keyword runs up to the first `=`. */
function parseHierarch(card: string): HeaderCard {
  const equals = card.indexOf('=', 9);
  if (equals === -1)
    return {
      keyword: 'HIERARCH',
      value: null,
      comment: card.slice(8).trim() || null,
      commentary: true,
    };
  return {
    keyword: card.slice(9, equals).trim(),
    ...parseValueAndComment(card.slice(equals + 1)),
    commentary: false,
  };
}

/**
 * Only the value of a value card (`KEYWORD = value / comment`), for look-ups: the comment is not
 * cut out, which saves most of what parsing a card allocates.
 */
export function parseCardValue(card: string): FitsValue {
  let start = 10;
  while (card.charCodeAt(start) === 0x20) start++;
  if (card.charCodeAt(start) === 0x27) return readString(card, start).value;
  const slash = card.indexOf('/', start);
  return parseScalar((slash === -1 ? card.slice(start) : card.slice(start, slash)).trim());
}

/** The text after `= `: a value, then an optional `/ comment`. */
export function parseValueAndComment(text: string): { value: FitsValue; comment: string | null } {
  const start = text.length - text.trimStart().length;
  if (text[start] === "'") {
    const { value, end } = readString(text, start);
    return { value, comment: commentAfter(text, end) };
  }
  const slash = text.indexOf('/');
  const raw = (slash === -1 ? text : text.slice(0, slash)).trim();
  const comment = slash === -1 ? null : text.slice(slash + 1).trim() || null;
  return { value: parseScalar(raw), comment };
}

/** Reads `'...'` with `''` as a quote; trailing spaces are insignificant, leading ones are kept. */
export function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote === -1) throw new FitsCardError('a string value has no closing quote');
    value += text.slice(i, quote);
    if (text[quote + 1] === "'") {
      value += "'";
      i = quote + 2;
    } else {
      return { value: value.trimEnd(), end: quote + 1 };
    }
  }
}

function commentAfter(text: string, end: number): string | null {
  const slash = text.indexOf('/', end);
  return slash === -1 ? null : text.slice(slash + 1).trim() || null;
}

/**
 * A number as every reader of it will see it: `1E999` (past a double) is refused rather than
 * read as Infinity, and `-0.0` (a cooler's `printf` of -0.04) is 0. Both matter because a header's
 * values reach the engine through JSON too (the header cache, a worker's answers), which has no
 * Infinity and no -0: a cached scan must say what an uncached one says.
 */
function readable(number: number, raw: string): number {
  if (!Number.isFinite(number)) throw new FitsCardError(`"${raw}" is too large a number to read`);
  return number === 0 ? 0 : number;
}

export function parseScalar(raw: string): FitsValue {
  if (raw === '') return null;
  if (raw === 'T') return true;
  if (raw === 'F') return false;
  // Number() first (fast), but only for what FITS allows it to read: no hex, no Infinity, no blanks.
  const first = raw.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    const number = Number(raw);
    if (!Number.isNaN(number) && REAL.test(raw)) return readable(number, raw);
    if (/^[+-]?(\d+\.?\d*|\.\d+)[Dd][+-]?\d+$/.test(raw))
      return readable(Number(raw.replace(/[Dd]/, 'E')), raw);
  }
  const complex = COMPLEX.exec(raw);
  if (complex && REAL.test(complex[1]!) && REAL.test(complex[2]!)) {
    return {
      re: readable(Number(complex[1]!.replace(/[Dd]/, 'E')), raw),
      im: readable(Number(complex[2]!.replace(/[Dd]/, 'E')), raw),
    };
  }
  throw new FitsCardError(`"${raw}" is not a FITS value`);
}
