/**
 * The published shape, for real: every package packed with `pnpm pack` (workspace versions become
 * real ones), installed from the tarballs into an empty project with npm, and the installed
 * `astrotrack` run there on a sample archive, as a user who ran `npm i @astrotrack/cli` would; then
 * installed again into a global prefix, and both load typed configs that import the documented
 * `defineConfig` from a folder with no node_modules of its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = [
  'fits',
  'sample',
  'core',
  'parsers',
  'flats',
  'calibration',
  'organizer',
  'reporters',
  'cli',
];
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
        "import { calculateTotalExposure } from '@astrotrack/cli'; import { createRequire } from 'node:module'; const schema = createRequire(import.meta.url)('@astrotrack/core/schema/report.schema.json'); console.log(typeof calculateTotalExposure, schema.title, Object.keys(schema.$defs).includes('flatsSection'));",
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(api.trim()).toBe('function astrotrack exposure report, schema version 1 true');

    // Typed configs beside the archive, where no node_modules is: the CLI's own copy answers.
    const configs = join(dir, 'configs');
    mkdirSync(configs);
    const configFiles = {
      'astro.config.ts': ["import { defineConfig } from '@astrotrack/core/config';", 3],
      'astro.config.mts': ["import { defineConfig } from '@astrotrack/cli/config';", 4],
      'astro.config.mjs': ["import { defineConfig } from '@astrotrack/core/config';", 5],
    } as const;
    for (const [name, [line, hours]] of Object.entries(configFiles))
      writeFileSync(
        join(configs, name),
        `${line}\nexport default defineConfig({ plan: { targetHours: ${hours} } });\n`,
      );
    writeFileSync(
      join(configs, 'missing.ts'),
      "import nope from 'no-such-package';\nexport default { plan: { targetHours: 1 }, nope };\n",
    );
    const prefix = join(dir, 'global');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, ...files], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    const installs = {
      project: join(project, 'node_modules', '.bin', 'astrotrack'),
      global: join(prefix, 'bin', 'astrotrack'),
    };
    for (const [where, bin] of Object.entries(installs)) {
      for (const [name, [, hours]] of Object.entries(configFiles)) {
        const scan = spawnSync(
          bin,
          ['scan', join(project, 'archive', 'M31'), '--no-flats', '--config', name],
          { cwd: configs, env, encoding: 'utf8' },
        );
        expect({ where, name, stderr: scan.stderr, code: scan.status }).toEqual({
          where,
          name,
          stderr: '',
          code: 0,
        });
        expect(scan.stdout).toContain(`Plan: ${hours} h target`);
      }
      // A package nobody has: the loader's own words, in one line.
      const missing = spawnSync(
        bin,
        ['scan', join(project, 'archive', 'M31'), '--config', 'missing.ts'],
        {
          cwd: configs,
          env,
          encoding: 'utf8',
        },
      );
      expect(missing.status).toBe(78);
      expect(missing.stderr.split('\n')[0]).toBe(
        `error: cannot load ${join(configs, 'missing.ts')}: Cannot find module 'no-such-package'`,
      );
    }
  }, 420_000);
});
