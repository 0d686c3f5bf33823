/** The toolkit's helper functions, with the examples from its README. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFilter } from './detect-filter.js';
import { detectObjectName } from './detect-object-name.js';
import { extractAngle } from './extract-angle.js';
import { extractExposureTime, findExposure } from './extract-exposure-time.js';

describe('the toolkit README examples', () => {
  it('extract_exposure_time', () => {
    expect(extractExposureTime('light_M31_L_120s_001.fits')).toBe(120);
    expect(extractExposureTime('frame_300s.fits')).toBe(300);
    expect(extractExposureTime('2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits')).toBe(300);
    expect(extractExposureTime('light_M31_L_001.fits')).toBeNull();
  });

  it('extract_angle', () => {
    expect(extractAngle('2025-09-14_03-06-28_ALPT_56.26_300.00s_0114.fits')).toBe(56.26);
    expect(extractAngle('light_M31_L_120s_001.fits')).toBeNull();
    expect(extractAngle('2025-09-17_00-00-29_Ha_-9.90_6.22s_0002.fits')).toBeNull();
  });

  it('detect_filter', () => {
    expect(detectFilter('/data/M31/L/light_001.fits')).toBe('L');
    expect(detectFilter('/data/M31/L/light_M31_L_120s_001.fits')).toBe('L');
    expect(detectFilter('/data/light_M31_Ha_300s_001.fits')).toBe('Ha');
    expect(detectFilter('/data/NGC1234/OIII/subs/frame_300s.fits')).toBe('OIII');
    expect(detectFilter('/data/M31/frame_300s.fits')).toBeNull();
  });

  it('detect_object_name', () => {
    expect(detectObjectName('/data/2025/M31/lights/frame_001.fits')).toBe('M31');
    expect(detectObjectName('/data/NGC1234/OIII/subs/frame_300s.fits')).toBe('NGC1234');
    expect(detectObjectName('/2025-09-14/LIGHT/frame.fits')).toBeNull();
  });
});

describe('exposure from names (properties)', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9 .]{1,8}$/);

  it('never throws, and what it returns is written in the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const found = findExposure(name);
        if (found) {
          expect(name).toContain(found.token);
          expect(Number.isFinite(found.seconds)).toBe(true);
          expect(found.seconds).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('reads back any exposure written between separators', () => {
    fc.assert(
      fc.property(
        token,
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('_', '-'),
        (before, whole, hundredths, separator) => {
          fc.pre(!/\d+(\.\d+)?s$/.test(before));
          const written = `${whole}.${String(hundredths).padStart(2, '0')}`;
          const name = `${before}${separator}${written}s${separator}0001.fits`;
          expect(extractExposureTime(name)).toBe(Number(written));
        },
      ),
    );
  });
});

describe('angles from names (properties)', () => {
  it('are always within [0, 360) or null', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('L', 'Ha', 'x', '-'),
            fc.double({ min: -1000, max: 1000, noNaN: true }).map(String),
          ),
          { maxLength: 6 },
        ),
        (tokens) => {
          const angle = extractAngle(`${tokens.join('_')}.fits`);
          if (angle !== null) {
            expect(angle).toBeGreaterThanOrEqual(0);
            expect(angle).toBeLessThan(360);
          }
        },
      ),
    );
  });
});
