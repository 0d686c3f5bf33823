export {
  calibrationPlugin,
  matchGroup,
  type CalibrationPluginOptions,
} from './calibration-plugin.js';
export { CalibrationSetAccumulator } from './collect/scan-sets.js';
export { LightGroupAccumulator, angleClusters } from './collect/light-groups.js';
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
