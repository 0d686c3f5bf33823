/** Questions on the terminal. Without one (a script, CI), callers must not ask: they need --yes. */
import { createInterface } from 'node:readline/promises';

export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/** Asks until one of the choices (their first letters) is given; Enter picks the default. */
export async function ask<T extends string>(
  question: string,
  choices: readonly T[],
  fallback: T,
): Promise<T> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const answer = (await prompt.question(`${question} `)).trim().toLowerCase();
      if (answer === '') return fallback;
      const match = choices.find((choice) => choice.startsWith(answer) || choice[0] === answer[0]);
      if (match) return match;
    }
  } finally {
    prompt.close();
  }
}
