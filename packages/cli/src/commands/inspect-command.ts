import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import {
  EXIT_CODES,
  inspectFrame,
  rejectFolders,
  type FrameInspection,
} from '@astrotrack/core/internal';
import { printableText, type FitsValue, type HeaderCard } from '@astrotrack/fits';
import { loggerFor, type GlobalOptions } from '../options/global-options.js';
import { prepareRig } from '../run-scan.js';
import { SETTING_FLAGS, settingsFromFlags } from '../options/setting-flags.js';

interface InspectFlags {
  json?: boolean;
  headers: boolean;
  root?: string;
}

export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description(
      'show what astrotrack reads from files: header cards, parsers, and the frame with the source of each field',
    )
    .argument('<files...>', 'frame files')
    .option('--json', 'print JSON for scripts (header cards as keyword → typed value)')
    .option('--no-headers', 'read file names only, as scan --no-headers does')
    .option(
      '--root <dir>',
      'the folder you scan: folders are read from it down, as scan DIR reads them (default: the current folder, when the file is in it)',
    )
    .action(async (files: string[], flags: InspectFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const logger = loggerFor(globals);
      const { rig, parsers } = await prepareRig({
        searchFrom: dirname(files[0]!),
        configFile: globals.config,
        rig: globals.rig,
        settings: await settingsFromFlags([[SETTING_FLAGS.headers, flags.headers]]),
        logger,
      });
      const readHeaders = rig.headers;
      const rejects = rejectFolders(rig.report.rejectFolders);
      const inspections: FrameInspection[] = [];
      let missing = 0;
      for (const file of files) {
        if (
          !(await access(file).then(
            () => true,
            () => false,
          ))
        ) {
          process.stderr.write(`error: file not found: ${file}\n`);
          missing++;
          continue;
        }
        inspections.push(
          await inspectFrame(
            file,
            {
              parsers,
              context: { filters: rig.filters },
              readHeaders,
              angle: rig.angle,
              utcOffsetHours: rig.utcOffset,
            },
            flags.root ?? process.cwd(),
          ),
        );
      }
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(inspections.map(asJson), null, 2)}\n`
          : inspections
              .map((inspection) => asText(inspection, rejects.of(inspection.relativePath)))
              .join('\n'),
      );
      if (missing > 0) process.exitCode = EXIT_CODES.noInput;
    });
}

function asJson(inspection: FrameInspection) {
  const { header } = inspection;
  if (!header || 'error' in header) return inspection;
  return {
    ...inspection,
    header: {
      format: header.format,
      compressed: header.compressed,
      ...typedCards(header.cards),
      hdus: header.hdus.map((hdu) => ({ label: hdu.label, ...typedCards(hdu.cards) })),
    },
  };
}

/** Cards as keyword → typed value (keys from files: no prototype to collide with `constructor`). */
function typedCards(list: readonly HeaderCard[]) {
  const cards: Record<string, FitsValue> = Object.create(null);
  const problems: Record<string, string> = Object.create(null);
  const comments: string[] = [];
  const history: string[] = [];
  for (const card of list) {
    if (card.keyword === 'HISTORY') history.push(card.comment ?? '');
    else if (card.commentary) comments.push(card.comment ?? '');
    else if (!Object.hasOwn(cards, card.keyword)) {
      cards[card.keyword] = card.value;
      if (card.problem) problems[card.keyword] = card.problem;
    }
  }
  return { cards, problems, comments, history };
}

function asText(inspection: FrameInspection, rejectedIn: string | null): string {
  const lines = [inspection.path];
  const { header } = inspection;
  if (header === null) lines.push('  header: not read (names only)');
  else if ('error' in header) lines.push(`  header: cannot be read: ${header.error}`);
  else {
    lines.push(
      `  header: ${header.format}${header.compressed ? ', tile-compressed' : ''}, ${header.cards.length} cards`,
    );
    const several = header.hdus.length > 1;
    for (const hdu of header.hdus) {
      if (several) lines.push(`  ${hdu.label}, ${hdu.cards.length} cards:`);
      for (const card of hdu.cards) {
        lines.push(`    ${cardLine(card)}`);
        if (card.problem) lines.push(`      ! ${card.problem}`);
      }
    }
  }
  lines.push(`  folders read from: ${inspection.root}`);
  lines.push('  parsers, in order:');
  for (const verdict of inspection.parsers) {
    lines.push(
      `    ${verdict.parser}: ${verdict.verdict}${verdict.detail ? ` (${verdict.detail})` : ''}`,
    );
  }
  if (inspection.skip) lines.push(`  not a frame: ${inspection.skip.reason}`);
  if (rejectedIn) lines.push(`  in the reject folder ${rejectedIn}: not counted as integration`);
  if (inspection.frame) {
    lines.push(
      inspection.skip
        ? `  as calibration (named by ${inspection.frame.parser}):`
        : `  frame (named by ${inspection.frame.parser}):`,
    );
    const { frame } = inspection;
    const fields = [
      'kind',
      'target',
      'filter',
      'exposureSeconds',
      'rotatorAngle',
      'binning',
      'gain',
      'offset',
      'sensorTemperature',
      'camera',
      'readoutMode',
      'telescope',
      'captureTime',
      'night',
      'hfr',
      'starCount',
      'fwhm',
      'eccentricity',
      'guidingRms',
    ] as const;
    // The measured values only where there are some: most frames have none.
    const measured = new Set<string>(['hfr', 'starCount', 'fwhm', 'eccentricity', 'guidingRms']);
    for (const field of fields) {
      if (measured.has(field) && frame[field] === null) continue;
      const source = frame.sources[field];
      const value = frame[field] === null ? '—' : String(frame[field]);
      lines.push(
        `    ${field.padEnd(18)} ${value.padEnd(28)} ${source ? `${source.origin} ${source.detail}` : ''}`.trimEnd(),
      );
    }
  }
  for (const problem of inspection.problems) lines.push(`  header problem: ${problem}`);
  for (const d of inspection.disagreements) {
    lines.push(
      `  header and name disagree on ${d.field}: header ${d.header}, name ${d.name} (the header is believed)`,
    );
  }
  return `${lines.map(printableText).join('\n')}\n`;
}

function cardLine(card: HeaderCard): string {
  if (card.commentary) return `${card.keyword.padEnd(8)}${card.comment ?? ''}`;
  const value = card.value;
  const text =
    value === null
      ? ''
      : typeof value === 'string'
        ? `'${value}'`
        : typeof value === 'boolean'
          ? value
            ? 'T'
            : 'F'
          : typeof value === 'number'
            ? String(value)
            : `(${value.re}, ${value.im})`;
  return `${card.keyword.padEnd(8)}= ${text}${card.comment ? ` / ${card.comment}` : ''}`;
}
