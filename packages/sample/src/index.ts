export * from './generate-sample-archive.js';
