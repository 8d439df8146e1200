import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapters, type Chapter } from '@/content/chapters';
import { sectionFiles } from '@/content/pages';
import { baseUrl, launchBrowser, openPage, seriousAxe } from './browser';

// The PDF checks use poppler-utils (pdfinfo, pdftoppm, pdftotext); .ci/run installs them.

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'print-test-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page margins print.css sets, in PDF points (1 mm = 72 / 25.4 pt). */
const MM = 72 / 25.4;
const MARGIN = { left: 16 * MM, right: 16 * MM };

async function printToPdf(page: Page, file: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }).toString();
}

/** Every word of the PDF with its box, from `pdftotext -bbox`. */
function words(
  file: string,
): { page: number; width: number; xMin: number; xMax: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { maxBuffer: 256 << 20 }).toString();
  const out: { page: number; width: number; xMin: number; xMax: number; text: string }[] = [];
  let page = 0;
  let width = 0;
  for (const m of html.matchAll(
    /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page++;
      width = Number(m[1]);
    } else out.push({ page, width, xMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' });
  }
  return out;
}

/** Pages rendered to 8-bit grey at 20 dpi: per page, its ink share and a strip at its right edge. */
function raster(file: string) {
  const prefix = path.join(dir, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-gray', '-r', '20', file, prefix]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = readFileSync(path.join(dir, f));
      const header = data
        .subarray(0, 20)
        .toString('latin1')
        .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
      if (!header) throw new Error(`${f}: not a binary PGM`);
      const [whole, w, h] = header.map(Number) as [number, number, number];
      const pixels = data.subarray(header[0].length);
      let ink = 0;
      let rightInk = 0;
      // The outer 8 mm of the 16 mm right margin must stay white.
      const strip = Math.ceil((8 / 25.4) * 20);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const dark = (pixels[y * w + x] ?? 255) < 200;
          if (dark) ink++;
          if (dark && x >= w - strip) rightInk++;
        }
      void whole;
      return { name: f, ink: ink / (w * h), rightInk };
    });
}

describe('printing', () => {
  it('renders the whole guide to a PDF of a plausible length, with no blank page and nothing cut at the right margin', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/print/`, { waitUntil: 'networkidle' });
    const file = await printToPdf(page, path.join(dir, 'guide.pdf'));

    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
    // Plausible: about 250 to 700 words a page, and every section starts a page of its own.
    const published = (chapters as readonly Chapter[]).filter((c) => c.status === 'published');
    const sources = published.flatMap((c) =>
      c.sections.map((s) => {
        const entry = sectionFiles[`${c.slug}/${s.slug}`];
        return readFileSync(path.join('content', entry!.file), 'utf8');
      }),
    );
    const wordCount = sources.join(' ').split(/\s+/).length;
    const sections = sources.length;
    expect(pages).toBeGreaterThanOrEqual(Math.max(sections + 1, Math.floor(wordCount / 700)));
    expect(pages).toBeLessThanOrEqual(Math.ceil(wordCount / 250));

    // Every section made it, under its own title.
    const text = pdfText(file);
    for (const c of published) for (const s of c.sections) expect(text).toContain(s.title);
    // Widgets are printed as a note with the address of their live version (pdftotext
    // breaks long lines anywhere, so compare without whitespace).
    const compact = text.replace(/\s+/g, '');
    expect(compact).toMatch(
      /Interactive:Redisconsole\(seed7\)\.Useitliveathttp:[^(]*\/leaderboard-design\/sorted-sets\//,
    );
    expect(text).not.toContain('Search the guide');

    const shots = raster(file);
    expect(shots).toHaveLength(pages);
    const blank = shots.filter((s) => s.ink < 0.002).map((s) => s.name);
    expect(blank).toEqual([]);
    const inkInMargin = shots.filter((s) => s.rightInk > 0).map((s) => s.name);
    expect(inkInMargin).toEqual([]);

    const cut = words(file).filter(
      (w) => w.xMax > w.width - MARGIN.right + 1 || w.xMin < MARGIN.left - 1,
    );
    expect(cut.slice(0, 5)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('prints a section page without the site chrome, with answers, link targets and widget notes', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`, { waitUntil: 'networkidle' });
    // Let the live console replace its placeholder, as a reader's page would have.
    await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
    await page.locator('section.redis-console input:not([disabled])').waitFor();
    // Printing starts from the browser's print event, as Ctrl+P does.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      false,
    );
    const file = await printToPdf(page, path.join(dir, 'section.pdf'));
    // The print layout hides the live widgets; their resize observers fire with a size of
    // zero. Give them two frames, then the page must still be alive (the skip-list picture
    // once re-rendered forever on a zero-sized frame: React error 301, the article gone).
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(problems.consoleErrors).toEqual([]);
    expect(await page.locator('details.self-check').count()).toBeGreaterThan(0);
    const text = pdfText(file);
    expect(text).toContain('One Redis sorted set');
    expect(text).not.toMatch(/Search the guide|Previous|Mark as read/);
    // A self-check answer, closed on screen, is on paper.
    const answer = await page
      .locator('details.self-check')
      .first()
      .evaluate((d) =>
        (d.querySelector(':scope > div')?.textContent ?? '')
          .trim()
          .split(/\s+/)
          .slice(0, 6)
          .join(' '),
      );
    expect(text.replace(/\s+/g, ' ')).toContain(answer);
    // Link targets are written out; widgets become notes with their address.
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('(https://redis.io/docs/latest/commands/zadd/)');
    expect(compact).toContain(
      `Interactive:Redisconsole.Useitliveat${baseUrl()}/leaderboard-design/sorted-sets/#`,
    );
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );
    await context.close();
  });

  it('prints in the light theme from dark mode even when no print event fires (a PDF tool, before hydration)', async () => {
    // What paper gets from a page: the page's colours and a code token's, with print media.
    const printed = async (scheme: 'light' | 'dark') => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
      await page.emulateMedia({ media: 'print' });
      const colours = await page.evaluate(() => {
        const style = (el: Element | null) => (el ? getComputedStyle(el) : null);
        return {
          dark: document.documentElement.classList.contains('dark'),
          body: style(document.body)?.backgroundColor,
          scheme: style(document.documentElement)?.colorScheme,
          text: style(document.querySelector('article p'))?.color,
          code: style(document.querySelector('pre.shiki'))?.backgroundColor,
          token: style(document.querySelector('pre.shiki span[style*="--shiki-light"]'))?.color,
        };
      });
      await context.close();
      return colours;
    };
    const light = await printed('light');
    const dark = await printed('dark');
    // The dark page keeps its class (no print event ran), but no dark style reaches paper.
    expect(dark.dark).toBe(true);
    expect(light.body).toBe('rgb(255, 255, 255)');
    expect(light.scheme).toBe('light');
    expect({ ...dark, dark: false }).toEqual({ ...light, dark: false });
  });

  it('has a printable page per chapter, axe-clean in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      // Mock Interviews: dialogue, a printed widget and the printed speed-round cards.
      await page.goto(`${baseUrl()}/print/mock-interviews/`);
      const titles = await page.locator('.print-section > header h2').allTextContents();
      const chapter = chapters.find((c) => c.slug === 'mock-interviews')!;
      expect(titles).toEqual(chapter.sections.map((s) => s.title));
      expect(await seriousAxe(page), scheme).toEqual([]);
      await context.close();
    }
  });
});
