/**
 * The exposure report's types: the output of its schema (report-schema.ts), none written by hand.
 * Type-only imports, so the engine that builds a report never loads zod.
 */
import type { z } from 'zod';
import type { SKIP_CODES } from './report-codes.js';
import type {
  calibrationGroupSchema,
  duplicateFrameSchema,
  exposureReportSchema,
  exposureRowSchema,
  exposureTotalSchema,
  filterPlanSchema,
  frameCountsSchema,
  nightRowSchema,
  likelyRejectsSchema,
  mosaicSchema,
  planSchema,
  projectSchema,
  qualityRowSchema,
  reportSectionSchema,
  reportWarningSchema,
  rigSummarySchema,
  skipSummarySchema,
  targetSummarySchema,
  warningCodeSchema,
} from './report-schema.js';

export { REPORT_SCHEMA_VERSION } from './report-codes.js';

export type SkipCode = (typeof SKIP_CODES)[number];
export type WarningCode = z.output<typeof warningCodeSchema>;
export type ExposureRow = z.output<typeof exposureRowSchema>;
export type ExposureTotal = z.output<typeof exposureTotalSchema>;
export type FilterPlan = z.output<typeof filterPlanSchema>;
export type Plan = z.output<typeof planSchema>;
export type SkipSummary = z.output<typeof skipSummarySchema>;
export type ReportWarning = z.output<typeof reportWarningSchema>;
export type FrameCounts = z.output<typeof frameCountsSchema>;
export type DuplicateFrame = z.output<typeof duplicateFrameSchema>;
export type NightRow = z.output<typeof nightRowSchema>;
export type TargetSummary = z.output<typeof targetSummarySchema>;
export type Project = z.output<typeof projectSchema>;
export type Mosaic = z.output<typeof mosaicSchema>;
export type QualityRow = z.output<typeof qualityRowSchema>;
export type LikelyRejects = z.output<typeof likelyRejectsSchema>;
export type RigSummary = z.output<typeof rigSummarySchema>;
export type CalibrationGroup = z.output<typeof calibrationGroupSchema>;
export type ExposureReport = z.output<typeof exposureReportSchema>;

/** A plugin's part of the report; `T` is its data's type, as registered in ReportSections. */
export interface ReportSection<T = unknown>
  extends Omit<z.output<typeof reportSectionSchema>, 'data'> {
  data: T;
}
