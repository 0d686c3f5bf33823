import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { createFilterSet } from '../filters/filter-set.js';
import type { FitsValue } from '@astrotrack/fits';
import { frameKindFromImageType } from './frame-kind-from-header.js';
import { fieldsFromHeader, type HeaderLookup } from './header-fields.js';
import { readFrameHeader } from './read-frame-header.js';

const filters = createFilterSet({ extra: ['HaOiii'] });
const FIXTURES = HEADER_FIXTURES;

function lookup(
  values: Record<string, FitsValue>,
  properties: Record<string, string> = {},
): HeaderLookup {
  return { get: (k) => values[k.toUpperCase()], property: (id) => properties[id] };
}

describe('frameKindFromImageType', () => {
  it.each([
    ['LIGHT', 'light'],
    ['Light', 'light'],
    ['Light Frame', 'light'],
    ['LIGHTFRAME', 'light'],
    ['light_frame', 'light'],
    ['SNAPSHOT', null],
    ['FOCUS', null],
    ['FLAT', 'flat'],
    ['Flat Field', 'flat'],
    ['Flat Frame', 'flat'],
    ['DARK', 'dark'],
    ['Dark Frame', 'dark'],
    ['DARKFLAT', 'darkflat'],
    ['FLATDARK', 'darkflat'],
    ['Dark Flat', 'darkflat'],
    ['Bias Frame', 'bias'],
    ['BIAS', 'bias'],
    ['Offset', 'bias'],
    ['Tricolor Image', null],
    ['', null],
  ])('%j → %s', (text, kind) => {
    expect(frameKindFromImageType(text)).toBe(kind);
  });
});

describe('fieldsFromHeader', () => {
  it('takes EXPTIME, then EXPOSURE, then EXP', () => {
    expect(
      fieldsFromHeader(lookup({ EXPTIME: 300, EXPOSURE: 200 }), { filters }).fields.exposureSeconds,
    ).toBe(300);
    expect(
      fieldsFromHeader(lookup({ EXPOSURE: 200, EXP: 5 }), { filters }).sources.exposureSeconds,
    ).toEqual({
      origin: 'header',
      detail: 'EXPOSURE',
    });
    expect(fieldsFromHeader(lookup({ EXP: 0.0015 }), { filters }).fields.exposureSeconds).toBe(
      0.0015,
    );
    expect(fieldsFromHeader(lookup({ EXPTIME: '120' }), { filters }).fields.exposureSeconds).toBe(
      120,
    );
    expect(
      fieldsFromHeader(lookup({}, { 'Instrument:ExposureTime': '60' }), { filters }).fields
        .exposureSeconds,
    ).toBe(60);
  });

  it('reads the kind from IMAGETYP, INDI FRAME, or XISF imageType', () => {
    expect(fieldsFromHeader(lookup({ IMAGETYP: 'Flat Field' }), { filters }).fields.kind).toBe(
      'flat',
    );
    expect(fieldsFromHeader(lookup({ FRAME: 'Dark' }), { filters }).fields.kind).toBe('dark');
    expect(fieldsFromHeader({ ...lookup({}), imageType: 'Bias' }, { filters }).fields.kind).toBe(
      'bias',
    );
  });

  it('canonicalises known filters, keeps others verbatim, ignores empty ones', () => {
    expect(fieldsFromHeader(lookup({ FILTER: 'Luminance' }), { filters }).fields.filter).toBe('L');
    expect(fieldsFromHeader(lookup({ FILTER: 'haoiii' }), { filters }).fields.filter).toBe(
      'HaOiii',
    );
    expect(fieldsFromHeader(lookup({ FILTER: 'L-eXtreme' }), { filters }).fields.filter).toBe(
      'L-eXtreme',
    );
    expect(fieldsFromHeader(lookup({ FILTER: '' }), { filters }).fields.filter).toBeUndefined();
  });

  it('uses the mechanical angle unless the rig asks for the sky angle', () => {
    const header = lookup({ ROTATOR: 281.5, ROTATANG: 281.5, OBJCTROT: 123.4, POSANGLE: -10 });
    expect(fieldsFromHeader(header, { filters }).fields.rotatorAngle).toBe(281.5);
    expect(fieldsFromHeader(header, { filters, angle: 'sky' }).fields.rotatorAngle).toBe(123.4);
    expect(
      fieldsFromHeader(lookup({ POSANGLE: -10 }), { filters, angle: 'sky' }).fields.rotatorAngle,
    ).toBe(350);
    expect(
      fieldsFromHeader(lookup({ OBJCTROT: 123.4 }), { filters }).fields.rotatorAngle,
    ).toBeUndefined();
  });

  it('reads binning, gain, offset, temperature and the UTC capture time', () => {
    const { fields } = fieldsFromHeader(
      lookup({
        XBINNING: 2,
        YBINNING: 2,
        GAIN: 100,
        OFFSET: 50,
        'CCD-TEMP': -9.9,
        'DATE-OBS': '2025-09-14T01:06:28.1234567',
        'DATE-LOC': '2025-09-14T03:06:28',
      }),
      { filters },
    );
    expect(fields).toMatchObject({
      binning: '2x2',
      gain: 100,
      offset: 50,
      sensorTemperature: -9.9,
      captureTime: '2025-09-14T01:06:28.1234567Z',
    });
    expect(
      fieldsFromHeader(lookup({ 'DATE-LOC': '2025-09-14T03:06:28' }), { filters }).fields
        .captureTime,
    ).toBe('2025-09-14T03:06:28');
    expect(
      fieldsFromHeader(lookup({ 'DATE-OBS': '14/09/25' }), { filters }).fields.captureTime,
    ).toBeUndefined();
  });
});

