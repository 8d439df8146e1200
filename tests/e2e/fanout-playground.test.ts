import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/engine/client';
import { FANOUT_PARAMS, parseParams } from '@/lib/leaderboard/playground-params';
import { FanoutModel, type FanoutView } from '@/lib/leaderboard/playgrounds';
import { baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

/**
 * The fan-out playground in a real browser. The numbers a test expects come from the
 * same FanoutModel run here, in Node, on the same engine the worker runs: a seeded
 * configuration after N ticks must read the same in both.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (n: number) => (n >= 100 ? fmt(n) : n.toFixed(1));

/** The chapter's configuration, as the page's query string carries it. */
const chapter = {
  seed: '7',
  players: '2000',
  meanFollows: '20',
  celebrities: '1',
  rate: '100',
  celebrityFollowers: '500',
};

/** Node's model for `query`, after `ticks` ticks and then `storms` celebrity posts. */
async function expected(query: Record<string, string>, ticks: number, storms = 0) {
  const model = await FanoutModel.create(createClient(), parseParams(FANOUT_PARAMS, query).values);
  let view = await model.view();
  for (let i = 0; i < ticks; i++) view = await model.tick();
  for (let i = 0; i < storms; i++) view = await model.celebrityPost();
  return view;
}

/** What each design's card should read for `view`. */
function cards(view: FanoutView): Record<string, Record<string, string>> {
  return Object.fromEntries(
    view.counters.map((c) => [
      c.mode,
      {
        updates: fmt(c.updates),
        'write-amplification': ratio(c.writeAmplification),
        'read-cost': ratio(c.readCost),
        commands: fmt(c.commands),
      },
    ]),
  );
}

/** What each design's card reads (without the storm row). */
async function shownCards(widget: Locator): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const mode of ['read', 'write', 'hybrid']) {
    const card = widget.locator(`[data-mode="${mode}"]`);
    const row: Record<string, string> = {};
    for (const key of ['updates', 'write-amplification', 'read-cost', 'commands'])
      row[key] = (await card.locator(`[data-counter="${key}"] dd`).textContent()) ?? '';
    out[mode] = row;
  }
  return out;
}

const boardRows = (view: FanoutView) =>
  view.sampleBoard.map(
    (r) =>
      `${r.rank}. ${r.member}${r.member === view.sampleReader.id ? ' (reader)' : ''}${fmt(r.score)}`,
  );

async function waitReady(page: Page): Promise<Locator> {
  // Until it is near the viewport the playground is a placeholder carrying the same name.
  const slot = page.locator('[data-widget="fan-out-playground"]').first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page.locator('section[data-widget="fan-out-playground"]');
  await widget.getByTestId('fanout-counters').waitFor({ timeout: 90_000 });
  return widget;
}

/** Presses Step and waits for tick `n`. */
async function step(widget: Locator, n: number): Promise<void> {
  await widget.getByRole('button', { name: 'Step' }).click();
  await expect
    .poll(() => widget.getByTestId('fanout-run').textContent(), { timeout: 30_000 })
    .toMatch(new RegExp(`^tick ${n} `));
  await expect.poll(() => widget.getByRole('button', { name: 'Step' }).isEnabled()).toBe(true);
}

/** The tick number the run line shows. */
async function shownTick(widget: Locator): Promise<number> {
  const text = (await widget.getByTestId('fanout-run').textContent()) ?? '';
  return Number(text.match(/^tick ([\d,]+)/)?.[1]?.replace(/,/g, ''));
}

