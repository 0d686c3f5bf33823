/**
 * What makes a frame that frame, as one text: its capture time, exposure, filter, camera, telescope
 * and image size as the header has them. Two files with the same key are one frame twice (a copy, a
 * hard link). A header without a capture time says too little to tell frames apart: no key.
 */
export const CAMERA_KEYWORDS = ['INSTRUME', 'TELESCOP', 'NAXIS1', 'NAXIS2'] as const;

export function copyKeyOf(
  captureTime: string | null | undefined,
  facts: readonly unknown[],
): string | null {
  if (captureTime === null || captureTime === undefined || captureTime.trim() === '') return null;
  let key = captureTime.trim();
  // Only text and numbers: what the header cache keeps, so a cached read gives the same key.
  for (const fact of facts)
    key += `\u0000${typeof fact === 'string' || typeof fact === 'number' ? fact : ''}`;
  return key;
}
