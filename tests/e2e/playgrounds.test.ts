import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/engine/client';
import {
  APPROXIMATE_PARAMS,
  parseParams,
  SHARDING_PARAMS,
} from '@/lib/leaderboard/playground-params';
import { approximateView, ShardingModel, type ShardingView } from '@/lib/leaderboard/playgrounds';
import { baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

/**
 * The playgrounds in a real browser. Every number a test expects is computed here, in
 * Node, by the same lib/leaderboard code on the same engine the worker runs.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sharding model and its first view for a query string, computed in Node. */
async function expected(query: Record<string, string>) {
  const params = parseParams(SHARDING_PARAMS, query).values;
  const model = await ShardingModel.create(createClient(), params);
  const view = await model.view(params.mode, params.player);
  return { params, model, view };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The three ranks the widget shows (range, hash, single set). */
async function shownRanks(widget: Locator): Promise<number[]> {
  const texts = await widget.getByTestId('ranks').locator('li').allTextContents();
  return texts.map((t) => Number(t.match(/#([\d,]+)/)?.[1]?.replace(/,/g, '')));
}

async function waitReady(page: Page): Promise<Locator> {
  // Until it is near the viewport the playground is a placeholder carrying the same name.
  const slot = page.locator('[data-widget="sharding-playground"]').first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page.locator('section[data-widget="sharding-playground"]');
  await widget.getByTestId('ranks').waitFor({ timeout: 60_000 });
  // A world from SHARDING_LAZY_FROM players shows the design on screen first, and the other
  // two ranks as 'loading…' until their boards are in.
  await widget
    .getByTestId('ranks')
    .getByText('loading…')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 });
  return widget;
}

function rowsOf(view: ShardingView): string[] {
  return view.top.rows.map((r, i) => `${i + 1}. ${r.member}${fmt(r.score)}`);
}

describe('sharding playground', () => {
  it('shows the seeded chapter world with the numbers the library computes', async () => {
    const { view } = await expected({
      seed: '7',
      players: '100000',
      shards: '8',
      mode: 'range',
      distribution: 'long-tail',
      player: '0',
    });
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sharding/`);
    const widget = await waitReady(page);
    const exact = view.exactRank.rank!.rank;
    expect(await shownRanks(widget)).toEqual([exact, exact, exact]);
    expect(view.rangeRank.rank!.rank).toBe(exact);
    const biggest = view.shards.reduce((a, b) => (b.size > a.size ? b : a));
    expect(await widget.getByTestId('shard-summary').textContent()).toContain(
      `shard #${biggest.shard} with ${fmt(biggest.size)} of 100,000 players`,
    );
    expect(await widget.getByTestId('top10').locator('li').allTextContents()).toEqual(rowsOf(view));
    // The address now carries the whole state, so it can be shared as is.
    expect(new URL(page.url()).search).toBe(
      '?seed=7&players=100000&shards=8&mode=range&distribution=long-tail&player=0',
    );
    expect(await seriousAxe(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('responds to its controls, and a reload reproduces the state from the URL', async () => {
    const query = {
      seed: '11',
      players: '10000',
      shards: '8',
      mode: 'hash',
      distribution: 'normal',
      player: '123',
    };
    const { model, view } = await expected(query);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?seed=11&players=10000&shards=4`);
    let widget = await waitReady(page);
    await widget.getByLabel('Shards').selectOption('8');
    await widget.getByLabel('Score distribution').selectOption('normal');
    await widget.getByText('hash', { exact: true }).click();
    await widget.getByLabel(/Player #/).fill('123');
    await page.waitForFunction(
      (id) =>
        document.querySelector('[data-testid="ranks"]')?.closest('div')?.textContent?.includes(id),
      view.player.id,
      { timeout: 30_000 },
    );
    await widget.getByText('Top 10 by scatter-gather').waitFor();
    const exact = view.exactRank.rank!.rank;
    expect(await shownRanks(widget)).toEqual([exact, exact, exact]);
    expect(await widget.getByTestId('top10').locator('li').allTextContents()).toEqual(rowsOf(view));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(query);

    await page.reload();
    widget = await waitReady(page);
    expect(await widget.getByLabel('Shards').inputValue()).toBe('8');
    expect(await widget.getByLabel(/Player #/).inputValue()).toBe('123');
    expect(await shownRanks(widget)).toEqual([exact, exact, exact]);

    // Rebalance: the same number of players move as in Node.
    const rebalance = await model.rebalance();
    await widget.getByRole('button', { name: 'Rebalance' }).click();
    await expect
      .poll(() => widget.getByTestId('action-message').textContent())
      .toContain(`${fmt(rebalance.result.moved)} players changed shard`);
    // Crossing a boundary moves the player between range shards, atomically.
    const cross = await model.crossBoundary(123);
    await widget.getByRole('button', { name: 'Push across a boundary' }).click();
    await expect
      .poll(() => widget.getByTestId('action-message').textContent())
      .toContain(`moved from shard #${cross.move.fromShard} to #${cross.move.toShard} atomically`);
    const after = await model.view('hash', 123);
    await expect.poll(() => shownRanks(widget)).toEqual(Array(3).fill(after.exactRank.rank!.rank));
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('runs live score updates, then all three designs agree with Node after the same updates', async () => {
    const query = { seed: '7', players: '10000', shards: '4', mode: 'range', player: '5' };
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?${new URLSearchParams(query)}`);
    const widget = await waitReady(page);
    const rate = widget.getByTestId('live-rate');
    await widget.getByTestId('live-toggle').click();
    await expect
      .poll(async () => Number(await rate.getAttribute('data-updates')), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(10_000);
    // While live, only the running design's rank is current.
    expect(await widget.getByTestId('ranks').textContent()).toContain('paused');
    expect(await widget.getByRole('button', { name: 'Rebalance' }).isDisabled()).toBe(true);
    await widget.getByTestId('live-toggle').click();
    await rate.getByText(/^Stopped after/).waitFor();

    // Replays the same number of updates in Node and compares what the page settles on.
    const cache = new Map<number, ShardingView>();
    const expectedAfter = async (n: number) => {
      if (!cache.has(n)) {
        const { params, model } = await expected(query);
        await model.applyUpdates('range', n);
        cache.set(n, await model.view('range', params.player));
      }
      return cache.get(n)!;
    };
    await expect
      .poll(
        async () => {
          const n = Number(await rate.getAttribute('data-updates'));
          const view = await expectedAfter(n);
          const e = view.exactRank.rank!.rank;
          const shown = await shownRanks(widget);
          const top = await widget.getByTestId('top10').locator('li').allTextContents();
          return shown.every((r) => r === e) && top.join() === rowsOf(view).join();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('clamps out-of-range URL parameters with a visible note', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?players=50&shards=40&mode=diagonal`);
    const widget = await waitReady(page);
    const note = widget.getByTestId('param-notes');
    await note.waitFor();
    const text = await note.textContent();
    expect(text).toContain('players 50 is below 100: using 100');
    expect(text).toContain('shards 40 is above 16: using 16');
    expect(text).toContain('mode "diagonal" is not one of range, hash: using range');
    expect(await widget.getByLabel('Shards').inputValue()).toBe('16');
    expect(new URL(page.url()).searchParams.get('players')).toBe('100');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('renders the embed page without the site chrome, axe clean in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/embed/sharding/?players=1000&shards=3`);
      await waitReady(page);
      expect(await page.locator('body > header, header.sticky').count()).toBe(0);
      expect(await page.locator('nav[aria-label="Chapters"]').count()).toBe(0);
      expect(await page.locator('aside').count()).toBe(0);
      expect(await seriousAxe(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('copies an iframe snippet for the embed page in the current state', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?players=1000&shards=3&seed=5`);
    const widget = await waitReady(page);
    await widget.getByTestId('embed-button').click();
    await widget.getByText('Copied').waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/sharding\/\?seed=5&players=1000&shards=3&mode=range/,
    );
    await context.close();
  });

  it('loads a million players in the worker with progress and no main-thread task over 50 ms, and cancels', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?players=1000&shards=8`);
    const widget = await waitReady(page);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await widget.getByLabel('Players', { exact: true }).selectOption('1000000');
    const progress = widget.getByTestId('load-progress');
    await progress.waitFor();
    await expect
      .poll(async () => Number((await progress.locator('progress').getAttribute('value')) ?? 0), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await widget.getByTestId('ranks').waitFor({ timeout: 120_000 });
    expect(await widget.getByTestId('shard-summary').textContent()).toContain(
      'of 1,000,000 players',
    );
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    expect(longTasks.filter((d) => d > 50)).toEqual([]);

    // A second million-player load, cancelled part-way.
    await widget.getByLabel('Seed').fill('8');
    await progress.waitFor();
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await widget.getByText('Load cancelled.').waitFor({ timeout: 30_000 });
    await widget.getByRole('button', { name: 'Load again' }).waitFor();
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});

/** What the approximate playground's figures should read, computed in Node. */
function expectedStats(query: Record<string, string>): Record<string, string> {
  const v = approximateView(parseParams(APPROXIMATE_PARAMS, query).values);
  const bytes = (n: number) =>
    n >= 1e9
      ? `${(n / 1e9).toFixed(1)} GB`
      : n >= 1e6
        ? `${(n / 1e6).toFixed(1)} MB`
        : n >= 1e3
          ? `${(n / 1e3).toFixed(1)} KB`
          : `${n} B`;
  const pct = (x: number) => `${+x.toFixed(2)}%`;
  return {
    Players: fmt(v.players),
    'Mean error': `${fmt(Math.round(v.error.meanAbs))} ranks (${pct(v.error.meanRel * 100)})`,
    'p99 error': `${fmt(Math.round(v.error.p99Abs))} ranks (${pct(v.error.p99Rel * 100)})`,
    'Max error': `${fmt(Math.round(v.error.maxAbs))} ranks`,
    'Exact: sorted set': bytes(v.memory.exactBytes),
    Approximate: bytes(v.memory.approximateBytes),
  };
}

async function shownStats(widget: Locator): Promise<Record<string, string>> {
  const items = widget.getByTestId('approx-stats').locator('div');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await items.count()); i++) {
    const k = (await items.nth(i).locator('dt').textContent()) ?? '';
    if (k === 'Memory saved' || k === 'Per estimate') continue;
    out[k] = (await items.nth(i).locator('dd').textContent()) ?? '';
  }
  return out;
}

async function approxReady(page: Page): Promise<Locator> {
  const slot = page.locator('[data-widget="approximate-ranking-playground"]').first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page.locator('section[data-widget="approximate-ranking-playground"]');
  await widget.getByTestId('approx-stats').waitFor({ timeout: 60_000 });
  await expect.poll(() => widget.getByTestId('load-progress').count(), { timeout: 60_000 }).toBe(0);
  return widget;
}

describe('approximate ranking playground', () => {
  const chapter = {
    seed: '7',
    players: '100000',
    buckets: '100',
    kind: 'fixed',
    distribution: 'long-tail',
    scale: 'exact',
    head: '100',
  };

  it('shows the seeded chapter world with the library’s errors and memory, axe clean in light and dark', async () => {
    const want = expectedStats(chapter);
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/leaderboard-design/approximate-ranking/`);
      const widget = await approxReady(page);
      expect(await shownStats(widget)).toEqual(want);
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(chapter);
      expect(await widget.locator('canvas').count()).toBeGreaterThan(0);
      expect(await seriousAxe(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('responds to its controls, reloads to the same state, and keeps 100M players as a histogram', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/approximate-ranking/?players=10000&buckets=100&kind=fixed`);
    let widget = await approxReady(page);
    await widget.getByLabel('Bucket type').selectOption('quantile');
    const quantile = { ...chapter, players: '10000', kind: 'quantile', distribution: 'long-tail' };
    const want = expectedStats(quantile);
    await expect.poll(() => shownStats(widget), { timeout: 30_000 }).toEqual(want);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('quantile');
    await page.reload();
    widget = await approxReady(page);
    expect(await widget.getByLabel('Bucket type').inputValue()).toBe('quantile');
    expect(await shownStats(widget)).toEqual(want);

    await widget.getByText('100M', { exact: true }).click();
    const big = expectedStats({ ...quantile, scale: '100m' });
    await expect.poll(() => shownStats(widget), { timeout: 60_000 }).toEqual(big);
    expect(big.Players).toBe('100,000,000');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('clamps out-of-range URL parameters with a visible note, without the site chrome', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/approximate-ranking/?players=7&buckets=50000`);
    const widget = await approxReady(page);
    const text = await widget.getByTestId('param-notes').textContent();
    expect(text).toContain('players 7 is below 100: using 100');
    expect(text).toContain('buckets 50000 is above 10,000: using 10,000');
    expect(await page.locator('nav[aria-label="Chapters"]').count()).toBe(0);
    expect(await page.locator('aside').count()).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('computes a million players in the worker without a main-thread task over 50 ms', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/approximate-ranking/?players=10000`);
    const widget = await approxReady(page);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await widget.getByLabel('Players', { exact: true }).selectOption('1000000');
    await widget.getByTestId('load-progress').waitFor();
    await expect
      .poll(() => shownStats(widget).then((s) => s.Players), { timeout: 90_000 })
      .toBe('1,000,000');
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    expect(longTasks.filter((d) => d > 50)).toEqual([]);
    // Cancel replaces the worker; the reader can start again.
    await widget.getByLabel('Seed').fill('9');
    await widget.getByTestId('load-progress').waitFor();
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await widget.getByRole('button', { name: 'Compute again' }).click();
    await expect
      .poll(() => widget.getByTestId('load-progress').count(), { timeout: 90_000 })
      .toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
