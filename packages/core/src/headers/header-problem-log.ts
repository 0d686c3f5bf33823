/**
 * Counts frames whose header had cards read leniently or values refused, keeping a few examples
 * (the file and each problem, naming the keyword), for the report's warnings.
 */
import type { ReportWarning } from '../report/report-types.js';

const EXAMPLES_KEPT = 5;

export class HeaderProblemLog {
  private count = 0;
  private readonly examples: string[] = [];

  add(relativePath: string, problems: readonly string[]): void {
    this.count++;
    if (this.examples.length < EXAMPLES_KEPT)
      this.examples.push(`${relativePath} (${problems.join('; ')})`);
  }

  warnings(): ReportWarning[] {
    if (this.count === 0) return [];
    return [
      {
        code: 'header-problems',
        message: `${this.count} frame(s) have header cards that break the FITS standard: read leniently, or refused where the value makes no sense`,
        count: this.count,
        examples: [...this.examples],
      },
    ];
  }
}
