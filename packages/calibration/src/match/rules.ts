/** What matching reads: a light group's setup, and the rig's rules. */
import type { CalibrationSection, LightGroup } from '@astrotrack/core/internal';

export type LightSetup = Omit<LightGroup, 'status' | 'dark' | 'flat' | 'flatDarks'>;
export type MatchRules = CalibrationSection['rules'];

/** Exposures closer than this are the same (written 300 and 300.0001 by two programs). */
export const SAME_EXPOSURE = 0.0005;
