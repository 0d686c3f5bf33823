import { describe, expect, it } from 'vitest';
import { nightFromFolders, nightFromName } from './night-from-name.js';

describe('the night from names', () => {
  it.each([
    ['2025-09-15_03-06-28_ALPT_56.26_300.00s_0114', '2025-09-14'],
    ['2025-09-14_21-00-17_L_45.10_120.00s_0000', '2025-09-14'],
    ['Light_LDN 1093_120.0s_Bin1_H_gain100_20240707-002348_-10.0C_0001', '2024-07-06'],
    ['Light_M 42_300.0s_Bin1_2600MC_gain100_20260411-212434_79deg_-10.0C_0001', '2026-04-11'],
    ['light_M31_L_120s_001', null],
    ['2025-09-14_L_120s', null],
    ['2025-09-14_21-00-17', '2025-09-14'],
    ['2025-09-15_03-06-28-ALPT', '2025-09-14'],
    ['2025-09-15_03-06-28x_ALPT', null],
    ['2025-09-15_03-06-2', null],
    ['2025-09-15_03-o6-28_ALPT', null],
    ['2025-09-15-03-06-28_ALPT', null],
    ['x2025-09-15_03-06-28_ALPT', null],
  ])('%s → %s', (stem, night) => {
    expect(nightFromName(stem)).toBe(night);
  });

  it('takes the nearest date folder', () => {
    expect(nightFromFolders(['archive', 'M31', '2025-09-14', 'LIGHT'])).toBe('2025-09-14');
    expect(nightFromFolders(['archive', '2025-09-13', 'M31', '2025-09-14'])).toBe('2025-09-14');
    expect(nightFromFolders(['archive', 'M31', '2025 July'])).toBeNull();
  });
});
