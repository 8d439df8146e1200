// `npm run perf:offline [-- /path/ …] [--runs 3] [--compare]`: mobile Lighthouse on the built
// export with the service worker installed, as a reader's second visit meets the site.
//
// Lighthouse normally starts every run from a clean profile and clears the origin's storage
// (service workers and Cache Storage included) before it loads the page, so it never sees
// the worker. Here Chromium runs with a profile of its own (chrome-launcher `userDataDir`),
// a first visit (playwright-core over the same DevTools port) lets the worker install and
// precache the export, and Lighthouse runs with `disableStorageReset`, so the page it
// measures is served by the worker. Each run is checked: the server must not see a request
// for the page's HTML (the worker answered it from its precache), else the row fails.
//
// `--compare` also runs Lighthouse as perf:site does (fresh storage, no worker), alternating
// with the worker runs, so both columns share the machine's noise.
//
// Targets (issue 15): ≥ 98 on prose pages, ≥ 95 on pages with a widget. Prints a table, the
// load average, then one JSON line; exits non-zero when a page misses its target.
// Run `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumPath, lighthouseChromeFlags } from './chromium';
import { performanceTarget } from './page-kind';
import { startStaticServer } from './static-server';

const USAGE = 'usage: npm run perf:offline [-- /path/ …] [--runs 3] [--compare]';
const DEFAULT_PAGES = [
  '/interview-skills/',
  '/leaderboard-design/estimates/',
  '/leaderboard-design/sorted-sets/',
  '/leaderboard-design/sharding/',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    compare: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (values.help || !Number.isInteger(runs) || runs < 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const out = path.resolve('out');
if (!existsSync(path.join(out, 'sw.js'))) {
  console.error('out/sw.js is missing: run `npm run build` first.');
  process.exit(1);
}
const pages = (positionals.length ? positionals : DEFAULT_PAGES).map((p) =>
  p.endsWith('/') ? p : `${p}/`,
);

/** The page's bar (scripts/page-kind.ts, the rule perf:site applies). */
function targetFor(pagePath: string): number {
  return performanceTarget(pagePath, readFileSync(path.join(out, pagePath, 'index.html'), 'utf8'));
}

/**
 * A pass-through in front of the static server that counts the requests reaching it, by
 * path: a page the worker serves from its precache never gets here.
 */
async function countingProxy(target: string) {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    const mode = request.headers['sec-fetch-mode'];
    // Page fetches by the app (Next's prefetches) are not what the reader's tab loads.
    hits.push(
      `${mode === 'navigate' ? '' : `${mode ?? '?'} `}${(request.url ?? '/').split('?')[0]!}`,
    );
    const upstream = http.request(
      target + (request.url ?? '/'),
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Sample {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Requests the server saw during the run, and whether one was for the page's HTML. */
  serverRequests: number;
  serverPaths: string[];
  htmlFromServer: boolean;
  /** The run's longest main-thread tasks: where the blocking time comes from. */
  longTasks: { url: string; startMs: number; ms: number }[];
}

async function measure(
  url: string,
  port: number,
  withWorker: boolean,
  hits: string[],
): Promise<Sample> {
  const before = hits.length;
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    disableStorageReset: withWorker,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const during = hits.slice(before);
  const pagePath = new URL(url).pathname;
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    fcpMs: Math.round(audits['first-contentful-paint']?.numericValue ?? NaN),
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
    cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    serverRequests: during.length,
    serverPaths: during,
    longTasks: (
      (audits['long-tasks']?.details as { items?: Record<string, unknown>[] } | undefined)?.items ??
      []
    )
      .slice(0, 5)
      .map((t) => ({
        url: String(t.url),
        startMs: Math.round(Number(t.startTime)),
        ms: Math.round(Number(t.duration)),
      })),
    htmlFromServer: during.some((p) => p === pagePath || p === `${pagePath}index.html`),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
function medians(samples: Sample[]) {
  const pick = (key: keyof Omit<Sample, 'htmlFromServer' | 'serverPaths' | 'longTasks'>) =>
    median(samples.map((s) => s[key]));
  return {
    performance: pick('performance'),
    fcpMs: pick('fcpMs'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    serverRequests: pick('serverRequests'),
    htmlFromServer: samples.filter((s) => s.htmlFromServer).length,
    scores: samples.map((s) => s.performance),
    serverPaths: [...new Set(samples.flatMap((s) => s.serverPaths))],
    longTasks: samples.map((s) => s.longTasks),
  };
}

/**
 * Opens the site once in the profile, as a reader's first visit, and waits until the worker
 * has installed (its precache complete: installation only ends once every file is cached)
 * and controls the page. Returns the number of files in the precache.
 */
async function installWorker(port: number, site: string): Promise<number> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${site}/`, { waitUntil: 'load' });
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('no service worker within 120 s')), 120_000),
        ),
      ]),
    );
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    const cached = await page.evaluate(async () => {
      let files = 0;
      for (const name of await caches.keys()) {
        files += (await (await caches.open(name)).keys()).length;
      }
      return files;
    });
    await page.close();
    return cached;
  } finally {
    // Disconnects; the browser launched by chrome-launcher stays up with its profile.
    await browser.close();
  }
}

const loadBefore = loadavg();
const server = await startStaticServer({ root: out });
// One origin per profile: the fresh profile's worker installs too (after Lighthouse's
// trace) and precaches the whole export in the background, which must not be counted
// against the worker profile, nor share its registration.
const proxy = await countingProxy(server.url);
const freshProxy = await countingProxy(server.url);
const profile = mkdtempSync(path.join(tmpdir(), 'perf-offline-'));
const warm = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: lighthouseChromeFlags,
  userDataDir: profile,
});
const fresh = values.compare
  ? await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: lighthouseChromeFlags })
  : null;

const rows = [];
let precached = 0;
try {
  precached = await installWorker(warm.port, proxy.url);
  console.log(`service worker installed: ${precached} files precached (first visit to /)`);
  for (const pagePath of pages) {
    const url = proxy.url + pagePath;
    const worker: Sample[] = [];
    const noWorker: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the order run by run, so a burst of load falls on both alike.
      const order = i % 2 === 0 ? ['worker', 'fresh'] : ['fresh', 'worker'];
      for (const kind of order) {
        if (kind === 'worker') worker.push(await measure(url, warm.port, true, proxy.hits));
        else if (fresh) {
          noWorker.push(
            await measure(freshProxy.url + pagePath, fresh.port, false, freshProxy.hits),
          );
        }
      }
    }
    const target = targetFor(pagePath);
    const w = medians(worker);
    const f = fresh ? medians(noWorker) : null;
    const failures: string[] = [];
    if (w.performance < target) failures.push(`performance ${w.performance} < ${target}`);
    if (w.htmlFromServer > 0) failures.push('worker not in control (HTML fetched from server)');
    rows.push({ path: pagePath, target, withWorker: w, fresh: f, failures });
  }
} finally {
  warm.kill();
  fresh?.kill();
  await proxy.close();
  await freshProxy.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
const loadAfter = loadavg();

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const head = [
  pad('page', 34),
  pad('kind', 7),
  pad('target', 7),
  pad('SW perf (runs)', 18),
  pad('FCP', 7),
  pad('LCP', 7),
  pad('TBT', 6),
  pad('CLS', 6),
  pad('srv req', 8),
  values.compare ? pad('no-SW perf (runs)', 19) + pad('LCP', 7) : '',
  'result',
].join(' ');
console.log(`\nLighthouse mobile, service worker in control, median of ${runs} run(s)`);
console.log(head);
console.log('-'.repeat(head.length));
for (const r of rows) {
  const w = r.withWorker;
  console.log(
    [
      pad(r.path, 34),
      pad(r.target === 95 ? 'widget' : 'prose', 7),
      pad(`≥ ${r.target}`, 7),
      pad(`${w.performance} (${w.scores.join(',')})`, 18),
      pad(`${w.fcpMs}ms`, 7),
      pad(`${w.lcpMs}ms`, 7),
      pad(`${w.tbtMs}ms`, 6),
      pad(w.cls, 6),
      pad(w.serverRequests, 8),
      r.fresh
        ? pad(`${r.fresh.performance} (${r.fresh.scores.join(',')})`, 19) +
          pad(`${r.fresh.lcpMs}ms`, 7)
        : '',
      r.failures.length ? `✗ ${r.failures.join('; ')}` : '✓',
    ].join(' '),
  );
}
const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(
  `precached ${precached} files; load average before ${fmt(loadBefore)}, after ${fmt(loadAfter)}`,
);
console.log(JSON.stringify({ runsPerPage: runs, precached, loadBefore, loadAfter, pages: rows }));
const failed = rows.filter((r) => r.failures.length);
if (failed.length) {
  console.error(
    `${failed.length} page(s) missed a target: ${failed.map((r) => r.path).join(', ')}`,
  );
  process.exit(1);
}
