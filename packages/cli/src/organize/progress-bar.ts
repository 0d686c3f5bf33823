/** A one-line progress bar on stderr, redrawn at most 10 times a second; only on a terminal. */
import type { RunProgress } from '@astrotrack/organizer';

const WIDTH = 30;
const VERBS = { apply: 'organizing', finish: 'finishing', undo: 'undoing' } as const;

export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(progress: RunProgress) {
      const now = Date.now();
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      shown = true;
      const filled =
        progress.total === 0 ? WIDTH : Math.round((progress.done / progress.total) * WIDTH);
      stream.write(
        `\r${VERBS[progress.phase]} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${progress.done}/${progress.total}`,
      );
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
