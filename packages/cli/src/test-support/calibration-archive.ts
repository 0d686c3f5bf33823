/**
 * The archive the calibration picture is held to (issue #18): two cameras, lights at two exposures
 * and two gains over four nights and two temperatures, darks for some groups only, bias, dark flats,
 * flats at two rotations, and masters for one group. Every frame has the header its capture program
 * writes and a name that carries what such names carry: N.I.N.A. (a pattern with gain, offset,
 * temperature, binning and angle) for the mono camera on a rotator, ASIAIR for the colour camera.
 *
 * The nights are the last days before today, so every set is within the age limits whenever the
 * tests run. What is missing, by construction:
 *   darks 300 s, gain 100, offset 50 at −5 °C (NGC 7000's Ha, night 3: only −10 °C darks exist)
 *   darks 60 s, gain 0, offset 10 at −10 °C (M31's short L subs, night 2)
 *   flats for Ha at 135° (no Ha flats at all)
 */
import { join } from 'node:path';
import type { FitsCard } from '@astrotrack/fits';
import { writeFitsFrame } from './write-fits-frame.js';

export const MONO = 'ZWO ASI2600MM Pro';
export const COLOUR = 'ZWO ASI533MC Pro';

export const NINA_PATTERN =
  '$$DATEMINUS12$$\\$$IMAGETYPE$$\\$$DATETIME$$_$$TARGETNAME$$_$$FILTER$$_$$ROTATORANGLE$$_$$EXPOSURETIME$$s_g$$GAIN$$_o$$OFFSET$$_$$SENSORTEMP$$C_$$BINNING$$_$$FRAMENR$$';

export const CALIBRATION_ARCHIVE_CONFIG = `parsers:
  - [nina, { pattern: '${NINA_PATTERN}' }]
  - asiair
  - toolkit
`;

/** `YYYY-MM-DD`, `days` before today (local). */
export function daysAgo(days: number, now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const NIGHTS = [daysAgo(10), daysAgo(9), daysAgo(8), daysAgo(7)] as const;

interface MonoSet {
  night: string;
  type: 'LIGHT' | 'DARK' | 'BIAS' | 'FLAT' | 'DARKFLAT';
  target?: string;
  filter?: string;
  angle?: number;
  exposure: number;
  gain: number;
  offset: number;
  temperature: number;
  count: number;
  /** Evening hour the set starts (22 for lights), so names and times differ. */
  hour?: number;
}

const MONO_SETS: MonoSet[] = [
  // Lights.
  {
    night: NIGHTS[0],
    type: 'LIGHT',
    target: 'M31',
    filter: 'L',
    angle: 45.1,
    exposure: 300,
    gain: 100,
    offset: 50,
    temperature: -10,
    count: 4,
  },
  {
    night: NIGHTS[1],
    type: 'LIGHT',
    target: 'M31',
    filter: 'L',
    angle: 135.2,
    exposure: 300,
    gain: 100,
    offset: 50,
    temperature: -10,
    count: 3,
  },
  {
    night: NIGHTS[1],
    type: 'LIGHT',
    target: 'M31',
    filter: 'L',
    angle: 135.2,
    exposure: 60,
    gain: 0,
    offset: 10,
    temperature: -10,
    count: 5,
    hour: 23,
  },
  {
    night: NIGHTS[2],
    type: 'LIGHT',
    target: 'NGC 7000',
    filter: 'Ha',
    angle: 135.1,
    exposure: 300,
    gain: 100,
    offset: 50,
    temperature: -5,
    count: 3,
  },
  // Darks for the 300 s gain 100 lights at −10 °C only.
  {
    night: NIGHTS[0],
    type: 'DARK',
    exposure: 300,
    gain: 100,
    offset: 50,
    temperature: -10,
    count: 3,
    hour: 5,
  },
  // Bias for gain 100 (the 45° flats use it).
  {
    night: NIGHTS[0],
    type: 'BIAS',
    exposure: 0.001,
    gain: 100,
    offset: 50,
    temperature: -10,
    count: 3,
    hour: 6,
  },
  // Flats at two rotations: 45° at gain 100 (bias calibrates them), 135° at gain 0 (dark flats do).
  {
    night: NIGHTS[0],
    type: 'FLAT',
    filter: 'L',
    angle: 45,
    exposure: 1.5,
    gain: 100,
    offset: 50,
    temperature: -10,
    count: 3,
    hour: 7,
  },
  {
    night: NIGHTS[1],
    type: 'FLAT',
    filter: 'L',
    angle: 135,
    exposure: 2,
    gain: 0,
    offset: 10,
    temperature: -10,
    count: 3,
    hour: 7,
  },
  {
    night: NIGHTS[1],
    type: 'DARKFLAT',
    exposure: 2,
    gain: 0,
    offset: 10,
    temperature: -10,
    count: 3,
    hour: 8,
  },
];

const HEADER_TYPE = {
  LIGHT: 'LIGHT',
  DARK: 'DARK',
  BIAS: 'BIAS',
  FLAT: 'FLAT',
  DARKFLAT: 'DARKFLAT',
};

/** Writes the frame; its path relative to root, for the list of what was written. */
function write(root: string, path: string, cards: readonly FitsCard[]): string {
  writeFitsFrame(join(root, path), cards);
  return path;
}

/** `2026-10-01` + hour → local capture time: evening hours on the night, morning ones the day after. */
function localTime(night: string, hour: number, minute: number, second = 0): string {
  const [y, m, d] = night.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + (hour < 12 ? 1 : 0), hour, minute, second));
  return date.toISOString().slice(0, 19);
}

