import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'content/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Vitest's default in a run is one worker fewer than the cores: one file at a time on
    // CI's two. No unit test measures speed (benchmarks do), so both cores take files.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
