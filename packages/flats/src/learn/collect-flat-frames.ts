/** An engine plugin that keeps the flat frames a scan finds, for `flats learn`. */
import type { Frame, ObserverPlugin } from '@astrotrack/core';

export function collectFlatFrames(into: Frame[]): ObserverPlugin {
  return {
    name: 'astrotrack:flats-learn',
    setup({ on }) {
      on('frame', (frame) => {
        if (frame.kind === 'flat') into.push(frame);
      });
    },
  };
}
