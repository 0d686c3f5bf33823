/**
 * The HTML report's charts as plain SVG, drawn here: no library, no script, no network. Each chart
 * scales to the page width through its viewBox.
 */
import { formatDuration, type ExposureReport } from '@astrotrack/core';
import type { FlatsSection } from '@astrotrack/core/internal';
import { byFilterOrder, filterTotals } from '../views/report-views.js';
import { escapeHtml } from './escape-html.js';

const WIDTH = 640;
const KNOWN_COLOURS: Record<string, string> = {
  L: '#9aa0a6',
  R: '#e0453a',
  G: '#3aa655',
  B: '#3f74e0',
  Ha: '#b3202a',
  OIII: '#16a3a3',
  SII: '#e08a1e',
};
const PALETTE = ['#8e5bd6', '#c2548f', '#6b8e23', '#b8860b', '#4682b4', '#708090'];

export function filterColour(filter: string, order: readonly string[]): string {
  return KNOWN_COLOURS[filter] ?? PALETTE[Math.max(0, order.indexOf(filter)) % PALETTE.length]!;
}

const hours = (seconds: number) => seconds / 3600;
const fixed = (value: number) => Math.round(value * 10) / 10;

/** Integration per filter, with the plan's target (buffer included) as an outline where there is one. */
export function filterChart(report: ExposureReport): string {
  const totals = filterTotals(report);
  if (totals.length === 0) return '';
  const rowHeight = 34;
  const left = 70;
  const right = 200;
  const height = totals.length * rowHeight + 30;
  const max = Math.max(
    ...totals.map((t) => Math.max(hours(t.totalSeconds), hours(t.targetSeconds ?? 0))),
    0.01,
  );
  const x = (h: number) => left + (h / max) * (WIDTH - left - right);
  const parts: string[] = [];
  totals.forEach((total, i) => {
    const y = 10 + i * rowHeight;
    const colour = filterColour(total.filter, report.filterOrder);
    parts.push(
      `<text x="${left - 8}" y="${y + 19}" text-anchor="end" class="label">${escapeHtml(total.filter)}</text>`,
      `<rect class="bar" data-filter="${escapeHtml(total.filter)}" x="${left}" y="${y + 4}" width="${fixed(Math.max(1, x(hours(total.totalSeconds)) - left))}" height="22" rx="3" fill="${colour}"><title>${escapeHtml(total.filter)}: ${formatDuration(total.totalSeconds)}</title></rect>`,
    );
    if (total.targetSeconds !== null) {
      parts.push(
        `<rect class="target" x="${left}" y="${y + 2}" width="${fixed(x(hours(total.targetSeconds)) - left)}" height="26" rx="3" fill="none" stroke="currentColor" stroke-dasharray="4 3"><title>target ${formatDuration(total.targetSeconds)}</title></rect>`,
      );
    }
    const label =
      total.targetSeconds === null
        ? formatDuration(total.totalSeconds)
        : `${formatDuration(total.totalSeconds)} / ${formatDuration(total.targetSeconds)}`;
    parts.push(`<text x="${WIDTH - right + 8}" y="${y + 19}" class="value">${label}</text>`);
  });
  return svg('filters', height, 'Integration per filter against its target', parts);
}

/** Integration per night on a time axis, stacked by filter. */
export function nightChart(report: ExposureReport): string {
  const rows = report.nights.filter((row) => row.night !== null);
  if (rows.length === 0) return '';
  const byNight = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const filters = byNight.get(row.night!) ?? new Map<string, number>();
    filters.set(row.filter, (filters.get(row.filter) ?? 0) + row.totalSeconds);
    byNight.set(row.night!, filters);
  }
  const day = (night: string) => Date.parse(`${night}T00:00:00Z`) / 86_400_000;
  const nights = [...byNight.keys()].sort();
  const first = day(nights[0]!);
  const span = Math.max(1, day(nights.at(-1)!) - first + 1);
  const left = 58;
  const top = 10;
  const plotHeight = 160;
  const plotWidth = WIDTH - left - 10;
  const max = Math.max(
    ...[...byNight.values()].map((f) => hours([...f.values()].reduce((a, b) => a + b, 0))),
    0.01,
  );
  const barWidth = Math.max(2, Math.min(40, plotWidth / span - 2));
  const parts: string[] = [];
  for (const tick of [0, max / 2, max]) {
    const y = top + plotHeight - (tick / max) * plotHeight;
    parts.push(
      `<line x1="${left}" x2="${WIDTH - 10}" y1="${fixed(y)}" y2="${fixed(y)}" class="grid"/>`,
      `<text x="${left - 6}" y="${fixed(y + 4)}" text-anchor="end" class="axis">${fixed(tick)} h</text>`,
    );
  }
  const order = byFilterOrder(report);
  for (const night of nights) {
    const x = left + ((day(night) - first) / span) * plotWidth + 1;
    let y = top + plotHeight;
    const filters = [...byNight.get(night)!].sort(([a], [b]) => order(a, b));
    for (const [filter, seconds] of filters) {
      const h = (hours(seconds) / max) * plotHeight;
      y -= h;
      parts.push(
        `<rect class="bar" data-night="${night}" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(barWidth)}" height="${fixed(Math.max(h, 0.5))}" fill="${filterColour(filter, report.filterOrder)}"><title>${night} ${escapeHtml(filter)}: ${formatDuration(seconds)}</title></rect>`,
      );
    }
  }
  parts.push(
    `<text x="${left}" y="${top + plotHeight + 18}" class="axis">${nights[0]}</text>`,
    `<text x="${WIDTH - 10}" y="${top + plotHeight + 18}" text-anchor="end" class="axis">${nights.at(-1)}</text>`,
  );
  return svg(
    'nights',
    top + plotHeight + 28,
    'Integration per night',
    parts,
    legend(report, [...new Set(rows.map((r) => r.filter))]),
  );
}

