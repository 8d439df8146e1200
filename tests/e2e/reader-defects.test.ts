import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';

/**
 * Defects a reader hit in the widgets (issue 16, last section), one test each, written to
 * fail on the build before the fix.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page, id: string, testId: string): Promise<Locator> {
  const slot = page.locator(`[data-widget="${id}"]`).first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.evaluate((el) => el.scrollIntoView());
  const widget = page
    .locator(`section[data-widget="${id}"]`)
    .filter({ has: page.getByTestId(testId) });
  await widget.getByTestId(testId).first().waitFor({ timeout: 60_000 });
  return widget;
}

describe('reader defects in the widgets', () => {
  it('6: a bare embed starts where its chapter does, and its snippet allows clipboard-write', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/`);
    let widget = await ready(page, 'sharding-playground', 'ranks');
    expect(await widget.getByLabel('Score distribution').inputValue()).toBe('long-tail');
    await widget.getByTestId('embed-button').click();
    await widget.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      'allow="clipboard-write"',
    );
    await page.goto(`${baseUrl()}/embed/approximate-ranking/`);
    widget = await ready(page, 'approximate-ranking-playground', 'approx-stats');
    expect(await widget.getByLabel('Bucket type').inputValue()).toBe('fixed');
    await context.close();
  });

  it('4: a player past the last one is clamped with a note that names the value used', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?players=100&player=50000`);
    let widget = await ready(page, 'sharding-playground', 'ranks');
    expect(await widget.getByTestId('param-notes').textContent()).toContain(
      'player 50000 is past the last player of 100: using 99',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('player')).toBe('99');
    await page.goto(`${baseUrl()}/embed/sharding/?players=100&player=1e12`);
    widget = await ready(page, 'sharding-playground', 'ranks');
    const note = (await widget.getByTestId('param-notes').textContent()) ?? '';
    expect(note).toContain('using 99');
    expect(note).not.toContain('999,999');
    expect(await widget.getByLabel(/Player #/).inputValue()).toBe('99');
    await context.close();
  });

  it('7: the console input shows focus, and Tab after a space stays in the console', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
    const input = page.locator('section.redis-console').getByRole('textbox', {
      name: 'Redis command',
    });
    await page.waitForFunction(() => {
      const field = document.querySelector<HTMLInputElement>('section.redis-console input');
      return field !== null && !field.disabled;
    });
    await input.focus();
    const row = input.locator('xpath=..');
    expect(await row.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await input.fill('ZREVRANK ');
    await input.press('Tab');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page
      .locator('section.redis-console [role="log"]')
      .getByText('ZREVRANK key member', { exact: false })
      .waitFor();
    await context.close();
  });

  it('5: "Copy as code" copies the accepted commands in full, nothing that failed', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
    const box = page.locator('section.redis-console');
    const input = box.getByRole('textbox', { name: 'Redis command' });
    await page.waitForFunction(() => {
      const field = document.querySelector<HTMLInputElement>('section.redis-console input');
      return field !== null && !field.disabled;
    });
    const long = `ZADD big ${Array.from({ length: 400 }, (_, i) => `${i} member${i}`).join(' ')}`;
    for (const line of ['ZADD lb 1 a', 'ZADD lb x a', 'HELP ZADD', 'ZADD "lb 1 b', long]) {
      const before = await box.locator('[role="log"] pre').count();
      await input.fill(line);
      await input.press('Enter');
      await page.waitForFunction(
        (n) => document.querySelectorAll('section.redis-console [role="log"] pre').length >= n + 2,
        before,
      );
    }
    await box.getByRole('button', { name: 'Copy as code' }).click();
    await box.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toEqual(['ZADD lb 1 a', long]);
    // The echo of the long line states its real length.
    await box.getByText(`(${long.length.toLocaleString('en-US')} characters)`).waitFor();
    await context.close();
  });

  it('8: the skip-list narration explains the answer and counts nodes properly', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    await page.locator('[data-widget="skip-list-picture"]').first().scrollIntoViewIfNeeded();
    const widget = page.locator('section.skip-list-picture');
    await widget.locator('svg').waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('section.skip-list-picture [data-testid="skiplist-encoding"]')
        ?.textContent?.startsWith('12 members'),
    );
    await widget.getByRole('button', { name: 'Trace the search' }).click();
    const narration = widget.getByTestId('skiplist-narration');
    await expect.poll(() => narration.textContent()).toMatch(/^Step 0 of \d+/);
    const total = Number((await narration.textContent())?.match(/of (\d+)/)?.[1]);
    for (let i = 0; i < total; i++) await widget.getByRole('button', { name: 'Next hop' }).click();
    const text = (await narration.textContent()) ?? '';
    const answer = Number(
      (await widget.getByTestId('skiplist-answer').textContent())?.match(/= (\d+)$/)?.[1],
    );
    expect(text).toContain('ZREVRANK counts from the highest score');
    expect(text).toMatch(new RegExp(`= ${answer}\\.`));
    expect(text).not.toMatch(/running rank/);
    expect(text).not.toMatch(/\b1 nodes\b/);
    await context.close();
  });

  it('3: at 100M players every percentile band gets its samples, and the bound sentence is computed', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/approximate-ranking/?scale=100m&kind=fixed&buckets=100`);
    const widget = await ready(page, 'approximate-ranking-playground', 'approx-stats');
    await expect
      .poll(() => widget.getByTestId('load-progress').count(), { timeout: 60_000 })
      .toBe(0);
    const summary =
      (await widget
        .locator('[role="img"][aria-label^="Mean relative error by percentile band"]')
        .getAttribute('aria-label')) ?? '';
    const bands = [...summary.matchAll(/: ([\d.e+-]+)%/g)].map((m) => Number(m[1]));
    expect(bands.length).toBe(20);
    expect(bands.filter((b) => b > 0).length).toBeGreaterThan(1);
    expect(await widget.textContent()).not.toContain(
      'Every estimate stayed within the documented error bound',
    );
    expect(await widget.textContent()).toMatch(/The largest error was [\d,]+ ranks/);
    await context.close();
  });
});
