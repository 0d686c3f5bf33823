export {
  calibrationBundlePlugin,
  calibrationPlugin,
  matchGroup,
  type CalibrationBundle,
  type CalibrationPluginOptions,
  type GroupFiles,
} from './calibration-plugin.js';
export { CalibrationSetAccumulator } from './collect/scan-sets.js';
export {
  LightGroupAccumulator,
  angleClusters,
  type LightGroupFiles,
} from './collect/light-groups.js';
export { matchDarks } from './match/match-dark.js';
export { matchBias } from './match/match-bias.js';
export { matchFlats } from './match/match-flat.js';
export { matchFlatDarks } from './match/match-flat-darks.js';
export type { LightSetup, MatchRules } from './match/rules.js';
export { setsToShoot, type ToShootResult } from './plan/sets-to-shoot.js';
export { stabTemperatures, type TemperatureSet } from './plan/stab-temperatures.js';
export * from './library/calibration-library.js';
export * from './library/calibration-store.js';
export * from './library/calibration-operations.js';
export * from './library/calibration-location.js';
export { learnedRecords, type LearnedRecords } from './learn/learned-records.js';
export {
  bundlePlan,
  BUNDLE_TOOLS,
  MANIFEST_NAME,
  type BundledGroup,
  type BundleOptions,
  type BundlePlan,
  type BundleTool,
  type LeftGroup,
} from './export/bundle-plan.js';
export { sirilScript, SIRIL_FOLDERS, type SirilGroupFiles } from './export/siril-script.js';
