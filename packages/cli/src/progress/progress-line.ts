/**
 * One line of progress on stderr, redrawn at most 10 times a second, with counts and a rate; only
 * when stderr is a terminal and `--quiet` is not given, so logs, pipes and CI stay clean.
 */
export interface ProgressLine {
  /** False when nothing would be shown: callers then need not count at all. */
  readonly shown: boolean;
  /** `total` null: a count with no end known yet (a walk). */
  update(label: string, done: number, total: number | null): void;
  clear(): void;
}

const WIDTH = 24;
const SILENT: ProgressLine = { shown: false, update: () => {}, clear: () => {} };

export function progressLine(
  options: { quiet?: boolean } = {},
  stream: NodeJS.WriteStream = process.stderr,
): ProgressLine {
  if (!stream.isTTY || options.quiet) return SILENT;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    shown: true,
    update(label, done, total) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      shown = true;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0.2 ? `, ${Math.round(done / seconds).toLocaleString('en')}/s` : '';
      const bar =
        total === null
          ? ''
          : ` [${'#'.repeat(total === 0 ? WIDTH : Math.round((done / total) * WIDTH)).padEnd(WIDTH, '.')}]`;
      const count =
        total === null
          ? done.toLocaleString('en')
          : `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      stream.write(`\r\u001b[2K${label}${bar} ${count}${rate}`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
