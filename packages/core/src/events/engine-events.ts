import type { Frame } from '../frame.js';
import type { DuplicateFrame, ExposureReport, SkipCode } from '../report/report-types.js';

export type { SkipCode };

export interface ScanStartEvent {
  root: string;
  rig: string | null;
}

export interface FrameSkippedEvent {
  path: string;
  relativePath: string;
  code: SkipCode;
  reason: string;
}

/** A frame in a reject folder (`rejected/`, `bad/`…): not integration, counted apart. */
export interface FrameRejectedEvent {
  frame: Frame;
  /** The reject folder's name as written. */
  folder: string;
}

/** A frame counted already: the same file by another path, or a copy of it. */
export interface FrameDuplicateEvent extends DuplicateFrame {
  path: string;
}

export interface ScanEndEvent {
  root: string;
  files: number;
  frames: number;
  skipped: number;
  unreadableFolders: number;
  durationMs: number;
}

/** Every event the engine emits. All other event types derive from this map. */
// A type alias, not an interface: mitt needs the map to be assignable to Record<string, unknown>.
export type EngineEvents = {
  'scan:start': ScanStartEvent;
  frame: Frame;
  'frame:skipped': FrameSkippedEvent;
  'frame:rejected': FrameRejectedEvent;
  'frame:duplicate': FrameDuplicateEvent;
  /** A master dark, bias, dark flat or flat (also skipped as no subframe): its kind and facts. */
  'frame:master': Frame;
  'scan:end': ScanEndEvent;
  report: ExposureReport;
};

export type EngineEventName = keyof EngineEvents;
