import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '@/lib/site-config';
import { basePath, baseUrl, exportDir, launchBrowser, openPage, origin } from './browser';

/**
 * Every kind of URL the site writes follows BASE_PATH. Like every browser test, this file
 * runs against both builds: the root one (`npm run test:e2e`) and the BASE_PATH=/lab one
 * served under /lab/ (`npm run test:e2e:lab`); the checks that only mean something under a
 * sub-path skip at the root.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Site-relative URLs (`/x`, not `//host/x`) in attributes that load or link something. */
function rootRelativeUrls(html: string): string[] {
  const urls: string[] = [];
  for (const element of parse(html).querySelectorAll('[href], [src], [action], [srcset]')) {
    for (const name of ['href', 'src', 'action', 'srcset']) {
      const value = element.getAttribute(name);
      if (value?.startsWith('/') && !value.startsWith('//')) urls.push(value);
    }
  }
  return urls;
}

/** The sharding playground once its worker has answered (it mounts when scrolled to). */
async function shardingPlayground(page: Page): Promise<Locator> {
  const slot = page.locator('[data-widget="sharding-playground"]').first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page
    .locator('section[data-widget="sharding-playground"]')
    .filter({ has: page.getByTestId('ranks') });
  await widget.getByTestId('ranks').first().waitFor({ timeout: 60_000 });
  return widget;
}

describe('the export under its base path', () => {
  it.skipIf(!basePath())(
    'links and loads nothing outside the base path, on any page (skipped for the root build)',
    async () => {
      const outside: string[] = [];
      const htmlFiles = await filesUnder(exportDir(), '.html');
      expect(htmlFiles.length).toBeGreaterThan(40);
      for (const file of htmlFiles) {
        const html = await readFile(file, 'utf8');
        for (const url of rootRelativeUrls(html)) {
          if (!url.startsWith(`${basePath()}/`))
            outside.push(`${path.relative(exportDir(), file)}: ${url}`);
        }
      }
      for (const file of await filesUnder(path.join(exportDir(), '_next'), '.css')) {
        for (const [, url] of (await readFile(file, 'utf8')).matchAll(/url\((\/[^)]*)\)/g)) {
          if (!url!.startsWith(`${basePath()}/`))
            outside.push(`${path.relative(exportDir(), file)}: ${url}`);
        }
      }
      expect(outside).toEqual([]);
    },
  );

  it('gives canonical, Open Graph, sitemap, robots, llms.txt and Markdown URLs under SITE_URL and the base path', async () => {
    // siteConfig.url is what the build was told (SITE_URL + BASE_PATH); the runner hands the
    // tests the same BASE_PATH as NEXT_PUBLIC_BASE_PATH.
    expect(siteConfig.url.endsWith(basePath())).toBe(true);
    const section = '/leaderboard-design/sharding/';
    const html = parse(await (await fetch(`${baseUrl()}${section}`)).text());
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${siteConfig.url}${section}`,
    );
    expect(html.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(
      `${siteConfig.url}${section}`,
    );
    expect(
      html.querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href'),
    ).toBe(`${siteConfig.url}${section}index.md`);

    const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.filter((l) => !l.startsWith(`${siteConfig.url}/`))).toEqual([]);
    expect(locs).toContain(`${siteConfig.url}${section}`);

    const robots = await (await fetch(`${baseUrl()}/robots.txt`)).text();
    expect(robots).toContain(`Allow: ${basePath()}/`);
    expect(robots).toContain(`Sitemap: ${siteConfig.url}/sitemap.xml`);

    const llms = await (await fetch(`${baseUrl()}/llms.txt`)).text();
    const links = [...llms.matchAll(/\]\((http[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !l.startsWith(`${siteConfig.url}/`))).toEqual([]);
    // Each listed Markdown file is served where llms.txt says, under the base path.
    const markdown = links.find((l) => l.endsWith(`${section}index.md`))!;
    const served = await fetch(markdown.replace(siteConfig.url, baseUrl()));
    expect(served.status).toBe(200);
    expect(await served.text()).toMatch(/^# /m);
  });

  it.skipIf(!basePath())(
    'is served only under the base path, and the bare origin sends readers there (skipped for the root build)',
    async () => {
      const home = await fetch(`${origin()}/`, { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe(`${basePath()}/`);
      expect((await fetch(`${origin()}/interview-skills/`)).status).toBe(404);
      // serve-handler adds the trailing slash; the redirect keeps the base path.
      const bare = await fetch(`${baseUrl()}/interview-skills`, { redirect: 'manual' });
      expect(bare.headers.get('location')).toBe(`${basePath()}/interview-skills/`);
    },
  );

  it('searches from the dialog and opens the hit under the base path', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector('html[data-search-ready]');
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search query' }).fill('range-based sharding');
    const first = page.getByRole('option').first();
    await first.waitFor();
    expect(await first.locator('a').getAttribute('href')).toMatch(
      new RegExp(`^${basePath()}/leaderboard-design/`),
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl()}/leaderboard-design/**`);
    await page.locator('h1').waitFor();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('copies an embed snippet under the base path, and the embedded playground runs its worker', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sharding/`);
    const widget = await shardingPlayground(page);
    await widget.getByTestId('embed-button').click();
    await widget.getByText('Copied').waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? '';
    expect(src.startsWith(`${baseUrl()}/embed/sharding/?`)).toBe(true);
    await page.goto(src);
    await shardingPlayground(page);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
