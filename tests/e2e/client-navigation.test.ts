import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, basePath } from './browser';

/**
 * Client-side navigation on the built export, whose pages the post-build step rewrote
 * (scripts/post-build.ts): once a page has hydrated, following a link renders the next page
 * in the same document, with the framework scripts the loader fetched, and everything on the
 * new page works: its header controls, its widgets, the back button.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Marks the current document; the mark survives only a client-side navigation. */
const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

async function waitForHydration(page: Page) {
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('header a') ?? {}).some((k) => k.startsWith('__reactFiber')),
  );
}

describe('client-side navigation', () => {
  it('walks sidebar, pager and back between pages in one document', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, problems } = await openPage(context);
    const frameworkRequests: string[] = [];
    const stylesheetRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/_next\/static\/chunks\/[^/]+\.js$/.test(request.url()))
        frameworkRequests.push(request.url());
      if (request.resourceType() === 'stylesheet') stylesheetRequests.push(request.url());
    });
    await page.goto(`${baseUrl()}/interview-skills/`);
    await waitForHydration(page);
    await markDocument(page);
    const loadedAtStart = new Set(frameworkRequests);

    await page
      .locator(`nav[aria-label="Chapters"] a[href="${basePath()}/interview-skills/trade-offs/"]`)
      .click();
    await page.waitForURL('**/interview-skills/trade-offs/');
    await page.locator('h1', { hasText: 'Presenting trade-offs' }).waitFor();
    expect(await sameDocument(page)).toBe(true);
    expect(
      await page.locator('nav[aria-label="Chapters"] a[aria-current="page"]').getAttribute('href'),
    ).toBe(`${basePath()}/interview-skills/trade-offs/`);

    await page.locator('a[rel="next"]').click();
    await page.waitForURL('**/interview-skills/pushing-back/');
    await page.locator('h1', { hasText: 'Pushing back' }).waitFor();
    expect(await sameDocument(page)).toBe(true);

    await page.goBack();
    await page.waitForURL('**/interview-skills/trade-offs/');
    await page.locator('h1', { hasText: 'Presenting trade-offs' }).waitFor();
    expect(await sameDocument(page)).toBe(true);
    // No framework script was fetched twice: the loader's tags are the ones the router knows.
    const repeated = frameworkRequests.filter((url, i) => frameworkRequests.indexOf(url) !== i);
    expect(repeated).toEqual([]);
    expect(loadedAtStart.size).toBeGreaterThanOrEqual(5);
    // The pages carry their stylesheets inline (post-build inline-css): none was fetched,
    // neither for the first page nor by React on the way, and the styles apply.
    expect(stylesheetRequests).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/inter/i);
    expect(await page.getByRole('banner').evaluate((h) => getComputedStyle(h).position)).toBe(
      'sticky',
    );
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('the next page’s header controls, copy buttons and widgets work', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/why-not-sql/`);
    await waitForHydration(page);
    await markDocument(page);
    await page
      .locator(`nav[aria-label="Chapters"] a[href="${basePath()}/leaderboard-design/sorted-sets/"]`)
      .click();
    await page.waitForURL('**/leaderboard-design/sorted-sets/');
    await page.locator('h1', { hasText: /sorted set/i }).waitFor();
    expect(await sameDocument(page)).toBe(true);

    // Header: search and theme.
    await page.getByRole('button', { name: 'Search the guide' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the guide' });
    await dialog.waitFor();
    await page.keyboard.type('ZREVRANK');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );

    // A copy button of the new page.
    const scope = page.locator('[data-copy-scope]').first();
    const expected = await scope.locator('pre').textContent();
    await scope.hover();
    await scope.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // The page's console widget loads and answers.
    // Scrolled to by script: the live console replaces its placeholder as it nears the
    // viewport, and an element a locator has resolved can be swapped out mid-action.
    await page.evaluate(() =>
      document.querySelector('[data-widget="redis-console"]')?.scrollIntoView({ block: 'center' }),
    );
    const console_ = page.locator('section[data-widget="redis-console"]:not([data-placeholder])');
    await console_.getByRole('button', { name: 'Load 100 example players' }).click();
    await console_.getByText('Loaded 100 players').waitFor();
    expect(await sameDocument(page)).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('the phone drawer closes when its link navigates in place', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/ai-prep/`);
    await waitForHydration(page);
    await markDocument(page);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const drawer = page.locator('aside#site-nav');
    await drawer.waitFor();
    await drawer.locator(`a[href="${basePath()}/ai-prep/prompts/"]`).click();
    await page.waitForURL('**/ai-prep/prompts/');
    await drawer.waitFor({ state: 'hidden' });
    expect(await sameDocument(page)).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});
