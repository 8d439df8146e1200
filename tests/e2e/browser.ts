import AxeBuilder from '@axe-core/playwright';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs],
    headless: true,
  });
}

/** The origin the global setup serves `out/` on. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/**
 * A new page that records console errors, uncaught exceptions, failed requests and
 * HTTP errors, so every test can assert a clean load.
 */
export async function openPage(
  context: BrowserContext,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(String(error)));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // A navigation away aborts in-flight prefetches; that is not a broken resource.
    if (failure !== 'net::ERR_ABORTED') problems.failedRequests.push(`${request.url()} ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()} ${response.status()}`);
  });
  return { page, problems };
}

/** Serious and critical axe violations on the page (WCAG 2.1 AA and best practice), as text. */
export async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
