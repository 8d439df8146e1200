// `npm run test:e2e [-- tests/e2e/x.test.ts …]`: the browser tests against the built export.
// Says plainly when no Chromium is available instead of failing with a launch error deep
// inside a test. Its arguments are vitest's (files, -t, …) and go to it untouched.
// `npm run test:e2e:lab` runs the same suite against the BASE_PATH=/lab build.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium';

if (!chromiumPath()) {
  console.error(
    "No Chromium found (set CHROMIUM_PATH, or install Debian's chromium: apt-get install chromium). The browser tests need one.",
  );
  process.exit(1);
}
// E2E_BASE_PATH=/lab (`npm run test:e2e:lab`): the whole suite against the BASE_PATH build
// in out-lab/, served under /lab/. The tests' own copy of the site config is told the same
// base path.
const basePath = process.env.E2E_BASE_PATH ?? '';
const args = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...args], {
  stdio: 'inherit',
  env: basePath ? { ...process.env, NEXT_PUBLIC_BASE_PATH: basePath } : process.env,
});
process.exit(result.status ?? 1);
