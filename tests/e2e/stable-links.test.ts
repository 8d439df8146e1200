import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkRegistry } from '@/lib/content/link-registry';
import { baseUrl, launchBrowser, openPage, basePath } from './browser';

const registry = JSON.parse(readFileSync('content/link-registry.json', 'utf8')) as LinkRegistry;
const redirects = Object.entries(registry.redirects);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('stable links', () => {
  it('opens a self-check question from its own link, and every registered anchor exists', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    for (const [path, anchors] of Object.entries(registry.pages)) {
      await page.goto(`${baseUrl()}${path}`);
      const ids = await page.evaluate(() =>
        [...document.querySelectorAll('[id]')].map((e) => e.id),
      );
      const redirected = new Set(
        Object.keys(registry.redirects)
          .filter((k) => k.startsWith(`${path}#`))
          .map((k) => k.slice(path.length + 1)),
      );
      expect(
        anchors.filter((a) => !ids.includes(a) && !redirected.has(a)),
        path,
      ).toEqual([]);
    }
    const id = registry.pages['/interview-skills/self-check/']?.find((a) => !a.includes('check'));
    await page.goto(`${baseUrl()}/interview-skills/self-check/#${id}`);
    await page.waitForFunction(
      (q) => (document.getElementById(q!) as HTMLDetailsElement)?.open,
      id,
    );
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('sends every old anchor to where it moved, and opens a self-check it names', async () => {
    // The rewrite of the write path moved four published anchors to the operations page.
    expect(redirects.length).toBeGreaterThanOrEqual(4);
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [from, to] of redirects) {
      await page.goto(`${baseUrl()}${from}`);
      await page.waitForFunction(
        (target) => `${location.pathname}${location.hash}` === target,
        // Registry paths are root-relative; the page may be served under a base path.
        `${basePath()}${to}`,
      );
      const hash = to.split('#')[1]!;
      const target = page.locator(`[id="${hash}"]`);
      expect(await target.count(), from).toBe(1);
      // A moved self-check arrives open, as a link straight to it would.
      await page.waitForFunction((id) => {
        const details = document.getElementById(id!)?.closest('details');
        return !details || details.open;
      }, hash);
      await expect.poll(() => target.isVisible()).toBe(true);
    }
    await context.close();
  });
});
