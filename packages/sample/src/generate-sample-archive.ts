/**
 * Writes a realistic small archive for the demo, the tests and the benchmark: several targets,
 * filters and nights, names as N.I.N.A. and ASIAIR write them, real FITS headers, and pixel data as
 * sparse holes of the real size (52 MB per frame, almost nothing on disk).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSampleFrame, type SampleFrameHeader } from './write-sample-frame.js';

export interface SampleArchiveOptions {
  /** Generate this many NINA lights spread over many targets and nights, instead of the demo archive. */
  frames?: number;
  /** Write pixel data as sparse holes (default true). Header-only files when false. */
  withData?: boolean;
  seed?: number;
}

export interface SampleArchiveSummary {
  frames: number;
  /** False when the file system could not keep the data sparse and header-only files were written. */
  sparse: boolean;
}

interface SessionSpec {
  target: string;
  night: string;
  filter: string;
  exposure: number;
  subs: number;
  angle: number;
  angleSpread?: number;
}

const CAMERA = { width: 6248, height: 4176, gain: 100, offset: 50 };

/** How a session's frames were taken, beyond the name: the camera and what the program writes. */
interface SessionCamera {
  software: string;
  /** Whether a rotator wrote its angle. */
  rotator: boolean;
  instrument?: string;
  bayerPattern?: string;
  utcOnly?: boolean;
}

const NINA_MONO: SessionCamera = { software: 'N.I.N.A. 3.1.2.9001 (x64)', rotator: true };
/** A colour camera on N.I.N.A. without a filter wheel or a rotator. */
const NINA_COLOUR: SessionCamera = {
  software: 'N.I.N.A. 3.1.2.9001 (x64)',
  rotator: false,
  instrument: 'ZWO ASI2600MC Pro',
  bayerPattern: 'RGGB',
};
/** ASIAIR with a mono camera and a filter wheel, no rotator: headers in UTC only. */
const ASIAIR_FIXED: SessionCamera = {
  software: 'ZWO ASIAIR Plus',
  rotator: false,
  instrument: 'ZWO ASI294MM Pro',
  utcOnly: true,
};

/** M31 is the toolkit README's example: L 120 s × 150, R/G/B 180 s × 40/35/38, Ha 300 s × 25. */
const DEMO_NINA_SESSIONS: SessionSpec[] = [
  {
    target: 'M31',
    night: '2025-09-14',
    filter: 'L',
    exposure: 120,
    subs: 80,
    angle: 45.1,
    angleSpread: 0.3,
  },
  {
    target: 'M31',
    night: '2025-09-14',
    filter: 'R',
    exposure: 180,
    subs: 20,
    angle: 45.2,
    angleSpread: 0.3,
  },
  {
    target: 'M31',
    night: '2025-09-15',
    filter: 'L',
    exposure: 120,
    subs: 70,
    angle: 44.9,
    angleSpread: 0.4,
  },
  {
    target: 'M31',
    night: '2025-09-15',
    filter: 'R',
    exposure: 180,
    subs: 20,
    angle: 45.0,
    angleSpread: 0.2,
  },
  {
    target: 'M31',
    night: '2025-09-15',
    filter: 'G',
    exposure: 180,
    subs: 35,
    angle: 45.0,
    angleSpread: 0.2,
  },
  {
    target: 'M31',
    night: '2025-09-20',
    filter: 'B',
    exposure: 180,
    subs: 38,
    angle: 120.4,
    angleSpread: 0.3,
  },
  {
    target: 'M31',
    night: '2025-09-20',
    filter: 'Ha',
    exposure: 300,
    subs: 25,
    angle: 120.5,
    angleSpread: 0.2,
  },
];

