#!/usr/bin/env node
// A copy of the workplace's shared/tools/share_floor.mjs, for bench/share-bench.mjs.
// A parallel floor for reading frame headers on a share: 64 concurrent open / read 5,760 bytes / close
// over every frame under DIR, in shuffled order (so requests spread over folders, as a scan of many
// nights would). Run with UV_THREADPOOL_SIZE=64 so Node's thread pool is not the limit:
//   UV_THREADPOOL_SIZE=64 node shared/tools/share_floor.mjs DIR
import { readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';

const files = [];
const folders = [process.argv[2]];
while (folders.length) {
  const folder = folders.pop();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) folders.push(path);
    else if (/\.(fits?|fts|fz|xisf)$/i.test(entry.name)) files.push(path);
  }
}
for (let i = files.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [files[i], files[j]] = [files[j], files[i]];
}
let next = 0;
await Promise.all(
  Array.from({ length: 64 }, async () => {
    const buffer = Buffer.allocUnsafe(5760);
    while (next < files.length) {
      const handle = await open(files[next++], 'r');
      await handle.read(buffer, 0, 5760, 0);
      await handle.close();
    }
  }),
);
console.log(files.length);
