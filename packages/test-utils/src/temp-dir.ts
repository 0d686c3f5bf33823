import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * A fresh folder on the real file system, removed after the test; with `'all'`, after the last
 * test of the file or describe it is called in (for a costly archive its tests share).
 */
export function useTempDir(removeAfter: 'each' | 'all' = 'each'): () => string {
  const made: string[] = [];
  (removeAfter === 'all' ? afterAll : afterEach)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'astrotrack-test-'));
    made.push(dir);
    return dir;
  };
}
