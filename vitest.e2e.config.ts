import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Browser tests, in two groups run one after the other on CI's two cores:
 * 1. every file that asserts no timing bound, two files at a time (each file drives its own
 *    Chromium, with its own clipboard): one file mostly drives one page, which kept one core
 *    idle;
 * 2. then the files that assert no long task or a frame budget, alone, one at a time, so
 *    nothing else competes for the CPU while they measure. A new test of that kind belongs
 *    in one of these files, or its file joins the list.
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
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: timed,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
