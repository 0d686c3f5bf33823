/** The astrobin reporter's options, as the config gives them: `reporters: [[astrobin, { … }]]`. */
import * as z from '@astrotrack/core/zod';

export const astrobinOptionsSchema = z.strictObject({
  /** AstroBin's numeric equipment id per filter (the number in the filter's page address). */
  filterIds: z.record(z.string().min(1), z.number().int().positive()).optional(),
  /** The site's Bortle class, 1–9, for every row; without it, one is estimated from `meanSqm`. */
  bortle: z.number().int().min(1).max(9).optional(),
  /** The site's sky brightness in mag/arcsec², for rows whose frames have no `MPSAS`/`SQM` card. */
  meanSqm: z.number().min(10).max(25).optional(),
});