describe('the fixtures, header first', () => {
  it.each([
    [
      'nina-light.fits',
      {
        kind: 'light',
        exposureSeconds: 300,
        filter: 'Ha',
        target: "Barnard's Loop",
        rotatorAngle: 56.26,
        binning: '1x1',
        gain: 100,
        offset: 50,
        sensorTemperature: -9.9,
      },
    ],
    [
      'asiair-light.fit',
      {
        kind: 'light',
        exposureSeconds: 300,
        target: '68 Cygni',
        gain: 111,
        captureTime: '2025-09-08T02:46:15.614262Z',
      },
    ],
    ['maxim-light.fit', { kind: 'light', exposureSeconds: 300, target: 'M 42', binning: '2x2' }],
    [
      'compressed.fits.fz',
      { kind: 'light', exposureSeconds: 300, filter: 'Ha', rotatorAngle: 56.26 },
    ],
    [
      'nina-light.xisf',
      {
        kind: 'light',
        exposureSeconds: 300,
        filter: 'OIII',
        target: "Barnard's Loop",
        rotatorAngle: 281.5,
        binning: '2x2',
      },
    ],
  ])('%s', async (name, expected) => {
    const header = await readFrameHeader(join(FIXTURES, name));
    expect(fieldsFromHeader(header, { filters }).fields).toMatchObject(expected);
  });
});

describe('the camera and its readout mode, as astropy reads the fixtures', () => {
  // The single-header FITS files (the others are listed by HDU or as XISF properties).
  const expected: Record<string, { cards: [string, unknown, unknown][] }> = Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'))).filter(
      ([, entry]) => Array.isArray((entry as { cards?: unknown }).cards),
    ),
  ) as never;
  const card = (name: string, keyword: string) => {
    const value = expected[name]!.cards.find(([k]) => k === keyword)?.[1];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  it.each(Object.keys(expected))('%s', async (name) => {
    const { fields } = fieldsFromHeader(await readFrameHeader(join(FIXTURES, name)), { filters });
    expect({ camera: fields.camera ?? null, readoutMode: fields.readoutMode ?? null }).toEqual({
      camera: card(name, 'INSTRUME'),
      readoutMode: card(name, 'READOUTM'),
    });
  });

  it('reads them from real files, with some cameras named', () => {
    const named = Object.keys(expected).filter((name) => card(name, 'INSTRUME') !== null);
    expect(named.length).toBeGreaterThanOrEqual(5);
  });
});
