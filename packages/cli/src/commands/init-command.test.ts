import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { HAS_SCRIPT, runCli, runInTerminal } from '../test-support/run-cli.js';

const tempDir = useTempDir();

describe('astrotrack init', () => {
  it('writes a config from flags that scan then uses', async () => {
    const dir = tempDir();
    const result = await runCli(
      ['init', '--rig', 'redcat', '--program', 'nina', '--filters', 'L,R,G,B,Ha', '--rotator'],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = readFileSync(join(dir, 'astro.config.yaml'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/@astrotrack\/core\/schema\/astro-config\.schema\.json\n/,
    );
    expect(text).toContain('rig: redcat\n');
    expect(text).toContain('    parsers: [nina, toolkit]\n');
    expect(text).toContain('      known: [L, R, G, B, Ha]\n');
    expect(text).toContain('    angle: mechanical\n');
    expect(text).toContain('      layout: session\n');
    generateSampleArchive(join(dir, 'archive'), { withData: false });
    const scan = await runCli(['scan', 'archive/M31', '--verbose', '--reporter', 'json'], {
      cwd: dir,
    });
    expect(scan.stderr).toContain(`using config ${join(dir, 'astro.config.yaml')}`);
    expect(JSON.parse(scan.stdout).rig).toBe('redcat');
  });

  it('writes the names frames are counted under, and a commented allocation of 100 %', async () => {
    const dir = tempDir();
    const result = await runCli(['init', '--program', 'asiair', '--filters', 'Lum,Red,Ha'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'astro.config.yaml'), 'utf8');
    expect(text).toContain('      known: [L, R, Ha]\n');
    const allocation = /# allocation: \{ (.*) \}/.exec(text)![1]!;
    expect(allocation).toBe('L: 34, R: 33, Ha: 33');
    // Uncommented, that allocation is one the scan takes.
    writeFileSync(
      join(dir, 'astro.config.yaml'),
      text.replace('# allocation:', 'allocation:').replace(/# targetHours: .*/, 'targetHours: 10'),
    );
    generateSampleArchive(join(dir, 'archive'), { withData: false });
    const scan = await runCli(['scan', 'archive/M31', '--reporter', 'json'], { cwd: dir });
    expect(scan.code, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout).plan.allocationPercentTotal).toBe(100);
  });

  it('never replaces a config, and says what is wrong with a flag', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'astro.config.json'), '{}');
    const refused = await runCli(['init', '--yes'], { cwd: dir });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain(
      `error: ${join(dir, 'astro.config.json')} exists already; init never replaces a config`,
    );
    expect(readFileSync(join(dir, 'astro.config.json'), 'utf8')).toBe('{}');
    const bad = await runCli(['init', tempDir(), '--program', 'maxim'], {});
    expect(bad.stderr).toContain('error: unknown --program "maxim"');
  });

  it.skipIf(!HAS_SCRIPT)('asks its questions on a terminal', async () => {
    const dir = tempDir();
    const result = await runInTerminal(['init'], 'seestar-s50\nseestar\nLP\nn', { cwd: dir });
    expect(result.stdout).toContain('Name of the rig? [main]');
    expect(result.stdout).toContain('Capture program?');
    expect(result.stdout).toContain('wrote ');
    const text = readFileSync(join(dir, 'astro.config.yaml'), 'utf8');
    expect(text).toContain('rig: seestar-s50\n');
    expect(text).toContain('    parsers: [seestar, toolkit]\n');
    expect(text).toContain('      known: [LP]\n');
    expect(text).toContain('      layout: filter\n');
  });
});
