// Preloaded into the measured process (`node --import`): writes its peak RSS in bytes on exit.
import { writeFileSync } from 'node:fs';

const out = process.env.ASTROTRACK_BENCH_RSS_FILE;
if (out)
  process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));
