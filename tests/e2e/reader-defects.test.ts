import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePath, baseUrl, launchBrowser, openPage } from './browser';

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

/** Waits until the skip-list picture's badge says it holds `count` members. */
async function skipListHolds(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (prefix) =>
      document
        .querySelector('section.skip-list-picture [data-testid="skiplist-encoding"]')
        ?.textContent?.startsWith(prefix),
    `${count} members`,
  );
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
    // The embedded widget's own way back to the guide follows the base path too.
    expect(
      await widget.getByRole('link', { name: 'Leaderboard Lab' }).first().getAttribute('href'),
    ).toBe(`${basePath()}/leaderboard-design/sharding/`);
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

  it('a number typed outside its field’s range is clamped with a note that names the value used', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/?players=10000`);
    const widget = await ready(page, 'sharding-playground', 'ranks');
    const player = widget.getByLabel(/Player #/);
    await player.fill('5000000');
    await expect.poll(() => player.inputValue()).toBe('9999');
    const note = widget.getByTestId('field-note');
    await expect(note.textContent()).resolves.toBe('5,000,000 is above 9,999: using 9,999');
    expect(await player.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    expect(new URL(page.url()).searchParams.get('player')).toBe('9999');
    // A value in range clears the note.
    await player.fill('42');
    await expect.poll(() => note.count()).toBe(0);
    const seed = widget.getByLabel('Seed');
    await seed.fill('-5');
    await expect.poll(() => seed.inputValue()).toBe('0');
    await expect(widget.getByTestId('field-note').textContent()).resolves.toBe(
      '-5 is below 0: using 0',
    );
    expect(problems.consoleErrors).toEqual([]);
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
    await skipListHolds(page, 12);
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

/**
 * Whether `el` lies wholly inside every box that clips it, up to its widget's frame (the
 * closest section): what a reader sees without scrolling anything.
 */
function wholeInView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const frame = el.closest('section');
  for (let a = el.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const c = a.getBoundingClientRect();
      if (
        r.left < c.left - 0.5 ||
        r.right > c.right + 0.5 ||
        r.top < c.top - 0.5 ||
        r.bottom > c.bottom + 0.5
      )
        return false;
    }
    if (a === frame) break;
  }
  return true;
}

/** The frame and its direct children that hold more than they show (they scroll or clip). */
function overfull(frame: Element): string[] {
  return [frame, ...Array.from(frame.children)]
    .filter((el) => el.scrollHeight > el.clientHeight + 1)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className.split(' ').slice(0, 3).join('.')}`);
}

const PLAYGROUNDS = [
  ['sharding-playground', '/leaderboard-design/sharding/', 'top10'],
  ['approximate-ranking-playground', '/leaderboard-design/approximate-ranking/', 'approx-stats'],
  ['pagination-playground', '/leaderboard-design/reads/', 'churn-summary'],
  ['fan-out-playground', '/leaderboard-design/social-boards/', 'fanout-counters'],
  // Not a playground, but held to the same rule.
  ['skip-list-picture', '/leaderboard-design/sorted-sets/', 'skiplist-encoding'],
] as const;