describe('fan-out playground', () => {
  it('shows the seeded chapter graph, steps to the numbers the library computes, and a celebrity storm', async () => {
    const start = await expected(chapter, 0);
    const three = await expected(chapter, 3);
    const storm = await expected(chapter, 3, 1);
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/social-boards/`);
    const widget = await waitReady(page);
    expect(await shownCards(widget)).toEqual(cards(start));
    expect(await widget.getByTestId('fanout-graph').textContent()).toContain(
      `2,000 players follow each other ${fmt(start.edges)} times`,
    );
    // The address carries the whole configuration, so it can be shared as is.
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(chapter);

    for (let n = 1; n <= 3; n++) await step(widget, n);
    expect(await shownCards(widget)).toEqual(cards(three));
    expect(await widget.getByTestId('boards-agree').textContent()).toBe(
      `All three designs returned the same friend board for ${three.sampleReader.id} (follows ${fmt(three.sampleReader.follows)}).`,
    );
    expect(three.boardsAgree).toBe(true);
    expect(await widget.getByTestId('sample-board').locator('li').allTextContents()).toEqual(
      boardRows(three),
    );
    expect(await widget.locator('canvas').count()).toBe(2);

    await widget.getByRole('button', { name: 'Celebrity posts a score' }).click();
    const s = storm.celebrityUpdate!;
    const by = Object.fromEntries(s.designs.map((d) => [d.mode, d.membersWritten]));
    await expect
      .poll(() => widget.getByTestId('storm-message').textContent())
      .toContain(`${s.author.id} (${fmt(s.author.followers)} followers) posted a score`);
    expect(by.write).toBe(s.author.followers + 2);
    for (const mode of ['read', 'write', 'hybrid'])
      expect(
        await widget.locator(`[data-mode="${mode}"] [data-counter="storm"] dd`).textContent(),
      ).toBe(fmt(by[mode]!));
    expect(await shownCards(widget)).toEqual(cards(storm));
    expect(await seriousAxe(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  }, 120_000);

  it('runs and pauses without a main-thread task over 50 ms, ending on the library’s numbers', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/fan-out/?${new URLSearchParams(chapter)}`);
    const widget = await waitReady(page);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const run = widget.getByTestId('run-button');
    await run.click();
    await expect.poll(() => run.textContent()).toBe('Pause');
    await expect.poll(() => shownTick(widget), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
    await run.click();
    // A tick already in flight finishes; then nothing moves, and the state is kept.
    await expect.poll(() => widget.getByRole('button', { name: 'Step' }).isEnabled()).toBe(true);
    const ticks = await shownTick(widget);
    await page.waitForTimeout(800);
    expect(await shownTick(widget)).toBe(ticks);
    expect(await shownCards(widget)).toEqual(cards(await expected(chapter, ticks)));
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    expect(longTasks.filter((d) => d > 50)).toEqual([]);
    // The run picks up where it paused.
    await step(widget, ticks + 1);
    expect(await shownCards(widget)).toEqual(cards(await expected(chapter, ticks + 1)));
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('responds to its controls, and a reload reproduces the state from the URL', async () => {
    const query = {
      seed: '11',
      players: '500',
      meanFollows: '50',
      celebrities: '0',
      rate: '10',
      celebrityFollowers: '100',
    };
    const want = await expected(query, 2);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/fan-out/?players=2000`);
    let widget = await waitReady(page);
    await widget.getByLabel('Players').selectOption('500');
    await widget.getByLabel('Mean follows').selectOption('50');
    await widget.getByText('off', { exact: true }).click();
    await widget.getByLabel('Updates per tick').selectOption('10');
    await widget.getByLabel('Hybrid threshold').selectOption('100');
    await widget.getByLabel('Seed').fill('11');
    await expect
      .poll(() => widget.getByTestId('fanout-graph').textContent(), { timeout: 30_000 })
      .toContain(`500 players follow each other ${fmt(want.edges)} times`);
    expect(await widget.getByTestId('fanout-graph').textContent()).toContain('No celebrities.');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(query);
    await step(widget, 1);
    await step(widget, 2);
    expect(await shownCards(widget)).toEqual(cards(want));

    await page.reload();
    widget = await waitReady(page);
    expect(await widget.getByLabel('Players').inputValue()).toBe('500');
    expect(await widget.getByLabel('Hybrid threshold').inputValue()).toBe('100');
    expect(await widget.getByRole('radio', { name: 'off' }).isChecked()).toBe(true);
    await step(widget, 1);
    await step(widget, 2);
    expect(await shownCards(widget)).toEqual(cards(want));
    // Without celebrities the storm is the most-followed player's post.
    const storm = (await expected(query, 2, 1)).celebrityUpdate!;
    await widget.getByRole('button', { name: 'Most-followed player posts' }).click();
    await expect
      .poll(() => widget.getByTestId('storm-message').textContent())
      .toContain(`${storm.author.id} (${fmt(storm.author.followers)} followers) posted a score`);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('clamps out-of-range URL parameters with a visible note', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/fan-out/?players=5&rate=99999&celebrities=maybe`);
    const widget = await waitReady(page);
    const text = await widget.getByTestId('param-notes').textContent();
    expect(text).toContain('players 5 is below 10: using 10');
    expect(text).toContain('rate 99999 is above 500: using 500');
    expect(text).toContain('celebrities "maybe" is not 0/1: using 1');
    expect(await widget.getByLabel('Updates per tick').inputValue()).toBe('500');
    expect(new URL(page.url()).searchParams.get('players')).toBe('10');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('renders the embed page without the site chrome, axe clean in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/embed/fan-out/?players=500&rate=10`);
      const widget = await waitReady(page);
      await step(widget, 1);
      await widget.getByRole('button', { name: 'Celebrity posts a score' }).click();
      await widget
        .getByTestId('storm-message')
        .getByText(/posted a score/)
        .waitFor();
      expect(await page.locator('body > header, header.sticky').count()).toBe(0);
      expect(await page.locator('nav[aria-label="Chapters"]').count()).toBe(0);
      expect(await page.locator('aside').count()).toBe(0);
      expect(await seriousAxe(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('is axe clean in the dark chapter page and has no horizontal overflow at 360 px', async () => {
    const context = await browser.newContext({
      colorScheme: 'dark',
      viewport: { width: 360, height: 800 },
    });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/social-boards/`);
    const widget = await waitReady(page);
    await step(widget, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await seriousAxe(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('copies an iframe snippet for the embed page in the current state', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/fan-out/?players=500&seed=5`);
    const widget = await waitReady(page);
    await widget.getByTestId('embed-button').click();
    await expect.poll(() => widget.getByTestId('embed-button').textContent()).toBe('Copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/fan-out\/\?seed=5&players=500&meanFollows=20&celebrities=1&rate=100&celebrityFollowers=500" title="Fan-out playground · Leaderboard Lab"/,
    );
    await context.close();
  });

  it('shows load progress for a large graph and cancels it', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/fan-out/?players=500`);
    const widget = await waitReady(page);
    await widget.getByLabel('Mean follows').selectOption('200');
    await widget.getByLabel('Players').selectOption('20000');
    const progress = widget.getByTestId('load-progress');
    await progress.waitFor();
    await expect
      .poll(async () => Number((await progress.locator('progress').getAttribute('value')) ?? 0), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await widget.getByText('Load cancelled.').waitFor({ timeout: 30_000 });
    // Loading again after a cancel works (a smaller graph, to keep the test short).
    await widget.getByLabel('Players').selectOption('500');
    await widget.getByTestId('fanout-counters').waitFor({ timeout: 60_000 });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
