import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // These tests run the real command, several times each, while other test files do the same
    // (and one kills organize runs on purpose): on a busy 2-core machine 5 s is too tight.
    testTimeout: 60_000,
  },
});
