import { describe, expect, it } from 'vitest';
import { builtinReporters, isBuiltinReporter } from './builtin-reporters.js';

describe('builtinReporters', () => {
  it('loads each built-in by name, as a plugin named after it', async () => {
    for (const name of Object.keys(builtinReporters)) {
      const reporter = await builtinReporters[name]!();
      expect(reporter.name).toBe(name);
      expect(typeof reporter.format).toBe('function');
    }
    expect(isBuiltinReporter('table')).toBe(true);
    expect(isBuiltinReporter('toString')).toBe(false);
  });
});
