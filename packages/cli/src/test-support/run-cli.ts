import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin.cjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Run bound by file permissions as a user is, even when the tests run as root: root's powers to
   * bypass them are dropped (setpriv), so a folder of mode 0000 or 0555 refuses it too. Running as
   * another user instead would fail wherever that user cannot reach the clone (a 0700 folder).
   */
  asUser?: boolean;
  /** Terminal only: called when a question has been asked, before it is answered. */
  beforeAnswer?: (screen: string) => void | Promise<void>;
}

const RUNNING_AS_ROOT = process.getuid?.() === 0;
const ROOT_POWERS = '-dac_override,-dac_read_search,-fowner';

/** Whether `asUser` can be honoured here: not root, or root with setpriv (util-linux) to drop its powers. */
export const CAN_RUN_AS_USER = (() => {
  if (!RUNNING_AS_ROOT) return true;
  try {
    return spawnSync('setpriv', ['--version']).status === 0;
  } catch {
    return false;
  }
})();

function command(
  args: readonly string[],
  asUser = false,
  nodeArgs: readonly string[] = [],
): [string, string[]] {
  const node: [string, string[]] = [process.execPath, [...nodeArgs, BIN, ...args]];
  if (!asUser || !RUNNING_AS_ROOT) return node;
  return [
    'setpriv',
    [`--inh-caps=${ROOT_POWERS}`, `--bounding-set=${ROOT_POWERS}`, node[0], ...node[1]],
  ];
}

export interface SpawnOptions extends RunOptions {
  /** Given to Node before the CLI (a `--require` preload). */
  nodeArgs?: readonly string[];
}

export interface CliProcess {
  child: ChildProcess;
  /** What it has written so far. */
  stdout(): string;
  stderr(): string;
  /** Its exit code once it has ended (rejects if it could not start). */
  exited: Promise<number | null>;
}

/**
 * Starts the real `astrotrack` command with no terminal and only PATH and HOME from here (and
 * `env`), collecting what it writes.
 */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): CliProcess {
  const [file, argv] = command(args, options.asUser, options.nodeArgs);
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the real `astrotrack` command with no terminal, as a script or CI would. */
export async function runCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  const running = spawnCli(args, options);
  const code = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
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
    let answering = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Answer each question once it is asked, as a person would.
      // A question ends in "?" or in its choices "[…]", then a space.
      if (!typed && !answering && /[?\]] $/.test(stdout)) {
        answering = true;
        Promise.resolve(options.beforeAnswer?.(stdout)).then(() => {
          const [answer, ...rest] = input.split('\n');
          child.stdin.write(`${answer}\n`);
          input = rest.join('\n');
          typed = input === '';
          answering = false;
          if (typed) child.stdin.end();
        }, reject);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr }));
  });
}
