import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObserverPlugin, ParserPlugin } from '../plugin.js';
import { resolveRig } from '../config/resolve-rig.js';
import { useTempDir } from '@astrotrack/test-utils/temp-dir';
import { writeFrames } from '../test-support/write-frames.js';
import { scanArchive } from './scan-archive.js';

const tempDir = useTempDir();

/** A tiny parser for the tests: `<filter>_<seconds>s_<n>.fits`, `flat_…` for flats. */
const testParser: ParserPlugin = {
  name: 'test/simple',
  parse(file) {
    const match = /^(flat_)?([A-Za-z]+)_(\d+)s_/.exec(file.name);
    if (!match) return null;
    return {
      fields: {
        filter: match[2]!,
        exposureSeconds: Number(match[3]),
        ...(match[1] ? { kind: 'flat' as const } : {}),
      },
      sources: { filter: { origin: 'filename', detail: match[2]! } },
    };
  },
};

describe('scanArchive', () => {
  it('emits scan:start, a frame per file, frame:skipped with a reason, scan:end, then report', async () => {
    const root = tempDir();
    writeFrames(root, [
      'L_120s_1.fits',
      'L_120s_2.fits',
      'sub/Ha_300s_1.fit',
      'flat_L_2s_1.fits',
      'mystery.fits',
    ]);
    const events: string[] = [];
    const recorder: ObserverPlugin = {
      name: 'test/recorder',
      setup({ on }) {
        on('scan:start', (e) => void events.push(`start:${e.rig}`));
        on('frame', (f) => void events.push(`frame:${f.relativePath}:${f.kind}:${f.parser}`));
        on('frame:skipped', (e) => void events.push(`skipped:${e.relativePath}:${e.reason}`));
        on('scan:end', (e) => void events.push(`end:${e.files}/${e.frames}/${e.skipped}`));
        on('report', (r) => void events.push(`report:${r.totalSubs}`));
      },
    };
    const { report, pluginErrors } = await scanArchive({
      root,
      rig: resolveRig({ filters: { known: ['L', 'Ha'] } }),
      parsers: [testParser],
      plugins: [recorder],
    });
    expect(pluginErrors).toEqual([]);
    expect(events[0]).toBe('start:null');
    expect(events.slice(1, -2).sort()).toEqual([
      'frame:L_120s_1.fits:light:test/simple',
      'frame:L_120s_2.fits:light:test/simple',
      'frame:flat_L_2s_1.fits:flat:test/simple',
      'frame:sub/Ha_300s_1.fit:light:test/simple',
      'skipped:mystery.fits:no parser recognised the name',
    ]);
    expect(events.slice(-2)).toEqual(['end:5/4/1', 'report:3']);
    expect(report.rows).toEqual([
      { filter: 'L', exposureSeconds: 120, subs: 2, totalSeconds: 240 },
      { filter: 'Ha', exposureSeconds: 300, subs: 1, totalSeconds: 300 },
    ]);
    expect(report.frames).toEqual({
      files: 5,
      skipped: 1,
      byKind: { light: 3, flat: 1, dark: 0, bias: 0, darkflat: 0 },
      counted: 3,
      unknownFilter: 0,
      noExposure: 0,
      otherTargets: 0,
      rejected: 0,
      duplicates: 0,
    });
    expect(report.skipped).toEqual([
      {
        code: 'no-parser',
        reason: 'no parser recognised the name',
        count: 1,
        examples: ['mystery.fits'],
      },
    ]);
  });

  it('asks parsers in order, first match wins, and records defaults as such', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits']);
    const never: ParserPlugin = { name: 'test/never', parse: () => null };
    const first: ParserPlugin = {
      name: 'test/first',
      parse: () => ({ fields: { filter: 'R', exposureSeconds: 5 }, sources: {} }),
    };
    let seen: unknown;
    await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [never, first, testParser],
      plugins: [
        {
          name: 'test/spy',
          setup: ({ on }) =>
            on('frame', (f) => {
              seen = f;
            }),
        },
      ],
    });
    expect(seen).toMatchObject({
      parser: 'test/first',
      filter: 'R',
      exposureSeconds: 5,
      kind: 'light',
      rotatorAngle: null,
      sources: { kind: { origin: 'default', detail: 'light' } },
    });
  });

  it('sets up parsers that subscribe, before the walk', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits']);
    const calls: string[] = [];
    const subscribing: ParserPlugin = {
      name: 'test/subscribing',
      setup: ({ on }) => on('scan:start', () => void calls.push('start')),
      parse: (file) => {
        calls.push(`parse ${file.name}`);
        return null;
      },
    };
    await scanArchive({ root, rig: resolveRig({}), parsers: [subscribing, testParser] });
    expect(calls).toEqual(['start', 'parse L_120s_1.fits']);
  });

  it('reports a throwing parser as a skip naming it, and goes on', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits', 'L_120s_2.fits']);
    const flaky: ParserPlugin = {
      name: 'acme/flaky',
      parse(file) {
        if (file.name.endsWith('2.fits')) throw new Error('cannot cope');
        return null;
      },
    };
    const { report } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [flaky, testParser],
    });
    expect(report.totalSubs).toBe(1);
    expect(report.skipped).toEqual([
      {
        code: 'parser-failed',
        reason: 'a parser failed',
        count: 1,
        examples: ['L_120s_2.fits: parser "acme/flaky" failed: cannot cope'],
      },
    ]);
  });

  it('awaits async plugins before the report and names a plugin that throws', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits', 'L_120s_2.fits', 'L_120s_3.fits']);
    let handled = 0;
    const slow: ObserverPlugin = {
      name: 'acme/slow',
      setup: ({ on }) =>
        on('frame', async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          handled++;
        }),
    };
    let handledWhenReported = -1;
    const reportSpy: ObserverPlugin = {
      name: 'acme/report-spy',
      setup: ({ on }) =>
        on('report', () => {
          handledWhenReported = handled;
        }),
    };
    const broken: ObserverPlugin = {
      name: 'acme/broken',
      setup: ({ on }) =>
        on('scan:end', () => {
          throw new Error('kaput');
        }),
    };
    const brokenSetup: ObserverPlugin = {
      name: 'acme/bad-setup',
      setup: () => {
        throw new Error('no config');
      },
    };
    const { report, pluginErrors } = await scanArchive({
      root,
      rig: resolveRig({}),
      parsers: [testParser],
      plugins: [slow, reportSpy, broken, brokenSetup],
    });
    expect(handledWhenReported).toBe(3);
    expect(pluginErrors.map((e) => [e.plugin, e.event, e.message])).toEqual([
      [
        'acme/bad-setup',
        'setup',
        'plugin "acme/bad-setup" failed while handling "setup": no config',
      ],
      ['acme/broken', 'scan:end', 'plugin "acme/broken" failed while handling "scan:end": kaput'],
    ]);
    expect(report.warnings.filter((w) => w.code === 'plugin-failed')).toHaveLength(2);
  });

  it('names a plugin whose setup never settles, once its time limit passes, and scans on', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits']);
    const stuck: ObserverPlugin = { name: 'acme/stuck', setup: () => new Promise(() => {}) };
    const before = process.env.ASTROTRACK_SETUP_TIMEOUT;
    process.env.ASTROTRACK_SETUP_TIMEOUT = '0.2';
    try {
      const { report, pluginErrors } = await scanArchive({
        root,
        rig: resolveRig({}),
        parsers: [testParser],
        plugins: [stuck],
      });
      expect(pluginErrors.map((e) => e.message)).toEqual([
        'plugin "acme/stuck" failed while handling "setup": the setup of plugin "acme/stuck" did not finish within 0.2 s',
      ]);
      expect(report.frames.files).toBe(1);
    } finally {
      if (before === undefined) delete process.env.ASTROTRACK_SETUP_TIMEOUT;
      else process.env.ASTROTRACK_SETUP_TIMEOUT = before;
    }
  });

  it('refuses a missing folder and a file with named errors', async () => {
    const root = tempDir();
    await expect(
      scanArchive({ root: join(root, 'nope'), rig: resolveRig({}), parsers: [] }),
    ).rejects.toMatchObject({
      name: 'DirectoryNotFound',
      exitCode: 66,
    });
    writeFileSync(join(root, 'file.fits'), 'x');
    await expect(
      scanArchive({ root: join(root, 'file.fits'), rig: resolveRig({}), parsers: [] }),
    ).rejects.toMatchObject({
      name: 'NotADirectory',
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'warns about an unreadable subfolder and scans the rest',
    async () => {
      const root = tempDir();
      writeFrames(root, ['ok/L_120s_1.fits', 'locked/L_120s_2.fits']);
      chmodSync(join(root, 'locked'), 0o000);
      try {
        const { report } = await scanArchive({ root, rig: resolveRig({}), parsers: [testParser] });
        expect(report.totalSubs).toBe(1);
        expect(report.warnings[0]).toMatchObject({ code: 'unreadable-folder', count: 1 });
      } finally {
        chmodSync(join(root, 'locked'), 0o755);
      }
    },
  );

  it('sorts and counts unknown filters as the rig says when the caller does not', async () => {
    const root = tempDir();
    writeFrames(root, ['L_120s_1.fits', 'L_120s_2.fits', 'Ha_300s_1.fits', 'none_60s_1.fits']);
    // `none_…` names no filter: its frame's filter is unknown.
    const parser: ParserPlugin = {
      name: 'test/maybe-filter',
      parse(file) {
        const [, filter, seconds] = /^([A-Za-z]+)_(\d+)s_/.exec(file.name)!;
        const fields = { exposureSeconds: Number(seconds) };
        return { fields: filter === 'none' ? fields : { ...fields, filter: filter! }, sources: {} };
      },
    };
    const rig = resolveRig({ report: { sort: 'total', includeUnknown: true } });
    const { report } = await scanArchive({ root, rig, parsers: [parser] });
    expect(report.sortedBy).toBe('total');
    expect(report.rows.map((row) => row.filter)).toEqual(['Ha', 'L', 'Unknown']);
    const asked = await scanArchive({ root, rig, parsers: [parser], includeUnknown: false });
    expect(asked.report.rows.map((row) => row.filter)).toEqual(['Ha', 'L']);
  });
});
