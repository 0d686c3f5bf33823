/**
 * The toolkit's tables: integration per filter × exposure with the plan, totals per exposure, the
 * overall total. Column headers are short so the table fits 80 columns.
 */
import { basename } from 'node:path';
import {
  formatDuration,
  sortRows,
  type ExposureReport,
  type ExposureRow,
  type FilterPlan,
  type ReporterPlugin,
} from '@astrotrack/core';
import { FLATS_SECTION_ID, type FlatsSection } from '@astrotrack/flats';
import { formatFlatsSection } from './flats-section.js';
import { renderGrid, type GridColumn } from './render-grid.js';

const NONE = '—';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[39m';

export function tableReporter(): ReporterPlugin {
  return { name: 'table', format: (report, options) => formatTable(report, options.color) };
}

function formatTable(report: ExposureReport, color: boolean): string {
  const sections: string[] = [];
  const plan = report.plan;
  const rig = report.rig ? ` (rig ${report.rig})` : '';
  // The folder's name, not its path: output gets pasted into forums, home folder names need not.
  sections.push(
    `${basename(report.root)}: ${report.frames.counted} light frames counted${rig}`,
    '',
  );
  sections.push('Integration by filter and exposure', integrationTable(report, color));
  if (report.totalsByExposure.length > 0) {
    sections.push(
      '',
      'Totals by exposure',
      renderGrid(
        [
          { header: 'Exp (s)', align: 'right' },
          { header: 'Subs', align: 'right' },
          { header: 'Total', align: 'left' },
        ],
        report.totalsByExposure.map((t) => [
          seconds(t.exposureSeconds),
          String(t.subs),
          formatDuration(t.totalSeconds),
        ]),
      ),
    );
  }
  sections.push(
    '',
    `Overall total: ${formatDuration(report.totalSeconds)} (${report.totalSubs} subs)`,
  );
  if (plan) {
    const allocation = plan.filters.map((f) => `${f.filter} ${f.allocationPercent} %`).join(', ');
    sections.push(
      `Plan: ${plan.targetHours} h target + ${plan.rejectionBufferPercent} % rejection buffer = ${formatDuration(plan.captureSeconds)} to capture` +
        (allocation ? ` (${allocation})` : ''),
      `Still to capture: ${formatDuration(plan.remainingSeconds)}`,
    );
  }
  for (const section of report.sections) {
    if (section.id === FLATS_SECTION_ID)
      sections.push(...formatFlatsSection(section.data as FlatsSection));
  }
  if (report.warnings.length > 0) {
    sections.push('', 'Warnings:');
    for (const warning of report.warnings) {
      sections.push(`  ! ${warning.message}`);
      for (const example of warning.examples ?? []) sections.push(`      ${example}`);
    }
  }
  return `${sections.join('\n')}\n`;
}

function integrationTable(report: ExposureReport, color: boolean): string {
  const plan = report.plan;
  const planOf = (filter: string) => plan?.filters.find((p) => p.filter === filter);
  const rank = (filter: string) => {
    const index = report.filterOrder.indexOf(filter);
    return index === -1 ? report.filterOrder.length : index;
  };
  // Filters with an allocation but no frames yet still need a row: that is what is left to shoot.
  const placeholders: ExposureRow[] = (plan?.filters ?? [])
    .filter((p) => p.subExposureSeconds === null)
    .map((p) => ({ filter: p.filter, exposureSeconds: 0, subs: 0, totalSeconds: 0 }));
  const rows = placeholders.length
    ? sortRows([...report.rows, ...placeholders], report.sortedBy, rank, planOf)
    : report.rows;

  const columns: GridColumn[] = [
    { header: 'Filter', align: 'left' },
    { header: 'Exp (s)', align: 'right' },
    { header: 'Subs', align: 'right' },
    { header: 'Total', align: 'left' },
  ];
  if (plan) {
    columns.push(
      { header: 'Target', align: 'left' },
      { header: 'Remaining', align: 'left' },
      { header: 'Rem. subs', align: 'right' },
    );
  }
  const cells = rows.map((row) => {
    const base = [
      row.filter,
      row.subs ? seconds(row.exposureSeconds) : NONE,
      String(row.subs),
      formatDuration(row.totalSeconds),
    ];
    return plan ? [...base, ...planCells(row, planOf(row.filter))] : base;
  });
  const remainingColumn = 5;
  return renderGrid(columns, cells, (text, rowIndex, column) => {
    if (!color || column !== remainingColumn) return text;
    const filterPlan = planOf(rows[rowIndex]!.filter);
    if (!filterPlan || !text.trim() || text.trim() === NONE) return text;
    return `${filterPlan.remainingSeconds > 0 ? YELLOW : GREEN}${text}${RESET}`;
  });
}

/** The plan shows once per filter, on the row of the exposure its remaining subs are counted in. */
function planCells(row: ExposureRow, plan: FilterPlan | undefined): string[] {
  if (!plan) return [NONE, NONE, NONE];
  const planRow =
    plan.subExposureSeconds === null
      ? row.subs === 0
      : plan.subExposureSeconds === row.exposureSeconds;
  if (!planRow) return ['', '', ''];
  return [
    formatDuration(plan.targetSeconds),
    formatDuration(plan.remainingSeconds),
    plan.remainingSubs === null ? '?' : String(plan.remainingSubs),
  ];
}

function seconds(value: number): string {
  return String(value);
}
