// The least a Node program can do for the same answer: walk the tree and test each name.
// The benchmark runs it as a second baseline, so Node's own start-up and readdir cost is visible.
import { readdirSync } from 'node:fs';

let frames = 0;
const folders = [process.argv[2]];
while (folders.length > 0) {
  const folder = folders.pop();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) folders.push(`${folder}/${entry.name}`);
    else if (/\.(fits?|fts|fz|xisf)$/i.test(entry.name)) frames++;
  }
}
console.log(frames);