/** The toolkit README's War and Peace Nebula, in filter folders. */
const DEMO_FILTER_FOLDER_SESSIONS: SessionSpec[] = [
  {
    target: 'The War and Peace Nebula',
    night: '2025-07-27',
    filter: 'ALPT',
    exposure: 300,
    subs: 24,
    angle: 72.41,
    angleSpread: 0.12,
  },
  {
    target: 'The War and Peace Nebula',
    night: '2025-08-01',
    filter: 'ALPT',
    exposure: 300,
    subs: 30,
    angle: 70.4,
    angleSpread: 1.27,
  },
  {
    target: 'The War and Peace Nebula',
    night: '2025-08-01',
    filter: 'ALPT2',
    exposure: 300,
    subs: 17,
    angle: 72.49,
    angleSpread: 0.04,
  },
  {
    target: 'The War and Peace Nebula',
    night: '2025-09-12',
    filter: 'ALPT2',
    exposure: 300,
    subs: 12,
    angle: 10,
    angleSpread: 0,
  },
];

const DEMO_ASIAIR_SESSIONS: SessionSpec[] = [
  { target: 'NGC 7000', night: '2025-09-16', filter: 'Ha', exposure: 300, subs: 30, angle: 0 },
  { target: 'NGC 7000', night: '2025-09-17', filter: 'OIII', exposure: 300, subs: 24, angle: 0 },
];

