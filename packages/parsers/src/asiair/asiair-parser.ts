/**
 * ZWO ASIAIR names, every generation seen (research notes §2.2), read from the right because the
 * target is free text that may hold `_` and spaces:
 *   Light_<target>_<exp>(s|ms)_Bin<n>[_<camera>][_<filter>]_gain<g>|ISO<n>[_<YYYYMMDD-HHMMSS>][_<n>deg][_<temp>C]_<seq>
 * Calibration frames have no target; the filter ASIAIR writes on darks and biases means nothing.
 */
import {
  nightOfLocalTime,
  stripFrameExtension,
  type FrameKind,
  type ParserPlugin,
  parsedFrameBuilder,
} from '@astrotrack/core';

const NAME =
  /^(Light|Flat|Dark|Bias)_(?:(.+)_)?(\d+(?:\.\d+)?)(ms|s)_Bin(\d)(?:_(.+?))?(?:_(?:gain(-?\d+)|ISO(\d+)))?(?:_(\d{8})-(\d{6}))?(?:_(\d+(?:\.\d+)?)deg)?(?:_([+-]?\d+(?:\.\d+)?)C)?_(\d{3,})$/;
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
        angle,
        temperature,
        sequence,
      ] = match;
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

      // Between Bin<n> and gain: a camera model, a filter, or both, in that order.
      const tokens = middle ? middle.split('_') : [];
      const filter =
        tokens.length > 1
          ? tokens.slice(1).join('_')
          : tokens[0] && !CAMERA.test(tokens[0])
            ? tokens[0]
            : undefined;
      if (filter && kind !== 'dark' && kind !== 'bias')
        set('filter', filters.canonical(filter) ?? filter, filter);
      if (gain !== undefined) set('gain', Number(gain), `gain${gain}`);
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
      void iso;
      return parsed;
    },
  };
}
