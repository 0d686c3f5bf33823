/**
 * One reading of a header: for every fixture astropy wrote, the synchronous reader (what `scan` uses,
 * through its reused buffer), the asynchronous one (network disks), the keyword index (the fast
 * look-up) and the full parse (`inspect`) give the values astropy gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import type { HeaderCard } from './parse-fits-card.js';
import { type FitsHeader, readFitsHeader, readFitsHeaderSync } from './read-fits-header.js';

const FIXTURES = HEADER_FIXTURES;
type AstropyCard = [keyword: string, value: unknown, comment: string | null];
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  { cards?: AstropyCard[]; hdus?: AstropyCard[][] }
>;

function asAstropy(cards: readonly HeaderCard[]): AstropyCard[] {
  return cards.map((card) =>
    card.commentary
      ? [card.keyword, card.comment ?? '', null]
      : [card.keyword, card.value, card.comment],
  );
}

/** The first value of each value card, as astropy's `header[keyword]` gives it. */
function firstValues(cards: readonly AstropyCard[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [keyword, value] of cards) {
    if (['COMMENT', 'HISTORY', ''].includes(keyword) || values.has(keyword)) continue;
    values.set(keyword, value);
  }
  return values;
}

/** Reads a file every way a command can: sync (scan), async (slow disks), twice in a row. */
async function everyRead(name: string): Promise<FitsHeader[]> {
  const path = join(FIXTURES, name);
  // A first read of another long file leaves bytes in the reused buffer that a bad copy would show.
  readFitsHeaderSync(join(FIXTURES, 'long-header.fits'));
  return [readFitsHeaderSync(path), await readFitsHeader(path), readFitsHeaderSync(path)];
}

const ASTROPY_FILES = [
  'nina-light.fits',
  'asiair-light.fit',
  'maxim-light.fit',
  'long-header.fits',
  'nina-long-light.fits',
  'maxim-74.fit',
  'nina-osc-light.fits',
  'asiair-utc-light.fit',
  'sgp-dslr-light.fit',
];

describe('every header read, against astropy', () => {
  it.each(ASTROPY_FILES)(
    '%s: every card and every keyword look-up as astropy reads them',
    async (name) => {
      const cards = expected[name]!.cards!;
      const values = firstValues(cards);
      for (const header of await everyRead(name)) {
        expect(asAstropy(header.cards)).toEqual(cards);
        for (const [keyword, value] of values) {
          expect([keyword, header.get(keyword)]).toEqual([keyword, value]);
          expect([keyword, header.get(keyword.toLowerCase())]).toEqual([keyword, value]);
          expect(header.problem(keyword)).toBeUndefined();
        }
      }
    },
  );

  it('reads a 94-card N.I.N.A. header whole: filter and rotator from the first block, the rest after', async () => {
    expect(expected['nina-long-light.fits']!.cards!.length).toBeGreaterThan(90);
    for (const header of await everyRead('nina-long-light.fits')) {
      expect(header.get('FILTER')).toBe('OIII');
      expect(header.get('ROTATOR')).toBe(123.4);
      expect(header.get('EXPTIME')).toBe(600);
      expect(header.get('NINAX11')).toBe(11);
    }
  });

  it('reads sloppy cards leniently, each with its problem, and the rest as astropy does', async () => {
    const astropy = expected['sloppy-light.fit']!.cards!;
    for (const header of await everyRead('sloppy-light.fit')) {
      // astropy turns each stray byte into '?'; we read valid UTF-8 as what it says.
      const ours = asAstropy(header.cards).filter(([keyword]) => keyword !== 'DATE-OBS');
      const theirs = astropy.map(
        ([keyword, value, comment]): AstropyCard =>
          keyword === 'OBSERVER' ? [keyword, 'José', comment] : [keyword, value, comment],
      );
      expect(ours.map(([k, v]) => [k, k === 'HISTORY' ? String(v).replace('°', '??') : v])).toEqual(
        theirs.map(([k, v]) => [k, v]),
      );
      expect(header.get('OBSERVER')).toBe('José');
      expect(header.problem('OBSERVER')).toBe('has bytes that are not printable ASCII');
      expect(header.get('DATE-OBS')).toBe('2020-01-21T20:29:08.357');
      expect(header.problem('DATE-OBS')).toMatch(/is not quoted; read as text/);
      expect(header.get('BINNING')).toBe('2*2');
      expect(header.get('EXPTIME')).toBe('1e999');
      expect(header.get('EXPOSURE')).toBe(1e300);
    }
  });

  it('reads a multi-extension file as its image extension with the primary inherited', async () => {
    const hdus = expected['mef-light.fits']!.hdus!;
    for (const header of await everyRead('mef-light.fits')) {
      expect(header.hdus.map((hdu) => asAstropy(hdu.cards))).toEqual(hdus);
      expect(header.hdus.map((hdu) => hdu.label)).toEqual([
        'primary',
        "extension 1 (IMAGE 'CCD00')",
      ]);
      expect(header.get('FILTER')).toBe('R'); // the extension wins
      expect(header.get('OBJECT')).toBe('M 101'); // inherited from the primary
      expect(header.get('EXPTIME')).toBe(120);
    }
  });

  it('reads a tile-compressed extension as astropy shows it, the primary kept', async () => {
    const [primary, image] = expected['mef-light.fits.fz']!.hdus!;
    // astropy recomputes CHECKSUM/DATASUM for the image it decompresses; the file's are the table's.
    const withoutSums = (cards: AstropyCard[]) =>
      new Map(
        [...firstValues(cards)].filter(([keyword]) => !['CHECKSUM', 'DATASUM'].includes(keyword)),
      );
    for (const header of await everyRead('mef-light.fits.fz')) {
      expect(header.compressed).toBe(true);
      expect(asAstropy(header.hdus[0]!.cards)).toEqual(primary);
      expect(withoutSums(asAstropy(header.hdus[1]!.cards))).toEqual(withoutSums(image!));
      expect(header.hdus[1]!.label).toBe("extension 1 (tile-compressed IMAGE 'CCD00')");
      expect(header.get('EXTNAME')).toBe('CCD00');
      expect(header.get('FILTER')).toBe('R');
      expect(header.get('OBJECT')).toBe('M 101');
    }
  });
});
