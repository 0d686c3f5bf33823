/**
 * How `watch` learns of new frames: file-system events where the kernel sends them, else polling.
 * `fs.watch` is documented as unreliable on network file systems (a NAS over SMB or NFS sends no
 * events for changes made by other machines) and on FUSE mounts, so there it polls by itself.
 */
import { statfsSync } from 'node:fs';

/** `statfs` f_type magic numbers of file systems whose changes may come from elsewhere (bin.cjs has the same list). */
export const NETWORK_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x65735546, 'FUSE'],
  [0x564c, 'NCP'],
  [0x01021997, '9P'],
  [0x73757245, 'Coda'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x00c36400, 'Ceph'],
  [0x47504653, 'GPFS'],
  [0x0bd00bd0, 'Lustre'],
]);

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

/** The name of the network file system `path` is on, or null (a local disk, or unknown). */
export function networkFileSystem(path: string): string | null {
  try {
    return NETWORK_FILE_SYSTEMS.get(Number(statfsSync(path).type)) ?? null;
  } catch {
    return null;
  }
}
