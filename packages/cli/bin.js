#!/usr/bin/env node
import { main } from './dist/cli.js';

// `astrotrack scan | head` closes stdout early: stop quietly, as Unix tools do, instead of a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
