import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser tests: one Chromium per file, files one after another (2-core machine).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // Tests marked concurrent (the per-page checks) run two at a time, one per core.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
