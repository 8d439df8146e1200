// `npm run perf:site [-- /path/ ...] [--runs N]`: mobile Lighthouse (the default profile) on
// the built export with the system Chromium, plus the first-load JavaScript of each page
// (gzip size of every script it loads, by tag or through the post-build loader). Prints a
// table and one JSON line, and exits non-zero when a page misses its target. Run
// `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parse } from 'node-html-parser';
import { chromiumPath, lighthouseChromeFlags } from './chromium.mjs';
import { initialScripts } from './post-build.mjs';
import { startStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Math.max(1, Number(args[runsIndex + 1]) || 1) : 1;
const explicit = args.filter((a, i) => a.startsWith('/') && args[i - 1] !== '--runs');
const out = path.resolve('out');
if (!existsSync(path.join(out, 'index.html'))) {
  console.error('out/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** Pages from the sitemap (every published page), unless paths were given. */
function allPaths() {
  const xml = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>[^<]*?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
}

/**
 * Leaderboard Design sub-pages that carry a lazy widget get the widget-page target (95);
 * every other page, the home page and the other chapters included, the prose target (98).
 */
function targetsFor(pagePath, html) {
  const hasWidget = pagePath.startsWith('/leaderboard-design/') && html.includes('data-widget=');
  return {
    performance: hasWidget ? 95 : 98,
    accessibility: 100,
    'best-practices': 100,
    seo: 100,
    firstLoadKb: 150,
  };
}

function firstLoadKb(html) {
  const root = parse(html);
  // noModule scripts are polyfills for old browsers; modern ones never fetch them.
  // The framework scripts are requested by the post-build loader, not by tags.
  const sources = new Set([
    ...initialScripts(html),
    ...root
      .querySelectorAll('script[src]')
      .filter((s) => !s.hasAttribute('nomodule'))
      .map((s) => s.getAttribute('src')),
  ]);
  let bytes = 0;
  for (const src of sources) {
    const file = path.join(out, src.split('?')[0]);
    if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const paths = explicit.length ? explicit : allPaths();
const server = await startStaticServer({ root: out });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: lighthouseChromeFlags,
});

const rows = [];
try {
  for (const pagePath of paths) {
    const html = readFileSync(path.join(out, pagePath, 'index.html'), 'utf8');
    const targets = targetsFor(pagePath, html);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(server.url + pagePath, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const { categories, audits } = result.lhr;
      samples.push({
        performance: Math.round(categories.performance.score * 100),
        accessibility: Math.round(categories.accessibility.score * 100),
        'best-practices': Math.round(categories['best-practices'].score * 100),
        seo: Math.round(categories.seo.score * 100),
        lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
        tbtMs: Math.round(audits['total-blocking-time'].numericValue),
        cls: Math.round(audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
      });
    }
    const row = { path: pagePath, firstLoadKb: firstLoadKb(html), targets };
    for (const key of Object.keys(samples[0])) row[key] = median(samples.map((s) => s[key]));
    row.pass =
      row.performance >= targets.performance &&
      row.accessibility >= targets.accessibility &&
      row['best-practices'] >= targets['best-practices'] &&
      row.seo >= targets.seo &&
      row.firstLoadKb <= targets.firstLoadKb;
    rows.push(row);
    console.log(
      `${row.pass ? '✓' : '✗'} ${pagePath.padEnd(44)} perf ${String(row.performance).padStart(3)} (≥${targets.performance})  a11y ${row.accessibility}  bp ${row['best-practices']}  seo ${row.seo}  LCP ${row.lcpMs} ms  TBT ${row.tbtMs} ms  CLS ${row.cls}  JS ${row.firstLoadKb} KB gz`,
    );
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(
  JSON.stringify({ runsPerPage: runs, pages: rows.map((r) => ({ ...r, targets: undefined })) }),
);
const failed = rows.filter((r) => !r.pass);
if (failed.length) {
  console.error(
    `${failed.length} page(s) missed a target: ${failed.map((r) => r.path).join(', ')}`,
  );
  process.exit(1);
}
