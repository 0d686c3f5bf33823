/** Light entry point for `astro.config.ts`: types only, no engine. */
import type { AstrotrackConfig } from './config/config-types.js';

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
