import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

/** Runs the real `astrotrack` command with no terminal, as a script or CI would. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Whether `script` (util-linux) is here to give the command a terminal. */
export const HAS_SCRIPT = (() => {
  try {
    return spawnSync('script', ['--version']).status === 0;
  } catch {
    return false;
  }
})();

/**
 * Runs `astrotrack` on a pseudo-terminal (through `script`), typing `input` into it, as a person at
 * a terminal would. stdout and stderr arrive together, as on a screen.
 */
export function runInTerminal(
  args: readonly string[],
  input: string,
  options: RunOptions = {},
): Promise<CliResult> {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TERM: 'dumb',
        NO_COLOR: '1',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let typed = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Answer each question once it is asked, as a person would.
      // A question ends in "?" or in its choices "[…]", then a space.
      if (!typed && /[?\]] $/.test(stdout)) {
        const [answer, ...rest] = input.split('\n');
        child.stdin.write(`${answer}\n`);
        input = rest.join('\n');
        typed = input === '';
        if (typed) child.stdin.end();
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr }));
  });
}
