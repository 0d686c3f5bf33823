/**
 * After an organize run or its undo, the header cache entries of the frames that moved follow
 * them, so the next scan opens none of them again. Moves and hard links keep a file's size and
 * modification time, which is what an entry is checked against; copies do not, and symlinks are not
 * scanned. A layout built in another folder (`--out`) has no entries to take along.
 */
import { HeaderCache, type Logger } from '@astrotrack/core/internal';
import type { OperationFailure, OrganizeMode, PlannedOperation } from '@astrotrack/organizer';

export interface CarriedRun {
  root: string;
  output: string;
  mode: OrganizeMode;
}

export function carryCacheEntries(
  cacheFolder: string | null,
  run: CarriedRun,
  operations: readonly PlannedOperation[],
  failures: readonly OperationFailure[],
  direction: 'apply' | 'undo',
  logger: Logger,
): void {
  if (!cacheFolder || run.output !== run.root) return;
  if (run.mode !== 'move' && run.mode !== 'hardlink') return;
  const failed = new Set(failures.map((failure) => failure.from));
  const moves = operations
    .filter((operation) => !failed.has(operation.from))
    .map(({ from, to }) => (direction === 'apply' ? { from, to } : { from: to, to: from }));
  const cache = new HeaderCache(cacheFolder);
  const copied = cache.copyEntries(moves, run.root);
  for (const warning of cache.warnings) logger.warn(warning);
  logger.debug(`header cache: ${copied} entries follow their files to the new folders`);
}
