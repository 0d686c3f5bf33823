/** The calibration section's types: the output of its schema (calibration-section-schema.ts). */
import type { z } from 'zod';

/** The kinds of calibration frame, in the order the report lists them. */
export const CALIBRATION_KINDS = ['dark', 'bias', 'darkflat', 'flat'] as const;
import type {
  calibrationKindSchema,
  calibrationSectionSchema,
  calibrationSetSchema,
  calibrationStatusSchema,
  kindMatchSchema,
  lightGroupSchema,
  setToShootSchema,
} from './calibration-section-schema.js';

export type CalibrationKind = z.output<typeof calibrationKindSchema>;
export type CalibrationSet = z.output<typeof calibrationSetSchema>;
export type CalibrationStatus = z.output<typeof calibrationStatusSchema>;
export type KindMatch = z.output<typeof kindMatchSchema>;
export type LightGroup = z.output<typeof lightGroupSchema>;
export type SetToShoot = z.output<typeof setToShootSchema>;
export type CalibrationSection = z.output<typeof calibrationSectionSchema>;
