/**
 * The config and report types are their schemas' outputs, and say what users and reporters rely
 * on: a change to a schema that changes one of these fails the typecheck.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { configSchema } from './config/config-schema.js';
import type { AstrotrackConfig, PlanSettings } from './config/config-types.js';
import type { FrameKind } from './frame.js';
import type { FlatsSection } from './report/flats-section.js';
import type { REPORT_SCHEMA_VERSION, SKIP_CODES, WARNING_CODES } from './report/report-codes.js';
import type { exposureReportSchema, REPORT_SECTION_SCHEMAS } from './report/report-schema.js';
import type { ReportSections } from './report/report-sections.js';
import type {
  CalibrationGroup,
  ExposureReport,
  Plan,
  ReportSection,
  ReportWarning,
  SkipSummary,
} from './report/report-types.js';
import type { SortKey } from './report/sort-keys.js';

describe('the contracts are their schemas', () => {
  it('the config type is the config schema’s output', () => {
    expectTypeOf<AstrotrackConfig>().toEqualTypeOf<z.output<typeof configSchema>>();
    expectTypeOf<PlanSettings>().toEqualTypeOf<{
      targetHours?: number;
      allocation?: Record<string, number>;
      rejectionBuffer?: number | 'measured';
      bufferFallback?: number;
      bufferMinFrames?: number;
    }>();
  });

  it('the report type is the report schema’s output, with the shapes reporters rely on', () => {
    expectTypeOf<ExposureReport>().toEqualTypeOf<z.output<typeof exposureReportSchema>>();
    expectTypeOf<ExposureReport['schemaVersion']>().toEqualTypeOf<typeof REPORT_SCHEMA_VERSION>();
    expectTypeOf<ExposureReport['sortedBy']>().toEqualTypeOf<SortKey>();
    expectTypeOf<ExposureReport['plan']>().toEqualTypeOf<Plan | null>();
    expectTypeOf<ExposureReport['frames']['byKind']>().toEqualTypeOf<Record<FrameKind, number>>();
    expectTypeOf<CalibrationGroup['kind']>().toEqualTypeOf<Exclude<FrameKind, 'light'>>();
    expectTypeOf<SkipSummary['code']>().toEqualTypeOf<(typeof SKIP_CODES)[number]>();
    expectTypeOf<ReportWarning['code']>().toEqualTypeOf<(typeof WARNING_CODES)[number]>();
    expectTypeOf<ExposureReport['sections'][number]>().toEqualTypeOf<ReportSection>();
    expectTypeOf<ExposureReport['nights'][number]['focalRatio']>().toEqualTypeOf<
      number | null | undefined
    >();
  });

  it('each registered section is its schema’s output, and every one has a schema', () => {
    type Registered = keyof typeof REPORT_SECTION_SCHEMAS;
    expectTypeOf<Registered>().toEqualTypeOf<keyof ReportSections>();
    expectTypeOf<ReportSections['flats']>().toEqualTypeOf<
      z.output<(typeof REPORT_SECTION_SCHEMAS)['flats']>
    >();
    expectTypeOf<FlatsSection['filters'][number]['status']>().toEqualTypeOf<
      'have-all' | 'need-some' | 'need-all'
    >();
  });
});