export function generateSampleArchive(
  dir: string,
  options: SampleArchiveOptions = {},
): SampleArchiveSummary {
  const random = mulberry32(options.seed ?? 42);
  const writer = new FrameWriter(options.withData ?? true);
  if (options.frames !== undefined) {
    for (const session of benchSessions(options.frames))
      writeNinaSession(dir, session, random, writer, 'LIGHT');
    return writer.summary();
  }
  for (const session of DEMO_NINA_SESSIONS) {
    writeNinaSession(dir, session, random, writer, 'LIGHT');
  }
  for (const filter of ['L', 'R', 'G']) {
    writeNinaSession(
      dir,
      {
        target: 'M31',
        night: '2025-09-15',
        filter,
        exposure: 1.25,
        subs: 5,
        angle: 45,
        angleSpread: 0,
      },
      random,
      writer,
      'FLAT',
    );
  }
  writeNinaSession(
    dir,
    {
      target: 'M31',
      night: '2025-09-15',
      filter: 'L',
      exposure: 120,
      subs: 10,
      angle: 45,
      angleSpread: 0,
    },
    random,
    writer,
    'DARK',
  );
  for (const session of DEMO_FILTER_FOLDER_SESSIONS) {
    const folder = join(dir, session.target, session.filter);
    writeSession(
      folder,
      session,
      random,
      writer,
      'LIGHT',
      (time, angle, n) =>
        `${time}_${session.filter}_${angle}_${session.exposure.toFixed(2)}s_${pad(n)}.fits`,
    );
  }
  for (const session of DEMO_ASIAIR_SESSIONS) {
    const folder = join(dir, 'Autorun', 'Light', session.target);
    writeSession(
      folder,
      { ...session, angleSpread: 0 },
      random,
      writer,
      'LIGHT',
      (time, _angle, n) =>
        `Light_${session.target}_${session.exposure.toFixed(1)}s_Bin1_${session.filter}_gain100_${time.replace(/-/g, '').replace('_', '-')}_-10.0C_${pad(n)}.fit`,
      ASIAIR_FIXED,
    );
  }
  // ASIAIR flats at dawn, named in milliseconds as ASIAIR does below 1 s.
  for (const filter of ['Ha', 'OIII']) {
    writeSession(
      join(dir, 'Autorun', 'Flat'),
      { target: '', night: '2025-09-17', filter, exposure: 0.81, subs: 5, angle: 0 },
      random,
      writer,
      'FLAT',
      (time, _angle, n) =>
        `Flat_810.0ms_Bin1_${filter}_gain100_${time.replace(/-/g, '').replace('_', '-')}_-10.0C_${pad(n)}.fit`,
      ASIAIR_FIXED,
    );
  }
  // The toolkit README's flats for the War and Peace Nebula: 69.6°, 75° and 128°.
  for (const angle of [69.6, 75, 128]) {
    const session = {
      target: 'The War and Peace Nebula',
      night: '2025-08-01',
      filter: 'ALPT',
      exposure: 2,
      subs: 3,
      angle,
      angleSpread: 0,
    };
    writeSession(
      join(dir, session.target, 'FLAT'),
      session,
      random,
      writer,
      'FLAT',
      (time, angleText, n) => `${time}_ALPT_${angleText}_2.00s_${pad(n)}.fits`,
    );
  }
  writeSession(
    join(dir, 'Autorun', 'Dark'),
    { target: '', night: '2025-09-18', filter: '', exposure: 300, subs: 8, angle: 0 },
    random,
    writer,
    'DARK',
    (time, _a, n) =>
      `Dark_300.0s_Bin1_gain100_${time.replace(/-/g, '').replace('_', '-')}_-10.0C_${pad(n)}.fit`,
    ASIAIR_FIXED,
  );
  // A colour camera on N.I.N.A. without a wheel or a rotator: `$$FILTER$$` and `$$ROTATORANGLE$$`
  // are empty in the name, the header has BAYERPAT and no FILTER.
  writeSession(
    join(dir, 'M45', '2025-09-19', 'LIGHT'),
    { target: 'M45', night: '2025-09-19', filter: '', exposure: 60, subs: 40, angle: 0 },
    random,
    writer,
    'LIGHT',
    (time, _angle, n) => `${time}___60.00s_${pad(n)}.fits`,
    NINA_COLOUR,
  );

  // What real archives also hold: a resource fork, a note, a frame no rule can read, an odd filter.
  const misc = join(dir, 'Misc');
  mkdirSync(misc, { recursive: true });
  writeFileSync(join(dir, 'M31', 'notes.txt'), 'Seeing 2/5 on the 15th; dew on the 20th.\n');
  writeFileSync(
    join(dir, 'M31', '2025-09-14', 'LIGHT', '._2025-09-14_21-00-00_L_45.10_120.00s_0000.fits'),
    Buffer.alloc(4096),
  );
  writer.write(
    join(misc, 'IMG_0001.fits'),
    header('LIGHT', 30, undefined, undefined, '2025-09-19T22:10:00'),
  );
  writer.write(
    join(misc, 'Snapshot_Clear_5.00s_0001.fits'),
    header('LIGHT', 5, 'Clear', undefined, '2025-09-19T22:12:00'),
  );
  // A small two-panel mosaic of the Veil, named as N.I.N.A.'s framing assistant names panels; last,
  // so the frames before it stay as they were.
  for (const [panel, subs] of [
    [1, 6],
    [2, 4],
  ] as const) {
    writeNinaSession(
      dir,
      {
        target: `Veil Panel ${panel}`,
        night: '2025-09-21',
        filter: 'Ha',
        exposure: 300,
        subs,
        angle: 10,
      },
      random,
      writer,
      'LIGHT',
    );
  }
  return writer.summary();
}

class FrameWriter {
  private count = 0;
  private sparse = true;
  private checked = false;
  private readonly madeFolders = new Set<string>();

  constructor(private withData: boolean) {}

  folder(path: string): void {
    if (this.madeFolders.has(path)) return;
    mkdirSync(path, { recursive: true });
    this.madeFolders.add(path);
  }

  write(path: string, frame: SampleFrameHeader): void {
    const sparse = writeSampleFrame(path, frame, this.withData);
    this.count++;
    if (!this.checked && this.withData) {
      this.checked = true;
      // Never fill a disk with gigabytes of zeros: without sparse files, write headers only.
      if (!sparse) {
        this.sparse = false;
        this.withData = false;
      }
    }
  }

  summary(): SampleArchiveSummary {
    return { frames: this.count, sparse: this.sparse };
  }
}

type NameFor = (localTime: string, angle: string, frameNumber: number) => string;

