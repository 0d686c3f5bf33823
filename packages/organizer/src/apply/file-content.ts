/** Whether two files hold the same bytes: size first, then SHA-256, read in chunks. */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const CHUNK = 1 << 20;

export function sameContent(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    if (sa.size !== sb.size) return false;
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
    return checksum(a) === checksum(b);
  } catch {
    return false;
  }
}

export function checksum(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
