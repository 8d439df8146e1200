import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPaths } from './pages';
import { baseUrl, launchBrowser } from './browser';

/**
 * The search index covers every page: for each published section, the heading of its
 * first titled part is searched in the built Pagefind index, from the browser, and the
 * section must be among the six results the search dialog shows. The phrases come from the export, so a
 * new section is checked without editing this file.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${baseUrl()}/`);
});
afterAll(async () => {
  await browser?.close();
});

/** The text of the first <h2> in the page's article (its <h1> on a page without parts). */
async function firstHeading(urlPath: string): Promise<string> {
  const html = await readFile(path.join('out', urlPath, 'index.html'), 'utf8');
  const main = parse(html).querySelector('main');
  const heading =
    main?.querySelectorAll('h2').find((h) => h.getAttribute('id')) ?? main?.querySelector('h1');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first six result URLs (paths, no hash) for `query`, best first, as the dialog lists. */
function search(query: string): Promise<string[]> {
  // A string, so the test runner does not rewrite the browser's own import().
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const r = await pagefind.search(${JSON.stringify(query)});
    const pages = await Promise.all(r.results.slice(0, 6).map((x) => x.data()));
    return pages.map((p) => p.url.split('#')[0]);
  })()`);
}

describe('search', () => {
  for (const urlPath of allPaths.filter((p) => p !== '/')) {
    it(`finds ${urlPath} by the heading of its first part (or its title)`, async () => {
      const heading = await firstHeading(urlPath);
      expect(heading.length).toBeGreaterThan(3);
      expect(await search(heading)).toContain(urlPath);
    });
  }
});
