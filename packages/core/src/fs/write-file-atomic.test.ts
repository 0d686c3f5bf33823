import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'astrotrack-write-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes a new file, and replaces one keeping its permissions', async () => {
    const file = join(folder, 'flats.json');
    await writeFileAtomic(file, 'one');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('follows a symbolic link: the file it points to changes, the link stays', async () => {
    const real = join(folder, 'real.json');
    const link = join(folder, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync('real.json', link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.json');
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('refuses a read-only file, a FIFO and a folder rather than replacing them', async () => {
    const readOnly = join(folder, 'locked.json');
    writeFileSync(readOnly, 'keep');
    chmodSync(readOnly, 0o444);
    await expect(writeFileAtomic(readOnly, 'x')).rejects.toMatchObject({
      name: 'ReadOnlyFile',
      message: `${readOnly} is read-only; astrotrack does not replace it`,
    });
    expect(readFileSync(readOnly, 'utf8')).toBe('keep');

    const fifo = join(folder, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(writeFileAtomic(fifo, 'x')).rejects.toMatchObject({
      name: 'NotARegularFile',
      message: `${fifo} is a FIFO, not a regular file; astrotrack does not replace it`,
    });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    await expect(writeFileAtomic(folder, 'x')).rejects.toMatchObject({ name: 'NotARegularFile' });
  });
});
