#!/usr/bin/env node
// CommonJS on purpose: Node's thread pool carries every asynchronous open, read and stat, and is
// sized once, when first used. On a network share each of those is a round trip, and the default
// four threads would cap a scan at four requests in flight however many it asks for. The ES module
// loader uses the pool itself, so the size is set here, before any module is loaded.
process.env.UV_THREADPOOL_SIZE ??= '64';

// `astrotrack scan | head` closes stdout early: stop quietly, as Unix tools do, instead of a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

import('./dist/cli.js').then(async ({ main }) => {
  process.exitCode = await main(process.argv);
});
