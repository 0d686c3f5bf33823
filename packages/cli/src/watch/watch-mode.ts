/**
 * How `watch` learns of new frames: file-system events where the kernel sends them, else polling.
 * `fs.watch` is documented as unreliable on network file systems (a NAS over SMB or NFS sends no
 * events for changes made by other machines) and on FUSE mounts, so there it polls by itself.
 */
import { networkFileSystem } from '@astrotrack/core/internal';

/** Seconds between polls when `watch` chooses to poll by itself. */
export const DEFAULT_POLL_SECONDS = 30;

export type WatchMode = { kind: 'events' } | { kind: 'poll'; seconds: number; why: string | null };

/** `--poll SECONDS` wins; else polling on a network file system, events elsewhere. */
export function chooseWatchMode(root: string, pollSeconds: number | null): WatchMode {
  if (pollSeconds !== null) return { kind: 'poll', seconds: pollSeconds, why: null };
  const network = networkFileSystem(root);
  return network
    ? {
        kind: 'poll',
        seconds: DEFAULT_POLL_SECONDS,
        why: `${network} file system: its changes send no events`,
      }
    : { kind: 'events' };
}
