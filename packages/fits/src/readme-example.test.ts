/** The README's example, run as written against real headers: a package's first page must work. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HEADER_FIXTURES } from '@astrotrack/test-utils/header-fixtures';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { describe, expect, it } from 'vitest';

const PACKAGE = join(import.meta.dirname, '..');
const DIST = join(PACKAGE, 'dist', 'index.js');
const tempDir = useTempDir();

describe.runIf(existsSync(DIST))('the README example', () => {
  it('runs, and prints what the headers hold', () => {
    const readme = readFileSync(join(PACKAGE, 'README.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = tempDir();
    copyFileSync(join(HEADER_FIXTURES, 'nina-light.fits'), join(dir, 'light_M31_L_300s_0001.fits'));
    copyFileSync(join(HEADER_FIXTURES, 'nina-light.xisf'), join(dir, 'light_M31_L_300s_0001.xisf'));
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        code.replace("'@astrotrack/fits'", `'${pathToFileURL(DIST).href}'`),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Barnard's Loop \d+(\.\d+)? Ha$/);
    expect(lines[1]).toBe("false [ 'primary' ]");
    expect(lines[2]).toBe('DATE-OBS is standard');
    expect(lines[3]).toMatch(/^\d+(\.\d+)? \S/);
    expect(lines[3]).not.toContain('undefined');
  });
});
