/**
 * fast-check generators of FITS headers as capture programs write them, for property tests that
 * must reach the parsers: value cards of every type, commentary cards, HIERARCH keywords in any
 * case, CONTINUE long strings, lower-case keywords, duplicates, headers of one to many blocks —
 * and the ways real files break them (a stray byte, a lost quote, an unquoted value, a cut).
 */
import fc from 'fast-check';

const CARD = 80;
const BLOCK = 2880;

/** Keywords a scan asks for, and others; some repeated, so the first must win. */
const COMMON = [
  'EXPTIME',
  'EXPOSURE',
  'FILTER',
  'OBJECT',
  'IMAGETYP',
  'DATE-OBS',
  'ROTATOR',
  'CCD-TEMP',
  'XBINNING',
];
const keyword = fc.oneof(
  { arbitrary: fc.constantFrom(...COMMON), weight: 4 },
  { arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_-]{0,7}$/), weight: 3 },
  // Lower-case keywords are not standard, but are written (`medNR-1`).
  { arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,7}$/), weight: 1 },
);
const reserved = new Set(['COMMENT', 'HISTORY', 'CONTINUE', 'HIERARCH', 'END', 'SIMPLE']);

const text = fc.stringMatching(/^[ -~]{0,50}$/).map((s) => s.trimEnd());
const value = fc.oneof(
  fc.boolean().map((b) => (b ? 'T' : 'F').padStart(20)),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((n) => String(n).padStart(20)),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 })
    .map((n) => String(n).replace('e', 'E').padStart(20)),
  fc.constantFrom('1.2345D+04', '240.', '3.00000000000E+002', '(1.5, -2.0)', ''),
  // What JSON cannot carry (no Infinity, no -0), and unquoted text left undefined.
  fc.constantFrom('1E999', '-1D400', '-0.0', '(1E999, 0)', 'Ha (narrow)', '300 s'),
  text.map((s) => `'${s.replace(/'/g, "''").padEnd(8)}'`),
);
const comment = fc.option(text, { nil: undefined });

function card(body: string): string {
  return body.slice(0, CARD).padEnd(CARD);
}

const valueCard = fc
  .tuple(keyword, value, comment)
  .filter(([k]) => !reserved.has(k.toUpperCase()))
  .map(([k, v, c]) => card(`${k.padEnd(8)}= ${v}${c ? ` / ${c}` : ''}`));
const commentaryCard = fc
  .tuple(fc.constantFrom('COMMENT ', 'HISTORY ', '        '), text)
  .map(([k, t]) => card(`${k}${t}`));
const hierarchCard = fc
  .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9]$/), value)
  .map(([k, v]) => card(`HIERARCH ${k} = ${v.trim()}`));
/** A long string over several cards: `'…&'` then `CONTINUE  '…'`. */
const longString = fc
  .tuple(
    fc.constantFrom('NOTES', 'OBJECT', 'FILTER'),
    fc.array(fc.stringMatching(/^[ -&(-~]{1,60}$/), { minLength: 2, maxLength: 4 }),
  )
  .map(([k, parts]) =>
    parts
      .map((part, i) => {
        const more = i < parts.length - 1 ? '&' : '';
        return i === 0
          ? card(`${k.padEnd(8)}= '${part}${more}'`)
          : card(`CONTINUE  '${part}${more}'`);
      })
      .join(''),
  );

const anyCard = fc.oneof(
  { arbitrary: valueCard, weight: 8 },
  { arbitrary: commentaryCard, weight: 2 },
  { arbitrary: hierarchCard, weight: 1 },
  { arbitrary: longString, weight: 1 },
);

/**
 * The cards of a header, without END: from a handful to several blocks' worth. (fast-check keeps
 * arrays short unless told: a third of these are past the two blocks a first read takes.)
 */
export const headerCards = fc
  .oneof(
    fc.array(anyCard, { maxLength: 40 }),
    fc.array(anyCard, { minLength: 60, maxLength: 160, size: 'max' }),
  )
  .map((cards) => `${card('SIMPLE  =                    T')}${cards.join('')}`);

/** Ways real files break a header's cards (the structure stays: every card 80 bytes). */
export const corruption = fc.oneof(
  fc.constant((cards: string) => cards),
  fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([at, code]) => (cards: string) => {
    const i = CARD + (at % Math.max(1, cards.length - CARD));
    return cards.slice(0, i) + String.fromCharCode(code) + cards.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0x1f })).map(([at, code]) => (cards: string) => {
    const i = CARD + (at % Math.max(1, cards.length - CARD));
    return cards.slice(0, i) + String.fromCharCode(code) + cards.slice(i + 1);
  }),
  // A quote lost: an unclosed string, or an unquoted one.
  fc.nat().map((at) => (cards: string) => {
    const quotes = [...cards.matchAll(/'/g)].map((m) => m.index!);
    if (quotes.length === 0) return cards;
    const i = quotes[at % quotes.length]!;
    return `${cards.slice(0, i)} ${cards.slice(i + 1)}`;
  }),
);

/** Header bytes: the cards, END, padded to whole blocks. */
export function headerBytes(cards: string): Buffer {
  const all = cards + card('END');
  return Buffer.from(all.padEnd(Math.ceil(all.length / BLOCK) * BLOCK), 'latin1');
}

/** Every keyword the cards name (as written and upper-cased), and a few that are absent. */
export function keywordsOf(cards: string): string[] {
  const names = new Set<string>(['ABSENT', 'NAXIS9']);
  for (let at = 0; at < cards.length; at += CARD) {
    const field = cards.slice(at, at + 8).trim();
    if (field === 'HIERARCH') {
      const equals = cards.indexOf('=', at + 9);
      if (equals !== -1 && equals < at + CARD) names.add(cards.slice(at + 9, equals).trim());
    } else if (field) {
      names.add(field);
      names.add(field.toUpperCase());
    }
  }
  return [...names];
}
