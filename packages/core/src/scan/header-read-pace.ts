/**
 * Decides how to read headers: one at a time, synchronously (fastest on a local disk), until the
 * first reads show network-disk latency; then many at once, asynchronously, for the rest of the scan.
 *
 * The decision takes the median of a sample, after a warm-up: the first reads pay for compiling the
 * reader, and a shared machine stalls now and then. Judged by the mean, one stall of 40 ms among 32
 * fast reads used to switch a local scan to parallel reads, which are 2–3 times slower there.
 */
export type HeaderReadMode = 'sync' | 'parallel';

/** Reads not timed at first. */
const WARM_UP = 8;
/** Reads timed before deciding. */
const SAMPLE = 31;
/** Median time per read above which the disk is treated as a network disk. */
const SLOW_READ_MS = 1;

export class HeaderReadPace {
  mode: HeaderReadMode;
  private reads = 0;
  private readonly sample: number[] = [];
  private readonly fixed: boolean;

  /** With a mode given, that mode is kept; without, it starts synchronous and may switch. */
  constructor(mode?: HeaderReadMode) {
    this.mode = mode ?? 'sync';
    this.fixed = mode !== undefined;
  }

  /** Whether the mode is settled: given, or the sample taken. */
  get decided(): boolean {
    return this.fixed || this.sample.length >= SAMPLE;
  }

  /** Records a synchronous read; returns true when this read switched the mode to parallel. */
  record(ms: number): boolean {
    if (this.fixed || this.sample.length >= SAMPLE) return false;
    if (++this.reads <= WARM_UP) return false;
    this.sample.push(ms);
    if (this.sample.length < SAMPLE) return false;
    this.sample.sort((a, b) => a - b);
    if (this.sample[SAMPLE >> 1]! <= SLOW_READ_MS) return false;
    this.mode = 'parallel';
    return true;
  }
}
