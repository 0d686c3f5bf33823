import {
  buildExposureReport,
  createFilterSet,
  EMPTY_FRAME_FIELDS,
  ExposureAccumulator,
  type ExposureReport,
  type PlanInput,
} from '@astrotrack/core/internal';

/** The toolkit README's "Example Output", as a report built by the engine's own code. */
export function toolkitExampleReport(
  plan: PlanInput | null = {
    targetHours: 10,
    allocation: { L: 40, R: 20, G: 20, B: 20 },
  },
): ExposureReport {
  const accumulator = new ExposureAccumulator(false);
  const subs: Array<[string, number, number]> = [
    ['L', 120, 150],
    ['R', 180, 40],
    ['G', 180, 35],
    ['B', 180, 38],
    ['Ha', 300, 25],
  ];
  for (const [filter, exposureSeconds, count] of subs) {
    for (let i = 0; i < count; i++) {
      accumulator.addFrame({
        ...EMPTY_FRAME_FIELDS,
        filter,
        exposureSeconds,
        path: `/data/M31/${filter}/${i}.fits`,
        relativePath: `${filter}/${i}.fits`,
        parser: 'test',
        sources: {},
        rig: null,
      });
    }
  }
  return buildExposureReport(accumulator, {
    root: '/data/M31',
    rig: null,
    filters: createFilterSet(),
    plan,
  });
}
