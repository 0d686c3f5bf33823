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
      // A whole word, else the one choice it begins (`y`, `f`, `sees`); ambiguous answers ask again.
      const exact = choices.find((choice) => choice === answer);
      if (exact) return exact;
      const begun = choices.filter((choice) => choice.startsWith(answer));
      if (begun.length === 1) return begun[0]!;
    }
  } finally {
    prompt.close();
  }
}

/** Asks for text; Enter keeps the default shown in brackets. */
export async function askText(question: string, fallback: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await prompt.question(`${question} [${fallback}] `)).trim();
    return answer === '' ? fallback : answer;
  } finally {
    prompt.close();
  }
}
