/**
 * The plan as people read it: sessions like the toolkit printed them, then folders and what stays.
 * File names and messages are printed escaped: a name can hold control characters.
 */
import { printableText as shown } from '@astrotrack/fits';
import {
  formatAngle,
  type LeftReason,
  type OrganizePlan,
  type RunOutcome,
  type RunRecord,
} from '@astrotrack/organizer';

const EXAMPLES = 5;

export function describePlan(
  plan: OrganizePlan,
  options: { list: boolean; flatAngles?: Map<string, number[]> },
): string {
  const lines: string[] = [];
  if (plan.sessions) lines.push(...describeSessions(plan, options.flatAngles), '');
  const verb = VERB[plan.mode];
  const folders = Object.entries(plan.folders).sort(([a], [b]) => a.localeCompare(b));
  lines.push(
    `Plan: ${verb} ${count(plan.operations.length, 'file')} into ${plan.output === plan.root ? '' : `${plan.output}, `}layout ${plan.layout}`,
  );
  const width = Math.max(0, ...folders.map(([folder]) => folder.length));
  for (const [folder, files] of folders)
    lines.push(`  ${`${folder}/`.padEnd(width + 1)}  ${count(files, 'file')}`);
  if (plan.inPlace > 0) lines.push(`  (${count(plan.inPlace, 'file')} already in place)`);
  if (plan.otherTargets > 0)
    lines.push(`  (${count(plan.otherTargets, 'file')} of other targets not looked at)`);
  if (options.list)
    for (const op of plan.operations) lines.push(`  ${shown(op.from)} → ${shown(op.to)}`);
  lines.push(...describeLeft(plan, options.list));
  if (plan.mixedTargets.length > 1)
    lines.push(
      `Warning: these lights are of ${plan.mixedTargets.length} targets (${listSome(plan.mixedTargets)}) and the layout has no {target}: they would share the same folders.`,
      '  Pick one with --target NAME, or add {target} to the layout (--by night does).',
    );
  return `${lines.join('\n')}\n`;
}

function listSome(names: readonly string[]): string {
  return names.length <= EXAMPLES
    ? names.map(shown).join(', ')
    : `${names.slice(0, EXAMPLES).map(shown).join(', ')} and ${names.length - EXAMPLES} more`;
}

const VERB = { move: 'move', copy: 'copy', hardlink: 'hard-link', symlink: 'symlink' } as const;

const LEFT_WORDS: Record<LeftReason, [one: string, many: string]> = {
  'not-a-light': [
    'not a light (only lights are organized)',
    'not lights (only lights are organized)',
  ],
  'missing-values': ['lacking what the layout needs', 'lacking what the layout needs'],
  duplicate: [
    'duplicate (the same file is already there)',
    'duplicates (the same file is already there)',
  ],
  conflict: [
    'conflict (another file has the name; never overwritten)',
    'conflicts (another file has the name; never overwritten)',
  ],
  'unreadable-name': ['with a name that is not valid UTF-8', 'with names that are not valid UTF-8'],
};

function describeLeft(plan: OrganizePlan, list: boolean): string[] {
  if (plan.left.length === 0) return [];
  const lines = [`Left where they are: ${count(plan.left.length, 'file')}`];
  for (const reason of Object.keys(LEFT_WORDS) as LeftReason[]) {
    const frames = plan.left.filter((frame) => frame.reason === reason);
    if (frames.length === 0) continue;
    lines.push(`  ${frames.length} ${LEFT_WORDS[reason][frames.length === 1 ? 0 : 1]}`);
    const listed =
      list || reason === 'not-a-light' ? (list ? frames : []) : frames.slice(0, EXAMPLES);
    for (const frame of listed) lines.push(`    ${shown(frame.path)}: ${shown(frame.detail)}`);
    if (listed.length < frames.length && reason !== 'not-a-light')
      lines.push(`    … and ${frames.length - listed.length} more (--list shows all)`);
  }
  return lines;
}