describe('reader defects in the widgets: fitting the frame', () => {
  it('1: the skip-list picture shows every member at 12 players and the current hop at every step after growing, at 1440 and 390 px', async () => {
    for (const width of [1440, 390]) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        reducedMotion: 'reduce',
      });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
      await page.locator('[data-widget="skip-list-picture"]').first().scrollIntoViewIfNeeded();
      const widget = page.locator('section.skip-list-picture');
      await widget.locator('svg').waitFor();
      await skipListHolds(page, 12);
      const members = await widget.getByLabel('Member').locator('option').allTextContents();
      expect(members.length).toBe(12);
      const labels = await widget.evaluate(
        (section, [names, inView]) => {
          const visible = new Function(`return ${inView}`)() as (el: Element) => boolean;
          return names.map((name) => {
            const text = Array.from(section.querySelectorAll('svg text')).find(
              (t) => t.textContent === name,
            );
            return {
              name,
              visible: text ? visible(text) : false,
              height: text?.getBoundingClientRect().height ?? 0,
            };
          });
        },
        [members, wholeInView.toString()] as const,
      );
      for (const label of labels) {
        expect(label, `${label.name} at ${width} px`).toMatchObject({ visible: true });
        // Legible: an 11 px label drawn at no less than about 0.7 of its size.
        expect(label.height, `${label.name} at ${width} px`).toBeGreaterThanOrEqual(9);
      }

      await widget.getByRole('button', { name: 'Grow to 129' }).click();
      await skipListHolds(page, 129);
      await widget.getByRole('button', { name: 'Trace the search' }).click();
      const narration = widget.getByTestId('skiplist-narration');
      await expect.poll(() => narration.textContent()).toMatch(/^Step 0 of \d+/);
      const total = Number((await narration.textContent())?.match(/of (\d+)/)?.[1]);
      expect(total).toBeGreaterThan(3);
      for (let step = 0; step <= total; step++) {
        await expect.poll(() => narration.textContent()).toMatch(new RegExp(`^Step ${step} of`));
        const hot = await widget.evaluate((section, inView) => {
          const visible = new Function(`return ${inView}`)() as (el: Element) => boolean;
          const rect = section.querySelector('svg rect[class*="fill-accent-600"]');
          return rect
            ? { visible: visible(rect), width: rect.getBoundingClientRect().width }
            : null;
        }, wholeInView.toString());
        expect(hot, `hop ${step} of ${total} at ${width} px`).toMatchObject({ visible: true });
        expect(hot!.width, `hop ${step} at ${width} px`).toBeGreaterThanOrEqual(16);
        if (step < total) await widget.getByRole('button', { name: 'Next hop' }).click();
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('4: the "Link adjusted" note leaves every top-10 row inside the sharding frame', async () => {
    for (const width of [390, 1440]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const { page } = await openPage(context);
      await page.goto(`${baseUrl()}/leaderboard-design/sharding/?players=100&player=50000`);
      const widget = await ready(page, 'sharding-playground', 'top10');
      await widget.getByTestId('param-notes').waitFor();
      const rows = widget.getByTestId('top10').locator('li');
      expect(await rows.count()).toBe(10);
      const hidden = await widget.getByTestId('top10').evaluate((list, inView) => {
        const visible = new Function(`return ${inView}`)() as (el: Element) => boolean;
        return Array.from(list.children)
          .filter((row) => !visible(row))
          .map((row) => row.textContent);
      }, wholeInView.toString());
      expect(hidden, `at ${width} px`).toEqual([]);
      expect(await widget.evaluate(overfull), `at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('10: the console toolbar keeps "Load example:" with its three buttons on a phone', async () => {
    for (const width of [390, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page } = await openPage(context);
      await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
      await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
      const toolbar = page.locator('section.redis-console > div').first();
      await toolbar.getByRole('button', { name: /Load 1,000,000 example players/ }).waitFor();
      const tops = await Promise.all(
        [
          toolbar.getByText('Load example:'),
          toolbar.getByRole('button', { name: /Load 100 example players/ }),
          toolbar.getByRole('button', { name: /Load 10,000 example players/ }),
          toolbar.getByRole('button', { name: /Load 1,000,000 example players/ }),
        ].map(async (l) => {
          const box = await l.boundingBox();
          return box ? box.y + box.height / 2 : -1;
        }),
      );
      for (const top of tops) expect(Math.abs(top - tops[0]!), `at ${width} px`).toBeLessThan(2);
      await context.close();
    }
  });

  it('10: each playground grows to fit instead of scrolling inside, at its placeholder’s height', async () => {
    for (const width of [390, 1440]) {
      // The placeholder as the static HTML draws it, before any script runs.
      const still = await browser.newContext({
        viewport: { width, height: 900 },
        javaScriptEnabled: false,
      });
      const stillPage = await still.newPage();
      const live = await browser.newContext({ viewport: { width, height: 900 } });
      const { page } = await openPage(live);
      // Both heights with the web font: text in the fallback font wraps differently. The font
      // is `display: optional`, so a page whose font file takes longer than its short block
      // period (two browsers at once on a busy CI machine) stays in the fallback even after
      // fonts.ready: each context fetches the file once first, and the pages then get it
      // from the cache, in time.
      const fontsReady = (p: typeof page) =>
        p.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const p of [stillPage, page]) {
        await p.goto(`${baseUrl()}/`);
        await fontsReady(p);
        expect(
          await p.evaluate(() => [...document.fonts].find((f) => f.family === 'inter')?.status),
        ).toBe('loaded');
      }
      for (const [id, path, testId] of PLAYGROUNDS) {
        await stillPage.goto(`${baseUrl()}${path}`);
        await fontsReady(stillPage);
        const placeholder = await stillPage
          .locator(`section[data-widget="${id}"][data-placeholder]`)
          .evaluate((el) => el.getBoundingClientRect().height);
        await page.goto(`${baseUrl()}${path}`);
        const widget = await ready(page, id, testId);
        await expect
          .poll(() => widget.getByTestId('load-progress').count(), { timeout: 90_000 })
          .toBe(0);
        await fontsReady(page);
        expect(await widget.evaluate(overfull), `${id} at ${width} px`).toEqual([]);
        expect(
          await widget.evaluate((el) => el.getBoundingClientRect().height),
          `${id} at ${width} px`,
        ).toBeCloseTo(placeholder, 0);
      }
      await still.close();
      await live.close();
    }
  });
});

describe('a widget whose code does not arrive', () => {
  it('keeps the page and the picture, says so, and "Try again" brings the working widget', async () => {
    // No service worker: with one, after the first load it answers every chunk itself.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    let failing = true;
    const refused: string[] = [];
    await context.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      // The console's own code: its "Cancelled after" line is in no chunk the page loads first.
      if (failing && body.includes('Cancelled after')) {
        refused.push(route.request().url());
        return route.abort('internetdisconnected');
      }
      return route.fulfill({ response, body });
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    const alert = page.locator('[data-widget-load-failed]');
    // The console loads as it nears the viewport.
    await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
    await alert.waitFor({ timeout: 30_000 });
    expect(refused.length).toBeGreaterThan(0);
    expect(await alert.getAttribute('role')).toBe('alert');
    await expect(alert.textContent()).resolves.toContain('“Redis console” could not load');
    // The chapter is still there (Next's root boundary would have replaced the whole page
    // with "This page couldn't load"), with the console's picture above the line.
    expect(await page.locator('h1').textContent()).toBe('One Redis sorted set');
    expect(await page.getByText('This page couldn’t load').count()).toBe(0);
    expect(await page.locator('[data-widget="redis-console"][data-placeholder]').count()).toBe(1);
    expect(pageErrors).toEqual([]);

    failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    const input = page.locator('section.redis-console').getByRole('textbox', {
      name: 'Redis command',
    });
    await page.waitForFunction(() => {
      const field = document.querySelector<HTMLInputElement>('section.redis-console input');
      return field !== null && !field.disabled;
    });
    expect(await alert.count()).toBe(0);
    await input.fill('ZADD lb 10 alice');
    await input.press('Enter');
    await page.locator('section.redis-console [role="log"]').getByText('(integer) 1').waitFor();
    await context.close();
  });
});
