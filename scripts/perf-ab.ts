// `npm run perf:ab -- --b DIR [--a out] [--runs 3] [--only lighthouse|clicks] /path/ …`: two
// builds of the export side by side. Both are served at once and the runs alternate (a, b,
// then b, a, …) page by page, so the noise of a shared machine falls on both alike; single
// runs of one build at a time differ by more than most changes being measured.
//
// For each page and build it takes mobile Lighthouse (score, LCP, TBT) and the time to first
// working click (scripts/first-click.ts) of the header's search button and, on a page with a
// widget, of the widget's first control. Prints medians per page and build, the load average,
// then one JSON line. Make the second build with, for example:
//   npm run build && cp -r out /tmp/out-b
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
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
  type PlacedProbe,
} from './first-click';
import { startStaticServer } from './static-server';

const USAGE =
  'usage: npm run perf:ab -- --b DIR [--a out] [--runs 3] [--only lighthouse|clicks] /path/ …';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    a: { type: 'string', default: 'out' },
    b: { type: 'string' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const only = values.only;
if (
  values.help ||
  !values.b ||
  positionals.length === 0 ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  (only !== undefined && only !== 'lighthouse' && only !== 'clicks')
) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const dirs = { a: path.resolve(values.a), b: path.resolve(values.b) } as const;
type Build = keyof typeof dirs;
for (const dir of Object.values(dirs)) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${dir} is not a built export (no index.html)`);
    process.exit(2);
  }
}
const pages = positionals.map((p) => (p.endsWith('/') ? p : `${p}/`));

interface Sample {
  score?: number;
  lcpMs?: number;
  tbtMs?: number;
  clicks: FirstClick[];
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
const loadBefore = loadavg();
const servers = {
  a: await startStaticServer({ root: dirs.a }),
  b: await startStaticServer({ root: dirs.b }),
};
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
/** page → build → samples, in run order. */
const results = new Map<string, Record<Build, Sample[]>>();
/** Probes placed once per page and build (where the control sits). */
const placed = new Map<string, PlacedProbe[]>();

async function probesFor(page: string, build: Build): Promise<PlacedProbe[]> {
  const key = `${build} ${page}`;
  if (!placed.has(key)) {
    const html = readFileSync(path.join(dirs[build], page, 'index.html'), 'utf8');
    const probes = [SEARCH_PROBE, widgetProbeFor(html)].filter((p) => p !== null);
    const url = servers[build].url + page;
    placed.set(key, await Promise.all(probes.map((p) => placeProbe(browser, url, p))));
  }
  return placed.get(key)!;
}

async function lighthouseRun(url: string): Promise<Omit<Sample, 'clicks'>> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: lighthouseChromeFlags,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    };
  } finally {
    chrome.kill();
  }
}

try {
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      for (const build of run % 2 ? (['b', 'a'] as const) : (['a', 'b'] as const)) {
        const url = servers[build].url + page;
        const sample: Sample =
          only === 'clicks' ? { clicks: [] } : { ...(await lighthouseRun(url)), clicks: [] };
        if (only !== 'lighthouse') {
          for (const probe of await probesFor(page, build)) {
            sample.clicks.push(await measureFirstClick(browser, url, probe));
          }
        }
        const byBuild = results.get(page) ?? { a: [], b: [] };
        byBuild[build].push(sample);
        results.set(page, byBuild);
      }
    }
  }
} finally {
  await browser.close();
  await servers.a.close();
  await servers.b.close();
}

function summary(samples: Sample[]) {
  const numbers = (key: 'score' | 'lcpMs' | 'tbtMs') =>
    samples.map((s) => s[key]).filter((v): v is number => v !== undefined);
  const clicks = new Map<string, FirstClick[]>();
  for (const s of samples)
    for (const c of s.clicks) clicks.set(c.probe, [...(clicks.get(c.probe) ?? []), c]);
  return {
    score: median(numbers('score')),
    scores: numbers('score'),
    lcpMs: median(numbers('lcpMs')),
    tbtMs: median(numbers('tbtMs')),
    firstClick: Object.fromEntries(
      [...clicks].map(([probe, list]) => [
        probe,
        {
          ms: medianMs(list),
          runs: list.map((c) => c.ms),
          fcpMs: median(list.map((c) => c.fcpMs ?? NaN)),
          tapMs: median(list.map((c) => c.tapMs ?? NaN)),
          details: list,
        },
      ]),
    ),
  };
}

const rows = [...results].map(([page, byBuild]) => ({
  page,
  a: summary(byBuild.a),
  b: summary(byBuild.b),
}));
const loadAfter = loadavg();
console.log(`a = ${dirs.a}, b = ${dirs.b}; medians of ${runs} alternating runs`);
console.log(
  `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
);
const clickCell = (s: ReturnType<typeof summary>, probe: string) =>
  probe in s.firstClick ? formatMs(s.firstClick[probe]!.ms) : '';
console.table(
  rows.map(({ page, a, b }) => {
    const widget = Object.keys(a.firstClick).find((p) => p !== 'search');
    return {
      page,
      ...(only === 'clicks'
        ? {}
        : {
            'a score': a.score,
            'b score': b.score,
            'a LCP ms': a.lcpMs,
            'b LCP ms': b.lcpMs,
            'a TBT ms': a.tbtMs,
            'b TBT ms': b.tbtMs,
          }),
      ...(only === 'lighthouse'
        ? {}
        : {
            'a search': clickCell(a, 'search'),
            'b search': clickCell(b, 'search'),
            widget: widget ?? '',
            'a widget': widget ? clickCell(a, widget) : '',
            'b widget': widget ? clickCell(b, widget) : '',
          }),
    };
  }),
);
console.log(
  JSON.stringify({ perfAb: { a: dirs.a, b: dirs.b, runs, loadBefore, loadAfter, pages: rows } }),
);
