import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { formatFitsCard, formatFitsHeader, type FitsCard } from './format-fits-header.js';
import { parseCardLeniently } from './lenient-card.js';
import { FitsCardError, parseFitsCard, type HeaderCard } from './parse-fits-card.js';
import { FitsHeaderError, parseFitsHeader } from './parse-fits-header.js';
import { type FitsHeader, readFitsHeader, readFitsHeaderSync } from './read-fits-header.js';
import {
  corruption,
  headerBytes,
  headerCards,
  keywordsOf,
} from '@astrotrack/test-utils/fits-header-arbitrary';

const tempDir = useTempDir();
const FIXTURES = HEADER_FIXTURES;
type AstropyCard = [keyword: string, value: unknown, comment: string | null];
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  {
    cards?: AstropyCard[];
    primary?: AstropyCard[];
    image?: AstropyCard[];
    shape?: number[];
    bitpix?: number;
  }
>;

/** Our cards in astropy's shape: a commentary card's text is its value there. */
function asAstropy(cards: readonly HeaderCard[]): AstropyCard[] {
  return cards.map((card) =>
    card.commentary
      ? [card.keyword, card.comment ?? '', null]
      : [card.keyword, card.value, card.comment],
  );
}

describe('readFitsHeader against astropy', () => {
  it.each(['nina-light.fits', 'asiair-light.fit', 'maxim-light.fit', 'long-header.fits'])(
    '%s: every card as astropy reads it',
    async (name) => {
      const header = await readFitsHeader(join(FIXTURES, name));
      expect(asAstropy(header.cards)).toEqual(expected[name]!.cards);
      expect(header.compressed).toBe(false);
    },
  );

  it('reads long strings, HIERARCH, quotes and D exponents as written', async () => {
    const nina = await readFitsHeader(join(FIXTURES, 'nina-light.fits'));
    expect(nina.get('object')).toBe("Barnard's Loop");
    expect(nina.get('NOTES')).toBe(
      "A long note that no single card can hold, so astropy writes it with CONTINUE cards: seeing 2/5, dew on the secondary, it's fine.",
    );
    expect(nina.get('ESO DET CHIP NAME')).toBe('CCD #1');
    const maxim = await readFitsHeader(join(FIXTURES, 'maxim-light.fit'));
    expect(maxim.get('EXPTIME')).toBe(300);
    expect(maxim.get('FOCUSPOS')).toBe(12345);
    expect(maxim.get('CPLX')).toEqual({ re: 1.5, im: -2 });
    expect(maxim.get('EMPTY')).toBeNull();
    expect(maxim.get('MISSING')).toBeUndefined();
  });

  it('reads a tile-compressed .fz as the image it holds', async () => {
    const header = await readFitsHeader(join(FIXTURES, 'compressed.fits.fz'));
    const fz = expected['compressed.fits.fz']!;
    expect(header.compressed).toBe(true);
    expect(header.get('BITPIX')).toBe(fz.bitpix);
    expect([header.get('NAXIS2'), header.get('NAXIS1')]).toEqual(fz.shape);
    // astropy's view also keeps the BINTABLE's own CHECKSUM/DATASUM; by the convention they checksum
    // the table, not the image (whose would be ZHECKSUM/ZDATASUM), so we leave them out.
    const structural =
      /^(XTENSION|SIMPLE|BITPIX|NAXIS\d*|PCOUNT|GCOUNT|EXTNAME|EXTEND|CHECKSUM|DATASUM)$/;
    const observation = (cards: AstropyCard[]) =>
      cards.filter(([keyword]) => !structural.test(keyword));
    expect(observation(asAstropy(header.cards))).toEqual(observation(fz.image!));
    expect(asAstropy(header.primary!)).toEqual(fz.primary);
    expect(
      header.cards.some((card) => card.keyword.startsWith('Z') || card.keyword === 'TFORM1'),
    ).toBe(false);
  });
});

