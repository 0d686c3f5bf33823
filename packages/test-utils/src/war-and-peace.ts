/**
 * The toolkit README's "War and Peace Nebula" example as data: 324 lights in two filters, and the
 * flat angles its library held. Names follow the toolkit's own NINA pattern.
 */
export interface ExampleLight {
  filter: 'ALPT' | 'ALPT2';
  angle: number;
  name: string;
}

const GROUPS: { filter: 'ALPT' | 'ALPT2'; count: number; from: number; to: number }[] = [
  { filter: 'ALPT', count: 141, from: 70.4, to: 71.67 },
  { filter: 'ALPT', count: 24, from: 72.41, to: 72.53 },
  { filter: 'ALPT2', count: 38, from: 10, to: 10 },
  { filter: 'ALPT2', count: 104, from: 70.47, to: 71.67 },
  { filter: 'ALPT2', count: 17, from: 72.49, to: 72.53 },
];

export const WAR_AND_PEACE_FLATS: Record<'ALPT' | 'ALPT2', number[]> = {
  ALPT: [70, 75, 82, 71],
  ALPT2: [70, 75, 82, 10, 71],
};

/** Lights spread evenly over each group's range, both ends included; frame numbers run per filter. */
export function warAndPeaceLights(): ExampleLight[] {
  const lights: ExampleLight[] = [];
  const numbers = { ALPT: 0, ALPT2: 0 };
  let minute = 0;
  for (const group of GROUPS) {
    for (let i = 0; i < group.count; i++) {
      const step = group.count === 1 ? 0 : (group.to - group.from) / (group.count - 1);
      const angle = Math.round((group.from + step * i) * 100) / 100;
      const n = ++numbers[group.filter];
      const time = new Date(Date.UTC(2025, 6, 27, 20, 0) + minute++ * 6 * 60_000);
      const stamp = time.toISOString().slice(0, 19).replace('T', '_').replaceAll(':', '-');
      lights.push({
        filter: group.filter,
        angle,
        name: `${stamp}_${group.filter}_${angle.toFixed(2)}_300.00s_${String(n).padStart(4, '0')}.fits`,
      });
    }
  }
  return lights;
}
