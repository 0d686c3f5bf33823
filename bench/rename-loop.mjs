/**
 * The baseline for organizing: the same moves as an astrotrack run, as a plain loop of renameSync
 * calls (and a mkdirSync per new folder), read from a list of "from\tto" lines.
 *   node bench/rename-loop.mjs ROOT LIST [--reverse]
 */
import { mkdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [root, list, reverse] = process.argv.slice(2);
const pairs = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t'));
if (reverse) {
  for (const [from, to] of pairs) renameSync(join(root, to), join(root, from));
  for (const folder of new Set(pairs.map(([, to]) => dirname(to)))) rmdirSync(join(root, folder));
} else {
  const made = new Set();
  for (const [from, to] of pairs) {
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(join(root, folder), { recursive: true });
      made.add(folder);
    }
    renameSync(join(root, from), join(root, to));
  }
}
