import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkRegistry } from '@/lib/content/link-registry';
import { baseUrl, launchBrowser, openPage, basePath } from './browser';

const registry = JSON.parse(readFileSync('content/link-registry.json', 'utf8')) as LinkRegistry;
const redirects = Object.entries(registry.redirects).slice(0, 5);

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

  it.skipIf(redirects.length === 0)(
    'sends an old anchor to where it moved (skipped while the registry holds no redirect)',
    async () => {
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
        expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
      }
      await context.close();
    },
  );
});
