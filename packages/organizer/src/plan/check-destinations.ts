/**
 * Takes out of a plan every operation whose destination name is taken: by a file with the same
 * content (a duplicate, left where it is) or with other content (a conflict, never overwritten), or
 * by an earlier frame of the same plan. Each destination folder is listed once, not each file stat'ed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sameContent } from '../apply/file-content.js';
import type { LeftFrame, OrganizePlan, PlannedOperation } from './plan-types.js';

export function checkDestinations(plan: OrganizePlan): OrganizePlan {
  const existing = new Map<string, Set<string> | null>();
  const namesIn = (folder: string): Set<string> | null => {
    if (!existing.has(folder)) existing.set(folder, listNames(join(plan.output, folder)));
    return existing.get(folder)!;
  };
  const claimed = new Map<string, string>();
  const operations: PlannedOperation[] = [];
  const left: LeftFrame[] = [];
  const folders: Record<string, number> = Object.assign(Object.create(null), plan.folders);
  const drop = (folder: string) => {
    folders[folder]! -= 1;
    if (folders[folder] === 0) delete folders[folder];
  };
  for (const operation of plan.operations) {
    const slash = operation.to.lastIndexOf('/');
    const name = operation.to.slice(slash + 1);
    // A file at the top of the output (an export's manifest) is in its folder ''.
    const folder = slash === -1 ? '' : operation.to.slice(0, slash);
    // A name that is not valid UTF-8 reached the plan with `\ufffd` for its bytes: it names no file.
    if (operation.from.includes('\ufffd') && !existsSync(join(plan.root, operation.from))) {
      left.push({
        path: operation.from,
        reason: 'unreadable-name',
        detail: 'its name is not valid UTF-8; rename it to organize it',
      });
      drop(folder);
      continue;
    }
    const taken = namesIn(folder)?.has(name) ?? false;
    if (taken) {
      const from = join(plan.root, operation.from);
      const to = join(plan.output, operation.to);
      left.push(
        sameContent(from, to)
          ? { path: operation.from, reason: 'duplicate', detail: `same content as ${operation.to}` }
          : {
              path: operation.from,
              reason: 'conflict',
              detail: `${operation.to} exists with other content`,
            },
      );
      drop(folder);
      continue;
    }
    const earlier = claimed.get(operation.to);
    if (earlier !== undefined) {
      const from = join(plan.root, operation.from);
      left.push(
        sameContent(from, join(plan.root, earlier))
          ? {
              path: operation.from,
              reason: 'duplicate',
              detail: `same content as ${earlier}, which goes to ${operation.to}`,
            }
          : {
              path: operation.from,
              reason: 'conflict',
              detail: `${earlier} also goes to ${operation.to}`,
            },
      );
      drop(folder);
      continue;
    }
    claimed.set(operation.to, operation.from);
    operations.push(operation);
  }
  return { ...plan, operations, folders, left: [...plan.left, ...left] };
}

/** Names in a folder; null when it does not exist yet. Other errors surface when applying. */
function listNames(folder: string): Set<string> | null {
  try {
    return new Set(readdirSync(folder));
  } catch {
    return null;
  }
}