describe('parseFitsCard', () => {
  it.each<[string, Partial<HeaderCard>]>([
    [
      "OBJECT  = 'M 42    '           / target",
      { keyword: 'OBJECT', value: 'M 42', comment: 'target' },
    ],
    ["OBJECT  = '  lead'", { value: '  lead', comment: null }],
    ["OBJECT  = ''", { value: '' }],
    ["OBJECT  = 'a/b' / c/d", { value: 'a/b', comment: 'c/d' }],
    ["OBJECT  = 'It''s'", { value: "It's" }],
    ['SIMPLE  =                    T', { value: true }],
    ['FLIPPED =                    F / no', { value: false, comment: 'no' }],
    ['GAIN    =                  -12', { value: -12 }],
    ['EXPTIME =                 300.', { value: 300 }],
    ['EXPTIME =             3.0D+002', { value: 300 }],
    ['TINY    =        -1.382786e-09', { value: -1.382786e-9 }],
    ['X       =                0.E0', { value: 0 }],
    // A cooler's printf of -0.04: one zero, whichever way the value travels (JSON has no -0).
    ['CCD-TEMP=                 -0.0', { value: 0 }],
    ['EMPTY   =', { value: null, commentary: false }],
    [
      'COMMENT   any text / here',
      { keyword: 'COMMENT', value: null, comment: '  any text / here', commentary: true },
    ],
    ['HISTORY = looks like a value', { keyword: 'HISTORY', commentary: true }],
    ['        blank keyword', { keyword: '', commentary: true }],
    ["HIERARCH iTelescope = 'iTelescope 33'", { keyword: 'iTelescope', value: 'iTelescope 33' }],
    ['medNR-1 =                    3', { keyword: 'medNR-1', value: 3 }],
  ])('%s', (card, fields) => {
    expect(parseFitsCard(card.padEnd(80))).toMatchObject(fields);
  });

  it.each([
    "OBJECT  = 'never closed",
    'EXPTIME = 3 hundred',
    'X       = (1, two)',
    'EXPTIME =                1E999',
    'EXPTIME =               -1D400',
    'Z       = (1E999, 0)',
  ])('refuses %s', (card) => {
    expect(() => parseFitsCard(card.padEnd(80))).toThrow(FitsCardError);
  });

  it('keeps no -0', () => {
    expect(Object.is(parseFitsCard('T       =                 -0.0'.padEnd(80)).value, 0)).toBe(
      true,
    );
    expect(Object.is(parseFitsCard('T       =               -0D+00'.padEnd(80)).value, 0)).toBe(
      true,
    );
  });

  it('reads a number too large for a double leniently as undefined, saying so', () => {
    expect(parseCardLeniently('EXPTIME =                1E999 / [s]'.padEnd(80))).toEqual({
      keyword: 'EXPTIME',
      value: null,
      comment: '[s]',
      commentary: false,
      problem: '"1E999" is too large a number to read; left undefined',
    });
  });
});

