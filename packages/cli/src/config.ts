/**
 * `@astrotrack/cli/config`: what an `astro.config.ts` imports, from the package you installed.
 * The same as `@astrotrack/core/config`.
 */
export * from '@astrotrack/core/config';
