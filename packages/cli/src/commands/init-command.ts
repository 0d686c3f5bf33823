/**
 * `astrotrack init [DIR]`: writes a commented astro.config.yaml for a rig, after asking (on a
 * terminal) or from flags: which capture program, which filters, whether there is a rotator. It
 * never replaces a config that exists.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  CONFIG_FILE_NAMES,
  createFilterSet,
  errors,
  loadConfig,
  writeFileAtomic,
} from '@astrotrack/core/internal';
import { ask, askText, canAsk } from '../organize/confirm.js';
import { KNOWN_PLUGINS } from '../run-scan.js';
import { configModules } from '../config-modules.js';
import { CAPTURE_PROGRAMS, configTemplate, type CaptureProgram } from '../init/config-template.js';

interface InitFlags {
  program?: string;
  filters?: string;
  rotator?: boolean;
  yes?: boolean;
}

const DEFAULT_FILTERS = 'L,R,G,B,Ha,OIII,SII';
const PROGRAMS = Object.keys(CAPTURE_PROGRAMS) as CaptureProgram[];

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a commented astro.config.yaml for your rig')
    .argument('[dir]', 'folder to write it in', '.')
    .option('--program <name>', `capture program: ${PROGRAMS.join(', ')}`)
    .option('--filters <list>', `your filters, comma-separated (default ${DEFAULT_FILTERS})`)
    .option('--rotator', 'the camera is on a rotator: flats follow its angle')
    .option('--no-rotator', 'no rotator')
    .option('-y, --yes', 'ask nothing: flags, or the defaults')
    .addHelpText(
      'after',
      '\nExamples:\n  astrotrack init                          # asks three questions\n  astrotrack init ~/astro --rig redcat --program nina --filters L,R,G,B,Ha --rotator',
    )
    .action(async (dir: string, flags: InitFlags, command: Command) => {
      // --rig is the global option: here it names the rig to write.
      const rigFlag = command.optsWithGlobals<{ rig?: string }>().rig;
      const folder = resolve(dir);
      const existing = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((file) =>
        existsSync(file),
      );
      if (existing) {
        throw errors.badUsage(
          `${existing} exists already; init never replaces a config`,
          'edit it (docs/configuration.md), or move it away and run init again',
        );
      }
      const interactive = canAsk() && !flags.yes;
      const rig = rigFlag ?? (interactive ? await askText('Name of the rig?', 'main') : 'main');
      const programName =
        flags.program ??
        (interactive
          ? await ask(`Capture program? (${PROGRAMS.join(', ')}) [nina]`, PROGRAMS, 'nina')
          : 'nina');
      if (!(PROGRAMS as string[]).includes(programName)) {
        throw errors.badUsage(
          `unknown --program "${programName}"`,
          `use one of: ${PROGRAMS.join(', ')}`,
        );
      }
      const filterList =
        flags.filters ??
        (interactive ? await askText('Your filters?', DEFAULT_FILTERS) : DEFAULT_FILTERS);
      // Spellings (`Lum`, `H-alpha`) become the names frames are counted under, so the config's
      // filters are the ones FILTER = 'L' frames find.
      const canonical = createFilterSet();
      const filters = [
        ...new Set(
          filterList
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((name) => canonical.canonical(name) ?? name),
        ),
      ];
      if (filters.length === 0)
        throw errors.badUsage('--filters is empty', `e.g. --filters ${DEFAULT_FILTERS}`);
      const rotator =
        flags.rotator ??
        (interactive
          ? (await ask('Is the camera on a rotator? [y/N]', ['yes', 'no'], 'no')) === 'yes'
          : false);
      if (!/^[A-Za-z0-9][\w.-]*$/.test(rig)) {
        throw errors.badUsage(`bad rig name "${rig}"`, 'use letters, digits, "-", "_" or "."');
      }

      const file = join(folder, 'astro.config.yaml');
      await writeFileAtomic(
        file,
        configTemplate({ rig, program: programName as CaptureProgram, filters, rotator }),
      );
      // What was written must load: a broken template would be a bug, caught here rather than later.
      await loadConfig({
        searchFrom: folder,
        configFile: file,
        known: KNOWN_PLUGINS,
        modules: configModules,
      });
      process.stdout.write(
        `wrote ${file}\nnext: astrotrack scan ${dir === '.' ? '' : `${dir} `}--verbose   (it says which config it uses)\n`,
      );
    });
}
