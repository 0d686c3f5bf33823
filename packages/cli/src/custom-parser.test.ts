/** The plugin guide's example, for real: a user's parser in astro.config.ts, run by the CLI. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFitsHeader } from '@astrotrack/fits';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { runCli } from './test-support/run-cli.js';

const tempDir = useTempDir();
const corePackage = fileURLToPath(new URL('../../core', import.meta.url));

const PARSER = `import type { ParserPlugin } from '@astrotrack/core';

const NAME = /^(?<target>.+?)__(?<filter>[^_]+)__(?<seconds>\\d+(?:\\.\\d+)?)sec__\\d+$/;

export function doubleUnderscoreParser(): ParserPlugin {
  return {
    name: 'you/double-underscore',
    parse(file, { filters }) {
      const match = NAME.exec(file.name.replace(/\\.fits?$/i, ''));
      if (!match?.groups) return null;
      const { target, filter, seconds } = match.groups;
      return {
        fields: { target: target!, filter: filters.canonical(filter!), exposureSeconds: Number(seconds) },
        sources: {
          target: { origin: 'filename', detail: target! },
          filter: { origin: 'filename', detail: filter! },
          exposureSeconds: { origin: 'filename', detail: \`\${seconds}sec\` },
        },
      };
    },
  };
}
`;

const CONFIG = `import { defineConfig } from '@astrotrack/core/config';
import { doubleUnderscoreParser } from './my-parser.ts';

export default defineConfig({
  parsers: [doubleUnderscoreParser(), 'toolkit'],
  filters: { aliases: { Halpha: 'Ha' } },
  plan: { targetHours: 2, allocation: { Ha: 100 }, rejectionBuffer: 0 },
});
`;

describe('a filename parser of your own', () => {
  it('is loaded from astro.config.ts, tried first, and falls back to the built-ins', async () => {
    const project = tempDir();
    mkdirSync(join(project, 'node_modules', '@astrotrack'), { recursive: true });
    symlinkSync(corePackage, join(project, 'node_modules', '@astrotrack', 'core'));
    writeFileSync(join(project, 'my-parser.ts'), PARSER);
    writeFileSync(join(project, 'astro.config.ts'), CONFIG);
    const frames = join(project, 'frames');
    mkdirSync(frames);
    // Headers that say only what kind of frame it is: the facts must come from the names.
    const header = formatFitsHeader([
      ['SIMPLE', true],
      ['BITPIX', 16],
      ['NAXIS', 0],
      ['IMAGETYP', 'LIGHT'],
    ]);
    for (let i = 1; i <= 4; i++)
      writeFileSync(join(frames, `M42__Halpha__300sec__000${i}.fit`), header);
    writeFileSync(join(frames, 'light_M42_OIII_120s_0001.fits'), header);

    const result = await runCli(['scan', frames, '--reporter', 'json'], {
      cwd: project,
      env: { XDG_CONFIG_HOME: join(project, 'xdg') },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toEqual([
      { filter: 'Ha', exposureSeconds: 300, subs: 4, totalSeconds: 1200 },
      { filter: 'OIII', exposureSeconds: 120, subs: 1, totalSeconds: 120 },
    ]);
    expect(report.plan.filters[0]).toMatchObject({
      filter: 'Ha',
      remainingSeconds: 6000,
      remainingSubs: 20,
    });
  });

  it('must have a namespaced name', async () => {
    const project = tempDir();
    writeFileSync(
      join(project, 'astro.config.mjs'),
      "export default { parsers: [{ name: 'mine', parse: () => null }] };\n",
    );
    writeFileSync(join(project, 'light_L_60s_1.fits'), 'x');
    const result = await runCli(['scan', project], {
      env: { XDG_CONFIG_HOME: join(project, 'xdg') },
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(
      '  - parsers[0]: plugin name "mine" must be namespaced, like "you/mine", so it cannot clash with a built-in\n',
    );
  });
});
