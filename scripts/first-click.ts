// Time to first working click: how long a reader on a phone waits, from navigation start,
// before tapping a control does what it says. Used by `npm run perf:site` and `perf:ab`.
//
// The profile is Lighthouse's mobile one, applied for real rather than simulated: CPU 4×
// slower (Emulation.setCPUThrottlingRate), slow 4G as Lighthouse's DevTools throttling
// applies it (Network.emulateNetworkConditions, see PHONE_THROTTLING), a 412 × 823 touch
// screen, an empty cache. The throttling covers the page's own thread and requests; a
// widget's Web Worker runs unthrottled.
//
// A probe names the control and the sign that it worked. The page is first loaded once at
// full speed to learn where the control sits (a reader taps where they see it). Then, in a
// fresh context, it is loaded throttled while a real tap (touch events, hit-tested by the
// browser) lands on that spot every 50 ms, from the first contentful paint (before it there
// is nothing to see, and a tap would land on unstyled markup) until the sign shows. The
// figure is the page's clock (performance.now(), whose zero is navigation start) when it
// does; a MutationObserver installed before the page's own scripts catches the moment,
// since the next tap could undo it. A widget is scrolled to before each tap, as a reader
// scrolls to it, so its near-viewport loading starts at once.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Lighthouse's mobile device (a Moto G Power): viewport, pixel ratio, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
};

/**
 * Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbit/s down, CPU 4× slower) in the
 * form Lighthouse itself applies it through DevTools: DevTools adds its latency once per
 * request, where a real request on a new connection pays several round trips (DNS, TCP,
 * TLS), so 150 ms RTT becomes 562.5 ms per request, and throughput is taken at 90 %
 * (lighthouse/core/config/constants.js, `throttling.mobileSlow4G`).
 */
export const PHONE_THROTTLING = {
  cpuSlowdown: 4,
  requestLatencyMs: 150 * 3.75,
  downloadBytesPerSecond: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadBytesPerSecond: (750 * 1024 * 0.9) / 8,
} as const;

export interface ClickProbe {
  /** What the report calls it: `search`, or a widget's `data-widget` name. */
  name: string;
  /** CSS selector of the block the control belongs to. */
  scope: string;
  /**
   * The control to tap inside `scope`: the first match of `selector` whose aria-label or
   * text is `text` (when given). Omitted: `scope` itself.
   */
  control?: { selector: string; text?: string };
  /**
   * The sign that the tap worked: a match for `selector` (inside `scope`, or anywhere with
   * `inDocument`), or `text` inside `scope`.
   */
  worked: { selector: string; inDocument?: boolean } | { text: string };
  /** Scroll the control to the middle of the screen before each tap (widgets further down). */
  scroll: boolean;
}

/** The header's search button: it works when the search dialog is open. */
export const SEARCH_PROBE: ClickProbe = {
  name: 'search',
  scope: 'header button[aria-label="Search the guide"]',
  worked: { selector: 'dialog[open]', inDocument: true },
  scroll: false,
};

/**
 * Each widget's first control, and what it shows once the widget has handled a tap. The
 * Embed button some playgrounds carry first is chrome around the widget, so the probe takes
 * the first control that drives the widget itself.
 */
export const WIDGET_PROBES: Record<string, Pick<ClickProbe, 'control' | 'worked'>> = {
  'practice-timer': { control: { selector: 'button', text: 'Start' }, worked: { text: 'Pause' } },
  'redis-console': {
    control: { selector: 'button', text: 'Load 100 example players' },
    worked: { text: 'Loaded 100 players' },
  },
  'skip-list-picture': {
    control: { selector: 'button', text: 'Add a player' },
    worked: { text: '13 members' },
  },
  'architecture-diagram': {
    control: { selector: '[data-stage-button="1"]' },
    worked: { selector: '[data-stage-button="1"][aria-pressed="true"]' },
  },
  'pagination-playground': {
    control: { selector: 'button', text: 'Next page' },
    worked: { text: 'Page 2 of' },
  },
  'sharding-playground': {
    control: { selector: 'button', text: 'Run live updates' },
    worked: { text: 'Stop live updates' },
  },
  'approximate-ranking-playground': {
    control: { selector: 'label:has(> input[value="100m"])' },
    worked: { selector: 'input[value="100m"]:checked' },
  },
  'fan-out-playground': {
    control: { selector: 'button', text: 'Start' },
    worked: { text: 'Pause' },
  },
};

