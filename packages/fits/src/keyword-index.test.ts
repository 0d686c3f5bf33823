import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatFitsCard, type FitsCard } from './format-fits-header.js';
import { parseCards } from './parse-fits-header.js';
import { corruption, headerCards, keywordsOf } from '@astrotrack/test-utils/fits-header-arbitrary';

/** The module afresh: its keyword slots are shared by every header it reads, and fill up. */
async function freshIndex() {
  vi.resetModules();
  return import('./keyword-index.js');
}

// More names than the index has slots (64), so keywords past them are exercised too.
const KEYWORDS = Array.from({ length: 90 }, (_, i) => `K${i.toString(36).toUpperCase()}-${i % 7}`);
// A few common keywords, often repeated: the first of the same keyword must win.
const keyword = fc.oneof(
  { arbitrary: fc.constantFrom('EXPTIME', 'FILTER', 'DATE-OBS', 'CCD-TEMP'), weight: 3 },
  { arbitrary: fc.constantFrom(...KEYWORDS), weight: 1 },
);
const value = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
  fc.stringMatching(/^[ -~]{0,40}$/).map((s) => s.trimEnd()),
);
const card = fc.oneof(
  fc.tuple(keyword, value).map(([k, v]) => formatFitsCard([k, v] as FitsCard)),
  fc.constant('COMMENT   written by a test'.padEnd(80)),
  fc.tuple(keyword).map(([k]) => `${k.padEnd(8)}  no value card${' '.repeat(57)}`.slice(0, 80)),
);

describe('indexCards', () => {
  it('finds the first value of every keyword, as a full parse does, header after header', async () => {
    // One property run is several headers in a row: slots made while reading one header must not
    // confuse the next, whatever order keywords are first asked for in.
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.array(card, { maxLength: 60 }),
            fc.array(fc.tuple(keyword, fc.boolean()), { maxLength: 40 }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (headers) => {
          const { firstValues, indexCards } = await freshIndex();
          for (const [cards, asked] of headers) {
            const text = cards.join('');
            const expected = firstValues(parseCards(text));
            const index = indexCards(text);
            for (const [name, lowerCase] of asked) {
              const actual = index.value(lowerCase ? name.toLowerCase() : name);
              expect(actual).toEqual(expected.get(name));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the full parse's value and problem for every keyword of realistic, corrupted headers", async () => {
    const { indexCards } = await freshIndex();
    let sloppy = 0;
    fc.assert(
      fc.property(headerCards, corruption, (cards, corrupt) => {
        const text = corrupt(cards);
        const full = new Map<string, { value: unknown; problem?: string }>();
        for (const card of parseCards(text)) {
          const key = card.keyword.toUpperCase();
          if (!card.commentary && !full.has(key)) full.set(key, card);
        }
        const index = indexCards(text);
        for (const name of keywordsOf(text)) {
          const expected = full.get(name.toUpperCase());
          expect([name, index.value(name)]).toEqual([name, expected?.value]);
          expect([name, index.problem(name)]).toEqual([name, expected?.problem]);
          if (expected?.problem) sloppy++;
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach the lenient reader, not only clean cards.
    expect(sloppy).toBeGreaterThan(20);
  });

  it('finds a keyword first asked for after the header was indexed', async () => {
    const { indexCards } = await freshIndex();
    const text = ['EXPTIME', 'LATEKEY1', 'LATEKEY2'].map((k, i) => formatFitsCard([k, i])).join('');
    const index = indexCards(text);
    expect(index.value('EXPTIME')).toBe(0);
    expect(index.value('LATEKEY2')).toBe(2);
    expect(index.value('latekey1')).toBe(1);
    expect(index.value('ABSENT')).toBeUndefined();
  });

  it('finds keywords past the slots it keeps', async () => {
    const { indexCards } = await freshIndex();
    const names = KEYWORDS.slice(0, 80);
    const text = names.map((k, i) => formatFitsCard([k, i])).join('');
    // Asked over several headers, so the later headers are indexed with every slot taken.
    for (let round = 0; round < 3; round++) {
      const index = indexCards(text);
      expect(names.map((k) => index.value(k))).toEqual(names.map((_, i) => i));
    }
  });

  it('finds keywords by their slots in a header of more cards than a byte can count', async () => {
    const { indexCards } = await freshIndex();
    const filler = formatFitsCard(['FILLER', 1]);
    const names = KEYWORDS.slice(0, 10);
    // 300 cards first: the keywords sit at card indexes past 255.
    const text = filler.repeat(300) + names.map((k, i) => formatFitsCard([k, i])).join('');
    for (let round = 0; round < 2; round++) {
      const index = indexCards(text);
      expect(names.map((k) => index.value(k))).toEqual(names.map((_, i) => i));
    }
  });

  it('finds cards past what a slot can point at in a very long header', async () => {
    const { indexCards } = await freshIndex();
    const filler = formatFitsCard(['FILLER', 1]);
    const text = `${filler.repeat(33_000)}${formatFitsCard(['FAR', 7])}${formatFitsCard(['FAR', 8])}`;
    expect(indexCards(formatFitsCard(['FAR', 1])).value('FAR')).toBe(1);
    expect(indexCards(text).value('FAR')).toBe(7);
  });
});
