/**
 * `@astrotrack/core/internal`: the engine's parts the other astrotrack packages build on. Not a
 * promise to anyone else: it changes with them. Plugin authors and API users: `@astrotrack/core`.
 */
export * from './frame.js';
export * from './plugin.js';
export * from './parsed-frame-builder.js';
export * from './filters/filter-set.js';
export * from './errors/astrotrack-error.js';
export * from './errors/exit-codes.js';
export { errors, errorCode, firstLine } from './errors/catalogue.js';
export * from './events/engine-events.js';
export * from './events/event-bus.js';
export * from './events/plugin-error.js';
export * from './config/config-types.js';
export { defineConfig, defineParser } from './define-config.js';
export * from './config/load-config.js';
export * from './config/find-config-file.js';
export {
  formatPath,
  validateConfig,
  type KnownPlugins,
  type ValidationResult,
} from './config/validate-config.js';
export * from './config/resolve-rig.js';
export {
  settingsSchema,
  SETTING_DEFAULTS,
  ORGANIZE_MODES,
  type Settings,
  type ResolvedSettings,
} from './config/settings-schema.js';
export * from './config/instantiate-plugins.js';
export { didYouMean } from './config/did-you-mean.js';
export * from './scan/frame-extensions.js';
export * from './scan/walk-frames.js';
export * from './scan/parse-frame-file.js';
export * from './scan/scan-archive.js';
export * from './scan/read-frame.js';
export * from './scan/header-cache.js';
export * from './scan/inspect-frame.js';
export * from './scan/derived-frames.js';
export * from './scan/reject-folders.js';
export * from './scan/duplicate-frames.js';
export * from './scan/header-read-pace.js';
export * from './headers/header-fields.js';
export * from './headers/night-of.js';
export * from './headers/frame-kind-from-header.js';
export * from './headers/merge-frame-fields.js';
export * from './headers/read-frame-header.js';
export * from './report/report-types.js';
export * from './report/flats-section.js';
export * from './report/report-sections.js';
export * from './report/format-duration.js';
export * from './report/sort-rows.js';
export * from './report/sort-keys.js';
export * from './report/plan-remaining-exposure.js';
export * from './report/exposure-accumulator.js';
export * from './report/build-report.js';
export * from './targets/target-identity.js';
export * from './logging/create-logger.js';
export { checkReplaceable, writeFileAtomic, writeTarget } from './fs/write-file-atomic.js';
export * from './fs/real-folder.js';
export * from './fs/lock-file.js';
export { settleWithin } from './config/settle-within.js';
