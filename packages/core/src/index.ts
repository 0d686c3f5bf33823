/**
 * `@astrotrack/core`: what plugin authors and API users need, and nothing they would have to
 * unlearn. Every name is listed with a line in this package's README. The other astrotrack
 * packages build on more (`@astrotrack/core/internal`), which is not a promise to anyone else.
 */

// Writing a config, a parser, an observer or a reporter.
export { defineConfig, defineParser } from './define-config.js';
export { parsedFrameBuilder } from './parsed-frame-builder.js';
export { createFilterSet, type FilterSet } from './filters/filter-set.js';
export type {
  FrameFile,
  ObserverPlugin,
  ParsedFrame,
  ParserPlugin,
  PluginContext,
  ReporterPlugin,
} from './plugin.js';
export type { Frame, FrameFields, FrameKind } from './frame.js';
export type { EngineEvents } from './events/engine-events.js';
export type { ExposureReport, ReportWarning } from './report/report-types.js';
export { reportSection, type ReportSections } from './report/report-sections.js';

// Scanning from code.
export { scanArchive, type ScanArchiveOptions, type ScanResult } from './scan/scan-archive.js';
export { loadConfig } from './config/load-config.js';
export { resolveRig, type ResolvedRig } from './config/resolve-rig.js';
export type { AstrotrackConfig } from './config/config-types.js';
export { formatDuration } from './report/format-duration.js';
export { createLogger, type Logger } from './logging/create-logger.js';

// Errors.
export { AstrotrackError, isAstrotrackError } from './errors/astrotrack-error.js';
export { EXIT_CODES } from './errors/exit-codes.js';