export interface ArchiveOptions {
  /** Also write masters (a master dark and a master flat for the colour camera's lights). */
  masters?: boolean;
  /** Every set this many times as large (for runs long enough to be killed half way). */
  scale?: number;
}

/** Writes the archive under root; returns every file written, relative, by kind of content. */
export function writeCalibrationArchive(root: string, options: ArchiveOptions = {}): string[] {
  const written: string[] = [];
  const scale = options.scale ?? 1;
  for (const set of MONO_SETS) {
    for (let i = 0; i < set.count * scale; i++) {
      // Within the same half hour however many: the same night, every frame its own name.
      const time = localTime(set.night, set.hour ?? 22, 0, Math.round((i * 420) / scale));
      const angle = set.angle === undefined ? '' : set.angle.toFixed(2);
      const name = `${time.replace('T', '_').replaceAll(':', '-')}_${set.target ?? ''}_${set.filter ?? ''}_${angle}_${set.exposure.toFixed(2)}s_g${set.gain}_o${set.offset}_${set.temperature.toFixed(1)}C_1x1_${String(i).padStart(4, '0')}.fits`;
      const cards: FitsCard[] = [
        ['IMAGETYP', HEADER_TYPE[set.type]],
        ['EXPOSURE', set.exposure],
        ['EXPTIME', set.exposure],
        ['XBINNING', 1],
        ['YBINNING', 1],
        ['GAIN', set.gain],
        ['OFFSET', set.offset],
        ['CCD-TEMP', set.temperature + (i % 2 === 0 ? 0.1 : -0.1)],
        ['INSTRUME', MONO],
        ['DATE-LOC', `${time}.000`],
      ];
      if (set.filter) cards.push(['FILTER', set.filter]);
      if (set.target) cards.push(['OBJECT', set.target]);
      if (set.angle !== undefined) cards.push(['ROTATOR', set.angle]);
      written.push(write(root, `mono/${set.night}/${set.type}/${name}`, cards));
    }
  }
  // The colour camera: ASIAIR, no rotator, no filter (a Bayer pattern instead).
  const night = NIGHTS[3];
  const compact = night.replaceAll('-', '');
  for (let i = 0; i < 4 * scale; i++) {
    const time = localTime(night, 22, 0, Math.round((i * 180) / scale));
    const name = `Light_M31_120.0s_Bin1_533MC_gain100_${compact}-${time.slice(11).replaceAll(':', '')}_0.0C_${String(i + 1).padStart(4, '0')}.fit`;
    written.push(
      write(root, `colour/Autorun/Light/M31/${name}`, [
        ['IMAGETYP', 'Light'],
        ['EXPOSURE', 120],
        ['EXPTIME', 120],
        ['XBINNING', 1],
        ['YBINNING', 1],
        ['GAIN', 100],
        ['OFFSET', 20],
        ['CCD-TEMP', 0],
        ['INSTRUME', COLOUR],
        ['BAYERPAT', 'RGGB'],
        ['OBJECT', 'M31'],
        ['DATE-LOC', `${time}.000`],
      ]),
    );
  }
  if (options.masters) {
    const common: FitsCard[] = [
      ['XBINNING', 1],
      ['YBINNING', 1],
      ['GAIN', 100],
      ['OFFSET', 20],
      ['INSTRUME', COLOUR],
      ['BAYERPAT', 'RGGB'],
      ['DATE-LOC', `${localTime(night, 6, 0)}.000`],
    ];
    written.push(
      write(root, 'colour/masters/MasterDark_120.0s_gain100_0C.fits', [
        ['IMAGETYP', 'Master Dark'],
        ['EXPTIME', 120],
        ['CCD-TEMP', 0],
        ...common,
      ]),
      write(root, 'colour/masters/MasterFlat_OSC_gain100.fits', [
        ['IMAGETYP', 'Master Flat'],
        ['EXPTIME', 0.05],
        ['CCD-TEMP', 0.5],
        ...common,
      ]),
    );
  }
  return written;
}
