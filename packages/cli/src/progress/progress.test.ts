import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleArchive } from '@astrotrack/sample';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { HAS_SCRIPT, runCli, runInTerminal } from '../test-support/run-cli.js';

const tempDir = useTempDir();
const CLEAR_LINE = '\r\u001b[2K';

function archive() {
  const dir = tempDir();
  const data = join(dir, 'archive');
  generateSampleArchive(data, { frames: 3000, withData: false });
  return {
    dir,
    data,
    env: { XDG_CONFIG_HOME: join(dir, 'xdg'), ASTROTRACK_DATA_DIR: join(dir, 'data') },
  };
}

describe('progress', () => {
  it.skipIf(!HAS_SCRIPT)(
    'counts the files of a scan on a terminal, and stays silent with --quiet',
    async () => {
      const { dir, data, env } = archive();
      const shown = await runInTerminal(['scan', data, '--no-flats'], '', { env, cwd: dir });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`${CLEAR_LINE}scanning 1`);
      // The line is cleared before the report starts.
      expect(shown.stdout).toContain(`${CLEAR_LINE}archive: `);
      const quiet = await runInTerminal(['scan', data, '--no-flats', '--quiet'], '', {
        env,
        cwd: dir,
      });
      expect(quiet.stdout).not.toContain('scanning');
    },
  );

  it('writes nothing but the report when stderr is not a terminal', async () => {
    const { dir, data, env } = archive();
    const result = await runCli(['scan', data, '--no-flats'], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