function writeNinaSession(
  dir: string,
  session: SessionSpec,
  random: () => number,
  writer: FrameWriter,
  type: SampleFrameHeader['imageType'],
): void {
  const folder = join(dir, session.target, session.night, type);
  writeSession(
    folder,
    session,
    random,
    writer,
    type,
    (time, angle, n) =>
      `${time}_${session.filter}_${angle}_${session.exposure.toFixed(2)}s_${pad(n)}.fits`,
  );
}

function writeSession(
  folder: string,
  session: SessionSpec,
  random: () => number,
  writer: FrameWriter,
  type: SampleFrameHeader['imageType'],
  nameFor: NameFor,
  camera: SessionCamera = NINA_MONO,
): void {
  writer.folder(folder);
  // Lights from 21:00 on the night's date; calibration frames at dawn, which is the next date.
  const start = type === 'LIGHT' ? `${session.night}T21:00:00Z` : `${session.night}T06:30:00Z`;
  let clock = Date.parse(start) + (type === 'LIGHT' ? 0 : 86_400_000) + random() * 600_000;
  for (let n = 0; n < session.subs; n++) {
    const angle =
      session.angle + (session.angleSpread ?? 0) * (session.subs > 1 ? n / (session.subs - 1) : 0);
    const local = new Date(clock).toISOString().slice(0, 19);
    const fileTime = local.replace('T', '_').replace(/:/g, '-');
    const frame = {
      ...header(
        type,
        session.exposure,
        session.filter || undefined,
        session.target || undefined,
        local,
        camera.software,
      ),
      ...(camera.instrument ? { instrument: camera.instrument } : {}),
      ...(camera.bayerPattern ? { bayerPattern: camera.bayerPattern } : {}),
      ...(camera.utcOnly ? { utcOnly: true } : {}),
    };
    // One rounding for both: the name's text and the header's number must say the same angle.
    const angleText = angle.toFixed(2);
    if (type !== 'DARK' && type !== 'BIAS' && camera.rotator)
      frame.rotatorAngle = Number(angleText);
    writer.write(join(folder, nameFor(fileTime, angleText, n)), frame);
    clock += (session.exposure + 4 + random() * 3) * 1000;
  }
}

function header(
  imageType: SampleFrameHeader['imageType'],
  exposureSeconds: number,
  filter: string | undefined,
  object: string | undefined,
  dateLocal: string,
  software = 'N.I.N.A. 3.1.2.9001 (x64)',
): SampleFrameHeader {
  return {
    imageType,
    exposureSeconds,
    ...(filter ? { filter } : {}),
    ...(object ? { object } : {}),
    dateLocal,
    utcOffsetHours: 2,
    gain: CAMERA.gain,
    offset: CAMERA.offset,
    sensorTemperature: -10,
    binning: 1,
    width: CAMERA.width,
    height: CAMERA.height,
    software,
  };
}

const BENCH_TARGETS = ['M31', 'M33', 'NGC 7000', 'IC 1805', 'M42', 'Sh2-240', 'NGC 6888', 'M101'];
const BENCH_FILTERS: Array<[string, number]> = [
  ['L', 120],
  ['R', 180],
  ['G', 180],
  ['B', 180],
  ['Ha', 300],
  ['OIII', 300],
  ['SII', 300],
];

/** About 500 frames per night folder, as a long night of short subs gives. */
function benchSessions(frames: number): SessionSpec[] {
  const sessions: SessionSpec[] = [];
  const perSession = 250;
  for (let i = 0, left = frames; left > 0; i++, left -= perSession) {
    const [filter, exposure] = BENCH_FILTERS[i % BENCH_FILTERS.length]!;
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 2) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    sessions.push({
      target: BENCH_TARGETS[Math.floor(i / 2) % BENCH_TARGETS.length]!,
      night: day,
      filter,
      exposure,
      subs: Math.min(perSession, left),
      angle: (i * 7) % 360,
      angleSpread: 0.5,
    });
  }
  return sessions;
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