function describeSessions(plan: OrganizePlan, flatAngles?: Map<string, number[]>): string[] {
  const sessions = plan.sessions!;
  const lines: string[] = [];
  const inData = new Set(
    sessions.sessions.flatMap((session) => session.filters.map((f) => f.filter)),
  );
  const relevant = [...(flatAngles ?? [])].filter(([filter]) => inData.has(filter));
  if (relevant.length > 0) {
    lines.push('Flat angles in the library:');
    for (const [filter, angles] of relevant)
      lines.push(`  ${filter}: ${angles.map((a) => `${formatAngle(a)}°`).join(', ')}`);
  } else
    lines.push(
      'The flat library has no flats for these filters: every session is a flat set to shoot.',
    );
  lines.push('', `Sessions (±${formatAngle(sessions.tolerance)}°):`);
  for (const session of sessions.sessions) {
    const from = formatAngle(onCircle(session.angle - sessions.tolerance));
    const to = formatAngle(onCircle(session.angle + sessions.tolerance));
    lines.push(`  Session_${formatAngle(session.angle)}deg (${from}° to ${to}°):`);
    for (const filter of session.filters) {
      const range = `${filter.lights.from.toFixed(2)}° to ${filter.lights.to.toFixed(2)}°`;
      const status = filter.flatOwned
        ? '✓ flats available'
        : `✗ flats needed at ${formatAngle(session.angle)}°`;
      lines.push(`    ${filter.filter}: ${count(filter.frames, 'file')} (${range}) ${status}`);
    }
  }
  if (sessions.sessions.length === 0)
    lines.push('  none: no light has both a filter and a rotator angle');
  if (sessions.flatsToShoot.length > 0) {
    lines.push('', 'Flats to shoot:');
    for (const { filter, angle } of sessions.flatsToShoot)
      lines.push(`  ${filter} at ${formatAngle(angle)}°`);
  }
  return lines;
}

export function describeOutcome(
  what: 'apply' | 'finish' | 'undo',
  mode: OrganizePlan['mode'],
  outcome: RunOutcome,
): string {
  const verb = what === 'undo' ? 'put back' : PAST[mode];
  const lines = [`${capitalise(verb)} ${count(outcome.done, 'file')}.`];
  if (outcome.unchanged > 0)
    lines.push(
      `${count(outcome.unchanged, 'file')} ${what === 'undo' ? 'had not been touched' : 'already done'}.`,
    );
  for (const failure of outcome.failures.slice(0, 20))
    lines.push(`  failed: ${shown(failure.from)}: ${shown(failure.message)}`);
  if (outcome.failures.length > 20)
    lines.push(`  … and ${outcome.failures.length - 20} more failures (see ${outcome.journal})`);
  if (outcome.stopped) lines.push(`Stopped: ${outcome.stopped}.`);
  if (outcome.notStarted > 0)
    lines.push(
      `${count(outcome.notStarted, 'file')} not started: ${what === 'undo' ? 'still where the run put them' : 'still where they were'}.`,
    );
  for (const folder of outcome.foldersKept)
    lines.push(`  kept folder ${folder}/: something else is in it now`);
  return `${lines.join('\n')}\n`;
}

const PAST = {
  move: 'moved',
  copy: 'copied',
  hardlink: 'hard-linked',
  symlink: 'symlinked',
} as const;

export function describeRun(run: RunRecord): string {
  const { header } = run;
  const when = header.startedAt.replace('T', ' ').slice(0, 19);
  return `the ${header.mode} run of ${when} UTC (layout ${header.layout}, ${count(header.operations, 'file')}, ${STATE_WORDS[run.state]})`;
}

const STATE_WORDS: Record<RunRecord['state'], string> = {
  planned: 'never started',
  applying: 'interrupted',
  applied: 'finished',
  stopped: 'stopped part way',
  undoing: 'undo interrupted',
  undone: 'undone',
};

function onCircle(angle: number): number {
  return ((angle % 360) + 360) % 360;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
