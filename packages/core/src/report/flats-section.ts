/**
 * The flats section's types: the output of its schema (flats-section-schema.ts). Type-only
 * imports, so the flats plugin and the reporters never load zod for them.
 */
import type { z } from 'zod';
import type {
  arcSchema,
  coverageGroupSchema,
  coverageStatusSchema,
  filterCoverageSchema,
  filterFlatsSchema,
  fixedCameraCoverageSchema,
  flatsSectionSchema,
  ownedFlatSchema,
} from './flats-section-schema.js';

export type Arc = z.output<typeof arcSchema>;
export type OwnedFlat = z.output<typeof ownedFlatSchema>;
export type CoverageStatus = z.output<typeof coverageStatusSchema>;
export type FixedCameraCoverage = z.output<typeof fixedCameraCoverageSchema>;
export type CoverageGroup = z.output<typeof coverageGroupSchema>;
export type FilterCoverage = z.output<typeof filterCoverageSchema>;
export type FilterFlats = z.output<typeof filterFlatsSchema>;
export type FlatsSection = z.output<typeof flatsSectionSchema>;
