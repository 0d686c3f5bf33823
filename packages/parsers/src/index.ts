export { toolkitParser } from './toolkit/toolkit-parser.js';
export { detectFilter, findFilter } from './toolkit/detect-filter.js';
export { extractExposureTime, findExposure } from './toolkit/extract-exposure-time.js';
export { extractAngle, findAngle } from './toolkit/extract-angle.js';
export { detectObjectName, findObjectName } from './toolkit/detect-object-name.js';
export { findFrameKind, kindOfWord } from './toolkit/detect-frame-kind.js';
export { builtinParsers, DEFAULT_PARSERS } from './builtin-parsers.js';
