/**
 * Astro Photography Tool's default names, as real archives hold them (APT's own guide says nothing
 * of its pattern; these come from users' files in public code):
 *   CCD/CMOS: `L_2021-05-06_20-13-32_Bin1x1_1s__-10C`, `Single__2021-11-12_23-03-07_Bin1x1_130s__-15C`
 *   DSLR:     `L_0020_ISO800_240s__18C`, `L_m42_0164_ISO800_10s__NA`
 * `<type>_[<object>_](<date>_<time>|<number>)[_Bin<n>x<n>][_ISO<n>|_Gain<n>]_<exp>s_[<filter>]_(<temp>C|NA)`:
 * the field between the exposure and the temperature is empty without a filter wheel.
 */
import {
  EMPTY_FILTER_FIELD,
  nightOfLocalTime,
  parsedFrameBuilder,
  stripFrameExtension,
  type FrameKind,
  type ParserPlugin,
} from '@astrotrack/core/internal';

const NAME =
  /^(L|D|F|B|DF|FD|Single|Light|Dark|Flat|Bias)_(?:(.*?)_)?(?:(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})|(\d{4,}))(?:_Bin(\d)x(\d))?(?:_(?:ISO(\d+)|[Gg]ain(\d+)))?_(\d+(?:\.\d+)?)s_(.*?)_(?:([+-]?\d+(?:\.\d+)?)C|NA)$/;
const KINDS: Record<string, FrameKind> = {
  L: 'light',
  Single: 'light',
  Light: 'light',
  D: 'dark',
  Dark: 'dark',
  F: 'flat',
  Flat: 'flat',
  B: 'bias',
  Bias: 'bias',
  DF: 'darkflat',
  FD: 'darkflat',
};

export function aptParser(): ParserPlugin {
  return {
    name: 'apt',
    parse(file, { filters }) {
      const match = NAME.exec(stripFrameExtension(file.name));
      if (!match) return null;
      const [
        ,
        type,
        object,
        date,
        hh,
        mm,
        ss,
        sequence,
        binX,
        binY,
        iso,
        gain,
        exposure,
        filter,
        temperature,
      ] = match;
      const parsed = parsedFrameBuilder('filename');
      const { set } = parsed;
      const kind = KINDS[type!]!;
      set('kind', kind, type!);
      if (object && kind === 'light') set('target', object, object);
      if (date) {
        const local = `${date}T${hh}:${mm}:${ss}`;
        set('captureTime', local, `${date}_${hh}-${mm}-${ss}`);
        const night = nightOfLocalTime(local);
        if (night) set('night', night, `${date}_${hh}-${mm}-${ss}`);
      }
      if (sequence) set('frameNumber', Number(sequence), sequence);
      if (binX) set('binning', `${binX}x${binY}`, `Bin${binX}x${binY}`);
      if (iso) set('gain', Number(iso), `ISO${iso}`);
      else if (gain) set('gain', Number(gain), `Gain${gain}`);
      set('exposureSeconds', Number(exposure), `${exposure}s`);
      if (kind === 'light' || kind === 'flat') {
        if (filter) set('filter', filters.canonical(filter) ?? filter, filter);
        else set('filter', filters.noFilter, EMPTY_FILTER_FIELD);
      }
      if (temperature !== undefined)
        set('sensorTemperature', Number(temperature), `${temperature}C`);
      return parsed;
    },
  };
}
