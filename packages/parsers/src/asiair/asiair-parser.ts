/**
 * ZWO ASIAIR names, every generation seen (research notes §2.2), read from the right because the
 * target is free text that may hold `_` and spaces:
 *   Light_<target>_<exp>(s|ms)_Bin<n>[_<camera>][_<filter>]_gain<g>|ISO<n>[_<YYYYMMDD-HHMMSS>][_<n>deg][_<temp>C][_<n>deg]_<seq>
 * Calibration frames have no target; the filter ASIAIR writes on darks and biases means nothing.
 * Without a filter wheel a light or flat has no filter token: it counts as the rig's no-filter name.
 */
import {
  EMPTY_FILTER_FIELD,
  nightOfLocalTime,
  stripFrameExtension,
  type FrameKind,
  type ParserPlugin,
  parsedFrameBuilder,
} from '@astrotrack/core/internal';

const NAME =
  /^(Light|Flat|Dark|Bias)_(?:(.+)_)?(\d+(?:\.\d+)?)(ms|s)_Bin(\d)(?:_(?!gain-?\d|ISO\d)(.+?))??(?:_(?:gain(-?\d+)|ISO(\d+)))?(?:_(\d{8})-(\d{6}))?(?:_(\d+(?:\.\d+)?)deg)?(?:_([+-]?\d+(?:\.\d+)?)C)?(?:_(\d+(?:\.\d+)?)deg)?_(\d{3,})$/;
const CAMERA = /^(ASI)?\d{3,4}[A-Z]{2}/i;
const TARGET_ANGLE = /^(.*)_(\d+(?:\.\d+)?)deg$/;
const KINDS: Record<string, FrameKind> = {
  Light: 'light',
  Flat: 'flat',
  Dark: 'dark',
  Bias: 'bias',
};

export function asiairParser(): ParserPlugin {
  return {
    name: 'asiair',
    parse(file, { filters }) {
      const match = NAME.exec(stripFrameExtension(file.name));
      if (!match) return null;
      const [
        ,
        type,
        rawTarget,
        exposure,
        unit,
        bin,
        middle,
        gain,
        iso,
        date,
        time,
        angleBeforeTemperature,
        temperature,
        angleAfterTemperature,
        sequence,
      ] = match;
      const angle = angleBeforeTemperature ?? angleAfterTemperature;
      const parsed = parsedFrameBuilder('filename');
      const { set } = parsed;
      const kind = KINDS[type!]!;
      set('kind', kind, type!);
      const seconds = Number(exposure) / (unit === 'ms' ? 1000 : 1);
      set('exposureSeconds', seconds, `${exposure}${unit}`);
      set('binning', `${bin}x${bin}`, `Bin${bin}`);

      // One 2026 variant puts the angle right after the target: `Light_5 Ursae Minoris_88deg_300.0s_…`.
      let target = rawTarget;
      let nameAngle = angle;
      const targetAngle = target ? TARGET_ANGLE.exec(target) : null;
      if (targetAngle) {
        target = targetAngle[1];
        nameAngle ??= targetAngle[2];
      }
      if (target && kind === 'light') set('target', target, target);

      // Between Bin<n> and gain: a camera model, a filter, or both, in that order. A DSLR's model
      // always comes before its ISO. With no filter wheel there is no filter token at all.
      const tokens = middle ? middle.split('_') : [];
      const hasCamera = tokens.length > 1 || iso !== undefined || CAMERA.test(tokens[0] ?? '');
      const filter = tokens.slice(hasCamera ? 1 : 0).join('_');
      if (kind === 'light' || kind === 'flat') {
        if (filter) set('filter', filters.canonical(filter) ?? filter, filter);
        else set('filter', filters.noFilter, EMPTY_FILTER_FIELD);
      }
      if (gain !== undefined) set('gain', Number(gain), `gain${gain}`);
      else if (iso !== undefined) set('gain', Number(iso), `ISO${iso}`);
      if (nameAngle !== undefined) set('rotatorAngle', Number(nameAngle) % 360, `${nameAngle}deg`);
      if (temperature !== undefined)
        set('sensorTemperature', Number(temperature), `${temperature}C`);
      if (date && time) {
        const local = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`;
        set('captureTime', local, `${date}-${time}`);
        const night = nightOfLocalTime(local);
        if (night) set('night', night, `${date}-${time}`);
      }
      set('frameNumber', Number(sequence), sequence!);
      return parsed;
    },
  };
}
