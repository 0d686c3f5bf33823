/**
 * The toolkit's tables: integration per filter × exposure with the plan, totals per exposure, the
 * overall total; then per target (when there are several) or per night, the flats and the warnings.
 * Column headers are short so the tables fit 80 columns.
 */
import { basename } from 'node:path';
import type { ExposureReport, ReporterPlugin } from '@astrotrack/core/internal';
import { printableText } from '@astrotrack/fits';
import {
  duplicatesTable,
  exposuresTable,
  flatsSectionOf,
  flatsTable,
  integrationRows,
  integrationTable,
  NONE,
  mosaicsTable,
  nightsTable,
  projectsShown,
  projectsTable,
  rigsTable,
  qualityTable,
  rejectedTable,
  moreExamples,
  summaryLines,
  targetsTable,
  type ReportTable,
} from '../views/report-tables.js';
import { renderGrid, type CellStyle } from './render-grid.js';
import { calibrationSectionOf, calibrationTables } from '../views/calibration-tables.js';

const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[39m';

export function tableReporter(): ReporterPlugin {
  return {
    name: 'table',
    format: (report, options) => formatTable(report, options.color, options.explain ?? false),
  };
}

/** Past this many light groups, the table lists only those that need attention. */
const CALIBRATION_ROWS = 30;

function formatTable(report: ExposureReport, color: boolean, explain: boolean): string {
  const rig = report.rig ? ` (rig ${report.rig})` : '';
  const target = report.target ? `, target ${report.target}` : '';
  // The folder's name, not its path: output gets pasted into forums, home folder names need not.
  const lines = [
    `${basename(report.root)}: ${report.frames.counted} light frames counted${rig}${target}`,
    '',
  ];
  const integration = integrationTable(report);
  lines.push(integration.title, grid(integration, color ? remainingInColour(report) : undefined));
  const rejected = rejectedTable(report);
  if (rejected) lines.push('', ...block(rejected));
  if (report.totalsByExposure.length > 0) lines.push('', ...block(exposuresTable(report)));
  lines.push('', ...summaryLines(report));
  if (report.rigs.length > 0) lines.push('', ...block(rigsTable(report)));
  if (projectsShown(report)) lines.push('', ...block(projectsTable(report)));
  if (report.mosaics.length > 0) lines.push('', ...block(mosaicsTable(report)));
  if (report.quality.length > 0) lines.push('', ...block(qualityTable(report)));
  if (report.targets.length > 1) lines.push('', ...block(targetsTable(report)));
  else if (report.nights.some((row) => row.night !== null))
    lines.push('', ...block(nightsTable(report)));
  const flats = flatsSectionOf(report);
  if (flats) lines.push('', ...block(flatsTable(flats)));
  const calibration = calibrationSectionOf(report);
  if (calibration) {
    for (const table of calibrationTables(calibration, { explain, maxRows: CALIBRATION_ROWS }))
      lines.push('', ...block(table));
  }
  const duplicates = duplicatesTable(report);
  if (duplicates) lines.push('', ...block(duplicates));
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of report.warnings) {
      lines.push(`  ! ${printableText(warning.message)}`);
      for (const example of warning.examples ?? []) lines.push(`      ${printableText(example)}`);
      const more = moreExamples(warning);
      if (more) lines.push(`      ${more}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function block(table: ReportTable): string[] {
  // Notes quote header text too (a camera's name, a set's reasons): shown, never sent.
  return [printableText(table.title), grid(table), ...table.notes.map(printableText)];
}

function grid(table: ReportTable, style?: CellStyle): string {
  // Cells hold header text: escape sequences and line breaks in it are shown, never sent.
  return renderGrid(
    table.columns.map((column) => ({ header: column.header, align: column.align })),
    table.rows.map((row) => row.map(printableText)),
    style,
  );
}

/** Remaining time in yellow while some is left, green when done. */
function remainingInColour(report: ExposureReport): CellStyle {
  const rows = integrationRows(report);
  const remainingColumn = 5;
  return (text, rowIndex, column) => {
    if (column !== remainingColumn) return text;
    const plan = report.plan?.filters.find((p) => p.filter === rows[rowIndex]!.filter);
    if (!plan || !text.trim() || text.trim() === NONE) return text;
    return `${plan.remainingSeconds > 0 ? YELLOW : GREEN}${text}${RESET}`;
  };
}
