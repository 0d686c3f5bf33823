/**
 * A mixed archive of two optical trains, as docs/guides/planning.md describes it: a RedCat 51 with
 * an ASI2600MM Pro (M 31, the four-panel Veil mosaic) and an EdgeHD 8 with an ASI294MM Pro
 * (NGC 7000, M 42), N.I.N.A. names with $$HFR$$ and $$STARCOUNT$$ on the RedCat, an
 * ImageMetaData.csv on the Edge, reject folders on both, and frames from a camera neither rig
 * owns. Every count here is what the tests work their numbers out from.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FitsCard } from '@astrotrack/fits';
import { writeFitsFrame } from './write-fits-frame.js';

export const NINA_PATTERN =
  '$$TARGETNAME$$\\\\$$DATETIME$$_$$FILTER$$_$$EXPOSURETIME$$s_$$HFR$$_$$STARCOUNT$$_$$FRAMENR$$';

export const TWO_RIG_CONFIG = `parsers:
  - [nina, { pattern: '${NINA_PATTERN}' }]
plan:
  rejectionBuffer: measured
  bufferFallback: 10
  bufferMinFrames: 10
targets:
  M 31:
    plan: { targetHours: 10, allocation: { L: 60, R: 40 } }
  Veil:
    plan: { targetHours: 2, allocation: { Ha: 100 } }
  NGC 7000:
    plan: { targetHours: 8, allocation: { Ha: 50, OIII: 50 } }
  M 42:
    plan: { targetHours: 1, allocation: { L: 100 }, rejectionBuffer: 0 }
  IC 1396:
    plan: { targetHours: 3, allocation: { Ha: 100 } }
rigs:
  redcat:
    match: { camera: ZWO ASI2600MM Pro, telescope: RedCat 51 }
    quality: { maxHfr: 3.0 }
  edge:
    match: { telescope: EdgeHD 8, focalLength: 2032 }
    quality: { minStars: 100 }
`;

const REDCAT: FitsCard[] = [
  ['INSTRUME', 'ZWO ASI2600MM Pro'],
  ['TELESCOP', 'RedCat 51'],
  ['FOCALLEN', 250],
];
const EDGE: FitsCard[] = [
  ['INSTRUME', 'ZWO ASI294MM Pro'],
  ['TELESCOP', 'Celestron EdgeHD 8"'],
  ['FOCALLEN', 2030],
];

/**
 * Writes the archive under `root`, shot on one night ten days ago (its darks and flats stay young
 * enough to count whenever the tests run); returns that night, `YYYY-MM-DD`.
 */
