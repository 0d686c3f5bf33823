import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFitsHeader } from '@astrotrack/fits';

/**
 * The toolkit README's "Example Output" as a real folder: L 120 s × 150, R 180 s × 40,
 * G 180 s × 35, B 180 s × 38, Ha 300 s × 25, in the layouts real archives have.
 */
export function writeToolkitExample(root: string): void {
  const header = formatFitsHeader([
    ['SIMPLE', true],
    ['BITPIX', 16],
    ['NAXIS', 0],
    ['IMAGETYP', 'LIGHT'],
  ]);
  const write = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), header);
  };
  const n = (i: number) => String(i).padStart(4, '0');
  for (let i = 0; i < 150; i++) write(`L/light_M31_L_120s_${n(i)}.fits`);
  for (const [filter, count] of [
    ['R', 40],
    ['G', 35],
    ['B', 38],
  ] as const) {
    for (let i = 0; i < count; i++) {
      write(
        `2025-09-15/LIGHT/2025-09-15_22-${String(i % 60).padStart(2, '0')}-00_${filter}_45.20_180.00s_${n(i)}.fits`,
      );
    }
  }
  for (let i = 0; i < 25; i++) {
    write(
      `Autorun/Light/M31/Light_M31_300.0s_Bin1_H_gain100_20250916-2200${String(i).padStart(2, '0')}_-10.0C_${n(i)}.fit`,
    );
  }
}
