/** Counts frames whose header and name disagree, keeping a few examples, for the report's warnings. */
import type { ReportWarning } from '../report/report-types.js';
import type { Disagreement } from './merge-frame-fields.js';

const EXAMPLES_KEPT = 5;
const FIELD_NAMES: Record<Disagreement['field'], string> = {
  filter: 'filter',
  exposureSeconds: 'exposure',
  kind: 'frame type',
  rotatorAngle: 'rotator angle',
  localTime: 'local time',
};

export class DisagreementLog {
  private count = 0;
  private readonly examples: string[] = [];

  add(relativePath: string, found: readonly Disagreement[]): void {
    this.count++;
    if (this.examples.length < EXAMPLES_KEPT) {
      const what = found
        .map((d) => `${FIELD_NAMES[d.field]}: header ${d.header}, name ${d.name}`)
        .join('; ');
      this.examples.push(`${relativePath} (${what})`);
    }
  }

  warnings(): ReportWarning[] {
    if (this.count === 0) return [];
    return [
      {
        code: 'header-name-disagreement',
        message: `${this.count} frame(s) have a header that disagrees with the file name; the header was believed`,
        count: this.count,
        examples: [...this.examples],
      },
    ];
  }
}
