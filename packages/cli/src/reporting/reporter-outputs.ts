/**
 * `--reporter NAME[=FILE]`, repeatable: which reporters run and where each one's text goes. At most
 * one writes to stdout; files are written whole or not at all (temp file, then rename), through a
 * symbolic link to the file it names, and never over a FIFO, a device or a read-only file.
 */
import { resolve } from 'node:path';
import {
  didYouMean,
  errors,
  checkReplaceable,
  writeFileAtomic,
  type ExposureReport,
  type ReporterOptions,
  type ReporterPlugin,
  type ResolvedRig,
} from '@astrotrack/core/internal';
import { builtinReporters, isBuiltinReporter, loadBuiltinReporter } from '@astrotrack/reporters';

export interface ReporterSpec {
  name: string;
  /** Null: stdout. */
  file: string | null;
}

export function parseReporterSpecs(values: readonly string[]): ReporterSpec[] {
  const specs = values.map((value) => {
    const equals = value.indexOf('=');
    if (equals === -1) return { name: value, file: null };
    const file = value.slice(equals + 1);
    if (file === '')
      throw errors.badUsage(
        `--reporter ${value}: the file name is missing`,
        'write --reporter csv=out.csv',
      );
    return { name: value.slice(0, equals), file };
  });
  const toStdout = specs.filter((spec) => spec.file === null);
  if (toStdout.length > 1) {
    throw errors.badUsage(
      `only one reporter can write to stdout (${toStdout.map((s) => s.name).join(', ')})`,
      'send the others to files: --reporter csv=out.csv',
    );
  }
  return specs;
}

export interface LoadedReporter {
  reporter: ReporterPlugin;
  file: string | null;
}

/**
 * Built-ins by name, with the options the rig's config gives them; reporters of your own from the
 * rig's `reporters`. Run before the scan: a reporter that cannot be made stops it before any work.
 */
export async function loadReporters(
  specs: readonly ReporterSpec[],
  rig: ResolvedRig,
): Promise<LoadedReporter[]> {
  const own = rig.reporters.filter(
    (spec): spec is ReporterPlugin => typeof spec === 'object' && !Array.isArray(spec),
  );
  const loaded: LoadedReporter[] = [];
  for (const spec of specs) {
    const custom = own.find((reporter) => reporter.name === spec.name);
    if (custom) loaded.push({ reporter: custom, file: spec.file });
    else if (isBuiltinReporter(spec.name))
      loaded.push({
        reporter: await loadBuiltinReporter(spec.name, builtinOptions(rig, spec.name)),
        file: spec.file,
      });
    else {
      const names = [...Object.keys(builtinReporters), ...own.map((r) => r.name)];
      const guess = didYouMean(spec.name, names);
      throw errors.badUsage(
        `unknown reporter "${spec.name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        `reporters: ${names.join(', ')}; your own go under "reporters" in astro.config`,
      );
    }
  }
  // A report file that would be refused is refused now, not after a long scan.
  for (const { file } of loaded) if (file !== null) checkReplaceable(resolve(file));
  return loaded;
}

/**
 * The options the config gives a built-in: its `[name, options]` entries, top level then the rig's,
 * merged in order; an object option (`filterIds`) merges key by key.
 */
function builtinOptions(rig: ResolvedRig, name: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const spec of rig.reporters) {
    if (!Array.isArray(spec) || spec[0] !== name) continue;
    for (const [key, value] of Object.entries(spec[1] as Record<string, unknown>)) {
      const before = merged[key];
      merged[key] = isObject(before) && isObject(value) ? { ...before, ...value } : value;
    }
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs every reporter; files first, so stdout is the last thing written. */
export async function writeReports(
  reporters: readonly LoadedReporter[],
  report: ExposureReport,
  options: ReporterOptions,
  /** Say on stderr which file each report went to; `watch` says it once, on its screen. */
  announce = true,
): Promise<void> {
  for (const { reporter } of reporters) {
    for (const warning of reporter.warnings?.(report) ?? [])
      process.stderr.write(`warn: ${warning}\n`);
  }
  // Every report is made before any is written: one that refuses (AstroBin rows without filter
  // ids) leaves no other half-written either.
  const made = reporters.map(({ reporter, file }) => ({
    reporter,
    file,
    text: reporter.format(report, file === null ? options : { ...options, color: false }),
  }));
  for (const { reporter, file, text } of made) {
    if (file === null) continue;
    await writeFileAtomic(resolve(file), text);
    if (announce) process.stderr.write(`wrote ${reporter.name} report to ${file}\n`);
  }
  const toStdout = made.find((entry) => entry.file === null);
  if (toStdout) process.stdout.write(toStdout.text);
}
