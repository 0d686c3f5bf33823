/**
 * A config file or a plugin's `setup` that never settles would leave the process waiting forever, or
 * (with nothing else pending) make Node exit with code 13 and no word. Each is given a time limit:
 * 30 s, or `ASTROTRACK_SETUP_TIMEOUT` seconds.
 */
import { errors } from '../errors/catalogue.js';

const DEFAULT_SECONDS = 30;

function setupTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ASTROTRACK_SETUP_TIMEOUT);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SECONDS;
}

/** `work`'s result, or a `SettleTimeout` error naming `what` once the time limit has passed. */
export async function settleWithin<T>(what: string, work: () => Promise<T> | T): Promise<T> {
  const seconds = setupTimeoutSeconds();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(errors.settleTimeout(what, seconds)), seconds * 1000);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
