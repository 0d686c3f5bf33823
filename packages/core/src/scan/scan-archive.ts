/**
 * The engine: walks a folder, turns each file into a frame with the rig's parsers, emits the events
 * plugins observe, and builds the exposure report from them.
 */
import { access, constants, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '../logging/create-logger.js';
import type { Frame } from '../frame.js';
import type { ResolvedRig } from '../config/resolve-rig.js';
import { errors } from '../errors/catalogue.js';
import type { EngineEvents } from '../events/engine-events.js';
import { createEventBus } from '../events/event-bus.js';
import { PluginError } from '../events/plugin-error.js';
import { silentLogger } from '../logging/create-logger.js';
import type {
  FrameFile,
  ObserverPlugin,
  ParserPlugin,
  PluginContext,
  ReportSectionBuilder,
} from '../plugin.js';
import { buildExposureReport } from '../report/build-report.js';
import { ExposureAccumulator, type ExampleList, remember } from '../report/exposure-accumulator.js';
import type { PlanInput } from '../report/plan-remaining-exposure.js';
import type { ExposureReport, ReportSection, ReportWarning } from '../report/report-types.js';
import type { SortKey } from '../report/sort-keys.js';
import type { AngleSource } from '../headers/header-fields.js';
import { DisagreementLog } from '../headers/disagreement-log.js';
import { HeaderProblemLog } from '../headers/header-problem-log.js';
import { UTC_ALONE } from '../headers/merge-frame-fields.js';
import { readAhead, readRemaining } from './read-ahead.js';
import { HeaderReadPace, type HeaderReadMode } from './header-read-pace.js';
import { type FileState, type FolderCache, HeaderCache } from './header-cache.js';
import { frameReader, type FrameOutcome, type ReadFrameOptions } from './read-frame.js';
import { type Listing, walkFrames } from './walk-frames.js';
import { readSessionMetadataFile, withSessionMetadata } from './session-metadata.js';
import { DuplicateFinder } from './duplicate-frames.js';
import { rejectFolders } from './reject-folders.js';
import { settleWithin } from '../config/settle-within.js';
import { RigLanes, type RigLaneInput } from './rig-lanes.js';
import { splitByRig } from './split-by-rig.js';
import { type HeaderWorkerMode, WorkerReads } from './worker-reads.js';

export interface ScanArchiveOptions {
  root: string;
  rig: ResolvedRig;
  parsers: readonly ParserPlugin[];
  plugins?: readonly ObserverPlugin[];
  logger?: Logger;
  /** Default: the rig's `report.sort`. */
  sort?: SortKey;
  plan?: PlanInput | null;
  /** Goals per target, canonical filters (and the rig's plan for targets without one): the projects. */
  goals?: { goals: Readonly<Record<string, PlanInput>>; fallback: PlanInput | null } | null;
  /** Count lights of no known filter as `Unknown`; default: the rig's `report.includeUnknown`. */
  includeUnknown?: boolean;
  /** Count only the lights of this target (names compared ignoring case, spaces, `_` and `-`). */
  target?: string | null;
  /** Read each frame's FITS/XISF header; default: the rig's `headers` (true). False: names only. */
  readHeaders?: boolean;
  /** Which header keywords give the angle; default: the rig's `angle` (mechanical). */
  angle?: AngleSource;
  /** How to read headers; default: one at a time, many at once if the disk turns out slow. */
  headerReads?: HeaderReadMode;
  /**
   * Header worker threads (worker-reads.ts): `auto` (default) once a fast disk's archive is large,
   * `always` for every folder, `never`.
   */
  headerWorkers?: HeaderWorkerMode;
  /** How folders are listed (walk-frames.ts); default: by the file system the root is on. */
  listing?: Listing;
  /** Where the header cache lives (`cacheFolderFor(root)` is the usual); null or absent: no cache. */
  cacheFolder?: string | null;
  /** Use the cache without writing to it (dry runs); default false. */
  cacheReadOnly?: boolean;
  /**
   * The rigs that say which frames are theirs (`match`), each with its goals: the archive is split
   * among them, frames no match fits counted under `rig`. Empty or absent: every frame is `rig`'s.
   */
  rigs?: readonly RigLaneInput[];
}

export interface ScanResult {
  report: ExposureReport;
  /** Plugins that threw or rejected; the report is still complete for everything else. */
  pluginErrors: PluginError[];
}

/** Async plugin work allowed to pile up before the engine waits for it. */
const MAX_PENDING_HANDLERS = 256;
/**
 * Headers read at once on a slow disk: enough to hide a share's latency (each open and read a round
 * trip), few enough to stay far under file limits. The CLI sizes Node's thread pool to match (bin.cjs).
 */
const HEADER_READS_AT_ONCE = 64;
/** Files read ahead of the engine on a slow disk, across folders. */
const READ_AHEAD_FILES = 1024;

export async function scanArchive(options: ScanArchiveOptions): Promise<ScanResult> {
  const root = resolve(options.root);
  await checkRoot(root);
  const logger = options.logger ?? silentLogger;
  const { rig } = options;
  const bus = createEventBus<EngineEvents>();
  const pluginErrors: PluginError[] = [];
  const collect = (found: PluginError[]) => {
    for (const error of found) logger.error(error.message);
    pluginErrors.push(...found);
  };

  const includeUnknown = options.includeUnknown ?? rig.report.includeUnknown;
  const lanes = options.rigs?.length
    ? new RigLanes({ rig, goals: options.goals }, options.rigs, {
        includeUnknown,
        target: options.target ?? null,
      })
    : null;
  const sectionBuilders: { plugin: string; build: ReportSectionBuilder }[] = [];
  for (const plugin of [...options.parsers, ...(options.plugins ?? [])]) {
    if (!plugin.setup) continue;
    const context: PluginContext = {
      on: (event, handler) => bus.on(event, handler, plugin.name),
      logger: logger.child({ plugin: plugin.name }),
      rig,
      rigs: lanes ? lanes.lanes.map((lane) => lane.rig) : [rig],
      target: options.target ?? null,
      addReportSection: (build) => sectionBuilders.push({ plugin: plugin.name, build }),
    };
    try {
      const setup = plugin.setup;
      await settleWithin(`the setup of plugin "${plugin.name}"`, () => setup(context));
    } catch (error) {
      collect([new PluginError(plugin.name, 'setup', error)]);
    }
  }

  const accumulator = new ExposureAccumulator(
    includeUnknown,
    options.target ?? null,
    rig.targets.aliases,
    rig.quality,
    lanes?.thresholds ?? null,
  );
  if (lanes) {
    bus.on('frame', (frame) => lanes.of(frame).accumulator.addFrame(frame), 'astrotrack:rigs');
    bus.on(
      'frame:rejected',
      (event) => lanes.of(event.frame).accumulator.addRejected(event),
      'astrotrack:rigs',
    );
  }
  // Every frame says whose it is, before any plugin sees it.
  const assignRig = (frame: Frame, counted: boolean) => {
    if (lanes) lanes.assign(frame, counted);
    else frame.rig = rig.name;
  };
  bus.on('frame', (frame) => accumulator.addFrame(frame), 'astrotrack:exposure');
  bus.on('frame:skipped', (event) => accumulator.addSkipped(event), 'astrotrack:exposure');
  bus.on('frame:rejected', (event) => accumulator.addRejected(event), 'astrotrack:exposure');
  bus.on('frame:duplicate', (event) => accumulator.addDuplicate(event), 'astrotrack:exposure');

  const started = performance.now();
  bus.emit('scan:start', { root, rig: rig.name });
  collect(await bus.drain());

  const unreadable: string[] = [];
  const disagreements = new DisagreementLog();
  const headerProblems = new HeaderProblemLog();
  const utcNights: ExampleList = { count: 0, examples: [] };
  const frameOptions: ReadFrameOptions = {
    parsers: options.parsers,
    context: { filters: rig.filters },
    readHeaders: options.readHeaders ?? rig.headers,
    angle: options.angle ?? rig.angle,
    utcOffsetHours: rig.utcOffset,
  };
  let frames = 0;
  let skipped = 0;
  /** Frames in reject folders and frames found twice: files, but neither frames nor skipped. */
  let setApart = 0;
  const rejects = rejectFolders(rig.report.rejectFolders);
  const duplicates = new DuplicateFinder();
  const rejectedDuplicates = new DuplicateFinder();
  const walk = walkFrames(root, {
    listing: options.listing,
    onWarning: (warning) => {
      unreadable.push(warning.path);
      logger.warn(warning.message);
    },
  });
  const pace = new HeaderReadPace(options.headerReads);
  const cache =
    frameOptions.readHeaders && options.cacheFolder
      ? new HeaderCache(options.cacheFolder, { readOnly: options.cacheReadOnly })
      : null;
  const reader = frameReader(frameOptions);
  const readOne = (
    file: FrameFile,
    folderCache: FolderCache | null,
    state: FileState | undefined,
  ): FrameOutcome => {
    if (!frameOptions.readHeaders) return reader.readSync(file);
    const started = performance.now();
    const outcome = reader.readSync(file, folderCache, state);
    if (pace.record(performance.now() - started)) {
      logger.info('headers are slow to read (a network disk?): reading many at once from now on');
    }
    return outcome;
  };
  const workerReads = new WorkerReads(
    frameOptions.readHeaders ? (options.headerWorkers ?? 'auto') : 'never',
    reader,
    pace,
  );
  const folders = readAhead(walk, {
    // The walker gives one folder's files at a time: its cache is loaded, used, and written back.
    open: (batch) => {
      const relative = batch[0]!.relativePath;
      const folder = relative.slice(0, Math.max(0, relative.lastIndexOf('/')));
      return cache?.open(folder) ?? null;
    },
    whole: (batch, folderCache) => workerReads.read(batch, folderCache),
    parallel: () => frameOptions.readHeaders && pace.mode === 'parallel',
    read: (batch, index, folderCache) =>
      reader.read(batch[index]!, folderCache, batch.states?.[index]),
    limit: HEADER_READS_AT_ONCE,
    window: READ_AHEAD_FILES,
  });
  try {
    for await (const { batch, context: folderCache, results } of folders) {
      const { states } = batch;
      let outcomes = results;
      const relative = batch[0]!.relativePath;
      // One folder's files: one reject folder, or none, for all of them; one sidecar, or none.
      const rejectFolder = rejects.of(relative);
      // The walker saw it in the listing: a folder without one costs nothing.
      const sidecar =
        frameOptions.readHeaders && batch.sidecar ? readSessionMetadataFile(batch.sidecar) : null;
      for (let i = 0; i < batch.length; i++) {
        const file = batch[i]!;
        // A folder of 500 frames on a share must not be read one by one once the pace says it is slow.
        if (!outcomes && frameOptions.readHeaders && pace.mode === 'parallel') {
          const rest = await readRemaining(i, batch.length, HEADER_READS_AT_ONCE, (index) =>
            reader.read(batch[index]!, folderCache, states?.[index]),
          );
          outcomes = (index) => rest[index]!;
        }
        const outcome = outcomes ? outcomes(i) : readOne(file, folderCache, states?.[i]);
        if ('frame' in outcome) {
          if (sidecar) outcome.frame = withSessionMetadata(outcome.frame, sidecar);
          // Rejected frames are told apart among themselves: a backup of a reject folder is no
          // second rejected frame, and a rejected frame never hides an accepted copy.
          const finder = rejectFolder === null ? duplicates : rejectedDuplicates;
          const first =
            outcome.copyKey === null ? null : finder.firstWith(file.relativePath, outcome.copyKey);
          if (first !== null) {
            const duplicate = await finder.describe(root, file.relativePath, first);
            setApart++;
            bus.emit('frame:duplicate', { path: file.path, ...duplicate });
            continue;
          }
          if (rejectFolder !== null) {
            setApart++;
            assignRig(outcome.frame, false);
            bus.emit('frame:rejected', { frame: outcome.frame, folder: rejectFolder });
            continue;
          }
          frames++;
          if (outcome.disagreements.length > 0) {
            disagreements.add(file.relativePath, outcome.disagreements);
          }
          if (outcome.problems.length > 0) {
            headerProblems.add(file.relativePath, outcome.problems);
            logger.warn(`${file.path}: ${outcome.problems.join('; ')}`);
          }
          if (outcome.frame.sources.night?.detail.endsWith(UTC_ALONE))
            remember(utcNights, file.relativePath);
          assignRig(outcome.frame, true);
          bus.emit('frame', outcome.frame);
        } else {
          skipped++;
          const { code, reason } = outcome.skip;
          if (outcome.master) {
            assignRig(outcome.master, false);
            bus.emit('frame:master', outcome.master);
          }
          // Expected and summed up in the report: a line each only when asked for (--verbose).
          if (code === 'no-parser' || code === 'not-integration' || outcome.master)
            logger.debug(`skipped ${file.relativePath}: ${reason}`);
          else logger.warn(`skipped ${file.path}: ${reason}`);
          bus.emit('frame:skipped', {
            path: file.path,
            relativePath: file.relativePath,
            code,
            reason,
          });
        }
      }
      folderCache?.close();
      if (bus.pending > MAX_PENDING_HANDLERS) collect(await bus.drain());
    }
  } finally {
    // Workers stop with the walk, also when a plugin or the walk threw.
    await workerReads.close();
  }
  if (cache) {
    // Caches of folders not seen are dropped, unless some folder could not be read this time.
    if (unreadable.length === 0) cache.prune();
    for (const warning of cache.warnings) logger.warn(warning);
    logger.debug(`header cache: ${cache.hits} headers from the cache, ${cache.misses} read`);
  }
  if (workerReads.folders > 0)
    logger.debug(`header workers: ${workerReads.folders} folder(s) read by worker threads`);

  bus.emit('scan:end', {
    root,
    files: frames + skipped + setApart,
    frames,
    skipped,
    unreadableFolders: unreadable.length,
    durationMs: performance.now() - started,
  });
  collect(await bus.drain());
  const { sections, warnings: sectionWarnings } = await buildSections(sectionBuilders, collect);

  const whole = buildExposureReport(accumulator, {
    root,
    rig: rig.name,
    filters: rig.filters,
    sort: options.sort ?? rig.report.sort,
    plan: options.plan ?? null,
    goals: options.goals ? { ...options.goals, aliases: rig.targets.aliases } : null,
    aliases: rig.targets.aliases,
    includeUnknown,
    warnings: [
      ...scanWarnings(unreadable, pluginErrors),
      ...disagreements.warnings(),
      ...headerProblems.warnings(),
      ...utcNightWarnings(utcNights),
      ...sectionWarnings,
    ],
    sections,
  });
  const report = lanes
    ? splitByRig(whole, lanes, (lane, unshot) =>
        buildExposureReport(lane.accumulator, {
          root,
          rig: lane.rig.name,
          filters: rig.filters,
          sort: options.sort ?? rig.report.sort,
          goals: lane.goals ? { ...lane.goals, unshot, aliases: lane.rig.targets.aliases } : null,
          aliases: lane.rig.targets.aliases,
          includeUnknown,
        }),
      )
    : whole;
  bus.emit('report', report);
  collect(await bus.drain());
  return { report, pluginErrors };
}

async function buildSections(
  builders: readonly { plugin: string; build: ReportSectionBuilder }[],
  collect: (errors: PluginError[]) => void,
): Promise<{ sections: ReportSection[]; warnings: ReportWarning[] }> {
  const sections: ReportSection[] = [];
  const warnings: ReportWarning[] = [];
  for (const { plugin, build } of builders) {
    try {
      const built = await build();
      if (!built) continue;
      const { warnings: sectionWarnings, ...section } = built;
      sections.push({ ...section, plugin });
      warnings.push(...(sectionWarnings ?? []));
    } catch (error) {
      collect([new PluginError(plugin, 'report section', error)]);
    }
  }
  return { sections, warnings };
}

async function checkRoot(root: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(root);
  } catch {
    throw errors.directoryNotFound(root);
  }
  if (!info.isDirectory()) throw errors.notADirectory(root);
  try {
    await access(root, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw errors.directoryUnreadable(root, error);
  }
}

function utcNightWarnings(list: ExampleList): ReportWarning[] {
  if (list.count === 0) return [];
  return [
    {
      code: 'night-from-utc',
      message: `${list.count} frame(s) give only a UTC time (DATE-OBS; no DATE-LOC, site longitude or local time in the name): their night is the UTC date and may be a day off; set utcOffset (hours east of UTC) in astro.config`,
      count: list.count,
      examples: list.examples,
    },
  ];
}

function scanWarnings(unreadable: string[], pluginErrors: PluginError[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  if (unreadable.length > 0) {
    warnings.push({
      code: 'unreadable-folder',
      message: `${unreadable.length} folder(s) could not be read and were skipped; check their permissions`,
      count: unreadable.length,
      examples: unreadable.slice(0, 5),
    });
  }
  for (const error of pluginErrors)
    warnings.push({ code: 'plugin-failed', message: error.message });
  return warnings;
}
