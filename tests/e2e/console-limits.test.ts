import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, type PageProblems } from './browser';

/*
 * Issue 13: nothing a reader types can break the console. Each input that
 * once aborted or hung the worker (a huge ZRANDMEMBER, an exponential glob,
 * a script that never ends or eats memory, a very long line) gets an error
 * line with a reason, and the next command still answers. Also: scripts run
 * (the Lua VM loads on first use), lines over 64 KB are sent as redis-cli
 * sends them, and HELP inside MULTI is answered locally.
 */

let browser: Browser;
let page: Page;
let problems: PageProblems;
let consoleBox: Locator;
let input: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, problems } = await openPage(await browser.newContext()));
  await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
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

/** Types a line, presses Enter and returns the reply entry that follows it. */
async function run(line: string, timeout = 30_000): Promise<string> {
  const before = await consoleBox.locator('[role="log"] pre').count();
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('section.redis-console [role="log"] pre').length >= n + 2,
    before,
    { timeout },
  );
  return (
    (await consoleBox
      .locator('[role="log"] pre')
      .nth(before + 1)
      .textContent()) ?? ''
  );
}

describe('the console survives what used to crash or hang the worker', () => {
  it('refuses a 200-million-element ZRANDMEMBER with a reason, then keeps answering', async () => {
    expect(await run('ZADD crash 1 a 2 b')).toBe('(integer) 2');
    expect(await run('ZRANDMEMBER crash -100000000 WITHSCORES')).toMatch(
      /^\(error\) ERR ZRANDMEMBER would reply with 200000000 elements; this in-browser engine stops at/,
    );
    expect(await run('ZRANDMEMBER crash -9223372036854775808')).toBe(
      '(error) ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
    );
    expect(await run('ZCARD crash')).toBe('(integer) 2');
  });

  it('matches a*a*a*a*a*a*a*a*b against a 60-character key at once', async () => {
    expect(await run(`SET ${'a'.repeat(60)} v`)).toBe('OK');
    const t = Date.now();
    expect(await run('KEYS a*a*a*a*a*a*a*a*b')).toBe('(empty array)');
    expect(await run('SCAN 0 MATCH a*a*a*a*a*a*a*a*b COUNT 1000')).toMatch(/^1\) "0"/);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('runs a script (loading the Lua VM), and stops one that never ends', async () => {
    expect(await run('EVAL "return redis.call(\'ZCARD\', KEYS[1])" 1 crash', 60_000)).toBe(
      '(integer) 2',
    );
    expect(await run('EVAL "while true do end" 0', 60_000)).toMatch(
      /^\(error\) ERR Script killed by user with SCRIPT KILL\.\.\. \(this engine stops a script after 5000 ms/,
    );
    expect(
      await run(
        'EVAL "local t = {} for i = 1, 1e9 do t[i] = string.rep(\'x\', 100) end" 0',
        60_000,
      ),
    ).toMatch(/^\(error\) ERR Error running script: not enough memory/);
    expect(await run('PING')).toBe('PONG');
  });

  it('sends lines over 64 KB, as redis-cli does, and refuses only past its own limit', async () => {
    expect(await run(`SET big ${'x'.repeat(100_000)}`)).toBe('OK');
    expect(await run('STRLEN big')).toBe('(integer) 100000');
    expect(await run(`ECHO ${'y'.repeat(4 * 1024 * 1024)}`)).toMatch(
      /^\(error\) ERR line of \d+ characters; this console accepts lines up to 4194304/,
    );
    expect(await run('DBSIZE')).toBe('(integer) 3');
  });

  it('answers HELP inside MULTI itself, as redis-cli does', async () => {
    expect(await run('MULTI')).toBe('OK');
    expect(await run('HELP ZADD')).toMatch(/ZADD key/);
    expect(await run('INCR n')).toBe('QUEUED');
    expect(await run('EXEC')).toBe('1) (integer) 1');
  });

  it('printed no console errors and every request (the Lua VM too) succeeded', () => {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });
});
