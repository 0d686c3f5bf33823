/**
 * Polling for `watch` where file-system events do not come: every few seconds the frame files'
 * sizes and times are listed (one stat each, no file opened) and, once a change has stayed the
 * same for a whole interval, `onSettled` runs. A frame still being written is waited for.
 */
import { stat } from 'node:fs/promises';
import { walkFrames } from '@astrotrack/core/internal';

export interface PollOptions {
  root: string;
  intervalMs: number;
  onSettled: () => void;
}

export class ChangePoller {
  private timer: NodeJS.Timeout | null = null;
  /** The listing the last report was made from, and the one seen at the last poll. */
  private reported: string | null = null;
  private last: string | null = null;
  private stopped = false;

  constructor(private readonly options: PollOptions) {}

  /** The listing now is what the first report is made from. */
  async start(): Promise<void> {
    this.reported = await frameListing(this.options.root);
    this.last = this.reported;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.options.intervalMs);
  }

  private async poll(): Promise<void> {
    const now = await frameListing(this.options.root);
    if (this.stopped) return;
    // Changed since the report, and unchanged since the poll before: every write has finished.
    if (now !== this.reported && now === this.last) {
      this.reported = now;
      this.options.onSettled();
    }
    this.last = now;
    this.schedule();
  }
}

/**
 * Every frame file under `root` with its size and modification time, as one comparable text: the
 * files the scan reads (the same walk, so the same folders and names), one stat each — the walk's
 * own where its listing stat'ed the files already (FUSE mounts), so none is stat'ed twice.
 */
export async function frameListing(root: string): Promise<string> {
  const lines: string[] = [];
  try {
    for await (const batch of walkFrames(root)) {
      const stats = await Promise.all(
        batch.map(
          (file, i) => batch.states?.[i] ?? stat(file.bytes ?? file.path).catch(() => null),
        ),
      );
      // A file gone between the listing and the stat: the next poll sees it gone.
      for (const [i, info] of stats.entries())
        if (info) lines.push(`${batch[i]!.relativePath} ${info.size} ${info.mtimeMs}`);
    }
  } catch (error) {
    lines.push(`unreadable: ${(error as Error).message}`);
  }
  return lines.sort().join('\n');
}
