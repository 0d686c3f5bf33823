/**
 * A simulated network share for tests and the benchmark: a folder mounted read-only through FUSE
 * with a fixed latency on each open and read (and stat), as a NAS answers after a round trip
 * (slowfs/slowfs.py). Needs /dev/fuse, fusermount and Python's fusepy (Debian: python3-fusepy fuse3).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statfsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SLOWFS = fileURLToPath(new URL('../slowfs/slowfs.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const FUSE_MAGIC = 0x65735546;

/** Why a share cannot be mounted here, or null when it can. */
export function shareUnavailable(): string | null {
  if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
  if (spawnSync('fusermount', ['-V']).status !== 0) return 'no fusermount (Debian: fuse3)';
  if (spawnSync(PYTHON, ['-c', 'import fusepy']).status !== 0)
    return 'no fusepy for /usr/bin/python3 (Debian: python3-fusepy)';
  return null;
}

export interface ShareOptions {
  latencyMs: number;
  statLatencyMs?: number;
}

export interface SimulatedShare {
  mount: string;
  unmount(): Promise<void>;
}

/** Mounts `source` at `mount` (made if missing); resolves once the mount answers. */
export async function mountShare(
  source: string,
  mount: string,
  options: ShareOptions,
): Promise<SimulatedShare> {
  mkdirSync(mount, { recursive: true });
  const args = [SLOWFS, source, mount, '--latency-ms', String(options.latencyMs)];
  if (options.statLatencyMs) args.push('--stat-latency-ms', String(options.statLatencyMs));
  const server = spawn(PYTHON, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => server.on('close', () => resolve()));
  // Up to 60 s: Python's start on a loaded machine can take seconds.
  for (let i = 0; i < 600 && !isFuse(mount); i++) {
    if (server.exitCode !== null) throw new Error(`slowfs.py exited: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!isFuse(mount)) {
    server.kill();
    throw new Error(`slowfs.py did not mount ${mount}: ${stderr}`);
  }
  return {
    mount,
    async unmount() {
      spawnSync('fusermount', ['-u', mount]);
      if (server.exitCode === null) {
        const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        server.kill('SIGTERM');
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

function isFuse(path: string): boolean {
  try {
    return Number(statfsSync(path).type) === FUSE_MAGIC;
  } catch {
    return false;
  }
}
