import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEY = 'leaderboard-lab:practice-timer:v1';

/** Seconds in an `m:ss` clock. */
const seconds = (clock: string): number => {
  const [m, s] = clock.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

/** Opens the Interview Skills page with the timer paused at `accumulatedMs`. */
async function pausedAt(page: Page, accumulatedMs: number): Promise<void> {
  await page.addInitScript(
    ([key, ms]) =>
      localStorage.setItem(key, JSON.stringify({ accumulatedMs: ms, runningSince: null })),
    [KEY, accumulatedMs] as const,
  );
  await page.goto(`${baseUrl()}/interview-skills/`);
  await page.locator('section.practice-timer').scrollIntoViewIfNeeded();
  await page.locator('section.practice-timer').getByRole('button', { name: 'Resume' }).waitFor();
}

describe('practice timer (reader defect 9)', () => {
  // Regression: elapsed and remaining both rounded up, so 1.5 s in read "0:02 elapsed ·
  // 44:59 left", which adds up to 45:01.
  for (const ms of [1_500, 61_250, 600_999, 2_699_400]) {
    it(`elapsed plus remaining is exactly 45:00 at ${ms} ms`, async () => {
      const context = await browser.newContext();
      const { page, problems } = await openPage(context);
      await pausedAt(page, ms);
      const text = (await page.getByTestId('timer-elapsed').textContent()) ?? '';
      const [, elapsed = '', left = ''] = /([\d:]+) elapsed · ([\d:]+) left/.exec(text) ?? [];
      expect(seconds(elapsed) + seconds(left), text).toBe(45 * 60);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  for (const width of [1440, 1024, 700]) {
    it(`shows every phase label whole at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await pausedAt(page, 3 * 60_000);
      const labels = await page
        .locator('section.practice-timer ol[aria-label="Phases"] li p')
        .evaluateAll((ps) =>
          ps.map((p) => {
            const visible = [...p.querySelectorAll('span')].find(
              (s) => getComputedStyle(s).display !== 'none',
            );
            const el = (visible ?? p) as HTMLElement;
            return {
              text: el.textContent ?? '',
              cut: p.scrollWidth > p.clientWidth + 0.5 || el.scrollWidth > el.clientWidth + 0.5,
            };
          }),
        );
      expect(labels).toHaveLength(6);
      for (const label of labels)
        expect(label, JSON.stringify(labels)).toMatchObject({ cut: false });
      expect(labels.map((l) => l.text).join(' ')).toMatch(
        /Clarify.*Estimate.*API.*Design.*Deep.*Wrap/,
      );
      await context.close();
    });
  }
});
