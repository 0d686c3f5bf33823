#!/usr/bin/env node
// The least a rescan can do on a share, for bench/share-bench.mjs: list every folder and lstat
// every entry in it (no frame is opened), every folder at once and 8 entries at a time in each, as
// the scan's walker does on a FUSE mount. A file system that answers one folder's lookups one at a
// time (libfuse 2) makes this the floor of any scan that must see each frame's size and times.
// Run with UV_THREADPOOL_SIZE=64 so Node's thread pool is not the limit:
//   UV_THREADPOOL_SIZE=64 node bench/share-stat-floor.mjs DIR
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const PER_FOLDER = 8;
let files = 0;

async function visit(folder) {
  const names = await readdir(folder);
  const folders = [];
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const path = join(folder, names[next++]);
      const info = await lstat(path);
      if (info.isDirectory()) folders.push(visit(path));
      else files++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_FOLDER, names.length) }, lane));
  await Promise.all(folders);
}

await visit(process.argv[2]);
console.log(files);
