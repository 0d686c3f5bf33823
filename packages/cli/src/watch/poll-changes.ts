/**
 * Polling for `watch` where file-system events do not come: every few seconds the frame files'
 * sizes and times are listed (one stat each, no file opened) and, once a change has stayed the
 * same for a whole interval, `onSettled` runs. A frame still being written is waited for.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isFrameFileName } from '@astrotrack/core/internal';

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

/** Every frame file under `root` with its size and modification time, as one comparable text. */
export async function frameListing(root: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (folder: string, relative: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      lines.push(`${relative}/ unreadable`);
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name === '.astrotrack') return; // our own cache and journals
        const path = join(folder, entry.name);
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return walk(path, name);
        if (!isFrameFileName(entry.name)) return;
        try {
          const info = await stat(path);
          lines.push(`${name} ${info.size} ${info.mtimeMs}`);
        } catch {
          // Gone between the listing and the stat: the next poll sees it gone.
        }
      }),
    );
  };
  await walk(root, '');
  return lines.sort().join('\n');
}
