/**
 * `@astrotrack/core/schema`: the schemas of the config and the report, and the config's checks.
 * Apart from the rest because they load zod, which a command needs only when there is a config or
 * a setting flag to check: import it with `await import('@astrotrack/core/schema')` where start-up
 * matters.
 */
export { validateConfig } from './config/validate-config.js';
export { configSchema, rigSettingsSchema } from './config/config-schema.js';
export { settingsSchema, boundedNumber } from './config/settings-schema.js';
export { exposureReportSchema, REPORT_SECTION_SCHEMAS } from './report/report-schema.js';
export { reportJsonSchema } from './report/report-json-schema.js';
