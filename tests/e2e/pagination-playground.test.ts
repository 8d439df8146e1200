import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/engine/client';
import { paginationUnderChurn, type ChurnResult } from '@/lib/leaderboard/churn';
import { PAGINATION_PARAMS, parseParams } from '@/lib/leaderboard/playground-params';
import { baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

/**
 * The pagination-under-churn playground in a real browser. Every number a test expects is
 * computed here, in Node, by the same lib/leaderboard/churn.ts on the same engine the
 * worker runs.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fmt = (n: number) => n.toLocaleString('en-US');

/** The run a query string asks for, computed in Node. */
function expected(query: Record<string, string>): Promise<ChurnResult> {
  const p = parseParams(PAGINATION_PARAMS, query).values;
  return paginationUnderChurn(createClient(), {
    seed: p.seed,
    players: p.players,
    pageSize: p.pageSize,
    changesPerPage: p.changes,
  });
}

/** The summary table as the widget should show it. */
function summaryOf(r: ChurnResult): string[][] {
  const row = (label: string, f: (s: ChurnResult['offset']) => string) => [
    label,
    f(r.offset),
    f(r.cursor),
  ];
  return [
    row('Rows read', (s) => fmt(s.rowsRead)),
    row(`Distinct players (of ${fmt(r.players)})`, (s) => fmt(s.distinct)),
    row('Repeated rows', (s) => fmt(s.repeated)),
    row('Skipped players', (s) => fmt(s.skipped)),
    row('Repeats, score unchanged', (s) => fmt(s.unchangedRepeated)),
    row('Skips, score unchanged', (s) => fmt(s.unchangedSkipped)),
  ];
}

async function shownSummary(widget: Locator): Promise<string[][]> {
  return widget
    .getByTestId('churn-summary')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

/** One reader's page as shown: [member, score, mark] per row, skipped players first. */
/**
 * The rows a reader's table shows. Tests poll it, as they poll the page number: CI once read
 * rows that did not yet match the page number it had just waited for (cause not found).
 */
async function shownPage(widget: Locator, reader: 'offset' | 'cursor'): Promise<string[][]> {
  return widget
    .getByTestId(`${reader}-page`)
    .locator('tbody tr[data-member]')
    .evaluateAll((rows) =>
      rows.map((tr) => [
        tr.getAttribute('data-member') ?? '',
        tr.querySelector('td:last-child')?.textContent?.trim() ?? '',
        tr.getAttribute('data-mark') ?? '',
      ]),
    );
}

/** Page `i` (0-based) of one reader as the library says it should be shown. */
function pageOf(r: ChurnResult, i: number, reader: 'offset' | 'cursor'): string[][] {
  const page = r.pages[i]!;
  const before = r.pages[i - 1];
  const skipped = before ? before[reader === 'offset' ? 'offsetSkipped' : 'cursorSkipped'] : [];
  const repeated = new Set(reader === 'offset' ? page.offsetRepeated : page.cursorRepeated);
  return [
    ...skipped.map((s) => [s.member, fmt(s.score), 'skipped']),
    ...page[reader].map((row) => [
      row.member,
      fmt(row.score),
      repeated.has(row.member) ? 'repeat' : '',
    ]),
  ];
}

async function waitReady(page: Page): Promise<Locator> {
  // Until it is near the viewport the playground is a placeholder carrying the same name.
  const slot = page.locator('[data-widget="pagination-playground"]').first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page.locator('section[data-widget="pagination-playground"]');
  await widget.getByTestId('churn-summary').waitFor({ timeout: 60_000 });
  await expect.poll(() => widget.getByTestId('load-progress').count(), { timeout: 60_000 }).toBe(0);
  return widget;
}

const pageStatus = (widget: Locator) => widget.getByTestId('page-status').textContent();

describe('pagination playground', () => {
  const chapter = { seed: '7', players: '200', pageSize: '10', changes: '5', page: '1' };

  it('shows the seeded chapter run with the library’s numbers, axe clean in light and dark', async () => {
    const want = await expected(chapter);
    // The chapter's lead-in names these; the lesson is the last two rows.
    expect(want.offset.unchangedRepeated + want.offset.unchangedSkipped).toBeGreaterThan(0);
    expect(want.cursor.unchangedRepeated + want.cursor.unchangedSkipped).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/leaderboard-design/reads/`);
      const widget = await waitReady(page);
      expect(await shownSummary(widget)).toEqual(summaryOf(want));
      await expect.poll(() => shownPage(widget, 'offset')).toEqual(pageOf(want, 0, 'offset'));
      await expect.poll(() => shownPage(widget, 'cursor')).toEqual(pageOf(want, 0, 'cursor'));
      expect(await pageStatus(widget)).toContain(`Page 1 of ${want.pages.length}`);
      // The address now carries the whole state, so it can be shared as is.
      expect(new URL(page.url()).search).toBe('?seed=7&players=200&pageSize=10&changes=5&page=1');
      expect(await seriousAxe(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await context.close();
    }
  });

  it('steps page by page, marking repeats and skips where the library puts them', async () => {
    const want = await expected(chapter);
    const troubled = want.pages
      .filter(
        (p, i) =>
          p.offsetRepeated.length + p.cursorRepeated.length > 0 ||
          (want.pages[i - 1]?.offsetSkipped.length ?? 0) > 0 ||
          (want.pages[i - 1]?.cursorSkipped.length ?? 0) > 0,
      )
      .map((p) => p.page);
    expect(troubled.length).toBeGreaterThan(1);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/pagination/?seed=7&players=200&pageSize=10&changes=5`);
    const widget = await waitReady(page);
    for (const i of troubled.slice(0, 3)) {
      await widget.getByRole('button', { name: 'Next repeat or skip' }).click();
      await expect.poll(() => pageStatus(widget)).toContain(`Page ${i + 1} of`);
      await expect.poll(() => shownPage(widget, 'offset')).toEqual(pageOf(want, i, 'offset'));
      await expect.poll(() => shownPage(widget, 'cursor')).toEqual(pageOf(want, i, 'cursor'));
      // The changes listed are the ones that landed just before this page.
      const changes = want.pages[i - 1]!.changes.map(
        (c) => `${c.member} ${fmt(c.from)}→${fmt(c.to)}`,
      );
      const listed = await widget.getByTestId('page-changes').locator('li').allTextContents();
      expect(listed.map((t) => t.replace(/\s*[▲▼=](up|down|same)$/, ''))).toEqual(changes);
      // Marks are text as well as colour.
      const marks = await widget.locator('tr[data-mark]').allTextContents();
      for (const m of marks) expect(m).toMatch(/repeat|skipped/);
    }
    // Previous and next page step by one; the page rides in the URL.
    const at = troubled[2]!;
    await widget.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => pageStatus(widget)).toContain(`Page ${at} of`);
    await expect.poll(() => shownPage(widget, 'offset')).toEqual(pageOf(want, at - 1, 'offset'));
    expect(new URL(page.url()).searchParams.get('page')).toBe(String(at));
    await widget.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pageStatus(widget)).toContain(`Page ${at + 1} of`);
    // The first page has nothing before it.
    await widget.getByRole('slider', { name: 'Page' }).fill('1');
    await expect.poll(() => pageStatus(widget)).toContain('Page 1 of');
    expect(await widget.getByTestId('page-changes').textContent()).toContain('None yet');
    expect(await widget.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('responds to its controls, and a reload reproduces the state from the URL', async () => {
    const query = { seed: '11', players: '1000', pageSize: '20', changes: '20', page: '3' };
    const want = await expected(query);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/pagination/`);
    let widget = await waitReady(page);
    await widget.getByLabel('Players').selectOption('1000');
    await widget.getByLabel('Page size').selectOption('20');
    await widget.getByLabel('Changes between pages').selectOption('20');
    await widget.getByLabel('Seed').fill('11');
    await expect.poll(() => shownSummary(widget), { timeout: 30_000 }).toEqual(summaryOf(want));
    await widget.getByRole('button', { name: 'Next page' }).click();
    await widget.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pageStatus(widget)).toContain(`Page 3 of ${want.pages.length}`);
    await expect.poll(() => shownPage(widget, 'offset')).toEqual(pageOf(want, 2, 'offset'));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(query);

    await page.reload();
    widget = await waitReady(page);
    expect(await widget.getByLabel('Players').inputValue()).toBe('1000');
    expect(await widget.getByLabel('Page size').inputValue()).toBe('20');
    expect(await widget.getByLabel('Changes between pages').inputValue()).toBe('20');
    expect(await widget.getByLabel('Seed').inputValue()).toBe('11');
    expect(await pageStatus(widget)).toContain(`Page 3 of ${want.pages.length}`);
    expect(await shownSummary(widget)).toEqual(summaryOf(want));
    await expect.poll(() => shownPage(widget, 'offset')).toEqual(pageOf(want, 2, 'offset'));
    await expect.poll(() => shownPage(widget, 'cursor')).toEqual(pageOf(want, 2, 'cursor'));

    // A new experiment starts again from its first page.
    await widget.getByLabel('Changes between pages').selectOption('0');
    const still = await expected({ ...query, changes: '0' });
    await expect.poll(() => shownSummary(widget), { timeout: 30_000 }).toEqual(summaryOf(still));
    expect(still.offset.repeated + still.offset.skipped).toBe(0);
    expect(await pageStatus(widget)).toContain('Page 1 of');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('clamps out-of-range URL parameters with a visible note', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/pagination/?players=9&pageSize=500&changes=-3&page=999`);
    const widget = await waitReady(page);
    const want = await expected({ players: '10', pageSize: '100', changes: '0' });
    const note = widget.getByTestId('param-notes');
    await expect
      .poll(() => note.textContent())
      .toContain(`page 999 is past the last page: showing ${want.pages.length}`);
    const text = await note.textContent();
    expect(text).toContain('players 9 is below 10: using 10');
    expect(text).toContain('pageSize 500 is above 100: using 100');
    expect(text).toContain('changes -3 is below 0: using 0');
    expect(await shownSummary(widget)).toEqual(summaryOf(want));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
      players: '10',
      pageSize: '100',
      changes: '0',
      page: String(want.pages.length),
    });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('renders the embed page without the site chrome, axe clean in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      // A page with a repeat and a skip on screen, so the marks are checked too.
      await page.goto(
        `${baseUrl()}/embed/pagination/?seed=7&players=200&pageSize=10&changes=5&page=10`,
      );
      const widget = await waitReady(page);
      expect(await widget.locator('tr[data-mark="skipped"]').count()).toBeGreaterThan(0);
      expect(await page.locator('body > header, header.sticky').count()).toBe(0);
      expect(await page.locator('nav[aria-label="Chapters"]').count()).toBe(0);
      expect(await page.locator('aside').count()).toBe(0);
      expect(await seriousAxe(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await context.close();
    }
  });

  it('fits a phone without widening the page, at the placeholder’s height on every page', async () => {
    // The placeholder is drawn at build time for the chapter's first page; a shared link can
    // open any page, whose score-change list is taller than the first page's line of text.
    for (const [width, pageNumber] of [
      [360, 10],
      [390, 1],
      [390, 10],
      [480, 10],
      [640, 10],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, problems } = await openPage(context);
      // Both heights with the web font: text set in the fallback font wraps differently, and
      // on a busy machine the font can still be on its way when either is measured. The font
      // is `display: optional`: a page whose font file misses the short block period (two
      // browsers at once in CI) stays in the fallback, so the context fetches it once first
      // and the measured page gets it from the cache, in time.
      const fontsReady = () => page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.goto(`${baseUrl()}/`);
      await fontsReady();
      expect(
        await page.evaluate(() => [...document.fonts].find((f) => f.family === 'inter')?.status),
      ).toBe('loaded');
      await page.goto(`${baseUrl()}/leaderboard-design/reads/?page=${pageNumber}`);
      const slot = page.locator('[data-widget="pagination-playground"]').first();
      await slot.waitFor({ timeout: 30_000 });
      await fontsReady();
      const placeholder = await slot.evaluate((el) => el.getBoundingClientRect().height);
      const widget = await waitReady(page);
      await fontsReady();
      await expect(
        widget.evaluate((el) => el.getBoundingClientRect().height),
        `${width} px, page ${pageNumber}`,
      ).resolves.toBe(placeholder);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('copies an iframe snippet for the embed page in the current state', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/pagination/?seed=5&players=50&pageSize=5&changes=1&page=2`);
    const widget = await waitReady(page);
    await widget.getByTestId('embed-button').click();
    await widget.getByText('Copied').waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/pagination\/\?seed=5&players=50&pageSize=5&changes=1&page=2" title="Pagination under churn playground · Leaderboard Lab"/,
    );
    await context.close();
  });
});
