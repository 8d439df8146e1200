import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records, at the moment <body> is first inserted, whether <html> already had the dark class. */
async function watchFirstPaintTheme(context: BrowserContext) {
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.body) {
        (window as unknown as { __darkAtBody: boolean }).__darkAtBody =
          document.documentElement.classList.contains('dark');
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

describe('theme', () => {
  it('toggles, persists across a reload and never paints the wrong theme first', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    await watchFirstPaintTheme(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/interview-skills/`);
    expect(
      await page.evaluate(() => (window as unknown as { __darkAtBody: boolean }).__darkAtBody),
    ).toBe(false);
    // The toggle works once the page has hydrated, a moment after the first paint.
    await page.waitForSelector('html[data-search-ready]', { state: 'attached' });
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );
    await page.reload();
    expect(
      await page.evaluate(() => (window as unknown as { __darkAtBody: boolean }).__darkAtBody),
    ).toBe(true);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await page.waitForSelector('html[data-search-ready]', { state: 'attached' });
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.reload();
    expect(
      await page.evaluate(() => (window as unknown as { __darkAtBody: boolean }).__darkAtBody),
    ).toBe(false);
    await context.close();
  });

  it('follows the system preference when the reader has not chosen', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    await watchFirstPaintTheme(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    expect(
      await page.evaluate(() => (window as unknown as { __darkAtBody: boolean }).__darkAtBody),
    ).toBe(true);
    await context.close();
  });
});

describe('search', () => {
  it('opens with /, finds an Interview Skills phrase and lands on its heading', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector('html[data-search-ready]');
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: 'Search query' });
    await input.waitFor();
    await input.fill('minute 20 and no diagram');
    const first = page.getByRole('option').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/no diagram/i);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/interview-skills\/#/);
    const hash = new URL(page.url()).hash.slice(1);
    expect(hash).toBe('minute-20-and-no-diagram');
    expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens with Ctrl+K, moves with the arrow keys and closes with Escape', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/interview-skills/scoping/`);
    await page.waitForSelector('html[data-search-ready]');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search the guide' });
    // CI once saw the dialog never open here (not reproduced in 24 runs, throttled or not):
    // if it happens again, the failure says what the page looked like.
    await dialog.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      const state = await page.evaluate(() => ({
        url: location.href,
        focused: document.activeElement?.outerHTML.slice(0, 160),
        dialogs: [...document.querySelectorAll('dialog')].map((d) => `#${d.id} open=${d.open}`),
        searchReady: document.documentElement.dataset.searchReady,
      }));
      throw new Error(`${error.message}
page state: ${JSON.stringify(state)}`);
    });
    await page.keyboard.type('trade-off');
    await page.getByRole('option').nth(1).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await context.close();
  });
});

describe('copy link', () => {
  it('puts the absolute URL of the heading on the clipboard and says so', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/interview-skills/trade-offs/`);
    // The page's one copy handler is live once the page has hydrated.
    await page.waitForSelector('html[data-copy-ready]', { state: 'attached' });
    const button = page.locator('h2 button[data-copy-link]').first();
    const id = await button.getAttribute('data-copy-link');
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseUrl()}/interview-skills/trade-offs/#${id}`);
    await page.getByText('Link copied').waitFor({ state: 'attached' });
    await context.close();
  });

  it('copies a code block exactly', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    await page.waitForSelector('html[data-copy-ready]', { state: 'attached' });
    const scope = page.locator('[data-copy-scope]').first();
    const expected = await scope.locator('pre').textContent();
    expect(expected?.length).toBeGreaterThan(10);
    await scope.hover();
    const button = scope.getByRole('button', { name: 'Copy' });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    // The button confirms, then returns to its label.
    await scope.getByRole('button', { name: 'Copied' }).waitFor();
    await page.getByText('Copied to the clipboard').waitFor({ state: 'attached' });
    await button.waitFor({ timeout: 5_000 });
    await context.close();
  });
});

describe('practice timer', () => {
  it('runs, pauses, and restores after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/interview-skills/`);
    const timer = page.locator('section.practice-timer');
    await timer.scrollIntoViewIfNeeded();
    await timer.getByRole('button', { name: 'Start' }).click();
    await page.waitForFunction(() =>
      /0:0[1-9] elapsed/.test(
        document.querySelector('[data-testid="timer-elapsed"]')?.textContent ?? '',
      ),
    );
    await timer.getByRole('button', { name: 'Pause' }).click();
    const paused = await timer.getByTestId('timer-elapsed').textContent();
    await page.waitForTimeout(1200);
    expect(await timer.getByTestId('timer-elapsed').textContent()).toBe(paused);
    await page.reload();
    await page.locator('section.practice-timer').getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.getByTestId('timer-elapsed').textContent()).toBe(paused);
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByTestId('timer-elapsed').textContent()).toMatch(/^0:00 elapsed/);
    await context.close();
  });

  it('moves to the next phase, highlights it and announces it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A run started 4 min 58 s ago: the estimate phase begins two seconds after load.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'leaderboard-lab:practice-timer:v1',
          JSON.stringify({ accumulatedMs: 0, runningSince: Date.now() - 298_000 }),
        );
      }
    });
    await page.goto(`${baseUrl()}/interview-skills/`);
    const phase = page.getByTestId('timer-phase');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="timer-phase"]')?.textContent?.startsWith('1.'),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="timer-phase"]')?.textContent?.startsWith('2.'),
      undefined,
      { timeout: 10_000 },
    );
    expect(await phase.textContent()).toContain('Estimate the scale');
    expect(
      await page.locator('section.practice-timer li[aria-current="step"] p').getAttribute('title'),
    ).toContain('Estimate the scale');
    await page
      .locator('section.practice-timer [role="status"]')
      .filter({ hasText: 'Phase 2 of 6: Estimate the scale' })
      .waitFor({ state: 'attached' });
    await page.reload();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="timer-phase"]')?.textContent?.startsWith('2.'),
    );
    await context.close();
  });
});

describe('prerequisites checklist', () => {
  it('keeps ticks across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('checkbox', { name: /Message queues/ }).check();
    await page.getByText('1 of 6 ready').waitFor();
    await page.reload();
    await page.getByText('1 of 6 ready').waitFor();
    expect(await page.getByRole('checkbox', { name: /Message queues/ }).isChecked()).toBe(true);
    await context.close();
  });

  it('keeps a tick made before the page hydrated', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Hold the framework scripts back: the checklist is plain HTML until they run.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_next\/static\/chunks\/[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseUrl()}/`);
    const box = page.getByRole('checkbox', { name: /Message queues/ });
    await box.check();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    release();
    await page.getByText('1 of 6 ready').waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.unrouteAll();
    await page.reload();
    await page.getByText('1 of 6 ready').waitFor();
    expect(await box.isChecked()).toBe(true);
    await context.close();
  });
});
