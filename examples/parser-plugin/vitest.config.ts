import { defineConfig } from 'vitest/config';

// Stands alone, as a plugin author's own package would: CI runs it beside every other package's tests.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
