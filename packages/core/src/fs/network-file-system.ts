/**
 * Which file system a path is on, as far as reading it goes: network and FUSE file systems answer
 * each request after a round trip, send no change events for changes made elsewhere, and (FUSE)
 * often list names without types. Known by `statfs`'s f_type; bin.cjs has the same list (a test
 * holds them equal).
 */
import { statfsSync } from 'node:fs';

/** `statfs` f_type magic numbers of file systems whose changes may come from elsewhere. */
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

/** The name of the network file system `path` is on, or null (a local disk, or unknown). */
export function networkFileSystem(path: string): string | null {
  try {
    return NETWORK_FILE_SYSTEMS.get(Number(statfsSync(path).type)) ?? null;
  } catch {
    return null;
  }
}
