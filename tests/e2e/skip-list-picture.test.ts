import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('skip-list picture', () => {
  it('draws the engine’s skip list, steps a ZREVRANK trace and agrees with the console', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    // The picture loads when its placeholder nears the viewport.
    await page.locator('[data-widget="skip-list-picture"]').first().scrollIntoViewIfNeeded();
    const widget = page.locator('section.skip-list-picture');
    await widget.scrollIntoViewIfNeeded();
    await widget.locator('svg').waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="skiplist-encoding"]')
        ?.textContent?.startsWith('12 members · listpack'),
    );
    // One column per member plus the header, every member labelled under its column.
    expect(await widget.locator('svg text', { hasText: /^HEAD$/ }).count()).toBe(1);
    const member = await widget.locator('select').nth(1).inputValue();
    await widget.getByRole('button', { name: 'Trace the search' }).click();
    // The trace is computed in the worker: its answer arrives a moment after the click.
    await widget
      .getByTestId('skiplist-answer')
      .filter({ hasText: `ZREVRANK demo ${member}` })
      .waitFor();
    const answer = (await widget.getByTestId('skiplist-answer').textContent()) ?? '';
    const reported = Number(answer.match(/= (\d+)$/)?.[1]);
    expect(answer).toContain(`ZREVRANK demo ${member}`);
    // With reduced motion the trace waits for the reader: step through it by hand.
    expect(await widget.getByTestId('skiplist-narration').textContent()).toMatch(/^Step 0 of \d+/);
    const total = Number(
      (await widget.getByTestId('skiplist-narration').textContent())?.match(/of (\d+)/)?.[1],
    );
    for (let i = 0; i < total; i++) await widget.getByRole('button', { name: 'Next hop' }).click();
    const narration = (await widget.getByTestId('skiplist-narration').textContent()) ?? '';
    expect(narration).toMatch(new RegExp(`^Step ${total} of ${total}`));
    const hops = Number(narration.match(/Forward hops so far: (\d+)/)?.[1]);
    const linear = Number(narration.match(/would visit (\d+) nodes/)?.[1]);
    expect(hops).toBeGreaterThan(0);
    expect(linear).toBeGreaterThan(0);
    expect(await widget.locator('svg line[stroke-width="2.5"]').count()).toBe(hops);
    await widget.getByRole('button', { name: 'Previous hop' }).click();
    expect(await widget.getByTestId('skiplist-narration').textContent()).toMatch(
      new RegExp(`^Step ${total - 1} of ${total}`),
    );
    expect(reported).toBeGreaterThanOrEqual(0);
    expect(reported).toBeLessThan(12);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('switches from listpack to skiplist at the 129th member', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    // The picture loads when its placeholder nears the viewport.
    await page.locator('[data-widget="skip-list-picture"]').first().scrollIntoViewIfNeeded();
    const widget = page.locator('section.skip-list-picture');
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="skiplist-encoding"]')
        ?.textContent?.includes('listpack'),
    );
    await widget.getByRole('button', { name: 'Grow to 129' }).click();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="skiplist-encoding"]')
        ?.textContent?.startsWith('129 members · skiplist'),
    );
    expect(await widget.getByTestId('skiplist-narration').textContent()).toContain('129th member');
    // At 129 members the express lanes pay off: a rank in the middle costs a few hops,
    // where a linked list would walk about half the set.
    await widget.getByRole('button', { name: 'Trace the search' }).click();
    await page.waitForFunction(() =>
      /^Step \d+ of \d+/.test(
        document.querySelector('[data-testid="skiplist-narration"]')?.textContent ?? '',
      ),
    );
    await widget.getByRole('button', { name: 'Next hop' }).click();
    const narration = (await widget.getByTestId('skiplist-narration').textContent()) ?? '';
    const total = Number(narration.match(/of (\d+)/)?.[1]);
    const linear = Number(narration.match(/would visit (\d+) nodes/)?.[1]);
    expect(linear).toBeGreaterThan(20);
    expect(total).toBeLessThan(linear);
    await context.close();
  });
});
