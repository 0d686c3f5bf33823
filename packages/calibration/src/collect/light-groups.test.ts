import { describe, expect, it } from 'vitest';
import type { Frame } from '@astrotrack/core/internal';
import { EMPTY_FRAME_FIELDS } from '@astrotrack/core/internal';
import { angleClusters, LightGroupAccumulator } from './light-groups.js';

const frame = (fields: Partial<Frame>): Frame => ({
  ...EMPTY_FRAME_FIELDS,
  kind: 'light',
  target: 'M 31',
  filter: 'L',
  exposureSeconds: 300,
  gain: 100,
  night: '2026-10-01',
  sensorTemperature: -10.1,
  path: '/a.fits',
  relativePath: 'a.fits',
  parser: 'test',
  sources: {},
  rig: null,
  ...fields,
});

describe('angleClusters', () => {
  const clusters = (angles: (number | null)[], tolerance = 2.5) =>
    angleClusters(new Map(angles.map((a) => [a, 1])), tolerance).map((c) => c.angle);

  it('keeps angles one flat covers together, across 0° too', () => {
    expect(clusters([45, 45.2, 49.9])).toEqual([{ from: 45, to: 49.9 }]);
    expect(clusters([45, 50.1])).toEqual([
      { from: 45, to: 45 },
      { from: 50.1, to: 50.1 },
    ]);
    expect(clusters([359.5, 0.4, 1])).toEqual([{ from: 359.5, to: 1 }]);
    expect(clusters([null, 10])).toEqual([null, { from: 10, to: 10 }]);
  });

  it('never lets a chain of close angles grow past what one flat covers', () => {
    expect(clusters([0, 2, 4, 6, 8])).toHaveLength(2);
  });
});

describe('LightGroupAccumulator', () => {
  it('groups as the report does: canonical targets, the mean temperature, split by setup and angle', () => {
    const groups = new LightGroupAccumulator({ aliases: {}, target: null, includeUnknown: false });
    groups.add(frame({ rotatorAngle: 45 }));
    groups.add(frame({ target: 'M31', sensorTemperature: -9.9, rotatorAngle: 45.3 }));
    groups.add(frame({ target: 'NGC 224', rotatorAngle: 135 }));
    groups.add(frame({ gain: 0 }));
    groups.add(frame({ filter: null }));
    groups.add(frame({ exposureSeconds: null }));
    groups.add(frame({ target: 'M42', kind: 'light' }));
    const result = groups.lightGroups(2.5);
    expect(result.map((g) => [g.target, g.gain, g.angle, g.frames, g.sensorTemperature])).toEqual([
      ['M31', 100, { from: 45, to: 45.3 }, 2, -10],
      ['M31', 100, { from: 135, to: 135 }, 1, -10],
      ['M31', 0, null, 1, -10.1],
      ['M42', 100, null, 1, -10.1],
    ]);
  });

  it('narrows to the --target', () => {
    const groups = new LightGroupAccumulator({ aliases: {}, target: 'm31', includeUnknown: false });
    groups.add(frame({}));
    groups.add(frame({ target: 'M42' }));
    expect(groups.lightGroups(2.5).map((g) => g.target)).toEqual(['M31']);
  });
});
