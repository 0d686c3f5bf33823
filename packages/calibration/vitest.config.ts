import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../scripts/vitest-shared.mjs';

export default defineConfig({ test: sharedTestOptions });
