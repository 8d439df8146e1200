import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, type PageProblems } from './browser';

let browser: Browser;
let page: Page;
let problems: PageProblems;
let consoleBox: Locator;
let input: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  ({ page, problems } = await openPage(context));
  await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
  // The console loads when its placeholder nears the viewport.
  await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
  consoleBox = page.locator('section.redis-console');
  await consoleBox.scrollIntoViewIfNeeded();
  input = consoleBox.getByRole('textbox', { name: 'Redis command' });
  await page.waitForFunction(() => {
    const field = document.querySelector<HTMLInputElement>('section.redis-console input');
    return field !== null && !field.disabled;
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Types a line, presses Enter and returns the text of the reply entry that follows it. */
async function run(line: string): Promise<string> {
  const before = await consoleBox.locator('[role="log"] pre').count();
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('section.redis-console [role="log"] pre').length >= n + 2,
    before,
  );
  return (
    (await consoleBox
      .locator('[role="log"] pre')
      .nth(before + 1)
      .textContent()) ?? ''
  );
}

describe('Redis console', () => {
  it('runs commands and prints replies as redis-cli does', async () => {
    expect(await run('ZADD lb 3200 alice 2950 bob 3300 cai')).toBe('(integer) 3');
    expect(await run('ZREVRANK lb alice')).toBe('(integer) 1');
    expect(await run('ZREVRANGE lb 0 1 WITHSCORES')).toBe(
      '1) "cai"\n2) "3300"\n3) "alice"\n4) "3200"',
    );
    expect(await run('ZSCORE lb nobody')).toBe('(nil)');
    expect(await run('OBJECT ENCODING lb')).toBe('"listpack"');
    expect(await run('HELP ZREVRANK')).toMatch(/ZREVRANK key member[\s\S]*O\(log\(N\)\)/);
  });

  it('answers bad input with a Redis-style error and keeps working', async () => {
    expect(await run('ZADD lb notanumber alice')).toBe('(error) ERR value is not a valid float');
    expect(await run('NOSUCHCOMMAND x')).toMatch(/^\(error\) ERR unknown command 'NOSUCHCOMMAND'/);
    expect(await run('ZADD lb')).toBe("(error) ERR wrong number of arguments for 'zadd' command");
    expect(await run('ZADD "lb 1 a')).toBe('Invalid argument(s)');
    // redis-cli sends a line longer than Redis's 64 KB inline limit (as a multi-bulk request).
    expect(await run(`SET big ${'x'.repeat(1_000_000)}`)).toBe('OK');
    expect(await run('ZCARD lb')).toBe('(integer) 3');
  });

  it('completes command names with Tab and recalls history with the arrow keys', async () => {
    await input.fill('zinc');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('ZINCRBY ');
    await input.fill('');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('ZCARD lb');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toMatch(/^SET big x+$/);
    await input.press('ArrowDown');
    expect(await input.inputValue()).toBe('ZCARD lb');
  });

  it('copies the session as code', async () => {
    await consoleBox.getByRole('button', { name: 'Copy as code' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n').slice(0, 2)).toEqual([
      'ZADD lb 3200 alice 2950 bob 3300 cai',
      'ZREVRANK lb alice',
    ]);
  });

  it('cancels a load part-way and keeps what it loaded', async () => {
    await consoleBox.getByRole('button', { name: 'Load 1,000,000 example players' }).click();
    await consoleBox.locator('progress').waitFor();
    await consoleBox.getByRole('button', { name: 'Cancel' }).click();
    await consoleBox.getByText(/Cancelled after [\d,]+ players/).waitFor({ timeout: 30_000 });
    const card = Number((await run('ZCARD leaderboard')).replace(/\D/g, ''));
    expect(card).toBeGreaterThan(0);
    expect(card).toBeLessThan(1_000_000);
  });

  it('loads a million players with progress and no main-thread task over 50 ms', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await consoleBox.getByRole('button', { name: 'Load 1,000,000 example players' }).click();
    await consoleBox.locator('progress').waitFor();
    await consoleBox.getByText(/Loaded 1,000,000 players in/).waitFor({ timeout: 90_000 });
    expect(await run('ZCARD leaderboard')).toBe('(integer) 1000000');
    expect(await run('OBJECT ENCODING leaderboard')).toBe('"skiplist"');
    const top = await run('ZREVRANGE leaderboard 0 2 WITHSCORES');
    expect(top.split('\n')).toHaveLength(6);
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    expect(longTasks.filter((d) => d > 50)).toEqual([]);
  });

  it('shows the first thousand elements of a huge reply and says how many it left out', async () => {
    const reply = await run('ZRANGE leaderboard 0 -1');
    expect(reply.split('\n')).toHaveLength(1000);
    await consoleBox
      .getByText('… and 999,000 more elements, not shown.', { exact: false })
      .waitFor();
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });
});
