import {
  buildExposureReport,
  createFilterSet,
  EMPTY_FRAME_FIELDS,
  ExposureAccumulator,
  type ExposureReport,
  type Frame,
} from '@astrotrack/core/internal';
import type { FlatsSection } from '@astrotrack/core/internal';

/**
 * One report with everything a reporter can show: two targets over three nights, gains,
 * temperatures and binnings, calibration frames, a plan, the flats section and warnings. Built by
 * the engine's own code from a literal list of frames.
 */
export function richReport(): ExposureReport {
  const accumulator = new ExposureAccumulator(false);
  const add = (count: number, fields: Partial<Frame>) => {
    for (let i = 0; i < count; i++) {
      accumulator.addFrame({
        ...EMPTY_FRAME_FIELDS,
        path: `/data/${i}.fits`,
        relativePath: `${fields.target ?? 'x'}/${fields.filter ?? fields.kind ?? 'unknown'}/${i}.fits`,
        parser: 'test',
        sources: {},
        rig: null,
        ...fields,
      });
    }
  };
  const m31 = { target: 'M 31', gain: 100, binning: '1x1', sensorTemperature: -10 };
  add(20, { ...m31, night: '2025-09-01', filter: 'L', exposureSeconds: 120, rotatorAngle: 45.2 });
  add(10, { ...m31, night: '2025-09-01', filter: 'R', exposureSeconds: 180, rotatorAngle: 45.3 });
  add(12, { ...m31, night: '2025-09-03', filter: 'L', exposureSeconds: 120, rotatorAngle: 45.1 });
  add(8, {
    ...m31,
    night: '2025-09-03',
    filter: 'G',
    exposureSeconds: 180,
    sensorTemperature: -15,
    rotatorAngle: 120.4,
  });
  add(6, {
    target: 'NGC 7000',
    night: '2025-09-02',
    filter: 'Ha',
    exposureSeconds: 300,
    gain: 200,
    binning: '2x2',
    sensorTemperature: -20,
  });
  add(3, { ...m31, night: '2025-09-01', filter: null, exposureSeconds: 120 });
  add(15, { ...m31, kind: 'flat', night: '2025-09-01', filter: 'L', exposureSeconds: 1.5 });
  add(15, { ...m31, kind: 'flat', night: '2025-09-01', filter: 'R', exposureSeconds: 2 });
  add(20, { kind: 'dark', gain: 100, binning: '1x1', exposureSeconds: 120 });
  add(10, { kind: 'dark', gain: 100, binning: '1x1', exposureSeconds: 180 });
  add(30, { kind: 'bias', gain: 100, binning: '1x1', exposureSeconds: 0.001 });
  const flats: FlatsSection = {
    tolerance: 2.5,
    maxAgeDays: 90,
    oldFlatsCover: true,
    libraryPath: '/home/me/.local/share/astrotrack/flats.json',
    filters: [
      {
        filter: 'L',
        binning: null,
        detected: { from: 45.1, to: 45.2, angles: 2, frames: 32 },
        framesWithoutAngle: 0,
        withoutAngle: null,
        owned: [{ angle: 45, date: '2025-09-01', old: false }],
        needed: [],
        status: 'have-all',
        groups: [{ flat: 45, owned: true, lights: { from: 45.1, to: 45.2 }, frames: 32 }],
        coveredFrames: 32,
        uncoveredFrames: 0,
      },
      {
        filter: 'G',
        binning: null,
        detected: { from: 120.4, to: 120.4, angles: 1, frames: 8 },
        framesWithoutAngle: 0,
        withoutAngle: null,
        owned: [{ angle: 45, date: '2025-04-01', old: true }],
        needed: [120],
        status: 'need-all',
        groups: [{ flat: 120, owned: false, lights: { from: 120.4, to: 120.4 }, frames: 8 }],
        coveredFrames: 0,
        uncoveredFrames: 8,
      },
    ],
  };
  return buildExposureReport(accumulator, {
    root: '/data/archive',
    rig: 'redcat',
    filters: createFilterSet({}),
    plan: { targetHours: 4, allocation: { L: 50, R: 25, G: 25 } },
    sections: [
      { id: 'flats', plugin: 'astrotrack:flats', title: 'Flat frame recommendations', data: flats },
    ],
  });
}
