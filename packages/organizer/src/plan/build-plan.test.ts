import { afterEach, describe, expect, it } from 'vitest';
import { parseLayout } from '../layout/layout-template.js';
import { light } from '../test-support/frames.js';
import { snapshot, tempFolder, writeTree } from '@astrotrack/test-utils/tree';
import { buildPlan } from './build-plan.js';
import { checkDestinations } from './check-destinations.js';

const options = (layout: string) => ({
  root: '/archive',
  output: '/archive',
  mode: 'move' as const,
  layout: parseLayout(layout),
  rig: null,
});

describe('buildPlan', () => {
  it('puts lights into their filter folder and leaves what it cannot place', () => {
    const plan = buildPlan(
      [
        light('night1/a_L_300s.fits', { filter: 'L' }),
        light('b.fits', { filter: null }),
        light('L/c.fits', { filter: 'L' }),
        { ...light('FLAT/f.fits', { filter: 'L' }), kind: 'flat' },
      ],
      options('{filter}'),
    );
    expect(plan.operations).toEqual([{ from: 'night1/a_L_300s.fits', to: 'L/a_L_300s.fits' }]);
    expect(plan.inPlace).toBe(1);
    expect(plan.folders).toEqual({ L: 2 });
    expect(plan.left).toEqual([
      { path: 'FLAT/f.fits', reason: 'not-a-light', detail: 'flat' },
      { path: 'b.fits', reason: 'missing-values', detail: 'no filter' },
    ]);
  });

  it('keeps hostile header values inside the folder', () => {
    const filters = ['../../etc', 'CON', 'a/b', 'Ha\u0007\u001b', '..', '/abs'];
    const plan = buildPlan(
      filters.map((filter, i) => light(`f${i}.fits`, { filter })),
      options('{filter}'),
    );
    expect(plan.operations.map((op) => op.to)).toEqual([
      '___.._etc/f0.fits',
      '_CON/f1.fits',
      'a_b/f2.fits',
      'Ha__/f3.fits',
      '_/f4.fits',
      '_abs/f5.fits',
    ]);
    for (const { to } of plan.operations) expect(to.split('/')).not.toContain('..');
  });

  it('fills {target}/{night}/{filter} and says which values a frame lacks', () => {
    const plan = buildPlan(
      [
        light('a.fits', { filter: 'Ha', target: 'NGC 7000', night: '2025-09-16' }),
        light('b.fits', { filter: 'Ha', target: null, night: null }),
      ],
      options('{target}/{night}/{filter}'),
    );
    expect(plan.operations).toEqual([{ from: 'a.fits', to: 'NGC 7000/2025-09-16/Ha/a.fits' }]);
    expect(plan.left[0]!.detail).toBe('no target, no night');
  });

  it('numbers sessions by angle for {n}, and leaves lights without an angle', () => {
    const plan = buildPlan(
      [
        light('a.fits', { filter: 'L', rotatorAngle: 200 }),
        light('b.fits', { filter: 'L', rotatorAngle: 10 }),
        light('c.fits', { filter: 'L', rotatorAngle: null }),
        // From a parser of one's own, say: not an angle, so no session.
        light('d.fits', { filter: 'L', rotatorAngle: Number.NaN }),
      ],
      {
        ...options('{filter}/SESSION_{n}'),
        sessions: { flats: [{ filter: 'L', angle: 10 }], tolerance: 2 },
      },
    );
    expect(plan.operations).toEqual([
      { from: 'a.fits', to: 'L/SESSION_2/a.fits' },
      { from: 'b.fits', to: 'L/SESSION_1/b.fits' },
    ]);
    expect(plan.left).toEqual([
      {
        path: 'c.fits',
        reason: 'missing-values',
        detail: 'no rotator angle (needed for a session)',
      },
      {
        path: 'd.fits',
        reason: 'missing-values',
        detail: 'no rotator angle (needed for a session)',
      },
    ]);
  });
});

describe('checkDestinations', () => {
  let folder: ReturnType<typeof tempFolder>;
  afterEach(() => folder.remove());

  it('leaves duplicates and conflicts in place and never plans two files onto one name', () => {
    folder = tempFolder();
    const root = folder.path;
    writeTree(root, {
      'in/same.fits': 'A',
      'L/same.fits': 'A',
      'in/other.fits': 'B',
      'L/other.fits': 'C',
      'n1/twin.fits': 'D',
      'n2/twin.fits': 'D',
      'n1/clash.fits': 'E',
      'n2/clash.fits': 'F',
      'in/free.fits': 'G',
    });
    const before = snapshot(root, { times: true });
    const frames = [
      'in/same.fits',
      'in/other.fits',
      'n1/twin.fits',
      'n2/twin.fits',
      'n1/clash.fits',
      'n2/clash.fits',
      'in/free.fits',
    ].map((path) => light(path, { filter: 'L' }));
    const plan = checkDestinations(
      buildPlan(frames, { ...options('{filter}'), root, output: root }),
    );
    expect(plan.operations.map((op) => op.from).sort()).toEqual([
      'in/free.fits',
      'n1/clash.fits',
      'n1/twin.fits',
    ]);
    expect(plan.left.map(({ path, reason }) => [path, reason]).sort()).toEqual([
      ['in/other.fits', 'conflict'],
      ['in/same.fits', 'duplicate'],
      ['n2/clash.fits', 'conflict'],
      ['n2/twin.fits', 'duplicate'],
    ]);
    expect(plan.folders).toEqual({ L: 3 });
    // Planning, the whole of a dry run, changes nothing.
    expect(snapshot(root, { times: true })).toEqual(before);
  });
});
