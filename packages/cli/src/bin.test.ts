/**
 * bin.cjs sizes Node's thread pool before any module loads, from a list of network file systems it
 * cannot import (it is CommonJS, run before the ES modules): that list must stay core's (network-file-system.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from './test-support/run-cli.js';
import { NETWORK_FILE_SYSTEMS } from '@astrotrack/core/internal';

describe('bin.cjs', () => {
  it('knows the same network file systems as core', () => {
    const source = readFileSync(BIN, 'utf8');
    const list = source.match(/const SHARES = new Set\(\[([^\]]*)\]\)/)?.[1];
    expect(list, 'the SHARES list in bin.cjs').toBeDefined();
    const numbers = list!.match(/0x[0-9a-f]+/gi)!.map(Number);
    expect(new Set(numbers)).toEqual(new Set(NETWORK_FILE_SYSTEMS.keys()));
  });
});
