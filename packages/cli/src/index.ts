export { calculateTotalExposure, type CalculateTotalExposureOptions } from './api.js';
export { runScan, type RunScanOptions, type RunScanResult } from './run-scan.js';
export { main, createProgram } from './cli.js';
export {
  detectFilter,
  detectObjectName,
  extractAngle,
  extractExposureTime,
} from '@astrotrack/parsers';
export { defineConfig, formatDuration } from '@astrotrack/core';
