/** Light entry point for `astro.config.ts`: types only, no engine. */
import type { AstrotrackConfig } from './config/config-types.js';
import type { ParserPlugin } from './plugin.js';

export type {
  FieldOrigin,
  FieldSource,
  FieldSources,
  FrameFields,
  FrameKind,
} from './frame.js';
export type { FrameFile, ParseContext, ParsedFrame, ParserPlugin } from './plugin.js';

export type {
  AstrotrackConfig,
  FilterSettings,
  PlanSettings,
  PluginSpec,
  ReportSettings,
  RigSettings,
} from './config/config-types.js';

export function defineConfig(config: AstrotrackConfig): AstrotrackConfig {
  return config;
}

/** Types a parser factory for editors; returns it unchanged. */
export function defineParser<Options extends Record<string, unknown> = Record<string, never>>(
  factory: (options?: Options) => ParserPlugin,
): (options?: Options) => ParserPlugin {
  return factory;
}
