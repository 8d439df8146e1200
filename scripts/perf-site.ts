// `npm run perf:site [-- /path/ …] [--runs N] [--only lighthouse|clicks]`: on the built export,
// for every page (or the ones given):
// - mobile Lighthouse (its default profile) with the system Chromium;
// - the first-load JavaScript: gzip size of every script the page loads up front;
// - time to first working click on a throttled phone (scripts/first-click.ts): the header's
//   search button on every page, and on a page with a widget, the widget's first control.
// Prints a line per page and one JSON line, and exits non-zero when a page misses a target.
// Run `npm run build` first. The machine is shared: the figures come with the load average,
// and a change is judged with `npm run perf:ab`, which runs two builds side by side.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, lighthouseChromeFlags } from './chromium';
import {
  SEARCH_PROBE,
  formatMs,
  measureFirstClick,
  medianMs,
  placeProbe,
  widgetProbeFor,
  type FirstClick,
} from './first-click';
import { performanceTarget } from './page-kind';
import { initialScripts } from './post-build';
import { startStaticServer } from './static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const only = values.only;
if (!Number.isInteger(runs) || runs < 1 || (only && only !== 'lighthouse' && only !== 'clicks')) {
  console.error('usage: npm run perf:site [-- /path/ …] [--runs N] [--only lighthouse|clicks]');
  process.exit(2);
}
const out = path.resolve('out');
if (!existsSync(path.join(out, 'index.html'))) {
  console.error('out/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** Pages from the sitemap (every published page), unless paths were given. */
function allPaths(): string[] {
  const xml = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
  return parse(xml)
    .querySelectorAll('loc')
    .map((loc) => new URL(loc.textContent.trim()).pathname);
}

interface Targets {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  firstLoadKb: number;
  searchClickMs: number;
  widgetClickMs: number;
}

/**
 * A page with a widget, or an app page (scripts/page-kind.ts), gets the widget-page targets
 * (95, and a first working widget control within 3.5 s); every other page the prose target
 * (98). The header's search works within 2 s everywhere.
 */
function targetsFor(pagePath: string, html: string): Targets {
  return {
    performance: performanceTarget(pagePath, html),
    accessibility: 100,
    'best-practices': 100,
    seo: 100,
    firstLoadKb: 150,
    searchClickMs: 2000,
    widgetClickMs: 3500,
  };
}

function firstLoadKb(html: string): number {
  const root = parse(html);
  // noModule scripts are polyfills for old browsers; modern ones never fetch them. Framework
  // scripts may be requested by the post-build loader rather than by tags.
  const sources = new Set([
    ...initialScripts(html),
    ...root
      .querySelectorAll('script[src]')
      .filter((s) => !s.hasAttribute('nomodule'))
      .map((s) => s.getAttribute('src')!),
  ]);
  let bytes = 0;
  for (const src of sources) {
    const file = path.join(out, new URL(src, 'http://site/').pathname);
    if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** Medians of `runs` Lighthouse runs of `url`. */
async function lighthouseSamples(url: string, port: number): Promise<LighthouseFigures> {
  const samples: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    samples.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
      cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    });
  }
  const keys = Object.keys(samples[0]!) as (keyof LighthouseFigures)[];
  return Object.fromEntries(
    keys.map((key) => [key, median(samples.map((s) => s[key]))]),
  ) as unknown as LighthouseFigures;
}

const paths = positionals.length ? positionals : allPaths();
const loadBefore = loadavg();
const server = await startStaticServer({ root: out });
const chrome =
  only === 'clicks'
    ? null
    : await chromeLauncher.launch({
        chromePath: chromiumPath(),
        chromeFlags: lighthouseChromeFlags,
      });
const browser =
  only === 'lighthouse'
    ? null
    : await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });

const rows = [];
try {
  for (const pagePath of paths) {
    const html = readFileSync(path.join(out, pagePath, 'index.html'), 'utf8');
    const targets = targetsFor(pagePath, html);
    const url = server.url + pagePath;
    const lh = chrome ? await lighthouseSamples(url, chrome.port) : null;
    const clicks: Record<string, { ms: number | null; runs: FirstClick[] }> = {};
    if (browser) {
      for (const probe of [SEARCH_PROBE, widgetProbeFor(html)]) {
        if (!probe) continue;
        const placed = await placeProbe(browser, url, probe);
        const results: FirstClick[] = [];
        for (let i = 0; i < runs; i++) results.push(await measureFirstClick(browser, url, placed));
        clicks[probe.name] = { ms: medianMs(results), runs: results };
      }
    }
    const widget = Object.keys(clicks).find((name) => name !== 'search');
    const kb = firstLoadKb(html);
    const failures: string[] = [];
    if (lh) {
      for (const key of ['performance', 'accessibility', 'best-practices', 'seo'] as const) {
        if (lh[key] < targets[key]) failures.push(key);
      }
    }
    if (kb > targets.firstLoadKb) failures.push('first-load JS');
    const searchMs = clicks.search?.ms;
    if (browser && (searchMs === null || searchMs! > targets.searchClickMs)) {
      failures.push('search click');
    }
    const widgetTargeted = targets.performance === 95 && widget !== undefined;
    const widgetMs = widget ? clicks[widget]!.ms : undefined;
    if (widgetTargeted && (widgetMs === null || widgetMs! > targets.widgetClickMs)) {
      failures.push('widget click');
    }
    const acks = widget ? clicks[widget]!.runs.map((r) => r.ackMs) : [];
    const widgetAckMs = acks.every((ms) => ms !== null)
      ? medianMs(acks.map((ms) => ({ ms }) as FirstClick))
      : null;
    const row = { path: pagePath, ...lh, firstLoadKb: kb, firstClick: clicks, failures };
    rows.push(row);
    const parts = [
      `${failures.length ? '✗' : '✓'} ${pagePath.padEnd(44)}`,
      lh
        ? `perf ${String(lh.performance).padStart(3)} (≥${targets.performance})  a11y ${lh.accessibility}  bp ${lh['best-practices']}  seo ${lh.seo}  LCP ${lh.lcpMs} ms  TBT ${lh.tbtMs} ms  CLS ${lh.cls}`
        : '',
      `JS ${kb} KB gz`,
      browser ? `search works at ${formatMs(searchMs ?? null)}` : '',
      widget ? `${widget} works at ${formatMs(widgetMs ?? null)}` : '',
      widget && widgetAckMs !== null ? `(tap kept from ${formatMs(widgetAckMs)})` : '',
    ];
    console.log(parts.filter(Boolean).join('  '));
  }
} finally {
  chrome?.kill();
  await browser?.close();
  await server.close();
}
const loadAfter = loadavg();
console.log(
  `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
);
console.log(JSON.stringify({ runsPerPage: runs, loadBefore, loadAfter, pages: rows }));
const failed = rows.filter((r) => r.failures.length);
if (failed.length) {
  console.error(
    `${failed.length} page(s) missed a target: ${failed.map((r) => `${r.path} (${r.failures.join(', ')})`).join('; ')}`,
  );
  process.exit(1);
}
