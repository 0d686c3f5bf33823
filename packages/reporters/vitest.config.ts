import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests work on the real file system (and some start Chromium); CI shares 2 cores among all
    // packages' test runs, so the default 5 s is too tight for the slow ones there.
    testTimeout: 30_000,
  },
});
