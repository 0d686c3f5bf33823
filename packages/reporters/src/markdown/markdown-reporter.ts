/**
 * The report as GitHub-flavoured Markdown, for forum posts and notes: the same sections as the
 * table, plus calibration frames, each a GFM table under a heading.
 */
import { basename } from 'node:path';
import type { ExposureReport, ReporterPlugin } from '@astrotrack/core/internal';
import { printableText } from '@astrotrack/fits';
import { documentParts, moreExamples, type ReportTable } from '../views/report-tables.js';

export function markdownReporter(): ReporterPlugin {
  return {
    name: 'markdown',
    format: (report, options) => formatMarkdown(report, options?.explain),
  };
}

export function formatMarkdown(report: ExposureReport, explain = false): string {
  const rig = report.rig ? ` (rig ${report.rig})` : '';
  const target = report.target ? `, target ${report.target}` : '';
  const lines = [
    `# ${escapeMarkdown(basename(report.root))}: ${report.frames.counted} light frames${rig}${escapeMarkdown(target)}`,
    '',
  ];
  for (const part of documentParts(report, { explain })) {
    if ('table' in part) lines.push(...table(part.table));
    else lines.push(...part.summary.map((line) => `**${line.replace(/:/, ':**')}  `), '');
  }
  if (report.warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const warning of report.warnings) {
      lines.push(`- ${escapeMarkdown(warning.message)}`);
      for (const example of warning.examples ?? [])
        lines.push(`  - \`${printableText(example).replaceAll('`', "'")}\``);
      const more = moreExamples(warning);
      if (more) lines.push(`  - ${more}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function table({ title, columns, rows, notes }: ReportTable): string[] {
  const lines = [`## ${escapeMarkdown(title)}`, ''];
  lines.push(`| ${columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`);
  lines.push(`| ${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`);
  for (const row of rows)
    lines.push(`| ${row.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`);
  lines.push('');
  if (notes.length > 0) lines.push(...notes.map((note) => `${escapeMarkdown(note.trim())}  `), '');
  return lines;
}

/**
 * Header values are user text: nothing in them may become Markdown or HTML, and a line break,
 * control character or bidi override is shown as an escape, so it cannot split a table row.
 */
function escapeMarkdown(text: string): string {
  return printableText(text).replace(/[\\`*_{}[\]<>|#]/g, (char) => `\\${char}`);
}
