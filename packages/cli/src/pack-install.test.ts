/**
 * The published shape, for real: every package packed with `pnpm pack` (workspace versions become
 * real ones), installed from the tarballs into an empty project with npm, and the installed
 * `astrotrack` run there on a sample archive, as a user who ran `npm i @astrotrack/cli` would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../core/src/test-support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = ['core', 'parsers', 'flats', 'organizer', 'reporters', 'cli'];
const tempDir = useTempDir();

describe('the packages as published', () => {
  it('install from their tarballs with npm, and the installed astrotrack scans a sample', () => {
    const dir = tempDir();
    const tarballs = join(dir, 'tarballs');
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    const pnpm = join(ROOT, 'node_modules', '.bin', 'pnpm');
    for (const name of PACKAGES) {
      execFileSync(pnpm, ['pack', '--pack-destination', tarballs], {
        cwd: join(ROOT, 'packages', name),
        stdio: 'ignore',
      });
    }
    const files = readdirSync(tarballs).map((file) => join(tarballs, file));
    expect(files).toHaveLength(PACKAGES.length);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'try-astrotrack', private: true }),
    );
    const env = {
      ...process.env,
      npm_config_loglevel: 'error',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    execFileSync('npm', ['install', ...files], { cwd: project, env, stdio: 'ignore' });

    const run = (...args: string[]) =>
      execFileSync('npx', ['--no-install', 'astrotrack', ...args], {
        cwd: project,
        env,
        encoding: 'utf8',
      });
    expect(run('--version').trim()).toMatch(/^\d+\.\d+\.\d+/);
    run('sample', 'archive');
    const report = run('scan', join('archive', 'M31'), '--no-flats');
    expect(report).toMatch(/^M31: 288 light frames counted\n/);
    expect(report).toContain('Overall total: 12 h 44 m (288 subs)');

    // The API and the JSON Schema are reachable by their published names.
    const api = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { calculateTotalExposure } from '@astrotrack/cli'; import { createRequire } from 'node:module'; const schema = createRequire(import.meta.url)('@astrotrack/reporters/schema/report.schema.json'); console.log(typeof calculateTotalExposure, schema.title);",
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(api.trim()).toBe('function astrotrack exposure report, schema version 1');
  }, 300_000);
});
