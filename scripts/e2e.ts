// `npm run test:e2e [-- tests/e2e/x.test.ts …]`: the browser tests against the built export.
// Says plainly when no Chromium is available instead of failing with a launch error deep
// inside a test. Its arguments are vitest's (files, -t, …) and go to it untouched.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium';

if (!chromiumPath()) {
  console.error(
    "No Chromium found (set CHROMIUM_PATH, or install Debian's chromium: apt-get install chromium). The browser tests need one.",
  );
  process.exit(1);
}
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
