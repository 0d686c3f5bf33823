/**
 * Collects file-system events and calls back once the archive has settled: no event for `quietMs`,
 * and every frame file named by an event unchanged in size and time over that while. A frame still
 * being written is waited for, not read half way.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isFrameFileName } from '@astrotrack/core/internal';

export interface SettleOptions {
  root: string;
  quietMs?: number;
  onSettled: () => void;
  /** Events to pass over: the report files `watch` writes itself, say. */
  ignore?: (relativePath: string) => boolean;
}

export class ChangeSettler {
  private readonly pending = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly quietMs: number;

  constructor(private readonly options: SettleOptions) {
    this.quietMs = options.quietMs ?? 1500;
  }

  /** A file-system event for `relativePath` (a file or a folder). */
  changed(relativePath: string | null): void {
    if (relativePath && this.options.ignore?.(relativePath)) return;
    if (relativePath && isFrameFileName(relativePath)) {
      this.pending.set(relativePath, this.fingerprint(relativePath));
    } else if (relativePath?.split(/[\\/]/).includes('.astrotrack')) {
      return; // our own cache and journals
    }
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.quietMs);
  }

  private check(): void {
    this.timer = null;
    let moving = false;
    for (const [path, before] of this.pending) {
      const now = this.fingerprint(path);
      if (now !== before) {
        this.pending.set(path, now);
        moving = true;
      }
    }
    if (moving) {
      this.schedule();
      return;
    }
    this.pending.clear();
    this.options.onSettled();
  }

  private fingerprint(relativePath: string): string {
    try {
      const info = statSync(join(this.options.root, relativePath));
      return `${info.size}:${info.mtimeMs}`;
    } catch {
      return 'gone';
    }
  }
}
