/**
 * What a setting is when nobody set it, and the organize modes: plain data, apart from the schema,
 * so a command reads them without loading zod (about 0.1 s of start-up; the schema loads only when
 * there is a config or a setting flag to check).
 */
import type { FilterSet } from '../filters/filter-set.js';
import type { Settings } from './settings-schema.js';

export { ORGANIZE_MODES } from './organize-modes.js';

/**
 * What a setting is when nobody set it. Every reader of a rig gets these through `resolveRig`; no
 * package states them again.
 */
export const SETTING_DEFAULTS = {
  headers: true,
  angle: 'mechanical',
  plan: { rejectionBuffer: 15, bufferFallback: 15, bufferMinFrames: 30 },
  report: { sort: 'filter', includeUnknown: false, rejectFolders: [] as string[] },
  flats: { tolerance: 2.5, maxAgeDays: 90, oldFlatsCover: true, anglePrecision: 0.1 },
  calibration: {
    temperatureTolerance: 2,
    exposureTolerance: 0,
    scaleDarks: false,
    darkMaxAgeDays: 365,
    biasMaxAgeDays: 365,
    framesPerSet: { dark: 30, bias: 50, darkflat: 30, flat: 30 },
  },
  organize: { mode: 'move', tolerance: 2 },
  cache: { enabled: true },
} as const satisfies Settings;

type Section<K extends keyof Settings> = NonNullable<Settings[K]>;

/** A target's goal from the config: its hours, and optionally the allocation and the buffer. */
export interface TargetGoal {
  targetHours: number;
  allocation?: Record<string, number>;
  rejectionBuffer?: number | 'measured';
}
type Defaulted<K extends keyof typeof SETTING_DEFAULTS & keyof Settings> = Section<K> & {
  -readonly [D in keyof (typeof SETTING_DEFAULTS)[K]]-?: Section<K>[D & keyof Section<K>] & {};
};

/** A rig's settings with every default filled in: what plugins and commands read. */
export interface ResolvedSettings {
  /** The rig's name, or null when the config defines none (or none was chosen). */
  name: string | null;
  headers: boolean;
  angle: NonNullable<Settings['angle']>;
  utcOffset: number | undefined;
  filters: FilterSet;
  targets: {
    aliases: Record<string, string>;
    /** Target name as written in the config → its goal (the rig's over the top level's). */
    goals: Record<string, TargetGoal>;
    /** The targets whose goal the rig's own section sets (not only the top level). */
    ownGoals: string[];
  };
  plan: Defaulted<'plan'>;
  report: Defaulted<'report'>;
  flats: Defaulted<'flats'>;
  calibration: Omit<Defaulted<'calibration'>, 'framesPerSet'> & {
    /** Per kind, the rig's number (or its per-kind numbers) over the defaults. */
    framesPerSet: Record<'dark' | 'bias' | 'darkflat' | 'flat', number>;
  };
  quality: NonNullable<Settings['quality']>;
  organize: Defaulted<'organize'>;
  cache: Defaulted<'cache'>;
}
