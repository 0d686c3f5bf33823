import { firstLine } from '../errors/catalogue.js';

/** A plugin's handler threw or rejected. Carries the plugin's name so the user knows whom to blame. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  readonly plugin: string;
  readonly event: string;

  constructor(plugin: string, event: string, cause: unknown) {
    super(`plugin "${plugin}" failed while handling "${event}": ${firstLine(cause)}`, { cause });
    this.plugin = plugin;
    this.event = event;
  }
}
