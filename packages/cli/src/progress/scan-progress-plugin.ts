/** Shows a scan's progress (files so far, and the rate) from the engine's own events. */
import type { ObserverPlugin } from '@astrotrack/core';
import type { ProgressLine } from './progress-line.js';

export function scanProgressPlugin(line: ProgressLine, label = 'scanning'): ObserverPlugin {
  return {
    name: 'astrotrack:progress',
    setup({ on }) {
      // Without a terminal nothing is shown: no handler on the per-frame path then.
      if (!line.shown) return;
      let files = 0;
      const tick = () => line.update(label, ++files, null);
      on('frame', tick);
      on('frame:skipped', tick);
      on('scan:end', () => line.clear());
    },
  };
}
