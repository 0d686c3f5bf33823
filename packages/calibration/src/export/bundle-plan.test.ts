import { describe, expect, it } from 'vitest';
import { matchGroup } from '../calibration-plugin.js';
import { lights, RULES, set } from '../test-support/sets.js';
import { bundlePlan } from './bundle-plan.js';

const options = { tool: 'siril' as const, includeIncomplete: false, noFilter: 'OSC' };

describe('bundlePlan', () => {
  const owned = [set('dark'), set('flat'), set('bias')];
  const complete = matchGroup(lights(), owned, RULES);

  it('keeps the names of frames, and tells apart two of one name by their folder', () => {
    const plan = bundlePlan(
      [
        {
          group: complete,
          lights: ['night1/L_0001.fits', 'night2/L_0001.fits', 'night2/L_0002.fits'],
          dark: ['darks/D_1.fits'],
          flat: ['flats/F_1.fits'],
          flatDarks: ['bias/B_1.fits'],
        },
      ],
      options,
    );
    const folder = 'M31/2026-10-02_L_300s_g100_o50_-10C_45deg';
    expect(plan.operations).toEqual([
      { from: 'night1/L_0001.fits', to: `${folder}/lights/night1_L_0001.fits` },
      { from: 'night2/L_0001.fits', to: `${folder}/lights/night2_L_0001.fits` },
      { from: 'night2/L_0002.fits', to: `${folder}/lights/L_0002.fits` },
      { from: 'darks/D_1.fits', to: `${folder}/darks/D_1.fits` },
      { from: 'flats/F_1.fits', to: `${folder}/flats/F_1.fits` },
      { from: 'bias/B_1.fits', to: `${folder}/biases/B_1.fits` },
    ]);
    expect(plan.generated.map((file) => file.to)).toEqual([
      `${folder}/preprocess.ssf`,
      'astrotrack-export.txt',
    ]);
  });

  it('leaves out a group whose set is in a library, not in the folder, and says so', () => {
    const plan = bundlePlan(
      [
        {
          group: complete,
          lights: ['L_1.fits'],
          dark: null,
          flat: ['F_1.fits'],
          flatDarks: ['B_1.fits'],
        },
      ],
      options,
    );
    expect(plan.operations).toEqual([]);
    expect(plan.left[0]!.why).toEqual([
      'its darks are in the calibration library, not in the scanned folder',
    ]);
  });

  it('gives two groups that would share a folder their own', () => {
    const other = matchGroup(lights({ camera: 'ZWO ASI294MM Pro' }), owned, RULES);
    const entry = (group: typeof complete) => ({
      group,
      lights: ['L_1.fits'],
      dark: ['D_1.fits'],
      flat: ['F_1.fits'],
      flatDarks: ['B_1.fits'],
    });
    const plan = bundlePlan([entry(complete), entry(other)], {
      ...options,
      includeIncomplete: true,
    });
    expect(plan.bundled.map((b) => b.folder)).toEqual([
      'M31/2026-10-02_L_300s_g100_o50_-10C_45deg',
      'M31/2026-10-02_L_300s_g100_o50_-10C_45deg_2',
    ]);
  });
});
