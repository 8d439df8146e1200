import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddable } from '@/components/widgets/manifest';
import { embedSnippet, embedUrl } from '@/lib/embed/embed-link';
import { basePath, baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

/**
 * Embeds as an instructor's course page shows them: the snippet pasted into a page of
 * another origin (another port), each widget in a sandboxed iframe, sized by its height
 * messages through the snippet's own script.
 */

let browser: Browser;
let host: http.Server;
let hostUrl = '';
const pages = new Map<string, string>();

beforeAll(async () => {
  browser = await launchBrowser();
  host = http.createServer((request, response) => {
    const body = pages.get(request.url ?? '');
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
});

/** A course page of the other origin holding `snippets`, as an instructor would paste them. */
function coursePage(name: string, snippets: string[]): string {
  pages.set(
    `/${name}.html`,
    `<!doctype html><html lang="en"><head><title>Course</title><link rel="icon" href="data:,"></head><body style="margin:0;font:16px sans-serif"><h1>Week 3</h1>${snippets.join('\n<p>Between the embeds.</p>\n')}</body></html>`,
  );
  expect(hostUrl).not.toBe(new URL(baseUrl()).origin);
  return `${hostUrl}/${name}.html`;
}

async function embedFrame(page: Page, slug: string): Promise<Frame> {
  const element = await page.waitForSelector(`iframe[src*="/embed/${slug}/"]`);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`no frame for ${slug}`);
  return frame;
}

/** The iframe's height on the host page, and the embed's content height inside it. */
async function heights(page: Page, frame: Frame, slug: string) {
  const outer = await page
    .locator(`iframe[src*="/embed/${slug}/"]`)
    .evaluate((e) => e.getBoundingClientRect().height);
  const inner = await frame
    .locator('[data-embed-root]')
    .evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
  return { outer, inner };
}

/**
 * Waits until an embed page (or the builder's preview frame) shows its live widget: the
 * server's placeholder replaced, no widget still loading, the diagram laid out.
 */
async function waitLive(target: Page | Frame): Promise<void> {
  await target.locator('[data-embed-root]').waitFor();
  await target.waitForFunction(
    () =>
      !document.querySelector(
        '[data-embed-placeholder], [data-placeholder], [role="status"][aria-label$=": loading"], [data-architecture-diagram]:not([data-ready="true"])',
      ),
    undefined,
    { timeout: 45_000 },
  );
}

describe('embeds on another site', () => {
  it('fit a sandboxed iframe to the widget as its height changes, and apply ?theme=', async () => {
    const site = baseUrl();
    const url = coursePage('skip-list', [
      // Far too short on purpose: only the height messages can make it fit.
      embedSnippet(embedUrl(site, 'skip-list', 'seed=3&members=12&theme=dark'), 'Skip list', 150),
    ]);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    const { page, problems } = await openPage(context);
    await page.goto(url);
    const iframe = page.locator('iframe');
    expect(await iframe.getAttribute('sandbox')).toContain('allow-scripts');
    expect(await iframe.getAttribute('allow')).toBe('clipboard-write');
    const frame = await embedFrame(page, 'skip-list');

    // The host page is light; the link asked for dark, and the embed is dark.
    await frame.waitForFunction(() => document.documentElement.classList.contains('dark'));
    // The page's background as drawn (the theme's colours are lab(); a canvas gives sRGB).
    const [r = 255, g = 255, b = 255] = await frame.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    });
    expect(r + g + b).toBeLessThan(150);

    // The live widget has replaced the placeholder, and the iframe fits it.
    await frame.locator('[data-widget="skip-list-picture"] svg').first().waitFor();
    await page.waitForFunction(() => document.querySelector('iframe')!.offsetHeight > 150);
    await expect
      .poll(async () => {
        const h = await heights(page, frame, 'skip-list');
        return Math.abs(h.outer - h.inner);
      })
      .toBeLessThanOrEqual(2);
    const wide = await heights(page, frame, 'skip-list');
    expect(wide.outer).toBeGreaterThan(300);

    // A phone-width host: the widget reflows taller, and the iframe follows it.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => (await heights(page, frame, 'skip-list')).inner)
      .not.toBe(wide.inner);
    await expect
      .poll(async () => {
        const h = await heights(page, frame, 'skip-list');
        return Math.abs(h.outer - h.inner);
      })
      .toBeLessThanOrEqual(2);

    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('show a console script before running any of it, and run it only when asked', async () => {
    const site = baseUrl();
    const script = ['ZADD lb:week3 120 ana 95 bo', 'ZREVRANGE lb:week3 0 -1 WITHSCORES'].join('\n');
    const query = new URLSearchParams({ preset: 'tie-order', script, theme: 'light' }).toString();
    const url = coursePage('console', [
      embedSnippet(embedUrl(site, 'console', query), 'Console', 520),
    ]);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'dark',
    });
    const { page, problems } = await openPage(context);
    await page.goto(url);
    const frame = await embedFrame(page, 'console');
    const panel = frame.getByRole('region', { name: 'Script from the link' });
    await panel.waitFor();
    expect(await frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      false,
    );
    // The preset's two commands, then the link's two, listed in order.
    expect(await panel.locator('li').allTextContents()).toEqual([
      'ZADD ties 1500 player:99 1500 player:100 1500 player:7',
      'ZREVRANGE ties 0 -1',
      'ZADD lb:week3 120 ana 95 bo',
      'ZREVRANGE lb:week3 0 -1 WITHSCORES',
    ]);
    const run = panel.getByRole('button', { name: 'Run these commands' });
    await expect.poll(() => run.isEnabled()).toBe(true);
    // The engine is ready and nothing has run: the transcript holds the welcome text only.
    await page.waitForTimeout(500);
    const log = frame.getByRole('log', { name: 'Console output' });
    expect(await log.textContent()).not.toContain('lb:week3');
    expect(await log.textContent()).not.toContain('ties');

    await run.click();
    await expect.poll(() => log.textContent()).toContain('"ana"');
    const text = (await log.textContent()) ?? '';
    // Redis's replies, in order: equal scores in reverse byte order of the member name
    // (ZREVRANGE), then the week's board.
    expect(text.indexOf('"player:99"')).toBeLessThan(text.indexOf('"player:7"'));
    expect(text.indexOf('"player:7"')).toBeLessThan(text.indexOf('"player:100"'));
    expect(text.indexOf('"bo"')).toBeGreaterThan(text.indexOf('"ana"'));
    expect(await panel.count()).toBe(0);
    // The iframe still fits the console once the panel is gone.
    await expect
      .poll(async () => {
        const h = await heights(page, frame, 'console');
        return Math.abs(h.outer - h.inner);
      })
      .toBeLessThanOrEqual(2);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('clamp a parameter out of range and say so in the widget', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/speed-round/?seconds=5&roundSize=10`);
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'Changed from the link' }).textContent(),
      )
      .toContain('seconds');
    expect(await page.getByText('Changed from the link').textContent()).toMatch(/using 10\b/);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('draw the diagram at the stage the link asks for, live', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/embed/architecture/?stage=3&seed=11`);
    const diagram = page.locator('[data-widget="architecture-diagram"]');
    await expect.poll(() => diagram.getAttribute('data-architecture-diagram')).toBe('3');
    await expect.poll(() => diagram.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('the embed builder on /instructors/', () => {
  it('clamps parameters with a note, previews the embed and writes the snippet', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/instructors/`);
    const builder = page.locator('[data-embed-builder]');
    // Drawn disabled by the server, enabled once React runs.
    await page.locator('[data-embed-builder][data-ready]').waitFor();
    expect(await builder.getByLabel('Widget').isEnabled()).toBe(true);
    await builder.getByLabel('Widget').selectOption('skip-list');
    await builder.getByLabel(/^members/).fill('500');
    await builder.getByLabel('Dark').check();
    await expect
      .poll(() => builder.locator('[data-builder-notes]').textContent())
      .toContain('using 128');

    const snippet = await builder.getByLabel('Snippet for your page').inputValue();
    expect(snippet).toContain('/embed/skip-list/?seed=3&members=128&theme=dark');
    expect(snippet).toMatch(/<iframe [^>]*title="Skip-list picture · Leaderboard Lab"/);
    expect(snippet).toMatch(/<iframe [^>]*sandbox="[^"]*allow-scripts[^"]*"/);
    expect(snippet).toContain('allow="clipboard-write"');
    expect(snippet).toContain("'leaderboard-lab:resize'");

    // The preview is the embed itself, in the state the link asks for, sized by its messages.
    const preview = builder.locator('iframe');
    await expect.poll(() => preview.getAttribute('src')).toContain('members=128');
    const frame = (await preview.elementHandle())!;
    const inner = (await frame.contentFrame())!;
    await inner.waitForFunction(() => document.documentElement.classList.contains('dark'));
    await inner.locator('[data-widget="skip-list-picture"] svg').first().waitFor();
    await expect
      .poll(async () => {
        const outer = await preview.evaluate((e) => e.getBoundingClientRect().height);
        const content = await inner
          .locator('[data-embed-root]')
          .evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
        return Math.abs(outer - content);
      })
      .toBeLessThanOrEqual(2);

    await builder.getByRole('button', { name: 'Copy snippet' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // Every widget of the manifest is offered.
    expect(await builder.getByLabel('Widget').locator('option').count()).toBe(9);
    expect(await seriousAxe(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 60_000); // two frames, the builder and axe over a long page: slow on a loaded machine

  it('is in the page without script: the form, the default link and snippet, the frame', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/instructors/`);
    const picture = page.locator('[data-embed-builder][data-placeholder]');
    expect(await picture.isVisible()).toBe(true);
    expect(await picture.getByLabel('Widget').inputValue()).toBe('console');
    expect(await picture.getByRole('heading', { name: 'Preview' }).isVisible()).toBe(true);
    const link = await picture.getByLabel('Link').inputValue();
    expect(link.endsWith(`${basePath()}/embed/console/?seed=7`)).toBe(true);
    const snippet = await picture.getByLabel('Snippet for your page').inputValue();
    expect(snippet).toBe(embedSnippet(link, 'Redis console · Leaderboard Lab', 520));
    // No embed runs before the builder does; the frame holds the snippet's height and a link.
    expect(await page.locator('iframe').count()).toBe(0);
    const frame = picture.getByRole('link', { name: 'Open the embed on its own page' });
    expect(await frame.getAttribute('href')).toBe(`${basePath()}/embed/console/?seed=7`);
    expect(await frame.evaluate((a) => a.parentElement!.getBoundingClientRect().height)).toBe(520);
    // It says why the preview stays empty, rather than that it is about to load. (Scripts
    // disabled through DevTools still parse <noscript> as raw text, so read its text.)
    expect(await picture.locator('noscript').textContent()).toContain(
      'It needs JavaScript, which is off in this browser.',
    );
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('says so when its code does not arrive, keeps the picture working, and Try again brings it', async () => {
    // No service worker: once it controls the page it answers the chunks itself.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const { page } = await openPage(context);
    await page.goto(`${baseUrl()}/instructors/`);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('header a') ?? {}).some((k) =>
        k.startsWith('__reactFiber'),
      ),
    );
    let failing = true;
    await page.route(/\/_next\/static\/chunks\/[^/]+\.js$/, (route) =>
      failing ? route.abort('internetdisconnected') : route.continue(),
    );
    const picture = page.locator('[data-embed-builder][data-placeholder]');
    await picture.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
    const copy = picture.getByRole('button', { name: 'Copy snippet' });
    await copy.click();
    const line = page.locator('[data-widget-load-failed]');
    await line.waitFor({ timeout: 30_000 });
    await expect(line.textContent()).resolves.toContain('“Embed builder” could not load');
    // The kept tap no longer pulses as if the builder were on its way.
    expect(await copy.getAttribute('data-queued')).toBeNull();
    await picture.getByLabel(/^seed/).fill('42');

    failing = false;
    await line.getByRole('button', { name: 'Try again' }).click();
    const builder = page.locator('[data-embed-builder][data-ready]');
    await builder.waitFor({ timeout: 30_000 });
    expect(await line.count()).toBe(0);
    expect(await builder.getByLabel(/^seed/).inputValue()).toBe('42');
    // The copy tap stayed kept, and is performed by the builder that arrived.
    const snippet = await builder.getByLabel('Snippet for your page').inputValue();
    expect(snippet).toContain('seed=42');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await context.close();
  });

  it('on a phone loads near the viewport, in place, keeping what the reader did first', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const { page, problems } = await openPage(context);
    const embedRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/embed/')) embedRequests.push(r.url());
    });
    await page.goto(`${baseUrl()}/instructors/`);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('header a') ?? {}).some((k) =>
        k.startsWith('__reactFiber'),
      ),
    );
    await page.waitForTimeout(1000);
    // Hydrated, and the builder, screens below, is still the server's picture: no embed yet.
    const picture = page.locator('[data-embed-builder][data-placeholder]');
    expect(await picture.count()).toBe(1);
    expect(embedRequests).toEqual([]);

    // Its code is held on the way while the reader uses the picture.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_next\/static\/chunks\/[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await picture.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
    const copy = picture.getByRole('button', { name: 'Copy snippet' });
    await copy.click();
    expect(await copy.getAttribute('data-queued')).toBe('');
    await picture.getByLabel('Dark').check();
    await picture.getByLabel(/^seed/).fill('42');
    const before = await picture.evaluate((e) => {
      const box = e.getBoundingClientRect();
      // The live builder's box as it first commits, before its embed reports a height.
      const w = window as unknown as { swapped?: { top: number; height: number } };
      new MutationObserver((_, observer) => {
        const live = document.querySelector('[data-embed-builder][data-ready]');
        if (!live) return;
        const { top, height } = live.getBoundingClientRect();
        w.swapped = { top, height };
        observer.disconnect();
      }).observe(document.body, { subtree: true, childList: true });
      return { top: box.top, height: box.height };
    });
    release();

    const builder = page.locator('[data-embed-builder][data-ready]');
    await builder.waitFor();
    expect(await page.evaluate(() => (window as unknown as { swapped: unknown }).swapped)).toEqual(
      before,
    );
    expect(await builder.getByLabel('Dark').isChecked()).toBe(true);
    expect(await builder.getByLabel(/^seed/).inputValue()).toBe('42');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-builder-seed');
    const snippet = await builder.getByLabel('Snippet for your page').inputValue();
    expect(snippet).toContain(`${basePath()}/embed/console/?seed=42&theme=dark`);
    // The tap on the picture's copy button was kept, and performed on the live one.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await expect.poll(() => builder.locator('iframe').getAttribute('src')).toContain('seed=42');
    await page.unrouteAll({ behavior: 'wait' });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('axe in both themes (issue 15 quality bar)', () => {
  it('lists every embeddable widget', () => {
    expect(embeddable.map((w) => w.embed.slug)).toHaveLength(9);
  });

  for (const { embed } of embeddable) {
    for (const theme of ['light', 'dark'] as const) {
      const query = theme === 'dark' ? '?theme=dark' : '';
      it(`/embed/${embed.slug}/${query} shows its live widget with no serious axe violation`, async () => {
        // The reader's system is light: a dark embed is dark because its link says so.
        const context = await browser.newContext({
          colorScheme: 'light',
          viewport: { width: 1280, height: 900 },
        });
        const { page, problems } = await openPage(context);
        await page.goto(`${baseUrl()}/embed/${embed.slug}/${query}`);
        await waitLive(page);
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
          theme === 'dark',
        );
        expect(await seriousAxe(page)).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
        await context.close();
      }, 90_000);
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`/instructors/ (${scheme}): the builder at first and with each widget chosen`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 1440, height: 1000 },
      });
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/instructors/`);
      const builder = page.locator('[data-embed-builder]');
      await page.locator('[data-embed-builder][data-ready]').waitFor();
      const preview = builder.locator('iframe');
      const found: Record<string, string[]> = {};
      const check = async (state: string) => {
        // The preview follows the reader's setting: axe sees the embed in the page's theme.
        // In view, as a reader looking at the preview has it: widgets below the fold load
        // when they near the viewport.
        await preview.scrollIntoViewIfNeeded();
        const frame = await (await preview.elementHandle())!.contentFrame();
        await waitLive(frame!);
        const violations = await seriousAxe(page);
        if (violations.length) found[state] = violations;
      };
      await check('initial');
      const select = builder.getByLabel('Widget');
      const slugs = await select
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(slugs).toHaveLength(embeddable.length);
      for (const slug of slugs) {
        await select.selectOption(slug);
        await expect.poll(() => preview.getAttribute('src')).toContain(`/embed/${slug}/`);
        await check(slug);
      }
      expect(found).toEqual({});
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }, 300_000);
  }
});
