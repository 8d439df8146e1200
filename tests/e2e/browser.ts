import AxeBuilder from '@axe-core/playwright';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';

/**
 * The browser every test drives. Its contexts block service workers unless a test asks for
 * them (`serviceWorkers: 'allow'`, as tests/e2e/offline.test.ts does): otherwise every context
 * would precache the whole export (15 MB) in the background, which only the offline tests are
 * about and which would slow the rest of the suite on CI's two cores.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs],
    headless: true,
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/**
 * Where the global setup serves the export, without a trailing slash: the origin, plus the
 * base path when the suite runs against the BASE_PATH build (E2E_BASE_PATH=/lab). Tests
 * append root-relative paths: `${baseUrl()}/leaderboard-design/`.
 */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** The base path the served build was made with: '' (the root) or e.g. '/lab'. */
export function basePath(): string {
  return inject('basePath');
}

/** The exported directory the suite serves: out/, or out-lab/ for the base-path build. */
export function exportDir(): string {
  return basePath() ? 'out-lab' : 'out';
}

/** The server's origin, without the base path. */
export function origin(): string {
  return inject('origin');
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

/**
 * Serious and critical axe violations on the page (WCAG 2.1 AA and best practice), as text;
 * only inside `scope` (a CSS selector) when given.
 */
export async function seriousAxe(page: Page, scope?: string): Promise<string[]> {
  // Only violations are read, so axe need not build a selector for every node that passed
  // (a share of its time on a long page); every rule still runs on every node. `options()`
  // replaces what `withTags()` set, so it comes first.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (scope) builder.include(scope);
  const results = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
