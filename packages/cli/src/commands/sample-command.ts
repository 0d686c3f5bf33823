import { readdir } from 'node:fs/promises';
import type { Command } from 'commander';
import { errors } from '@astrotrack/core/internal';
import { generateSampleArchive } from '@astrotrack/sample';

interface SampleFlags {
  frames?: string;
  headerOnly?: boolean;
  ifMissing?: boolean;
}

export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description('write a sample archive of frames with real FITS headers, to try astrotrack on')
    .argument('<dir>', 'a new or empty folder to write it in')
    .option(
      '--frames <n>',
      'write this many lights over many targets and nights instead (for benchmarks)',
    )
    .option('--header-only', 'write only the headers, not the (sparse) pixel data')
    .option('--if-missing', 'do nothing if the folder already holds files')
    .action(async (dir: string, flags: SampleFlags) => {
      const existing = await readdir(dir).catch(() => []);
      if (existing.length > 0) {
        if (flags.ifMissing) {
          process.stderr.write(`sample archive already in ${dir}\n`);
          return;
        }
        throw errors.badUsage(
          `${dir} is not empty`,
          'give a new or empty folder; astrotrack never writes into your own data',
        );
      }
      const frames = flags.frames === undefined ? undefined : Number(flags.frames);
      if (
        frames !== undefined &&
        !(/^\d+$/.test(flags.frames!.trim()) && frames > 0 && frames <= 1_000_000)
      ) {
        throw errors.badUsage(
          `bad --frames "${flags.frames}": expected a whole number from 1 to 1000000`,
        );
      }
      const summary = generateSampleArchive(dir, {
        ...(frames === undefined ? {} : { frames }),
        withData: !flags.headerOnly,
      });
      const data =
        flags.headerOnly || !summary.sparse ? 'headers only' : 'with sparse 52 MB pixel data';
      process.stderr.write(`wrote ${summary.frames} frames to ${dir} (${data})\n`);
    });
}
