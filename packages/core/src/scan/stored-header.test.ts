/**
 * A header read three ways gives the same fields: straight from the file, from the header cache's
 * stored form after a trip through JSON (a warm scan), and from a header worker's answer (a cold
 * scan of a large archive). Generated headers as capture programs write and break them, with the
 * values JSON cannot carry (`1E999`, `-0.0`) and cards left undefined.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruption, headerBytes, headerCards } from '@astrotrack/test-utils/fits-header-arbitrary';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { xisfBytes } from '@astrotrack/test-utils/xisf-bytes';
import { createFilterSet } from '../filters/filter-set.js';
import { fieldsFromHeader, type HeaderLookup } from '../headers/header-fields.js';
import { readFrameHeaderSync } from '../headers/read-frame-header.js';
import { CACHED_PROPERTIES, storedLookup, storeHeader, withChanges } from './header-cache.js';
import { answerHeaderJob, headerAnswer, isFailure } from './header-job.js';

const tempDir = useTempDir();
const options = { filters: createFilterSet({}), angle: 'mechanical' as const, utcOffsetHours: 2 };

function throughCache(header: HeaderLookup): HeaderLookup {
  return storedLookup(JSON.parse(JSON.stringify(storeHeader(header))) as unknown[]);
}

function throughWorker(path: string): HeaderLookup {
  const answers = answerHeaderJob({
    id: 0,
    paths: [path],
    stat: false,
    expect: new Float64Array(3).fill(Number.NaN),
  });
  const answer = headerAnswer(answers, 0);
  if (!answer || isFailure(answer)) throw new Error(`the worker did not read ${path}`);
  answer[0] = withChanges(answer[0], answers.base)!;
  return storedLookup(answer);
}

describe('a stored header', () => {
  it('gives the fields the file gives, through the cache and through a worker', () => {
    const file = join(tempDir(), 'frame.fits');
    let withProblems = 0;
    // fast-check prints the seed and the smallest failing header when it fails.
    fc.assert(
      fc.property(headerCards, corruption, (cards, corrupt) => {
        writeFileSync(file, headerBytes(corrupt(cards)));
        let header: HeaderLookup;
        try {
          header = readFrameHeaderSync(file);
        } catch {
          return; // a broken structure: no header to store
        }
        const direct = fieldsFromHeader(header, options);
        if (direct.problems.length > 0) withProblems++;
        expect(fieldsFromHeader(throughCache(header), options)).toEqual(direct);
        expect(fieldsFromHeader(throughWorker(file), options)).toEqual(direct);
      }),
      { numRuns: 400 },
    );
    // The generated headers reach the problems a lenient reading reports.
    expect(withProblems).toBeGreaterThan(40);
  });

  it('gives the fields an XISF file gives, its keywords and properties, both ways too', () => {
    const file = join(tempDir(), 'frame.xisf');
    let withProperties = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...XISF_KEYWORDS), xisfValue), { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom(...XISF_PROPERTIES), propertyValue, fc.boolean()), {
          maxLength: 8,
        }),
        fc.option(fc.constantFrom('Light', 'Flat', 'Dark', 'Bias', 'DarkFlat', 'junk'), {
          nil: undefined,
        }),
        (keywords, properties, imageType) => {
          writeFileSync(file, xisfFile(keywords, properties, imageType));
          let header: HeaderLookup;
          try {
            header = readFrameHeaderSync(file);
          } catch {
            return;
          }
          const direct = fieldsFromHeader(header, options);
          if (properties.length > 0) withProperties++;
          expect(fieldsFromHeader(throughCache(header), options)).toEqual(direct);
          expect(fieldsFromHeader(throughWorker(file), options)).toEqual(direct);
        },
      ),
      { numRuns: 300 },
    );
    expect(withProperties).toBeGreaterThan(150);
  });
});

const XISF_KEYWORDS = ['EXPTIME', 'FILTER', 'OBJECT', 'IMAGETYP', 'DATE-OBS', 'CCD-TEMP', 'GAIN'];
/** The properties the cache keeps: what the engine reads of an XISF file. */
const XISF_PROPERTIES = CACHED_PROPERTIES;
/** FITSKeyword values as N.I.N.A. writes them (raw FITS value text), and as others break them. */
const xisfValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n).replace('e', 'E')),
  fc.constantFrom('300.', '1E999', '-0.0', "'Ha'", "'LIGHT'", "'2025-01-02T03:04:05'", "'open"),
  fc.constantFrom('Ha (narrow)', '3 hundred', '', 'T'),
  fc.stringMatching(/^[ -~]{0,20}$/).map((t) => `'${t.replace(/'/g, "''")}'`),
);
const propertyValue = fc.oneof(
  fc.constantFrom('300', '1E999', 'inf', '-0', '', '2025-09-14T01:06:28.123Z', 'OIII', 'M 31'),
  fc.stringMatching(/^[ -~]{0,20}$/),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

function xisfFile(
  keywords: [string, string][],
  properties: [string, string, boolean][],
  imageType?: string,
): Buffer {
  const escapeXml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const cards = keywords
    .map(([name, value]) => `<FITSKeyword name="${name}" value="${escapeXml(value)}" comment=""/>`)
    .join('');
  const props = properties
    .map(([id, value, asText]) =>
      asText
        ? `<Property id="${id}" type="String">${escapeXml(value)}</Property>`
        : `<Property id="${id}" type="String" value="${escapeXml(value)}"/>`,
    )
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><xisf version="1.0"><Image geometry="2:2:1" sampleFormat="UInt16"${imageType ? ` imageType="${imageType}"` : ''} location="attachment:4096:8">${cards}${props}</Image></xisf>`;
  return xisfBytes(xml);
}
