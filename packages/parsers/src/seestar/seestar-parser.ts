/**
 * ZWO Seestar (S50, S30) subs (research notes §4.6): `Light_<target>_<exp>s_<filter>_<YYYYMMDD-HHMMSS>`
 * in `MyWorks/<target>_sub/` (older firmware: `<target>-sub/`), mosaics as `Light_mosaic_<target>_…`.
 * No binning, gain or sequence number; the time is local. Stacks (`Stacked_…`) are not subs.
 */
import {
  nightOfLocalTime,
  parsedFrameBuilder,
  stripFrameExtension,
  type ParserPlugin,
} from '@astrotrack/core/internal';

const NAME = /^Light_(?:mosaic_)?(.+)_(\d+(?:\.\d+)?)s_([A-Za-z0-9-]+)_(\d{8})-(\d{6})$/;

export function seestarParser(): ParserPlugin {
  return {
    name: 'seestar',
    parse(file, { filters }) {
      const match = NAME.exec(stripFrameExtension(file.name));
      if (!match) return null;
      const [, target, exposure, filter, date, time] = match as unknown as string[];
      const parsed = parsedFrameBuilder('filename');
      parsed.set('kind', 'light', 'Light');
      if (target !== 'Unknown') parsed.set('target', target!, target!);
      parsed.set('exposureSeconds', Number(exposure), `${exposure}s`);
      // IRCUT (the built-in UV/IR cut) and LP (the duo-band filter) are kept as they are.
      parsed.set('filter', filters.canonical(filter!) ?? filter!, filter!);
      const local = `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}`;
      parsed.set('captureTime', local, `${date}-${time}`);
      const night = nightOfLocalTime(local);
      if (night) parsed.set('night', night, `${date}-${time}`);
      return parsed;
    },
  };
}
