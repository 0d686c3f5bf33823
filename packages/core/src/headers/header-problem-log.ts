/**
 * Counts frames whose header had cards read leniently or values refused, keeping a few examples
 * (the file and each problem, naming the keyword), for the report's warnings.
 */
import { type ExampleList, remember } from '../report/exposure-accumulator.js';
import type { ReportWarning } from '../report/report-types.js';

export class HeaderProblemLog {
  private readonly frames: ExampleList = { count: 0, examples: [] };

  add(relativePath: string, problems: readonly string[]): void {
    remember(this.frames, `${relativePath} (${problems.join('; ')})`);
  }

  warnings(): ReportWarning[] {
    const { count, examples } = this.frames;
    if (count === 0) return [];
    return [
      {
        code: 'header-problems',
        message: `${count} frame(s) have header cards that break the FITS standard: read leniently, or refused where the value makes no sense`,
        count,
        examples: [...examples],
      },
    ];
  }
}
