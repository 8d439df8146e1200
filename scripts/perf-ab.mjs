// `npm run perf:ab -- --a DIR --b DIR [--runs 3] /path/ …`: mobile Lighthouse performance
// of two builds of the export side by side. Both are served at once and the runs alternate
// (a, b, then b, a, …) page by page, so the noise of a shared machine falls on both alike;
// single runs of one build at a time differ by more than most changes being measured.
// Prints the median score, LCP and TBT per page and build, then one JSON line.
// Make the second build with, for example: npm run build && cp -r out /tmp/out-b
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, lighthouseChromeFlags } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dirs = { a: option('a', 'out'), b: option('b') };
const runs = Math.max(1, Number(option('runs', 3)) || 3);
const pages = args.filter((a, i) => a.startsWith('/') && !args[i - 1]?.startsWith('--'));
if (!dirs.b || pages.length === 0) {
  console.error('usage: npm run perf:ab -- --a DIR --b DIR [--runs 3] /path/ …');
  process.exit(2);
}
for (const dir of Object.values(dirs)) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${dir} is not a built export (no index.html)`);
    process.exit(2);
  }
}

const servers = {
  a: await startStaticServer({ root: path.resolve(dirs.a) }),
  b: await startStaticServer({ root: path.resolve(dirs.b) }),
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
/** page → build → [score, LCP ms, TBT ms][] */
const results = {};
for (let run = 0; run < runs; run++) {
  for (const page of pages) {
    for (const build of run % 2 ? ['b', 'a'] : ['a', 'b']) {
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath(),
        chromeFlags: lighthouseChromeFlags,
      });
      try {
        const { lhr } = await lighthouse(servers[build].url + page, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        ((results[page] ??= { a: [], b: [] })[build] ??= []).push([
          Math.round(lhr.categories.performance.score * 100),
          Math.round(lhr.audits['largest-contentful-paint'].numericValue),
          Math.round(lhr.audits['total-blocking-time'].numericValue),
        ]);
      } finally {
        chrome.kill();
      }
    }
  }
}
for (const server of Object.values(servers)) await server.close();

const summary = Object.entries(results).map(([page, byBuild]) => {
  const of = (build) => ({
    score: median(byBuild[build].map((r) => r[0])),
    lcpMs: median(byBuild[build].map((r) => r[1])),
    tbtMs: median(byBuild[build].map((r) => r[2])),
    scores: byBuild[build].map((r) => r[0]),
  });
  return { page, a: of('a'), b: of('b') };
});
console.log(`a = ${dirs.a}, b = ${dirs.b}; medians of ${runs} alternating runs`);
console.table(
  summary.map((s) => ({
    page: s.page,
    'a score': s.a.score,
    'b score': s.b.score,
    'a LCP ms': s.a.lcpMs,
    'b LCP ms': s.b.lcpMs,
    'a TBT ms': s.a.tbtMs,
    'b TBT ms': s.b.tbtMs,
  })),
);
console.log(JSON.stringify({ perfAb: { a: dirs.a, b: dirs.b, runs, pages: summary } }));
