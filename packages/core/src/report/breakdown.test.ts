import { describe, expect, it } from 'vitest';
import { createFilterSet } from '../filters/filter-set.js';
import { EMPTY_FRAME_FIELDS, type Frame } from '../frame.js';
import { buildExposureReport } from './build-report.js';
import { ExposureAccumulator } from './exposure-accumulator.js';

const frame = (fields: Partial<Frame>): Frame => ({
  ...EMPTY_FRAME_FIELDS,
  path: '/a/x.fits',
  relativePath: 'x.fits',
  parser: 'test',
  sources: {},
  rig: null,
  ...fields,
});

const CAMERA = 'ZWO ASI2600MM Pro';
const night1 = {
  night: '2025-09-01',
  target: 'M 31',
  gain: 100,
  offset: 50,
  binning: '1x1',
  camera: CAMERA,
};
const filters = createFilterSet({});
/** What the report shows for `M 31`: its catalogue name. */
const shown1 = { ...night1, target: 'M31' };

function report(target: string | null = null) {
  const acc = new ExposureAccumulator(false, target);
  for (const temperature of [-9.8, -10.2, -10.4]) {
    acc.addFrame(
      frame({ ...night1, filter: 'L', exposureSeconds: 120, sensorTemperature: temperature }),
    );
  }
  acc.addFrame(frame({ ...night1, filter: 'R', exposureSeconds: 180, sensorTemperature: -10 }));
  acc.addFrame(
    frame({
      ...night1,
      night: '2025-09-03',
      filter: 'L',
      exposureSeconds: 120,
      sensorTemperature: -15,
    }),
  );
  acc.addFrame(
    frame({ night: '2025-09-02', target: 'NGC 7000', filter: 'Ha', exposureSeconds: 300 }),
  );
  acc.addFrame(frame({ ...night1, kind: 'flat', filter: 'L', exposureSeconds: 1.5 }));
  acc.addFrame(frame({ ...night1, kind: 'flat', filter: 'L', exposureSeconds: 1.5 }));
  acc.addFrame(frame({ kind: 'dark', exposureSeconds: 120, gain: 100, binning: '1x1' }));
  return buildExposureReport(acc, { root: '/a', rig: null, filters });
}

describe('the report’s breakdown', () => {
  it('groups lights by night, target, filter, exposure, gain, binning and whole degrees', () => {
    expect(report().nights).toEqual([
      {
        ...shown1,
        filter: 'L',
        exposureSeconds: 120,
        sensorTemperature: -10,
        subs: 3,
        totalSeconds: 360,
      },
      {
        ...shown1,
        filter: 'R',
        exposureSeconds: 180,
        sensorTemperature: -10,
        subs: 1,
        totalSeconds: 180,
      },
      {
        night: '2025-09-02',
        target: 'NGC 7000',
        filter: 'Ha',
        exposureSeconds: 300,
        gain: null,
        binning: null,
        sensorTemperature: null,
        offset: null,
        camera: null,
        subs: 1,
        totalSeconds: 300,
      },
      {
        ...shown1,
        night: '2025-09-03',
        filter: 'L',
        exposureSeconds: 120,
        sensorTemperature: -15,
        subs: 1,
        totalSeconds: 120,
      },
    ]);
  });

  it('sums each target, most integration first', () => {
    const { targets } = report();
    expect(
      targets.map((t) => [t.target, t.subs, t.totalSeconds, t.nights, t.firstNight, t.lastNight]),
    ).toEqual([
      ['M31', 5, 660, 2, '2025-09-01', '2025-09-03'],
      ['NGC 7000', 1, 300, 1, '2025-09-02', '2025-09-02'],
    ]);
    expect(targets[0]!.rows).toEqual([
      { filter: 'L', exposureSeconds: 120, subs: 4, totalSeconds: 480 },
      { filter: 'R', exposureSeconds: 180, subs: 1, totalSeconds: 180 },
    ]);
  });

  it('keeps darks of different sensor temperatures apart, and the conditions of each night row', () => {
    const acc = new ExposureAccumulator(false);
    for (const temperature of [-10.2, -9.8, 5])
      acc.addFrame(frame({ kind: 'dark', exposureSeconds: 300, sensorTemperature: temperature }));
    for (const [ratio, air] of [
      [5.4, 8],
      [5.4, 9],
      [null, null],
    ] as const)
      acc.addFrame(
        frame({
          ...night1,
          filter: 'L',
          exposureSeconds: 300,
          focalRatio: ratio,
          ambientTemperature: air,
        }),
      );
    const built = buildExposureReport(acc, { root: '/a', rig: null, filters });
    expect(built.calibration.map((g) => [g.sensorTemperature, g.count])).toEqual([
      [-10, 2],
      [5, 1],
    ]);
    expect(built.nights).toMatchObject([
      { subs: 3, focalRatio: 5.4, ambientTemperature: 8.5, skyQuality: null },
    ]);
  });

  it('groups calibration frames by kind and setup', () => {
    expect(report().calibration).toEqual([
      {
        kind: 'dark',
        night: null,
        filter: null,
        exposureSeconds: 120,
        gain: 100,
        binning: '1x1',
        sensorTemperature: null,
        offset: null,
        camera: null,
        count: 1,
      },
      {
        kind: 'flat',
        night: '2025-09-01',
        filter: 'L',
        exposureSeconds: 1.5,
        gain: 100,
        binning: '1x1',
        sensorTemperature: null,
        offset: 50,
        camera: CAMERA,
        count: 2,
      },
    ]);
  });

  it('keeps two cameras and two offsets apart, lights and calibration alike', () => {
    const acc = new ExposureAccumulator(false);
    const light = { ...night1, filter: 'L', exposureSeconds: 300 };
    const dark = { kind: 'dark' as const, exposureSeconds: 300, gain: 100, binning: '1x1' };
    for (const camera of [CAMERA, CAMERA, 'ZWO ASI533MC Pro', null]) {
      acc.addFrame(frame({ ...light, camera }));
      acc.addFrame(frame({ ...dark, offset: 50, camera }));
    }
    acc.addFrame(frame({ ...light, offset: 30 }));
    acc.addFrame(frame({ ...dark, offset: 30, camera: CAMERA }));
    const built = buildExposureReport(acc, { root: '/a', rig: null, filters });
    const setup = (g: { offset?: number | null; camera?: string | null }) => [g.offset, g.camera];
    expect(built.nights.map((row) => [...setup(row), row.subs])).toEqual([
      [30, CAMERA, 1],
      [50, CAMERA, 2],
      [50, 'ZWO ASI533MC Pro', 1],
      [50, null, 1],
    ]);
    expect(built.calibration.map((group) => [...setup(group), group.count])).toEqual([
      [30, CAMERA, 1],
      [50, CAMERA, 2],
      [50, 'ZWO ASI533MC Pro', 1],
      [50, null, 1],
    ]);
  });

  it('narrows the lights to one target with --target, ignoring case and spaces, and says when none match', () => {
    const m31 = report('m31');
    expect(m31.totalSubs).toBe(5);
    expect(m31.targets.map((t) => t.target)).toEqual(['M31']);
    expect(m31.frames.otherTargets).toBe(1);
    expect(m31.calibration).toHaveLength(2);
    const none = report('M 42');
    expect(none.totalSubs).toBe(0);
    expect(none.warnings.at(-1)).toEqual({
      code: 'target-not-found',
      message: 'no lights of target "M 42"; targets found: M 31, NGC 7000',
    });
  });
});
