export { sanitizePathSegment } from './sanitize-path-segment.js';
export * from './layout/layout-template.js';
export * from './sessions/choose-sessions.js';
export * from './plan/plan-types.js';
export { buildPlan, formatAngle, type BuildPlanOptions } from './plan/build-plan.js';
export { checkDestinations } from './plan/check-destinations.js';
export * from './apply/journal.js';
export * from './apply/run-operations.js';
export { lockFolder, type RunLock } from './apply/run-lock.js';
export {
  realFileSystem,
  OperationError,
  type FileSystemCalls,
} from './apply/file-operations.js';
export { checksum, sameContent } from './apply/file-content.js';
export * from './organizer-plugin.js';
