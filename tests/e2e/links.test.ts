import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, LOADER_ATTRIBUTE, initialScripts } from '../../scripts/post-build';
import { widgets } from '@/components/widgets/manifest';
import { basePath, exportDir } from './browser';

const out = path.resolve(exportDir());
const base = basePath();

/** A site path (`/lab/x/` under BASE_PATH=/lab) as a path inside the export (`/x/`). */
function inExport(sitePath: string): string {
  if (!base) return sitePath;
  // Outside the base path nothing is served: no file answers it.
  return sitePath.startsWith(`${base}/`)
    ? sitePath.slice(base.length)
    : `/outside-base-path${sitePath}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === '_next' || name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The file a site path is served from, as the static server resolves it. */
function fileFor(urlPath: string): string {
  const clean = decodeURIComponent(inExport(urlPath));
  if (clean.endsWith('/')) return path.join(out, clean, 'index.html');
  return path.join(out, clean);
}

describe(`link check over ${exportDir()}/`, () => {
  const files = htmlFiles(out);
  const idsByFile = new Map<string, Set<string>>();
  for (const file of files) {
    const root = parse(readFileSync(file, 'utf8'));
    idsByFile.set(
      file,
      new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? '')),
    );
  }

  it('finds the exported pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('has no broken internal link or anchor', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const root = parse(readFileSync(file, 'utf8'));
      const pagePath =
        `${base}/` +
        path
          .relative(out, file)
          .replace(/index\.html$/, '')
          .replace(/\\/g, '/');
      for (const anchor of root.querySelectorAll('a[href]')) {
        const href = anchor.getAttribute('href') ?? '';
        if (/^(https?:|mailto:)/.test(href)) continue;
        const url = new URL(href, `http://site${pagePath}`);
        const target = fileFor(url.pathname);
        checked++;
        const ids = idsByFile.get(target);
        if (!ids) {
          let exists = false;
          try {
            exists = statSync(target).isFile();
          } catch {
            exists = false;
          }
          if (!exists) broken.push(`${pagePath} → ${href} (no such page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !ids.has(fragment)) broken.push(`${pagePath} → ${href} (no such anchor)`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('points every Open Graph image at a file in the export', () => {
    for (const file of files) {
      const root = parse(readFileSync(file, 'utf8'));
      for (const meta of root.querySelectorAll('meta[property="og:image"]')) {
        const url = new URL(meta.getAttribute('content') ?? '', 'http://site/');
        expect(
          statSync(path.join(out, inExport(url.pathname))).isFile(),
          `${file}: ${url.pathname}`,
        ).toBe(true);
      }
    }
  });

  it('loads the framework scripts after first paint, each with the compile hint', () => {
    const scripts = new Set<string>();
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('self.__next_f')) continue;
      expect(html, file).toContain(`<script ${LOADER_ATTRIBUTE}="`);
      expect(html, file).not.toMatch(
        new RegExp(`<script src="${base}/_next/static/[^"]+" async=""`),
      );
      for (const src of initialScripts(html)) scripts.add(src);
    }
    expect(scripts.size).toBeGreaterThanOrEqual(5);
    const unmarked = [...scripts].filter(
      (src) => !readFileSync(path.join(out, inExport(src)), 'utf8').startsWith(COMPILE_HINT),
    );
    expect(unmarked).toEqual([]);
  });

  it('skips off-screen layout only on sections without a viewport-triggered widget', () => {
    // data-widget names of the near-viewport widgets (components/widgets/manifest.ts).
    const ids = widgets.filter((w) => w.nearViewport).map((w) => w.id);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    const lazy = new RegExp(`data-widget="(${ids.join('|')})"`);
    const skips = /class="prose-guide[^"]*\bskip-offscreen\b/;
    const sections = files
      .map((file) => ({ file, html: readFileSync(file, 'utf8') }))
      .filter(({ html }) => html.includes('data-pagefind-meta="chapter"'));
    const withLazy = sections.filter(({ html }) => lazy.test(html));
    const others = sections.filter(({ html }) => !lazy.test(html));
    expect(withLazy.length).toBeGreaterThanOrEqual(5);
    expect(others.length).toBeGreaterThanOrEqual(15);
    expect(withLazy.filter(({ html }) => skips.test(html)).map(({ file }) => file)).toEqual([]);
    expect(others.filter(({ html }) => !skips.test(html)).map(({ file }) => file)).toEqual([]);
  });

  it('lists every exported page in the sitemap', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    const pages = files
      .map((f) => '/' + path.relative(out, f).replace(/\\/g, '/'))
      .filter((p) => p.endsWith('/index.html'))
      .map((p) => p.replace(/index\.html$/, ''))
      .filter((p) => p !== '/404/' && p !== '/_not-found/')
      // Embed pages exist for iframes: noindex, and deliberately not in the sitemap.
      .filter((p) => !p.startsWith('/embed/'))
      // So are the reader's own pages (/progress/): noindex, nothing for a search engine.
      .filter(
        (p) =>
          !/<meta name="robots" content="noindex/.test(
            readFileSync(path.join(out, p, 'index.html'), 'utf8'),
          ),
      );
    for (const page of pages) expect(sitemap).toContain(`${page}</loc>`);
  });
});