/** The probe for the first widget on a page that has one (`html` is the exported page). */
export function widgetProbeFor(html: string): ClickProbe | null {
  for (const match of html.matchAll(/data-widget="([a-z-]+)"/g)) {
    const name = match[1]!;
    const probe = WIDGET_PROBES[name];
    if (probe) return { name, scope: `[data-widget="${name}"]`, scroll: true, ...probe };
  }
  return null;
}

export interface FirstClick {
  probe: string;
  /** ms from navigation start until the control had done its job; null: not within the limit. */
  ms: number | null;
  /** Clicks the page received before the one that worked (or in all, when none did). */
  deadTaps: number;
  /** The same load's first contentful paint, ms: when a reader first sees anything to tap. */
  fcpMs: number | null;
  /**
   * When the tap that worked was made, ms. Behind `ms` by the time the page took to take the
   * tap (a long task) and to show its answer.
   */
  tapMs: number | null;
}

interface Point {
  x: number;
  y: number;
}

// The functions below run in the page. They are plain strings so no compiler helper can
// leak into them.

/** Finds the control inside the scope; null while it is not there. */
const FIND = `(probe) => {
  const scope = document.querySelector(probe.scope);
  if (!scope || !probe.control) return scope && { scope, control: scope };
  const label = (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const control = [...scope.querySelectorAll(probe.control.selector)].find(
    (el) => probe.control.text === undefined || label(el) === probe.control.text,
  );
  return control ? { scope, control } : null;
}`;

/** Where the control's centre sits relative to its scope, once laid out. */
const OFFSET = `((probe) => {
  const found = (${FIND})(probe);
  if (!found) return null;
  const s = found.scope.getBoundingClientRect();
  const c = found.control.getBoundingClientRect();
  if (c.width === 0 || c.height === 0) return null;
  return { x: c.left - s.left + c.width / 2, y: c.top - s.top + c.height / 2 };
})`;

/**
 * Scrolls the control to mid-screen (if asked) and returns where to tap: the centre of the
 * control as laid out now, or, while only a placeholder stands there, the spot where the
 * finished control sits in its block. Null while there is nothing to tap: before the first
 * contentful paint a reader sees no page, and a tap would land on unstyled markup.
 */
const LOCATE = `(({ probe, offset }) => {
  if (performance.getEntriesByName('first-contentful-paint').length === 0) return null;
  const where = () => {
    const found = (${FIND})(probe);
    const box = found?.control.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const scope = document.querySelector(probe.scope)?.getBoundingClientRect();
    return scope ? { x: scope.left + offset.x, y: scope.top + offset.y } : null;
  };
  let point = where();
  if (point && probe.scroll && Math.abs(point.y - window.innerHeight / 2) > 4) {
    window.scrollBy(0, point.y - window.innerHeight / 2);
    point = where();
  }
  return point;
})`;

/** Whether the probe's sign shows. */
const SHOWS = `((probe) => {
  const scope = document.querySelector(probe.scope);
  const w = probe.worked;
  return 'text' in w
    ? Boolean(scope && scope.textContent.includes(w.text))
    : Boolean((w.inDocument ? document : scope)?.querySelector(w.selector));
})`;

/**
 * Runs before the page's own scripts: records on the page's clock the first moment the sign
 * shows. It watches DOM changes rather than polling after each tap, because the next tap can
 * undo the last one (a second tap on the spot closes the dialog, or pauses a timer).
 */
