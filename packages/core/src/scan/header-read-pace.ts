/**
 * Decides how to read headers: one at a time, synchronously (fastest on a local disk), until the
 * first reads show network-disk latency; then many at once, asynchronously, for the rest of the scan.
 */
export type HeaderReadMode = 'sync' | 'parallel';

/** Reads timed before deciding. */
const SAMPLE = 32;
/** Average time per read above which the disk is treated as a network disk. */
const SLOW_READ_MS = 1;

export class HeaderReadPace {
  mode: HeaderReadMode;
  private reads = 0;
  private totalMs = 0;
  private readonly fixed: boolean;

  /** With a mode given, that mode is kept; without, it starts synchronous and may switch. */
  constructor(mode?: HeaderReadMode) {
    this.mode = mode ?? 'sync';
    this.fixed = mode !== undefined;
  }

  /** Records a synchronous read; returns true when this read switched the mode to parallel. */
  record(ms: number): boolean {
    if (this.fixed || this.mode !== 'sync' || this.reads >= SAMPLE) return false;
    this.reads++;
    this.totalMs += ms;
    if (this.reads === SAMPLE && this.totalMs / SAMPLE > SLOW_READ_MS) {
      this.mode = 'parallel';
      return true;
    }
    return false;
  }
}
