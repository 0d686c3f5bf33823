export { angularDistance, withinTolerance } from './angular-distance.js';
export { normaliseAngle, signedTurn, spanOf, type Arc } from './coverage/arc.js';
export { fewestFlats, type NewFlat } from './coverage/fewest-flats.js';
export {
  filterCoverage,
  type CoverageGroup,
  type CoverageOptions,
  type CoverageStatus,
  type FilterCoverage,
  type OwnedFlat,
} from './coverage/filter-coverage.js';
export * from './library/flat-library.js';
export * from './library/library-location.js';
export * from './library/library-store.js';
export * from './library/library-operations.js';
export { readLegacyFlats, LEGACY_FILE } from './library/import-legacy.js';
export { withFileLock, type LockOptions } from './library/file-lock.js';
export { flatSets, roundTo, type FlatSetsResult } from './learn/flat-sets.js';
export { collectFlatFrames } from './learn/collect-flat-frames.js';
export * from './flats-plugin.js';
export { isCalendarDate } from './library/json-shape.js';
