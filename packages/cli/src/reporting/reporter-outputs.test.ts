import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from '../test-support/run-cli.js';

const tempDir = useTempDir();

function sample() {
  const dir = tempDir();
  const data = join(dir, 'archive');
  generateSampleArchive(data, { withData: false });
  return {
    dir,
    data,
    env: { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'data') },
  };
}

describe('several reporters at once', () => {
  it('writes the table to stdout and csv, markdown, html and json to files', async () => {
    const { dir, data, env } = sample();
    const result = await runCli(
      [
        'scan',
        data,
        '--reporter',
        'table',
        '--reporter',
        'csv=out.csv',
        '--reporter',
        'markdown=out.md',
        '--reporter',
        'html=report.html',
        '--reporter',
        'json=report.json',
      ],
      { env, cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^archive: 477 light frames counted\n/);
    expect(result.stdout).toContain('Integration by target');
    for (const [name, file] of [
      ['csv', 'out.csv'],
      ['markdown', 'out.md'],
      ['html', 'report.html'],
      ['json', 'report.json'],
    ])
      expect(result.stderr).toContain(`wrote ${name} report to ${file}\n`);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const csv: Record<string, string>[] = parse(readFileSync(join(dir, 'out.csv'), 'utf8'), {
      columns: true,
    });
    const total = csv.find((row) => row.section === 'total')!;
    expect(Number(total.totalSeconds)).toBe(json.totalSeconds);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg data-chart="nights"');
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toContain('## Integration by night');
  });

  it('narrows to one target, and fills AstroBin filter ids from the config', async () => {
    const { dir, data, env } = sample();
    writeFileSync(
      join(dir, 'astro.config.json'),
      JSON.stringify({
        reporters: [['astrobin', { filterIds: { L: 4531, R: 4532, G: 4533, B: 9 } }]],
        rig: 'main',
        // The rig's entry merges its ids over the top level's.
        rigs: { main: { reporters: [['astrobin', { filterIds: { B: 4534, Ha: 4536 } }]] } },
      }),
    );
    const result = await runCli(
      ['scan', data, '--target', 'm31', '--reporter', 'astrobin', '--config', 'astro.config.json'],
      { env, cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(
      'date,filter,number,duration,binning,gain,sensorCooling,darks,flats',
    );
    // The L flats of the 15th, the night nearest, calibrate the L lights of the 14th.
    expect(result.stdout).toMatch(/^2025-09-14,4531,80,120,1,100,-10,10,5$/m);
    // B's id is the rig's, over the top level's 9; Ha's comes from the rig alone.
    expect(result.stdout).toMatch(/^[\d-]+,4534,/m);
    expect(result.stdout).toMatch(/^[\d-]+,4536,/m);
    expect(result.stdout).not.toMatch(/^[\d-]+,9,/m);
  });

  it('refuses two reporters on stdout and unknown ones, and makes a report file’s folder', async () => {
    const { dir, data, env } = sample();
    const two = await runCli(['scan', data, '--reporter', 'table', '--reporter', 'json'], {
      env,
      cwd: dir,
    });
    expect(two.code).toBe(64);
    expect(two.stderr).toContain('error: only one reporter can write to stdout (table, json)');
    const unknown = await runCli(['scan', data, '--reporter', 'htm=x.html'], { env, cwd: dir });
    expect(unknown.stderr).toContain('error: unknown reporter "htm" (did you mean "html"?)');
    const missing = await runCli(['scan', data, '--reporter', 'csv=nope/out.csv'], {
      env,
      cwd: dir,
    });
    expect(missing.code).toBe(0);
    expect(existsSync(join(dir, 'nope/out.csv'))).toBe(true);
  });

  it('runs a reporter of your own from astro.config.mjs', async () => {
    const { dir, data, env } = sample();
    writeFileSync(
      join(dir, 'astro.config.mjs'),
      `export default { reporters: [{ name: 'me/hours', format: (r) => (r.totalSeconds / 3600).toFixed(2) + ' h\\n' }] };\n`,
    );
    const result = await runCli(
      ['scan', data, '--reporter', 'me/hours', '--config', 'astro.config.mjs'],
      { env, cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('25.66 h\n');
  });
});
