import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { loadConfig } from './load-config.js';
import { AstrotrackError } from '../errors/astrotrack-error.js';

const tempDir = useTempDir();
const known = { parsers: new Set(['toolkit']), plugins: new Set<string>() };

/** Keeps the search away from the real home and current folder. */
function isolated(dir: string) {
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'xdg'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
}

const formats: Array<[string, string]> = [
  ['astro.config.json', '{ "plan": { "targetHours": 7 } }'],
  ['astro.config.yaml', 'plan:\n  targetHours: 7\n'],
  ['astro.config.yml', 'plan: { targetHours: 7 }\n'],
  ['astro.config.js', 'export default { plan: { targetHours: 7 } };\n'],
  ['astro.config.mjs', 'export default { plan: { targetHours: 7 } };\n'],
  ['astro.config.cjs', 'module.exports = { plan: { targetHours: 7 } };\n'],
  [
    'astro.config.ts',
    'const hours: number = 7;\nexport default { plan: { targetHours: hours } };\n',
  ],
  [
    'astro.config.mts',
    'const hours: number = 7;\nexport default { plan: { targetHours: hours } };\n',
  ],
];

describe('loadConfig', () => {
  it.each(formats)('reads %s', async (name, text) => {
    const dir = tempDir();
    isolated(dir);
    writeFileSync(join(dir, name), text);
    const loaded = await loadConfig({ searchFrom: dir, known });
    expect(loaded.filepath).toBe(join(dir, name));
    expect(loaded.config.plan?.targetHours).toBe(7);
  });

  it('searches the scanned folder, then its parents, then the user config folder', async () => {
    const dir = tempDir();
    isolated(dir);
    const archive = join(dir, 'archive', 'M31', 'L');
    mkdirSync(archive, { recursive: true });
    expect((await loadConfig({ searchFrom: archive, known })).filepath).toBeNull();

    mkdirSync(join(dir, 'xdg', 'astrotrack'), { recursive: true });
    writeFileSync(join(dir, 'xdg', 'astrotrack', 'astro.config.yaml'), 'rig: a\nrigs: { a: {} }\n');
    expect((await loadConfig({ searchFrom: archive, known })).config.rig).toBe('a');

    writeFileSync(join(dir, 'archive', 'astro.config.json'), '{ "rig": "b", "rigs": { "b": {} } }');
    expect((await loadConfig({ searchFrom: archive, known })).config.rig).toBe('b');
  });

  it.each([
    [
      'astro.config.yaml',
      'plan:\n  targetHours: [7\n',
      'unexpected end of the stream within a flow collection (3:1)',
    ],
    [
      'astro.config.json',
      '{ "plan": {\n  "targetHours": 7\n  oops } }',
      /^Expected ',' or '}' after property value in JSON at position \d+.* \(line 3\)$/,
    ],
    // JavaScript configs: in scan-command.test.ts, as vitest imports modules its own way.
  ])(
    "reports a syntax error in %s as ConfigUnreadable, with the loader's words and where",
    async (name, text, problem) => {
      const dir = tempDir();
      isolated(dir);
      writeFileSync(join(dir, name), text);
      const error = await loadConfig({ searchFrom: dir, known }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AstrotrackError);
      expect((error as AstrotrackError).name).toBe('ConfigUnreadable');
      expect((error as AstrotrackError).exitCode).toBe(78);
      const message = (error as AstrotrackError).message;
      expect(message.startsWith(`cannot load ${join(dir, name)}: `)).toBe(true);
      const said = message.slice(`cannot load ${join(dir, name)}: `.length);
      if (typeof problem === 'string') expect(said).toBe(problem);
      else expect(said).toMatch(problem);
    },
  );

  it('reports every problem of an invalid file with exit code 78', async () => {
    const dir = tempDir();
    isolated(dir);
    writeFileSync(
      join(dir, 'astro.config.json'),
      '{ "parsers": ["ninja"], "plan": { "targetHours": "ten" } }',
    );
    const error = (await loadConfig({ searchFrom: dir, known }).catch(
      (e: unknown) => e,
    )) as AstrotrackError;
    expect(error.name).toBe('ConfigInvalid');
    expect(error.exitCode).toBe(78);
    // Both, in one pass: the bad number, and the parser no one has.
    expect(error.message).toMatch(
      new RegExp(
        `^${escapeRegex(join(dir, 'astro.config.json'))} has 2 problems:\n  - plan.targetHours: expected a number from 0.01 to 100000\n  - parsers\\[0\\]: unknown parser "ninja"`,
      ),
    );
  });

  it('says so when --config names a missing file', async () => {
    const dir = tempDir();
    isolated(dir);
    const error = (await loadConfig({
      searchFrom: dir,
      configFile: join(dir, 'nope.yaml'),
      known,
    }).catch((e: unknown) => e)) as AstrotrackError;
    expect(error.name).toBe('ConfigNotFound');
    expect(error.exitCode).toBe(78);
  });

  it.each([
    [
      'astro.config.mjs',
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://x' });\n",
    ],
    ['astro.config.json', '{ "site": "https://example.com", "integrations": [] }'],
  ])('recognises the Astro web framework in %s given with --config', async (name, text) => {
    const dir = tempDir();
    isolated(dir);
    writeFileSync(join(dir, name), text);
    const error = (await loadConfig({
      searchFrom: dir,
      configFile: join(dir, name),
      known,
    }).catch((e: unknown) => e)) as AstrotrackError;
    expect(error.name).toBe('WebFrameworkConfig');
    expect(error.hint).toContain('--config');
  });

  it("passes over the web framework's astro.config.mjs, says so, and finds astrotrack's", async () => {
    const dir = tempDir();
    isolated(dir);
    const site = join(dir, 'archive', 'website');
    mkdirSync(site, { recursive: true });
    writeFileSync(
      join(site, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
    );
    // Beside it, in the search order after .mjs, and in the folder above.
    writeFileSync(join(site, 'astro.config.ts'), 'export default { plan: { targetHours: 3 } };\n');
    writeFileSync(join(dir, 'archive', 'astro.config.yaml'), 'plan: { targetHours: 9 }\n');
    const beside = await loadConfig({ searchFrom: site, known });
    expect(beside.filepath).toBe(join(site, 'astro.config.ts'));
    expect(beside.warnings).toEqual([
      `${join(site, 'astro.config.mjs')} is a config file of the Astro web framework, not of astrotrack: passed over`,
    ]);
    rmSync(join(site, 'astro.config.ts'));
    const above = await loadConfig({ searchFrom: site, known });
    expect(above.config.plan?.targetHours).toBe(9);
    expect(above.warnings).toHaveLength(1);
  });
});

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
