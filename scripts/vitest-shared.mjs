/**
 * Test settings every package shares. CI runs all packages' tests at once on a busy 2-core
 * machine: tests work on the real file system, run the real command and start Chromium, so
 * vitest's 5 s (10 s for hooks) defaults are too tight there. A timeout here only ever stops a
 * test that hangs; nothing waits for it.
 */
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  teardownTimeout: 60_000,
};
