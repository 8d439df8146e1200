import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgets } from '@/components/widgets/manifest';
import { basePath, baseUrl, launchBrowser, openPage, type PageProblems } from './browser';

/**
 * The controls a reader can reach before React hydrates work without it. Each test holds the
 * framework scripts back (as a slow phone does for seconds), uses the controls, then lets the
 * scripts through and checks that hydration keeps what the reader did and logs no error (a
 * hydration mismatch would, and would re-render the page on the client).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Held {
  page: Page;
  problems: PageProblems;
  /** Lets the held scripts through and waits until React has hydrated the header. */
  hydrate: () => Promise<void>;
}

async function openHeld(context: BrowserContext, path: string): Promise<Held> {
  const { page, problems } = await openPage(context);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // Not 'load': when the first paint is reported before the load event, the loader inserts
  // the held scripts and the load event waits for them (seen on a busy machine).
  await page.goto(baseUrl() + path, { waitUntil: 'domcontentloaded' });
  return {
    page,
    problems,
    async hydrate() {
      expect(await isHydrated(page)).toBe(false);
      release();
      await page.waitForFunction(() =>
        Object.keys(document.querySelector('header a') ?? {}).some((k) =>
          k.startsWith('__reactFiber'),
        ),
      );
      await page.unrouteAll();
    },
  };
}

const isHydrated = (page: Page) =>
  page.evaluate(() =>
    Object.keys(document.querySelector('header a') ?? {}).some((k) => k.startsWith('__reactFiber')),
  );

/**
 * Taps a placeholder's control before any framework script has run, and checks the tap is
 * kept: marked at once, and announced as starting.
 */
async function tapKept(page: Page, control: Locator, label: string) {
  await control.scrollIntoViewIfNeeded();
  await control.click();
  expect(await control.getAttribute('data-queued')).toBe('');
  await page
    .getByRole('status')
    .filter({ hasText: `${label}: starting` })
    .waitFor({ state: 'attached' });
}

