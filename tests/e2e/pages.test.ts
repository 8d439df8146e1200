import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPaths } from './pages';
import { basePath, baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page', () => {
  it('lists at least the home page and the Interview Skills chapter', () => {
    expect(allPaths).toContain('/');
    expect(allPaths).toContain('/interview-skills/');
    expect(allPaths.length).toBeGreaterThanOrEqual(9);
  });

  for (const path of allPaths) {
    for (const scheme of ['light', 'dark'] as const) {
      // Two pages at a time (maxConcurrency in vitest.e2e.config.ts): each check waits on
      // the network and axe more than on the CPU, and this file is a third of the suite.
      it.concurrent(
        `${path} (${scheme}) answers 200, loads cleanly and has no serious axe violation`,
        async ({ expect }) => {
          const context = await browser.newContext({ colorScheme: scheme });
          const { page, problems } = await openPage(context);
          const response = await page.goto(baseUrl() + path, { waitUntil: 'networkidle' });
          expect(response?.status()).toBe(200);
          await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
          expect(
            await page.evaluate(() => document.documentElement.classList.contains('dark')),
          ).toBe(scheme === 'dark');
          const title = await page.title();
          expect(title).toContain('Leaderboard Lab');
          const description = await page
            .locator('meta[name="description"]')
            .getAttribute('content');
          expect(description?.length).toBeGreaterThan(40);
          expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
          expect(await seriousAxe(page)).toEqual([]);
          expect(problems.consoleErrors).toEqual([]);
          expect(problems.failedRequests).toEqual([]);
          // The text paints before the framework scripts are requested (scripts/post-build.ts),
          // and the page still hydrates: React has attached to the header's buttons.
          const start = await page.evaluate(() => ({
            paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
            scripts: performance
              .getEntriesByType('resource')
              .filter((r) => /\/_next\/static\/chunks\/[^/]+\.js$/.test(r.name))
              .map((r) => r.startTime),
            hydrated: Object.keys(document.querySelector('header button') ?? {}).some((k) =>
              k.startsWith('__reactFiber'),
            ),
          }));
          expect(start.paint).not.toBeNull();
          expect(start.scripts.length).toBeGreaterThanOrEqual(5);
          expect(Math.min(...start.scripts)).toBeGreaterThanOrEqual(start.paint!);
          expect(start.hydrated).toBe(true);
          await context.close();
        },
      );
    }
  }

  it('no page scrolls sideways on a 360 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const path of allPaths) {
      await page.goto(baseUrl() + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) overflowing.push(`${path} (+${overflow}px)`);
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it('an unknown URL gets the 404 page with a way back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl()}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('not in the set');
    // The way back is the home page, under the base path when the site is published at one.
    expect(await page.locator(`main a[href="${basePath()}/"]`).count()).toBe(1);
    await context.close();
  });
});