export function writeTwoRigArchive(root: string): string {
  const night = new Date(Date.now() - 10 * 86_400_000);
  let minute = 0;
  // Every frame its own minute: frames taken at one moment would be copies of one frame.
  const next = () => {
    const at = new Date(
      Date.UTC(night.getUTCFullYear(), night.getUTCMonth(), night.getUTCDate(), 20, minute++),
    );
    const text = at.toISOString().slice(0, 19);
    return { header: text, name: text.replace('T', '_').replaceAll(':', '-') };
  };
  const light = (
    folder: string,
    rig: readonly FitsCard[],
    object: string,
    filter: string,
    seconds: number,
    quality: { hfr: string; stars: string } | null,
  ) => {
    const time = next();
    const name = quality
      ? `${time.name}_${filter}_${seconds.toFixed(2)}s_${quality.hfr}_${quality.stars}_${String(minute).padStart(4, '0')}.fits`
      : `${object.replaceAll(' ', '')}_${filter}_${seconds}s_${String(minute).padStart(4, '0')}.fits`;
    writeFitsFrame(join(root, folder, name), [
      ['IMAGETYP', 'LIGHT'],
      ['EXPTIME', seconds],
      ['FILTER', filter],
      ['OBJECT', object],
      ['DATE-LOC', time.header],
      ...rig,
    ]);
    return name;
  };
  const good = { hfr: '2.10', stars: '400' };
  const soft = { hfr: '3.60', stars: '390' }; // past the RedCat's maxHfr 3.0

  // RedCat, M 31: L 12 × 300 s (2 soft), 3 more in rejected/; R 6 × 300 s.
  for (let i = 0; i < 12; i++) light('redcat/M 31', REDCAT, 'M 31', 'L', 300, i < 2 ? soft : good);
  for (let i = 0; i < 3; i++) light('redcat/M 31/rejected', REDCAT, 'M 31', 'L', 300, good);
  for (let i = 0; i < 6; i++) light('redcat/M 31', REDCAT, 'M 31', 'R', 300, good);
  // RedCat, the Veil mosaic in Ha 300 s: panels 1–4 with 4, 2, 6 and 3 subs.
  for (const [panel, subs] of [
    [1, 4],
    [2, 2],
    [3, 6],
    [4, 3],
  ] as const) {
    for (let i = 0; i < subs; i++)
      light(`redcat/Veil Panel ${panel}`, REDCAT, `Veil Panel ${panel}`, 'Ha', 300, good);
  }
  // RedCat flats for L and Ha, and darks at 300 s: no rotator, so flats without an angle.
  for (const filter of ['L', 'Ha', 'R']) {
    for (let i = 0; i < 5; i++) {
      writeFitsFrame(join(root, 'redcat/FLAT', `FLAT_${filter}_${i}.fits`), [
        ['IMAGETYP', 'FLAT'],
        ['EXPTIME', 1.5],
        ['FILTER', filter],
        ['DATE-LOC', next().header],
        ...REDCAT,
      ]);
    }
  }
  for (let i = 0; i < 5; i++) {
    writeFitsFrame(join(root, 'redcat/DARK', `DARK_300s_${i}.fits`), [
      ['IMAGETYP', 'DARK'],
      ['EXPTIME', 300],
      ['DATE-LOC', next().header],
      ...REDCAT,
    ]);
  }

  // Edge, NGC 7000: Ha 10 × 600 s, OIII 4 × 600 s and 2 more in bad/; quality from ImageMetaData.csv.
  const sidecar: string[] = [];
  for (let i = 0; i < 10; i++) {
    const name = light('edge/NGC 7000', EDGE, 'NGC 7000', 'Ha', 600, null);
    // Two Ha frames with 80 stars: past the Edge's minStars 100.
    const stars = i < 2 ? 80 : 250;
    sidecar.push(
      `${i + 1},"D:\\Astro\\NGC 7000\\${name}",Ha,600,${stars},2.80,0.3,NaN,NaN,0.5,0.61`,
    );
  }
  for (let i = 0; i < 4; i++) light('edge/NGC 7000', EDGE, 'NGC 7000', 'OIII', 600, null);
  for (let i = 0; i < 2; i++) light('edge/NGC 7000/bad', EDGE, 'NGC 7000', 'OIII', 600, null);
  writeFileSync(
    join(root, 'edge/NGC 7000/ImageMetaData.csv'),
    [
      'ExposureNumber,FilePath,FilterName,Duration,DetectedStars,HFR,HFRStDev,FWHM,Eccentricity,GuidingRMS,GuidingRMSArcSec',
      ...sidecar,
    ].join('\r\n'),
  );
  // Edge, M 42: L 10 × 120 s, and no L flat of its own (the RedCat's must not count).
  for (let i = 0; i < 10; i++) light('edge/M 42', EDGE, 'M 42', 'L', 120, null);
  for (let i = 0; i < 5; i++) {
    writeFitsFrame(join(root, 'edge/FLAT', `FLAT_Ha_${i}.fits`), [
      ['IMAGETYP', 'FLAT'],
      ['EXPTIME', 2],
      ['FILTER', 'Ha'],
      ['DATE-LOC', next().header],
      ...EDGE,
    ]);
  }

  // Neither rig: a DSLR, and the RedCat's camera on a Samyang 135 (the match needs both).
  for (let i = 0; i < 3; i++)
    light('other/M 45', [['INSTRUME', 'Canon EOS 6D']], 'M 45', 'L', 60, null);
  light(
    'other/M 45',
    [
      ['INSTRUME', 'ZWO ASI2600MM Pro'],
      ['TELESCOP', 'Samyang 135mm'],
    ],
    'M 45',
    'L',
    60,
    null,
  );
  return night.toISOString().slice(0, 10);
}
