// The least a Node program can do to read facts from every header: walk the tree, open each frame,
// read 5,760 bytes, close it, decode the bytes and find EXPTIME, FILTER and OBJECT by their keyword
// field. No parsing of values, no names, no report. The benchmark runs it as a second baseline for
// header reading, so Node's own cost of doing the C loop's work is visible.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';

const buffer = Buffer.allocUnsafe(5760);
const wanted = new Set(['EXPTIME ', 'FILTER  ', 'OBJECT  ']);
let found = 0;
const folders = [process.argv[2]];
while (folders.length > 0) {
  const folder = folders.pop();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) folders.push(path);
    else if (/\.(fits?|fts|fz|xisf)$/i.test(entry.name)) {
      const fd = openSync(path, 'r');
      const length = readSync(fd, buffer, 0, 5760, 0);
      closeSync(fd);
      const text = buffer.latin1Slice(0, length);
      for (let at = 0; at + 80 <= text.length; at += 80) {
        const keyword = text.slice(at, at + 8);
        if (keyword === 'END     ') break;
        if (wanted.has(keyword)) found++;
      }
    }
  }
}
console.log(found);
