import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Browser tests, in two groups run one after the other on CI's two cores:
 * 1. files that assert no long task or another timing bound run alone, one file at a time,
 *    so nothing else competes for the CPU while they measure;
 * 2. every other file, two files at a time (each file drives its own Chromium).
 */
const timed = [
  'tests/e2e/console.test.ts',
  'tests/e2e/diagrams.test.ts',
  'tests/e2e/fanout-playground.test.ts',
  'tests/e2e/playgrounds.test.ts',
  'tests/e2e/practice-room.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Tests marked concurrent (the per-page checks) run two at a time, one per core.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'timed',
          include: timed,
          fileParallelism: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: timed,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
