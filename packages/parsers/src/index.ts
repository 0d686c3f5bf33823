export { toolkitParser } from './toolkit/toolkit-parser.js';
export { ninaParser, NINA_DEFAULT_PATTERN, type NinaParserOptions } from './nina/nina-parser.js';
export { compileNinaPattern, NinaPatternError } from './nina/compile-nina-pattern.js';
export { detectFilter, findFilter } from './toolkit/detect-filter.js';
export { extractExposureTime, findExposure } from './toolkit/extract-exposure-time.js';
export { extractAngle, findAngle } from './toolkit/extract-angle.js';
export { detectObjectName, findObjectName } from './toolkit/detect-object-name.js';
export { findFrameKind, kindOfWord } from './toolkit/detect-frame-kind.js';
export { builtinParsers, DEFAULT_PARSERS } from './builtin-parsers.js';
