import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tryLock } from './lock-file.js';

let folder: string;
let lock: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'astrotrack-lock-'));
  lock = join(folder, 'lock');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const held = (attempt: ReturnType<typeof tryLock>) => 'holder' in attempt;

describe('tryLock', () => {
  it('gives the lock to one taker at a time, with its pid and host written before it appears', () => {
    const first = tryLock(lock);
    expect(held(first)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toMatch(
      new RegExp(`^${process.pid} ${hostname()} [0-9a-f]+\\n$`),
    );
    const second = tryLock(lock);
    expect(second).toEqual({ holder: { pid: process.pid, host: hostname() } });
    if (!held(first)) first.release();
    expect(held(tryLock(lock))).toBe(false);
    expect(readdirSync(folder)).toEqual(['lock']);
  });

  it('holds an empty lock for a few seconds (its writer is between creating and writing it), then takes it over', () => {
    writeFileSync(lock, '');
    expect(held(tryLock(lock))).toBe(true);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(held(tryLock(lock))).toBe(false);
  });

  it('takes over the lock of a process that is gone, never one from another host', () => {
    writeFileSync(lock, `999999999 ${hostname()}\n`);
    expect(held(tryLock(lock))).toBe(false);
    rmSync(lock);
    writeFileSync(lock, '999999999 another-machine\n');
    expect(tryLock(lock)).toEqual({ holder: { pid: 999999999, host: 'another-machine' } });
  });

  it('is only released by its owner', () => {
    const mine = tryLock(lock);
    if (held(mine)) throw new Error('not taken');
    rmSync(lock);
    writeFileSync(lock, `${process.ppid} ${hostname()} someone-else\n`);
    mine.release();
    expect(readFileSync(lock, 'utf8')).toContain('someone-else');
  });

  it('goes to exactly one of many processes that try at once', async () => {
    const go = join(folder, 'go');
    // Each waits for the same signal, tries, and holds what it took until told to end.
    const script = `
      const { existsSync } = await import('node:fs');
      const { tryLock } = await import(${JSON.stringify(new URL('../../dist/internal.js', import.meta.url).href)});
      process.stdout.write('ready\\n');
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
      const taken = tryLock(${JSON.stringify(lock)});
      process.stdout.write('holder' in taken ? 'busy\\n' : 'took\\n');
      process.stdin.resume();
      process.stdin.on('end', () => process.exit(0));
    `;
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const lines = children.map((child) => {
      const seen: string[] = [];
      const waiters: (() => void)[] = [];
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        seen.push(...chunk.split('\n').filter(Boolean));
        for (const wake of waiters.splice(0)) wake();
      });
      return async (count: number) => {
        while (seen.length < count) await new Promise<void>((wake) => waiters.push(wake));
        return seen[count - 1];
      };
    });
    await Promise.all(lines.map((line) => line(1)));
    writeFileSync(go, '');
    const results = await Promise.all(lines.map((line) => line(2)));
    for (const child of children) child.stdin.end();
    await Promise.all(children.map((child) => new Promise((r) => child.on('close', r))));
    expect(results.filter((result) => result === 'took')).toEqual(['took']);
    expect(results.filter((result) => result === 'busy')).toHaveLength(5);
  });
});