describe('before the page hydrates', () => {
  it('the theme toggle flips and stores the theme', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page, problems, hydrate } = await openHeld(context, '/interview-skills/');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
    await hydrate();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('search opens from the button and the keyboard, and keeps what was typed', async () => {
    const context = await browser.newContext();
    const { page, problems, hydrate } = await openHeld(context, '/leaderboard-design/');
    const dialog = page.getByRole('dialog', { name: 'Search the guide' });
    await page.getByRole('button', { name: 'Search the guide' }).click();
    await dialog.waitFor();
    const input = page.getByRole('combobox', { name: 'Search query' });
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('/');
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Close search' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+K');
    await dialog.waitFor();
    await page.keyboard.type('sharding');
    // Results need the search code, which comes with hydration: the query waits for it.
    await hydrate();
    expect(await input.inputValue()).toBe('sharding');
    const first = page.getByRole('option').first();
    await first.waitFor();
    expect((await first.textContent())?.toLowerCase()).toContain('shard');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a heading link copies its URL and is announced', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, problems, hydrate } = await openHeld(context, '/interview-skills/trade-offs/');
    const button = page.locator('h2 button[data-copy-link]').first();
    const id = await button.getAttribute('data-copy-link');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseUrl()}/interview-skills/trade-offs/#${id}`,
    );
    await page
      .getByRole('status')
      .filter({ hasText: 'Link copied' })
      .waitFor({ state: 'attached' });
    expect(await button.getAttribute('data-copied')).toBe('');
    await hydrate();
    // The live region is the inline script's, outside what React renders: it survives.
    await page
      .getByRole('status')
      .filter({ hasText: 'Link copied' })
      .waitFor({ state: 'attached' });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('the phone drawer opens and closes, and a link in it is followed', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openHeld(context, '/interview-skills/');
    const drawer = page.locator('aside#site-nav');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await drawer.waitFor();
    await page.getByRole('button', { name: 'Close navigation' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await drawer.locator(`a[href="${basePath()}/interview-skills/scoping/"]`).click();
    await page.waitForURL('**/interview-skills/scoping/');
    expect(await page.locator('h1').textContent()).toBe('Scoping complexity');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
  it("a tap on the console placeholder's example button is acknowledged, then performed", async () => {
    const context = await browser.newContext();
    // Notes each worker the page starts, and whether React's hydration had reached the
    // console's placeholder by then (it had if the placeholder is gone or React owns it).
    await context.addInitScript(`{
      const Native = window.Worker;
      window.__workers = [];
      window.Worker = class extends Native {
        constructor(url, options) {
          super(url, options);
          const wrapper = document.querySelector('[data-lazy-widget="RedisConsole"]');
          window.__workers.push(
            !wrapper || Object.keys(wrapper).some((k) => k.startsWith('__reactFiber')),
          );
        }
      };
    }`);
    const { page, problems, hydrate } = await openHeld(context, '/leaderboard-design/sorted-sets/');
    const placeholder = page.locator('[data-widget="redis-console"][data-placeholder]');
    const example = placeholder.locator('[data-queue-control="Load 100 example players"]');
    // Acknowledged at once, with no framework script yet: marked, and announced.
    await tapKept(page, example, 'Load 100 example players');
    // A second tap is not a second load.
    await example.click();
    await hydrate();
    const console = page.locator('[data-widget="redis-console"]:not([data-placeholder])');
    await console.getByText('Loaded 100 players').waitFor({ timeout: 30_000 });
    expect(await console.getByText('Loaded 100 players').count()).toBe(1);
    // The console was in view when the scripts arrived, so its worker was started before
    // hydration reached it (components/widgets/lazy-widget.tsx), and the live console took
    // that one: one worker per live widget that has one, none started twice.
    const started = () =>
      page.evaluate(() => (window as unknown as { __workers: boolean[] }).__workers);
    expect((await started())[0]).toBe(false);
    // Another widget near the console (the skip-list picture) may have its worker started and
    // its chunk still on the way: the counts are compared once they settle.
    const withWorker = widgets.filter((w) => w.worker).map((w) => `[data-widget="${w.id}"]`);
    const live = page.locator(`:is(${withWorker.join(',')}):not([data-placeholder])`);
    await expect
      .poll(async () => [(await started()).length, await live.count()], { timeout: 15_000 })
      .toSatisfy(([workers, widgets]) => workers === widgets);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it("a tap on the sharding placeholder's 'Run live updates' is acknowledged, then performed", async () => {
    const context = await browser.newContext();
    const { page, problems, hydrate } = await openHeld(context, '/leaderboard-design/sharding/');
    const placeholder = page.locator('[data-widget="sharding-playground"][data-placeholder]');
    const run = placeholder.locator('[data-queue-control="Run live updates"]');
    await tapKept(page, run, 'Run live updates');
    await hydrate();
    const live = page.locator('section[data-widget="sharding-playground"]:not([data-placeholder])');
    // Performed on the live button: live updates run, and the button now stops them.
    await live.getByRole('button', { name: 'Stop live updates' }).waitFor({ timeout: 60_000 });
    await live.getByTestId('live-rate').waitFor({ timeout: 60_000 });
    await live.getByRole('button', { name: 'Stop live updates' }).click();
    await live.getByRole('button', { name: 'Run live updates' }).waitFor();
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it("a tap on the architecture diagram's stage button is acknowledged, then performed", async () => {
    const context = await browser.newContext();
    const { page, problems, hydrate } = await openHeld(context, '/leaderboard-design/sorted-sets/');
    const block = page.locator('[data-widget="architecture-diagram"]').first();
    const stage3 = block.locator('[data-queue-placeholder] [data-stage-button="3"]');
    // The placeholder is at the chapter's stage 1; its other stage buttons take a tap.
    expect(await stage3.getAttribute('aria-pressed')).toBe('false');
    await tapKept(page, stage3, '3 + Kafka');
    await hydrate();
    // Performed on the live diagram: it shows stage 3 once it has drawn.
    await block.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
    const live = block.locator('section:not([data-queue-placeholder])');
    await live.locator('[data-stage-button="3"][aria-pressed="true"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => live.getAttribute('data-stage'), { timeout: 15_000 }).toBe('3');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});