describe('readFitsHeader on hostile input', () => {
  const header = formatFitsHeader([
    ['SIMPLE', true],
    ['BITPIX', 16],
    ['NAXIS', 0],
    ['FILTER', 'L'],
  ]);

  async function failure(bytes: Uint8Array, options = {}): Promise<string> {
    const file = join(tempDir(), 'frame.fits');
    writeFileSync(file, bytes);
    const error = await readFitsHeader(file, options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FitsHeaderError);
    return (error as Error).message;
  }

  it('names each problem in one line', async () => {
    expect(await failure(new Uint8Array())).toBe('the file is empty');
    expect(await failure(Buffer.from('\x89PNG\r\n\x1a\n binary garbage'))).toBe(
      'not a FITS file: it does not start with SIMPLE',
    );
    expect(await failure(header.subarray(0, 240))).toBe(
      'the file ends inside the header (after 240 bytes): truncated?',
    );
    const noEnd = Buffer.from(
      Array.from({ length: 200 }, (_, i) => formatFitsCard([`K${i}`, i])).join(''),
    );
    expect(
      await failure(Buffer.concat([Buffer.from(formatFitsCard(['SIMPLE', true])), noEnd]), {
        maxHeaderBytes: 5760,
      }),
    ).toBe('no END card in the first 5760 bytes of the header');
  });

  it('reads a non-ASCII byte in a value and names the card; forgives one in a comment', async () => {
    const nonAscii = Buffer.from(header);
    nonAscii.write("FILTER  = 'H\u00e9'", 240, 'latin1');
    const file = join(tempDir(), 'latin1.fits');
    writeFileSync(file, nonAscii);
    const latin1 = await readFitsHeader(file);
    expect(latin1.get('FILTER')).toBe('H?');
    expect(latin1.problem('FILTER')).toBe('has bytes that are not printable ASCII');
    const utf8 = Buffer.from(header);
    utf8.write("OBSERVER= 'Jos\u00c3\u00a9'", 240, 'latin1');
    writeFileSync(file, utf8);
    expect((await readFitsHeader(file)).get('OBSERVER')).toBe('José');
    const bytes = Buffer.from(header);
    bytes.write("FILTER  = 'L       ' / 45\u00b0 rotator", 240, 'latin1');
    writeFileSync(file, bytes);
    const read = await readFitsHeader(file);
    expect(read.get('FILTER')).toBe('L');
    expect(read.problem('FILTER')).toBeUndefined();
    expect(read.cards[3]!.comment).toBe('45? rotator');
  });

  it('reads a control character in a value as ?, naming the card, and forgives it in a comment', async () => {
    const bytes = Buffer.from(
      formatFitsHeader([
        ['SIMPLE', true],
        ['BITPIX', 16],
        ['NAXIS', 0],
        ['FILTER', 'Ha'],
        ['OBJECT', 'M31'],
      ]),
    );
    bytes.write("FILTER  = 'H\ta'", 240, 'latin1');
    bytes.write("OBJECT  = 'M31' / first\u0007", 320, 'latin1');
    const file = join(tempDir(), 'frame.fits');
    writeFileSync(file, bytes);
    const read = await readFitsHeader(file);
    expect(read.get('OBJECT')).toBe('M31');
    expect(read.problem('OBJECT')).toBeUndefined();
    expect(read.get('FILTER')).toBe('H?a');
    expect(read.problem('FILTER')).toBe('has bytes that are not printable ASCII');
    expect(read.cards[3]).toMatchObject({ value: 'H?a', problem: expect.any(String) });
  });

  it('never fails any other way, whatever the bytes', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 9000 }),
        fc.boolean(),
        async (bytes, looksLikeFits) => {
          const file = join(dir, 'x.fits');
          const content = looksLikeFits ? Buffer.concat([Buffer.from('SIMPLE  ='), bytes]) : bytes;
          writeFileSync(file, content);
          const result = await readFitsHeader(file, { maxHeaderBytes: 8640 }).then(
            () => 'ok',
            (e: unknown) => (e instanceof FitsHeaderError ? 'header error' : e),
          );
          expect(['ok', 'header error']).toContain(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads realistic and corrupted headers the same way sync and async, each keyword as the full parse', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.fits');
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        headerCards,
        corruption,
        fc.option(fc.nat(), { nil: undefined }),
        async (cards, corrupt, cut) => {
          const bytes = headerBytes(corrupt(cards));
          writeFileSync(file, cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length));
          const attempt = (read: () => FitsHeader) => {
            try {
              return read();
            } catch (error) {
              if (!(error instanceof FitsHeaderError)) throw error;
              return error.message;
            }
          };
          const sync = attempt(() => readFitsHeaderSync(file));
          const async = await readFitsHeader(file).catch((error: unknown) => {
            if (!(error instanceof FitsHeaderError)) throw error;
            return error.message;
          });
          if (typeof sync === 'string' || typeof async === 'string') {
            expect(async).toEqual(sync);
            outcomes.refused++;
            return;
          }
          outcomes.read++;
          // The full parse of the bytes in memory: what every file reader must agree with.
          const parsed = parseFitsHeader(bytes);
          if (!parsed.done) throw new Error('a header the reader read must parse in memory');
          expect(sync.cards).toEqual(parsed.cards);
          expect(async.cards).toEqual(parsed.cards);
          const full = new Map<string, HeaderCard>();
          for (const card of parsed.cards) {
            const key = card.keyword.toUpperCase();
            if (!card.commentary && !full.has(key)) full.set(key, card);
          }
          for (const name of keywordsOf(cards)) {
            const expected = full.get(name.toUpperCase());
            for (const header of [sync, async]) {
              expect([name, header.get(name)]).toEqual([name, expected?.value]);
              expect([name, header.problem(name)]).toEqual([name, expected?.problem]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // The generator reaches both: headers read, and headers cut too short to be.
    expect(outcomes.read).toBeGreaterThan(60); // about 150 expected: far from a flake
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  it('reads back whatever our writer writes', () => {
    const keyword = fc
      .stringMatching(/^[A-Z][A-Z0-9_-]{0,7}$/)
      .filter((k) => !['COMMENT', 'HISTORY', 'CONTINUE', 'HIERARCH', 'END'].includes(k));
    const value = fc.oneof(
      fc.boolean(),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
      fc.stringMatching(/^[ -~]{0,60}$/).map((s) => s.trimEnd()),
    );
    fc.assert(
      fc.property(keyword, value, (key, written) => {
        const card = parseFitsCard(formatFitsCard([key, written] as FitsCard));
        expect(card.keyword).toBe(key);
        expect(card.value).toEqual(Object.is(written, -0) ? 0 : written);
      }),
    );
  });
});