/** Per filter, 0–360°: the owned flats' coverage bands, and the lights' angles, covered or not. */
export function angleChart(flats: FlatsSection | null): string {
  const filters = flats?.filters.filter((entry) => entry.detected) ?? [];
  if (!flats || filters.length === 0) return '';
  const left = 70;
  const plotWidth = WIDTH - left - 24;
  const rowHeight = 30;
  const x = (angle: number) => left + (angle / 360) * plotWidth;
  const parts: string[] = [];
  for (const tick of [0, 90, 180, 270, 360]) {
    parts.push(
      `<line x1="${fixed(x(tick))}" x2="${fixed(x(tick))}" y1="6" y2="${filters.length * rowHeight + 8}" class="grid"/>`,
      `<text x="${fixed(x(tick))}" y="${filters.length * rowHeight + 22}" text-anchor="middle" class="axis">${tick}°</text>`,
    );
  }
  filters.forEach((entry, i) => {
    const y = 8 + i * rowHeight;
    const label = entry.binning ? `${entry.filter} ${entry.binning}` : entry.filter;
    parts.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end" class="label">${escapeHtml(label)}</text>`,
    );
    for (const flat of entry.owned) {
      // A flat without an angle (no rotator) has no place on an angle axis.
      if (flat.angle === null) continue;
      for (const [from, to] of arcPieces(
        flat.angle - flats.tolerance,
        flat.angle + flats.tolerance,
      )) {
        parts.push(
          `<rect class="band${flat.old ? ' old' : ''}" x="${fixed(x(from))}" y="${y}" width="${fixed(Math.max(1, x(to) - x(from)))}" height="22"><title>flat ${flat.angle}° ±${flats.tolerance}° (${flat.date}${flat.old ? ', old' : ''})</title></rect>`,
        );
      }
    }
    for (const group of entry.groups) {
      for (const [from, to] of arcPieces(
        group.lights.from,
        unwrap(group.lights.from, group.lights.to),
      )) {
        parts.push(
          `<rect class="lights ${group.owned ? 'covered' : 'uncovered'}" x="${fixed(x(from) - 1)}" y="${y + 7}" width="${fixed(Math.max(3, x(to) - x(from) + 2))}" height="8"><title>${group.frames} light(s) at ${group.lights.from}°–${group.lights.to}°: ${group.owned ? `flat ${group.flat}°` : `no flat; shoot ${group.flat}°`}</title></rect>`,
        );
      }
    }
  });
  const key =
    '<p class="key"><span class="swatch band"></span>flat ±tolerance <span class="swatch old"></span>old flat <span class="swatch covered"></span>lights covered <span class="swatch uncovered"></span>lights without a flat</p>';
  return svg(
    'angles',
    filters.length * rowHeight + 30,
    'Rotator angles of the lights against the flats’ coverage',
    parts,
    key,
  );
}

/** An arc as one or two pieces within 0–360°. */
function arcPieces(from: number, to: number): [number, number][] {
  const start = ((from % 360) + 360) % 360;
  const end = start + (to - from);
  return end <= 360
    ? [[start, end]]
    : [
        [start, 360],
        [0, end - 360],
      ];
}

function unwrap(from: number, to: number): number {
  return to >= from ? to : to + 360;
}

function legend(report: ExposureReport, filters: string[]): string {
  const sorted = filters.sort(byFilterOrder(report));
  return `<p class="key">${sorted
    .map(
      (f) =>
        `<span class="swatch" style="background:${filterColour(f, report.filterOrder)}"></span>${escapeHtml(f)}`,
    )
    .join(' ')}</p>`;
}

function svg(id: string, height: number, title: string, parts: string[], after = ''): string {
  return `<figure class="chart" id="chart-${id}"><figcaption>${escapeHtml(title)}</figcaption><svg data-chart="${id}" viewBox="0 0 ${WIDTH} ${fixed(height)}" role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>${after}</figure>`;
}
