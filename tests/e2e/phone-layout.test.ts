import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

/**
 * Defects a reviewer found on the built site at phone width (390 px, touch), one test each,
 * written to fail on the build before the fix: a copy button over code, wide tables with no
 * sign that they scroll, an emoji icon that draws as an empty box, and a case-sensitive
 * member id shown upper-cased.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function phone(scheme: 'light' | 'dark' = 'light', extra = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    colorScheme: scheme,
    ...extra,
  });
}

/** A fenced code block with its own copy button (components/mdx/code-block.tsx). */
const CODE_BLOCK = '[data-copy-scope]:has(> .code-copy)';

/**
 * For every code block on the page (brought on screen first: long sections lay out only what
 * is near the viewport), its copy button's box and the boxes of the code's text it overlaps.
 */
async function copyButtonOverlaps(page: Page): Promise<{ blocks: number; overlaps: string[] }> {
  const count = await page.locator(CODE_BLOCK).count();
  const overlaps: string[] = [];
  let blocks = 0;
  for (let i = 0; i < count; i++) {
    const block = page.locator(CODE_BLOCK).nth(i);
    await block.scrollIntoViewIfNeeded();
    const found = await block.evaluate((el) => {
      const button = el.querySelector('.code-copy button');
      const pre = el.querySelector('pre');
      if (!button || !pre || getComputedStyle(el.querySelector('.code-copy')!).display === 'none')
        return null;
      const b = button.getBoundingClientRect();
      const hits: string[] = [];
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          if (box.left < b.right && box.right > b.left && box.top < b.bottom && box.bottom > b.top)
            hits.push(JSON.stringify(node.textContent.slice(0, 30)));
        }
      }
      return { visible: Number(getComputedStyle(button.parentElement!).opacity) > 0, hits };
    });
    if (!found) continue;
    blocks++;
    expect(found.visible, 'on a touch screen the copy button is always shown').toBe(true);
    overlaps.push(...found.hits);
  }
  return { blocks, overlaps };
}

describe('code-block copy button on a phone', () => {
  for (const path of ['/leaderboard-design/sorted-sets/', '/leaderboard-design/reads/']) {
    it(`never covers a line of code at 390 px, touch (${path})`, async () => {
      const context = await phone();
      const { page } = await openPage(context);
      await page.goto(`${baseUrl()}${path}`);
      const { blocks, overlaps } = await copyButtonOverlaps(page);
      expect(blocks).toBeGreaterThan(2);
      expect(overlaps).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('still copies the block with a tap', async () => {
    const context = await phone('light', { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    await page.waitForSelector('html[data-copy-ready]', { state: 'attached' });
    const scope = page.locator(CODE_BLOCK).filter({ hasText: 'ZADD t 9007199254740993' });
    await scope.scrollIntoViewIfNeeded();
    const expected = await scope.locator('pre').textContent();
    await scope.getByRole('button', { name: 'Copy' }).tap();
    await scope.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await context.close();
  });

  it('keeps the desktop behaviour: hidden until the block is hovered', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
    const scope = page.locator(CODE_BLOCK).first();
    await scope.scrollIntoViewIfNeeded();
    const opacity = () =>
      scope.locator('.code-copy').evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(await opacity()).toBe(0);
    await scope.hover();
    await expect.poll(opacity).toBe(1);
    await context.close();
  });
});

describe('wide tables on a phone', () => {
  const cases = [
    { path: '/interview-skills/', text: 'If you are behind' },
    { path: '/instructors/', text: 'embed' },
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const { path, text } of cases) {
      it(`${path} (${scheme}): a table that overflows says so at its edge, and axe stays clean`, async () => {
        const context = await phone(scheme);
        const { page } = await openPage(context);
        await page.goto(`${baseUrl()}${path}`);
        const scroller = page.locator('.table-scroll').filter({ hasText: text }).first();
        await scroller.scrollIntoViewIfNeeded();
        const style = await scroller.evaluate((el) => {
          const s = getComputedStyle(el);
          return {
            overflows: el.scrollWidth > el.clientWidth,
            backgroundImage: s.backgroundImage,
            attachment: s.backgroundAttachment,
            focusable: (el as HTMLElement).tabIndex >= 0,
            name: el.getAttribute('aria-label') ?? '',
          };
        });
        expect(style.overflows).toBe(true);
        expect(style.backgroundImage).not.toBe('none');
        expect(style.backgroundImage).toContain('radial-gradient');
        // The covers ride with the content, the shadows stay at the box's edges.
        expect(style.attachment).toBe('local, local, scroll, scroll');
        expect(style.focusable).toBe(true);
        expect(style.name).toMatch(/scrolls sideways/);
        // The right-hand shadow is visible at the start and gone at the end: the box's right
        // edge is darker (light) or lighter (dark) than the page until it is scrolled there.
        const edge = async () => {
          const shot = await scroller.screenshot({ animations: 'disabled' });
          return page.evaluate(async (b64) => {
            const img = new Image();
            img.src = `data:image/png;base64,${b64}`;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = img.width;
            canvas.height = img.height;
            const ctx = canvas.getContext('2d')!;
            ctx.drawImage(img, 0, 0);
            // The brightest pixel in a column 2 px from the right edge (text never lands there
            // in both states, the shadow spans the full height).
            const column = ctx.getImageData(img.width - 2, 0, 1, img.height).data;
            let sum = 0;
            for (let i = 0; i < column.length; i += 4)
              sum += column[i]! + column[i + 1]! + column[i + 2]!;
            return sum / (column.length / 4) / 3;
          }, shot.toString('base64'));
        };
        const before = await edge();
        await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        const after = await edge();
        expect(Math.abs(before - after)).toBeGreaterThan(4);
        expect(await seriousAxe(page, '.table-scroll')).toEqual([]);
        await context.close();
      }, 60_000);
    }
  }
});

describe('icons draw without an emoji font', () => {
  it('the mock-interview clock chips use an SVG icon, not an emoji, and keep their text', async () => {
    const context = await phone();
    const { page } = await openPage(context);
    for (const path of ['/interview-skills/', '/mock-interviews/']) {
      await page.goto(`${baseUrl()}${path}`);
      const chip = page.getByText('Elapsed time:').first().locator('xpath=../..');
      expect(await chip.locator('svg').count()).toBe(1);
      expect(await chip.textContent()).toMatch(/^Elapsed time: \d\d:\d\d – \d\d:\d\d$/);
      // No pictographic emoji left in the page's text (arrows and © render as text glyphs).
      const emoji = await page.evaluate(() =>
        [...document.body.innerText.matchAll(/\p{Extended_Pictographic}/gu)]
          .map((m) => m[0])
          .filter((c) => !/[\u00a9\u00ae\u2122\u2194-\u2199\u21a9\u21aa]/.test(c)),
      );
      expect(emoji).toEqual([]);
    }
    await context.close();
  });
});

describe('member ids keep their case', () => {
  it('the sharding playground names the player in its real case under text-transform', async () => {
    const context = await phone();
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/sharding/`);
    const heading = page.locator('h4').filter({ hasText: /Global rank of/i });
    await heading.waitFor({ timeout: 60_000 });
    const id = (await heading.textContent())?.match(/Global rank of (\S+)/)?.[1] ?? '';
    expect(id).toMatch(/[a-z]/);
    // innerText applies the computed text-transform: the label is upper-case, the id is not.
    const shown = await heading.evaluate((el) => (el as HTMLElement).innerText);
    expect(shown).toContain('GLOBAL RANK OF');
    expect(shown).toContain(id);
    await context.close();
  }, 90_000);
});
