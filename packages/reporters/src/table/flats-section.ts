/**
 * The flat recommendations as the toolkit printed them, fixed: the status follows the coverage, an
 * uncovered range is always a flat to shoot, and lights without an angle are counted, not dropped.
 * Coverage groups go below the table, one line per filter, so the table fits 80 columns.
 */
import type { CoverageGroup, FilterFlats, FlatsSection } from '@astrotrack/flats';
import { renderGrid } from './render-grid.js';

const NONE = '—';
const STATUS = {
  'have-all': '✓ Have',
  'need-some': '⚠ Need more',
  'need-all': '✗ Need all',
  'no-angles': '? No angles',
} as const;

export function formatFlatsSection(section: FlatsSection): string[] {
  const lines = [
    '',
    `Flat frame recommendations (±${section.tolerance}°, flats older than ${section.maxAgeDays} days ${section.oldFlatsCover ? 'still count' : 'do not count'})`,
    renderGrid(
      [
        { header: 'Filter', align: 'left' },
        { header: 'Light angles', align: 'left' },
        { header: 'Flats owned', align: 'left' },
        { header: 'Shoot', align: 'left' },
        { header: 'Status', align: 'left' },
      ],
      section.filters.map((entry) => [
        label(entry),
        detected(entry),
        entry.owned.length
          ? entry.owned
              .map((flat) => `${degrees(flat.angle)}${flat.old ? ' (old)' : ''}`)
              .join(', ')
          : NONE,
        entry.needed.length ? entry.needed.map((angle) => `${angle}°`).join(', ') : NONE,
        STATUS[entry.status],
      ]),
    ),
  ];
  const coverage = section.filters.filter((entry) => entry.groups.length > 0);
  if (coverage.length > 0) {
    lines.push('Coverage (flat → lights it calibrates; ? → lights no flat covers yet):');
    for (const entry of coverage) {
      lines.push(`  ${label(entry)}: ${entry.groups.map(groupText).join('; ')}`);
    }
  }
  const withoutAngle = section.filters.filter((entry) => entry.framesWithoutAngle > 0);
  for (const entry of withoutAngle) {
    lines.push(
      `  ${label(entry)}: ${entry.framesWithoutAngle} light frame(s) have no rotator angle and cannot be matched to flats`,
    );
  }
  if (section.libraryPath) lines.push(`Flat library: ${section.libraryPath}`);
  return lines;
}

function label(entry: FilterFlats): string {
  return entry.binning ? `${entry.filter} ${entry.binning}` : entry.filter;
}

function detected(entry: FilterFlats): string {
  if (!entry.detected) return NONE;
  const { from, to, angles, frames } = entry.detected;
  const range = arcText(from, to);
  return `${range} (${angles} angle${angles === 1 ? '' : 's'}, ${frames} frame${frames === 1 ? '' : 's'})`;
}

function groupText(group: CoverageGroup): string {
  const { from, to } = group.lights;
  const range = arcText(from, to);
  return group.owned ? `${degrees(group.flat)}→${range}` : `?→${range} (shoot ${group.flat}°)`;
}

/** One decimal, or two where one would hide a difference (72.49° is not covered where 72.5° is). */
function degrees(angle: number): string {
  const two = angle.toFixed(2);
  return `${two.endsWith('0') ? angle.toFixed(1) : two}°`;
}

function arcText(from: number, to: number): string {
  return degrees(from) === degrees(to) ? degrees(from) : `${degrees(from)}–${degrees(to)}`;
}
