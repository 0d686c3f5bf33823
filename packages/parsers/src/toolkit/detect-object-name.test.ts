/**
 * Targets from folders, on the layouts capture programs and people make (research notes §1.5, §2.1,
 * §4.5, §4.6). `folders[0]` is the scanned folder's own name.
 */
import { createFilterSet } from '@astrotrack/core';
import { describe, expect, it } from 'vitest';
import { findObjectName, isDateLike } from './detect-object-name.js';

const filters = createFilterSet();
const target = (...folders: string[]) => findObjectName(folders, filters)?.target ?? null;

describe('the target from folders', () => {
  it.each([
    // ASIAIR: Udisk/Autorun/Light/<target>/…, Plan/Light/<target>/…
    [['Udisk', 'Autorun', 'Light', 'Rosette Nebula'], 'Rosette Nebula'],
    [['EMMC', 'Plan', 'Light', 'M 42'], 'M 42'],
    [['ASIAIR', 'Autorun', 'Flat'], null],
    // Seestar: MyWorks/<target>_sub, older <target>-sub
    [['MyWorks', 'M 81_sub'], 'M 81'],
    [['MyWorks', 'C 33-sub'], 'C 33'],
    [['Seestar', 'MyWorks'], null],
    // SharpCap: SharpCap Captures/<date>/<target or Capture>/<HH_MM_SS>/
    [['SharpCap Captures', '2021-09-26', 'Capture', '22_15_03'], null],
    [['SharpCap Captures', '2021-09-26', 'Jupiter', '22_15_03'], 'Jupiter'],
    // N.I.N.A. default: <date>/<type>/; with a target folder above
    [['N.I.N.A.', '2025-09-16', 'LIGHT'], null],
    [['Astro', 'NGC 7000', '2025-09-16', 'LIGHT'], 'NGC 7000'],
    // Dates as people write folders
    [['9th August 2026'], null],
    [['archive', '9th August 2026', 'L'], null],
    [['archive', 'Sept 16, 2025'], null],
    [['archive', '16.09.2025'], null],
    [['archive', '09-16-2025'], null],
    [['archive', '20250916'], null],
    [['archive', '2025-09-16 night'], null],
    [['archive', 'Friday 12 September 2025'], null],
    // Reject folders, processing, placeholders
    [['archive', 'M31', 'rejected'], 'M31'],
    [['archive', 'M31', 'Lights', 'Ha'], 'M31'],
    [['archive', 'Test'], null],
    [['archive', 'FlatWizard'], null],
    // The scanned folder itself: only when it names an object
    [['M31'], 'M31'],
    [['NGC7000', 'Ha'], 'NGC7000'],
    [['Andromeda Galaxy', 'L'], 'Andromeda Galaxy'],
    [['data'], null],
    [['astrotrack-test-abc123'], null],
    [['nas-share', 'lights'], null],
  ])('%j → %j', (folders, expected) => {
    expect(target(...folders)).toBe(expected);
  });

  it.each(['M 31', 'NGC 7000', 'IC 1805', 'Sh2-155', '47 Tuc', '3C 273', 'Heart Nebula', 'M42_2'])(
    '%s is no date',
    (name) => {
      expect(isDateLike(name)).toBe(false);
    },
  );
});
