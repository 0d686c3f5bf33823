#!/usr/bin/env node
// CommonJS on purpose: Node's thread pool carries every asynchronous open, read and stat, and is
// sized once, when first used; the ES module loader uses it, so its size is set here, before any
// module is loaded. On a network share each of those calls is a round trip, and the default four
// threads would cap a scan at four requests in flight however many it asks for. Elsewhere the
// default stays (64 threads cost a few milliseconds to start).
const { statfsSync } = require('node:fs');

// `statfs` f_type magic numbers of network and FUSE file systems: the same list as
// @astrotrack/core's network-file-system.ts (src/bin.test.ts holds them equal).
const SHARES = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x564c, 0x01021997, 0x73757245, 0x5346414f,
  0x6b414653, 0x00c36400, 0x47504653, 0x0bd00bd0,
]);
const onShare = (arg) => {
  if (arg.startsWith('-')) return false;
  try {
    return SHARES.has(Number(statfsSync(arg).type));
  } catch {
    return false;
  }
};
if (process.env.UV_THREADPOOL_SIZE === undefined && process.argv.slice(2).some(onShare)) {
  process.env.UV_THREADPOOL_SIZE = '64';
}

// `astrotrack scan | head` closes stdout early: stop quietly, as Unix tools do, instead of a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

import('./dist/cli.js').then(async ({ main }) => {
  process.exitCode = await main(process.argv);
});
