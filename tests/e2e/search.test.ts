import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPaths } from './pages';
import { basePath, baseUrl, exportDir, launchBrowser } from './browser';

/**
 * The search index covers every page: for each published section, the heading of its
 * first titled part is searched in the built Pagefind index, from the browser, and the
 * section must be among the results the search dialog shows. The phrases come from the export, so a
 * new section is checked without editing this file.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${baseUrl()}/`);
  // Typing before hydration is before-hydration.test's subject; this file tests the ranking.
  await page.waitForSelector('html[data-search-live]', { state: 'attached' });
});
afterAll(async () => {
  await browser?.close();
});

/** The text of the first <h2> in the page's article (its <h1> on a page without parts). */
async function firstHeading(urlPath: string): Promise<string> {
  const html = await readFile(path.join(exportDir(), urlPath, 'index.html'), 'utf8');
  const main = parse(html).querySelector('main');
  const heading =
    main?.querySelectorAll('h2').find((h) => h.getAttribute('id')) ?? main?.querySelector('h1');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The pages (paths, no hash) of the results the search dialog lists for `query`, best first:
 * typed into the dialog itself, so its own ranking (lib/content/search-rank.ts) is what is tested.
 */
async function search(query: string): Promise<string[]> {
  const dialog = page.getByRole('dialog', { name: 'Search the guide' });
  if (!(await dialog.isVisible())) {
    await page.locator('[data-open-search]').first().click();
    await dialog.waitFor();
  }
  await page.getByRole('combobox', { name: 'Search query' }).fill(query);
  await page
    .waitForFunction(
      (q) => document.querySelector('[role="listbox"]')?.getAttribute('data-results-for') === q,
      query.trim(),
    )
    .catch(async (error: Error) => {
      const status = await dialog.getByRole('status').textContent();
      throw new Error(`${error.message}\nthe dialog says: ${JSON.stringify(status)}`);
    });
  const hrefs = await page
    .getByRole('option')
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0]!))];
}

describe('search', () => {
  it('puts the page that teaches a command first for its one-word name', async () => {
    // The sorted-sets lede lists the commands it teaches; pages that only use ZADD more
    // often (the write path, clarifying questions) ranked ahead of it.
    for (const query of ['zadd', 'zrevrank', 'zincrby']) {
      expect((await search(query))[0], query).toBe(`${basePath()}/leaderboard-design/sorted-sets/`);
    }
  });

  for (const urlPath of allPaths.filter((p) => p !== '/')) {
    it(`finds ${urlPath} by the heading of its first part (or its title)`, async () => {
      const heading = await firstHeading(urlPath);
      expect(heading.length).toBeGreaterThan(3);
      // Result links carry the base path when the site is published under one.
      expect(await search(heading)).toContain(`${basePath()}${urlPath}`);
    });
  }
});
