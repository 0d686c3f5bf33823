export { sanitizePathSegment } from './sanitize-path-segment.js';
