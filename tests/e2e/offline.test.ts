import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceWorkerStep } from '../../scripts/service-worker';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { allPaths } from './pages';
import { basePath, exportDir, launchBrowser, openPage, type PageProblems } from './browser';

/**
 * Offline reading and the update path, on the built export (the root build, and the
 * BASE_PATH build in the base-path suite). The test serves its own copy of the export on its
 * own port so that it can really go away: after the first visit the server is stopped
 * and the context is offline (`setOffline` alone does not cut a service worker's own
 * fetches in Chromium). Then a changed deployment is served on the same origin.
 */

let browser: Browser;
let scratch: string;
let port = 0;
let server: StaticServer | null = null;

async function serve(root: string): Promise<string> {
  server = await startStaticServer({ root, port, basePath: basePath() });
  port = Number(new URL(server.url).port);
  return server.siteUrl;
}
async function stopServing() {
  await server?.close();
  server = null;
}

/** A copy of the export as a new deployment: every page marked, and its own sw.js. */
async function changedDeployment(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
  const entries = await readdir(to, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
    const file = path.join(e.parentPath, e.name);
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('<head>', '<head><meta name="deployment" content="v2">'));
  }
  await serviceWorkerStep.run(to);
}

const deployment = (page: Page) =>
  page.evaluate(
    () => document.querySelector('meta[name="deployment"]')?.getAttribute('content') ?? 'v1',
  );

/** Waits until the service worker controls the page and says the guide is saved. */
async function offlineReady(page: Page) {
  await page.getByTestId('offline-ready').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Records the requests that fail on `page`, and whether each was Next's fetch of page data
 * (an RSC request: never cached, because offline Next loads the cached page instead).
 */
function watchFailures(page: Page): { other: string[]; pageData: number } {
  const seen = { other: [] as string[], pageData: 0 };
  page.on('requestfailed', (request) => {
    const headers = request.headers();
    // Next's router fetches a page's data (RSC) with a header or an `_rsc` parameter, and
    // prefetches a linked page by fetching its URL: a fetch (not a navigation) of a page.
    const pageFetch =
      request.resourceType() === 'fetch' && new URL(request.url()).pathname.endsWith('/');
    if (
      headers['rsc'] ||
      headers['next-router-prefetch'] ||
      /[?&]_rsc=/.test(request.url()) ||
      pageFetch
    )
      seen.pageData++;
    else if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      seen.other.push(`${request.resourceType()} ${request.url()} ${request.failure()?.errorText}`);
  });
  return seen;
}

/**
 * Offline, the only requests that may fail are Next's fetches of page data; Chromium logs
 * each as a console error, and Next says it falls back to loading the page. Anything else
 * failing would be a file the precache missed.
 */
function expectOnlyPageDataFailed(
  problems: PageProblems,
  failures: { other: string[]; pageData: number },
) {
  expect(failures.other).toEqual([]);
  const expected = [
    /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/,
    /^Failed to fetch RSC payload for \S+\. Falling back to browser navigation\./,
  ];
  expect(problems.consoleErrors.filter((e) => !expected.some((x) => x.test(e)))).toEqual([]);
  expect(problems.consoleErrors.length).toBeLessThanOrEqual(2 * failures.pageData);
}

beforeAll(async () => {
  browser = await launchBrowser();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'offline-e2e-'));
});
afterAll(async () => {
  await stopServing();
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('offline', () => {
  let context: BrowserContext;
  let site: string;

  it('after one visit, reads every page, runs the console and a playground, and searches with the network gone', async () => {
    site = await serve(path.resolve(exportDir()));
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      serviceWorkers: 'allow',
    });
    const { page, problems } = await openPage(context);
    const failures = watchFailures(page);
    await page.goto(`${site}/`);
    await offlineReady(page);
    expect(await page.getByTestId('offline-ready').textContent()).toBe('Available offline');

    await stopServing();
    await context.setOffline(true);
    await page.getByText('Offline: reading the saved copy').waitFor();

    for (const urlPath of allPaths) {
      const response = await page.goto(`${site}${urlPath}`);
      expect(response?.status(), urlPath).toBe(200);
      await page.locator('h1').first().waitFor();
    }
    // A link followed in the page: Next cannot fetch the next page's data offline and loads
    // the page itself instead, from the cache.
    await page.goto(`${site}/interview-skills/`);
    await page.locator(`a.nav-link[href="${basePath()}/interview-skills/trade-offs/"]`).click();
    await page.waitForURL(`${site}/interview-skills/trade-offs/`);
    await page.locator('h1').first().waitFor();

    // The console, with EVAL (the Lua VM's wasm comes from the cache).
    await page.goto(`${site}/leaderboard-design/sorted-sets/`);
    await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
    const input = page.locator('section.redis-console input:not([disabled])').first();
    await input.waitFor({ timeout: 60_000 });
    await input.fill('ZADD offline 10 ada 20 bob');
    await input.press('Enter');
    await input.fill(`EVAL "return redis.call('ZCARD', KEYS[1]) * 7" 1 offline`);
    await input.press('Enter');
    await page
      .locator('section.redis-console')
      .getByText('(integer) 14')
      .first()
      .waitFor({ timeout: 60_000 });

    // A playground, whose worker chunk comes from the cache.
    await page.goto(`${site}/leaderboard-design/sharding/`);
    const slot = page.locator('[data-widget="sharding-playground"]').first();
    await slot.evaluate((el) => el.scrollIntoView());
    await page
      .locator('section[data-widget="sharding-playground"]')
      .getByTestId('ranks')
      .first()
      .waitFor({ timeout: 60_000 });

    // Search: the Pagefind bundle and index come from the cache.
    await page.waitForSelector('html[data-search-ready]');
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search query' }).fill('clarifying questions');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/interview-skills/**`);
    await page.locator('h1').first().waitFor();

    expectOnlyPageDataFailed(problems, failures);
    await context.setOffline(false);
  }, 240_000);

  it('offers a new deployment with a prompt, keeps the old one whole until the reader accepts, then switches', async () => {
    const next = path.join(scratch, 'v2');
    await changedDeployment(path.resolve(exportDir()), next);
    site = await serve(next);
    const { page, problems } = await openPage(context);
    const failures = watchFailures(page);
    // The browser checks sw.js on navigation and installs the new worker beside the old.
    await page.goto(`${site}/leaderboard-design/`);
    expect(await deployment(page)).toBe('v1');
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 90_000 });
    expect(await prompt.textContent()).toContain('Update available');
    // Until the reader accepts, every page is the old deployment, with its own scripts.
    await page.goto(`${site}/interview-skills/`);
    expect(await deployment(page)).toBe('v1');
    await prompt.waitFor({ timeout: 30_000 });
    // "Later" hides the prompt; it comes back on the next page while the update waits.
    await prompt.getByRole('button', { name: 'Later' }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.goto(`${site}/interview-skills/scoping/`);
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(
      () => document.querySelector('meta[name="deployment"]')?.getAttribute('content') === 'v2',
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('offline-ready').waitFor({ timeout: 30_000 });
    expect(await prompt.count()).toBe(0);
    // The new deployment is the one cached now: offline, pages are v2.
    await stopServing();
    await context.setOffline(true);
    await page.goto(`${site}/mock-interviews/`);
    expect(await deployment(page)).toBe('v2');
    expectOnlyPageDataFailed(problems, failures);
    await context.close();
  }, 240_000);
});