const WATCH = `((probe) => {
  const shows = ${SHOWS};
  const state = (window.__firstClick = { at: null, clicksBefore: 0, lastTap: null });
  const observer = new MutationObserver(() => {
    if (shows(probe)) {
      state.at = performance.now();
      observer.disconnect();
    }
  });
  addEventListener('click', (event) => {
    if (state.at !== null) return;
    state.clicksBefore++;
    state.lastTap = event.timeStamp;
  }, true);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

const WORKED = `window.__firstClick && {
  ...window.__firstClick,
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
}`;

interface WatchState {
  at: number | null;
  clicksBefore: number;
  /** When the last click before the sign was made (its event's timeStamp). */
  lastTap: number | null;
  fcp: number | null;
}

const call = <T>(page: Page, fn: string, arg: unknown): Promise<T> =>
  page.evaluate(`${fn}(${JSON.stringify(arg)})`) as Promise<T>;

/** Same document path (a playground rewrites its query string as it runs). */
const samePage = (a: string, b: string) => a.split(/[?#]/)[0] === b.split(/[?#]/)[0];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A probe that knows where its control sits in its block. */
export interface PlacedProbe extends ClickProbe {
  offset: Point;
  /** Where a control that never moves (the sticky header's) is on the screen; else null. */
  point: Point | null;
}

/**
 * Learns where to tap: loads `url` at full speed, waits for the control to be laid out, and
 * checks that its sign is not showing yet. Throws when the control never appears.
 */
export async function placeProbe(
  browser: Browser,
  url: string,
  probe: ClickProbe,
): Promise<PlacedProbe> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    // On the throttled load the web font misses its short block period (font-display:
    // optional) and the page keeps the fallback font; lay the page out the same way here.
    await page.route(/\.woff2$/, (route) => route.abort());
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      // A widget mounts when it nears the viewport, and replaces its placeholder when it does.
      if (probe.scroll) {
        await page.evaluate(
          `document.querySelector(${JSON.stringify(probe.scope)})?.scrollIntoView({ block: 'center' })`,
        );
      }
      const offset = await call<Point | null>(page, OFFSET, probe);
      if (offset) {
        if (await call<boolean>(page, SHOWS, probe)) {
          throw new Error(`${probe.name}: its sign shows before any tap (${url})`);
        }
        const point = probe.scroll ? null : await call<Point>(page, LOCATE, { probe, offset });
        return { ...probe, offset, point };
      }
      await sleep(200);
    }
    throw new Error(`${probe.name}: no control to tap within 30 s at full speed (${url})`);
  } finally {
    await context.close();
  }
}

/**
 * One throttled load of `url` on a cold cache, tapping every 50 ms until `probe` works or
 * `limitMs` passes.
 */
export async function measureFirstClick(
  browser: Browser,
  url: string,
  probe: PlacedProbe,
  limitMs = 20_000,
): Promise<FirstClick> {
  const { offset } = probe;
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE_THROTTLING.requestLatencyMs,
      downloadThroughput: PHONE_THROTTLING.downloadBytesPerSecond,
      uploadThroughput: PHONE_THROTTLING.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_THROTTLING.cpuSlowdown });
    await page.addInitScript(`${WATCH}(${JSON.stringify(probe)})`);
    // The first contentful paint, as the browser reports it: no script in the page has to run
    // to learn it, so a busy main thread does not hold the first tap back.
    await cdp.send('Page.enable');
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
    const { frameTree } = await cdp.send('Page.getFrameTree');
    let painted = false;
    cdp.on('Page.lifecycleEvent', ({ frameId, name }) => {
      if (frameId !== frameTree.frame.id) return;
      if (name === 'init') painted = false;
      if (name === 'firstContentfulPaint') painted = true;
    });
    const start = Date.now();
    page.goto(url, { waitUntil: 'load', timeout: limitMs + 30_000 }).catch(() => {});
    let worked: WatchState | null = null;
    // Reading the sign needs the page's main thread; it runs beside the taps, never before one.
    let reading: Promise<void> | null = null;
    const read = () =>
      (reading ??= (
        samePage(page.url(), url)
          ? page.evaluate<WatchState | null>(WORKED).then((state) => void (worked = state))
          : Promise.resolve()
      )
        .catch(() => {})
        .finally(() => (reading = null)));
    while (Date.now() - start < limitMs) {
      const tick = Date.now();
      if (painted) {
        const point =
          probe.point ??
          (await call<Point | null>(page, LOCATE, { probe, offset }).catch(() => null));
        if (point) await page.touchscreen.tap(point.x, point.y).catch(() => {});
      }
      void read();
      const state = worked as WatchState | null;
      if (state?.at != null) {
        // The click that worked was counted too: its capture listener ran before the control's.
        return {
          probe: probe.name,
          ms: Math.round(state.at),
          deadTaps: state.clicksBefore - 1,
          fcpMs: state.fcp && Math.round(state.fcp),
          tapMs: state.lastTap && Math.round(state.lastTap),
        };
      }
      await sleep(Math.max(0, 50 - (Date.now() - tick)));
    }
    const state = worked as WatchState | null;
    return {
      probe: probe.name,
      ms: null,
      deadTaps: state?.clicksBefore ?? 0,
      fcpMs: state?.fcp ? Math.round(state.fcp) : null,
      tapMs: null,
    };
  } finally {
    await context.close();
  }
}

/** The median of `results` in ms; null when more than half the runs never worked. */
export function medianMs(results: readonly FirstClick[]): number | null {
  const sorted = results.map((r) => r.ms ?? Infinity).sort((a, b) => a - b);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)] ?? Infinity;
  return Number.isFinite(middle) ? middle : null;
}

/** "1,234 ms", or "> 20 s" for a control that never worked within the limit. */
export function formatMs(ms: number | null, limitMs = 20_000): string {
  return ms === null ? `> ${limitMs / 1000} s` : `${ms.toLocaleString('en-US')} ms`;
}
