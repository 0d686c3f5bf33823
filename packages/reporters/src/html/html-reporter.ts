/**
 * One self-contained HTML file: summary figures, three SVG charts (per filter against its target,
 * per night over time, rotator angles against the flats' coverage), and the report's tables. No
 * script and no network: it opens anywhere, on a phone too, and can be mailed or attached.
 */
import { basename } from 'node:path';
import { formatDuration, type ExposureReport, type ReporterPlugin } from '@astrotrack/core';
import {
  documentParts,
  flatsSectionOf,
  moreExamples,
  type ReportTable,
} from '../views/report-tables.js';
import { nightTotals } from '../views/report-views.js';
import { escapeHtml } from './escape-html.js';
import { angleChart, filterChart, nightChart } from './svg-charts.js';
import { HTML_STYLE } from './html-style.js';

export function htmlReporter(): ReporterPlugin {
  return {
    name: 'html',
    format: (report, options) =>
      formatHtml(report, options?.explain, {
        refreshSeconds: options?.refreshSeconds,
        updatedAt: options?.updatedAt,
      }),
  };
}

export interface LivePage {
  /** The page reloads itself this often (a `<meta http-equiv="refresh">`: no script). */
  refreshSeconds?: number | undefined;
  updatedAt?: string | undefined;
}

export function formatHtml(report: ExposureReport, explain = false, live: LivePage = {}): string {
  const name =
    report.target ??
    (report.targets.length === 1
      ? (report.targets[0]!.target ?? basename(report.root))
      : basename(report.root));
  const flats = flatsSectionOf(report);
  const nights = nightTotals(report).filter((n) => n.night !== null).length;
  const figures = [
    ['Integration', formatDuration(report.totalSeconds)],
    ['Light frames', String(report.totalSubs)],
    ['Nights', String(nights)],
    ...(report.plan ? [['Still to capture', formatDuration(report.plan.remainingSeconds)]] : []),
  ];
  const body = [
    `<header><h1>${escapeHtml(name)}</h1><p class="meta">${escapeHtml(
      [
        report.rig ? `rig ${report.rig}` : null,
        `${report.frames.files} files scanned`,
        live.updatedAt ? `updated ${live.updatedAt}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    )}</p></header>`,
    `<section class="figures">${figures.map(([label, value]) => `<div class="figure"><span>${escapeHtml(label!)}</span><strong>${escapeHtml(value!)}</strong></div>`).join('')}</section>`,
    filterChart(report),
    nightChart(report),
    angleChart(flats),
    ...documentParts(report, { explain }).map((part) =>
      'table' in part
        ? table(part.table)
        : `<p class="summary">${part.summary.map(escapeHtml).join('<br>')}</p>`,
    ),
    warnings(report),
    '<footer>Made with astrotrack</footer>',
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${live.refreshSeconds ? `<meta http-equiv="refresh" content="${Math.max(1, Math.round(live.refreshSeconds))}">\n` : ''}<title>${escapeHtml(name)}: integration report</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
}

function table({ id, title, columns, rows, notes }: ReportTable): string {
  const head = columns.map((c) => `<th class="${c.align}">${escapeHtml(c.header)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td class="${columns[i]!.align}">${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const after = notes.length
    ? `<p class="notes">${notes.map((n) => escapeHtml(n.trim())).join('<br>')}</p>`
    : '';
  return `<section class="table" id="table-${id}"><h2>${escapeHtml(title)}</h2><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${after}</section>`;
}

function warnings(report: ExposureReport): string {
  if (report.warnings.length === 0) return '';
  const items = report.warnings
    .map(
      (w) =>
        `<li>${escapeHtml(w.message)}${(w.examples ?? []).map((e) => `<br><code>${escapeHtml(e)}</code>`).join('')}${moreExamples(w) ? `<br>${escapeHtml(moreExamples(w)!)}` : ''}</li>`,
    )
    .join('');
  return `<section class="warnings"><h2>Warnings</h2><ul>${items}</ul></section>`;
}
