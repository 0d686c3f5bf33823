import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { xisfBytes } from '@astrotrack/test-utils/xisf-bytes';
import { parseCardLeniently } from './lenient-card.js';
import { FitsHeaderError } from './parse-fits-header.js';
import { parseXisfXml, readXisfHeader } from './read-xisf-header.js';

const tempDir = useTempDir();
const FIXTURES = HEADER_FIXTURES;
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'))[
  'nina-light.xisf'
] as {
  keywords: Array<[string, unknown, string]>;
  properties: Record<string, string>;
};

describe('readXisfHeader', () => {
  it("reads N.I.N.A.'s FITSKeyword and Property elements", async () => {
    const header = await readXisfHeader(join(FIXTURES, 'nina-light.xisf'));
    expect(header.cards.map((c) => [c.keyword, c.commentary ? null : c.value, c.comment])).toEqual(
      expected.keywords,
    );
    expect(Object.fromEntries([...header.properties].map(([id, p]) => [id, p.value]))).toEqual(
      expected.properties,
    );
    expect(header.properties.get('Instrument:ExposureTime')?.type).toBe('Float32');
    expect(header.imageType).toBe('LIGHT');
    expect(header.get('object')).toBe("Barnard's Loop");
    expect(header.get('EXPOSURE')).toBe(300);
    expect(header.get('FLIPPED')).toBe(true);
  });

  async function failure(bytes: Uint8Array): Promise<string> {
    const file = join(tempDir(), 'frame.xisf');
    writeFileSync(file, bytes);
    const error = await readXisfHeader(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FitsHeaderError);
    return (error as Error).message;
  }

  it('names each problem in one line', async () => {
    const good = '<?xml version="1.0"?><xisf version="1.0"><Image/></xisf>';
    expect(await failure(new Uint8Array())).toBe('the file is empty');
    expect(await failure(Buffer.from('SIMPLE  =   T'))).toBe(
      'not an XISF file: it does not start with XISF0100',
    );
    expect(await failure(xisfBytes(good).subarray(0, 12))).toBe(
      'the file ends inside the XISF preamble: truncated?',
    );
    expect(await failure(xisfBytes(good, 4000))).toMatch(
      /^the file ends inside the XML header \(\d+ of 4000 bytes\): truncated\?$/,
    );
    expect(await failure(xisfBytes(good, 2 ** 31))).toBe(
      'the XML header claims 2147483648 bytes, more than the 4194304 allowed',
    );
    expect(await failure(xisfBytes('<xisf><Image></xisf>'))).toMatch(
      /^the XML header is not well-formed: .+ \(line 1\)$/,
    );
    expect(await failure(xisfBytes('<other/>'))).toBe('the XML header has no <xisf> root element');
    expect(
      await failure(
        Buffer.concat([xisfBytes('<xisf>'), Buffer.from([0xff, 0xfe])]).fill(0xff, 16, 17),
      ),
    ).toMatch(/UTF-8|well-formed/);
    // The XML parser's own errors, not only its validator's, become one line.
    expect(await failure(xisfBytes("<xisf><!'</xisf>"))).toMatch(
      /^the XML header is not well-formed/,
    );
  });

  it('reads a sloppy FITSKeyword value leniently and names its problem', async () => {
    const file = join(tempDir(), 'frame.xisf');
    writeFileSync(
      file,
      xisfBytes(
        '<xisf><Image><FITSKeyword name="X" value="\'open"/><FITSKeyword name="DATE-OBS" value="2020-01-21T20:29:08"/></Image></xisf>',
      ),
    );
    const header = await readXisfHeader(file);
    expect(header.get('X')).toBe('open');
    expect(header.problem('X')).toBe('a string value has no closing quote');
    expect(header.get('DATE-OBS')).toBe('2020-01-21T20:29:08');
    expect(header.problem('DATE-OBS')).toMatch(/not quoted; read as text/);
  });

  it('does not expand nested entities (billion laughs)', () => {
    let doctype = '<!DOCTYPE xisf [<!ENTITY a0 "lol">';
    for (let i = 1; i <= 9; i++) doctype += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = `${doctype}]><xisf><Image><Property id="x" type="String">&a9;</Property></Image></xisf>`;
    // Expanded, the value would be 3 × 10⁹ characters (and this test would never end): no clock
    // needed to tell, which a busy machine would make flaky.
    const header = parseXisfXml(xml);
    expect(header.properties.get('x')!.value.length).toBeLessThan(100);
  });

  it('refuses a header of more tags or attributes than any real one has, before parsing it', () => {
    const keywords = (n: number) =>
      Array.from({ length: n }, (_, i) => `<FITSKeyword name="K${i}" value="${i}"/>`).join('');
    const real = parseXisfXml(`<xisf><Image>${keywords(300)}</Image></xisf>`);
    expect(real.cards).toHaveLength(300);
    expect(() => parseXisfXml(`<xisf><Image>${keywords(20_000)}</Image></xisf>`)).toThrow(
      /the XML header has 20004 tags, more than the 10000 astrotrack reads/,
    );
    const attributes = Array.from({ length: 60_000 }, (_, i) => `a${i}="1"`).join(' ');
    expect(() => parseXisfXml(`<xisf><Image ${attributes}/></xisf>`)).toThrow(
      /the XML header has 60000 attributes, more than the 50000 astrotrack reads/,
    );
  });

  it('drops text and attribute values too long for any value it reads, and reads the rest', () => {
    const long = 'A'.repeat(200_000);
    const header = parseXisfXml(
      `<xisf><Image><Property id="PixInsight:History" type="String">${long}</Property><Property id="Observation:Object:Name" type="String">M31</Property><FITSKeyword name="ICC" value="${long}" comment=""/><FITSKeyword name="FILTER" value="'Ha'" comment=""/></Image></xisf>`,
    );
    expect(header.get('FILTER')).toBe('Ha');
    expect(header.properties.get('Observation:Object:Name')?.value).toBe('M31');
    expect(header.properties.get('PixInsight:History')?.value).toBe('');
  });

  it('reads FITSKeyword values as the same cards in a FITS header read, sloppy ones included', async () => {
    const file = join(tempDir(), 'x.xisf');
    const name = fc.stringMatching(/^[A-Z][A-Z0-9_-]{0,7}$/);
    const value = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n).replace('e', 'E')),
      fc.constantFrom(
        'T',
        'F',
        '',
        '240.',
        '1.5D+03',
        '2020-01-21T20:29:08.357',
        "'open",
        '3 hundred',
      ),
      fc.stringMatching(/^[ -~]{0,40}$/).map((t) => `'${t.replace(/'/g, "''")}'`),
    );
    let keywords = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 30 }), async (cards) => {
        const escapeXml = (t: string) =>
          t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        const elements = cards
          .map(([k, v]) => `<FITSKeyword name="${k}" value="${escapeXml(v)}" comment=""/>`)
          .join('');
        writeFileSync(file, xisfBytes(`<xisf version="1.0"><Image>${elements}</Image></xisf>`));
        const header = await readXisfHeader(file);
        const seen = new Set<string>();
        for (const [k, v] of cards) {
          if (seen.has(k) || ['COMMENT', 'HISTORY'].includes(k)) continue;
          seen.add(k);
          keywords++;
          const card = parseCardLeniently(`${k.padEnd(8)}= ${v}`.padEnd(80));
          expect([k, header.get(k)]).toEqual([k, card.value]);
          expect([k, header.problem(k)]).toEqual([k, card.problem]);
        }
      }),
      { numRuns: 200 },
    );
    expect(keywords).toBeGreaterThan(200);
  });

  it('never fails any other way, whatever follows the signature', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(700),
        async (text, tail, cut) => {
          const file = join(dir, 'x.xisf');
          writeFileSync(
            file,
            Buffer.concat([xisfBytes(`<xisf>${text}</xisf>`), tail]).subarray(0, cut),
          );
          const result = await readXisfHeader(file).then(
            () => 'ok',
            (e: unknown) => (e instanceof FitsHeaderError ? 'header error' : e),
          );
          expect(['ok', 'header error']).toContain(result);
        },
      ),
      { numRuns: 300 },
    );
  });
});
