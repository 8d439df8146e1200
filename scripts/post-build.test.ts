import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  INLINED_ATTRIBUTE,
  LOADER_ATTRIBUTE,
  compileHintsStep,
  cssForPage,
  hydrateAfterPaint,
  hydrateAfterPaintStep,
  initialScripts,
  inlineCssStep,
  inlineStylesheets,
  postBuild,
} from './post-build';

/** A page shaped like Next.js 16's export: async scripts in <head>, one more in <body>. */
const nextPage = (head: string, body = '', base = '') =>
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
  `<link rel="stylesheet" href="${base}/_next/static/chunks/site.css"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="${base}/_next/static/chunks/late.js"/>` +
  head +
  `<script src="${base}/_next/static/chunks/polyfills.js" noModule=""></script></head>` +
  `<body><p>text</p>${body}<script src="${base}/_next/static/chunks/late.js" async=""></script>` +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';

const twoScripts =
  '<script src="/_next/static/chunks/a.js" async=""></script>' +
  '<script src="/_next/static/chunks/b.js" async=""></script>';

const loaderCode = (html: string) =>
  html.match(new RegExp(`<script ${LOADER_ATTRIBUTE}="[^"]*">(.*?)</script>`))?.[1] ?? '';

describe('hydrateAfterPaint', () => {
  it('moves every async framework script into one loader at the end of <body>', () => {
    const before = nextPage(twoScripts);
    const { html, scripts } = hydrateAfterPaint(before);
    expect(scripts).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
      '/_next/static/chunks/late.js',
    ]);
    expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/(a|b|late)\.js"/);
    expect(html).not.toContain('rel="preload" as="script"');
    // Everything else is byte for byte what Next wrote: the noModule polyfill, the stylesheet,
    // the inline flight data, the text.
    const loader = html.slice(html.indexOf(`<script ${LOADER_ATTRIBUTE}`), html.indexOf('</body>'));
    const removed = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>',
      '<script src="/_next/static/chunks/late.js" async=""></script>',
    ];
    expect(html.replace(loader, '')).toBe(removed.reduce((h, tag) => h.replace(tag, ''), before));
    expect(html).toMatch(
      new RegExp(`<script ${LOADER_ATTRIBUTE}="[^"]+">.*</script></body></html>$`),
    );
    expect(initialScripts(html)).toEqual(scripts);
  });

  it('keeps a base path in the URLs it loads', () => {
    const page = nextPage(
      '<script src="/lab/_next/static/chunks/a.js" async=""></script>',
      '',
      '/lab',
    );
    expect(hydrateAfterPaint(page).scripts).toEqual([
      '/lab/_next/static/chunks/a.js',
      '/lab/_next/static/chunks/late.js',
    ]);
  });

  it('reads markup as a browser does: a tag inside a comment or a script is not a tag', () => {
    const commented =
      '<!-- <script src="/_next/static/chunks/old.js" async=""></script> -->' +
      '<script>var s = \'<script src="/_next/static/chunks/str.js" async=""></scr\' + \'ipt>\'</script>';
    const { html, scripts } = hydrateAfterPaint(nextPage(twoScripts, commented));
    expect(scripts).not.toContain('/_next/static/chunks/old.js');
    expect(scripts).not.toContain('/_next/static/chunks/str.js');
    expect(html).toContain(commented);
  });

  it('is idempotent', () => {
    const once = hydrateAfterPaint(nextPage(twoScripts)).html;
    expect(hydrateAfterPaint(once)).toEqual({ html: once, scripts: initialScripts(once) });
    expect(once.match(new RegExp(LOADER_ATTRIBUTE, 'g'))).toHaveLength(2);
  });

  it('leaves a page without Next.js alone and refuses one whose script tags it cannot find', () => {
    const plain = '<html><body><p>static</p></body></html>';
    expect(hydrateAfterPaint(plain)).toEqual({ html: plain, scripts: [] });
    const changedShape =
      '<html><head><script type="module" src="/app.js"></script></head><body>' +
      '<script>self.__next_f=[]</script></body></html>';
    expect(() => hydrateAfterPaint(changedShape)).toThrow(/no async \/_next\/static script/);
  });

  it('writes a loader that requests the scripts after the first contentful paint', () => {
    const { html, scripts } = hydrateAfterPaint(nextPage(twoScripts));
    const appended: string[] = [];
    let observer: ((list: unknown, o: { disconnect(): void }) => void) | null = null;
    const timers: (() => void)[] = [];
    class FakeObserver {
      static supportedEntryTypes = ['paint'];
      constructor(callback: typeof observer) {
        observer = callback;
      }
      observe() {}
    }
    const window = { PerformanceObserver: FakeObserver };
    const list = html.match(new RegExp(`${LOADER_ATTRIBUTE}="([^"]*)"`))?.[1] ?? '';
    const document = {
      visibilityState: 'visible',
      currentScript: { getAttribute: () => list.replaceAll('&quot;', '"') },
      createElement: () => ({ src: '', async: false }),
      head: { appendChild: (e: { src: string }) => appended.push(e.src) },
    };
    const setTimeout = (fn: () => void) => timers.push(fn);
    new Function('window', 'document', 'setTimeout', loaderCode(html))(
      window,
      document,
      setTimeout,
    );
    // Nothing is requested before the paint; the 3 s fallback is armed.
    expect(appended).toEqual([]);
    expect(timers).toHaveLength(1);
    const paint = { getEntriesByName: (n: string) => (n === 'first-contentful-paint' ? [{}] : []) };
    observer!(paint, { disconnect() {} });
    timers[1]!();
    // Each script is requested in a task of its own, in order.
    expect(appended).toEqual([]);
    expect(timers).toHaveLength(2 + scripts.length);
    timers.slice(2).forEach((request) => request());
    expect(appended).toEqual(scripts);
    // The fallback firing afterwards does not load them twice.
    timers[0]!();
    expect(timers).toHaveLength(2 + scripts.length);
    expect(appended).toHaveLength(3);
  });
});

describe('inlineStylesheets', () => {
  const css = '@font-face{src:url(../media/inter.woff2)format("woff2")}p{color:red}';
  const read = (href: string) => {
    if (!href.endsWith('/_next/static/chunks/site.css')) throw new Error(`asked for ${href}`);
    return css;
  };

  it('puts the stylesheet in the page and disables its link, changing nothing else', () => {
    const before = nextPage(twoScripts);
    const html = inlineStylesheets(before, read);
    const link = '<link rel="stylesheet" href="/_next/static/chunks/site.css"/>';
    const inlined =
      `<style ${INLINED_ATTRIBUTE}="/_next/static/chunks/site.css">` +
      '@font-face{src:url("/_next/static/media/inter.woff2")format("woff2")}p{color:red}</style>' +
      '<link disabled="" rel="stylesheet" href="/_next/static/chunks/site.css"/>';
    expect(html).toBe(before.replace(link, inlined));
    // A second run finds no enabled Next.js stylesheet: nothing changes.
    expect(inlineStylesheets(html, read)).toBe(html);
  });

  it('resolves the font against the stylesheet, under a base path too', () => {
    const html = inlineStylesheets(nextPage('', '', '/lab'), read);
    expect(html).toContain('url("/lab/_next/static/media/inter.woff2")');
    expect(html).toContain('<link disabled="" rel="stylesheet" href="/lab/_next/static/chunks/');
  });

  it('rewrites only url() tokens the CSS parser finds, in any spelling', () => {
    const source =
      '.a:before{content:"url(../not-a-url)"}' +
      ".b{background:url( '../img/b.png' ) no-repeat}" +
      '.c{background:url(data:image/png;base64,AA)}.d{mask:url(#m)}.e{background:url(/abs.png)}';
    expect(cssForPage(source, '/x/_next/static/chunks/s.css')).toBe(
      '.a:before{content:"url(../not-a-url)"}' +
        '.b{background:url("/x/_next/static/img/b.png") no-repeat}' +
        '.c{background:url(data:image/png;base64,AA)}.d{mask:url(#m)}.e{background:url(/abs.png)}',
    );
  });

  it('keeps a query and a fragment, quotes what a bare url() cannot hold, and finds the token after other values', () => {
    const at = '/_next/static/chunks/s.css';
    expect(cssForPage('.i{mask:url(../media/sprite.svg#icon)}', at)).toBe(
      '.i{mask:url("/_next/static/media/sprite.svg#icon")}',
    );
    expect(cssForPage('@font-face{src:url(../media/f.woff2?v=2)}', at)).toBe(
      '@font-face{src:url("/_next/static/media/f.woff2?v=2")}',
    );
    expect(cssForPage('.q{background:url("../it\'s.png")}', at)).toBe(
      '.q{background:url("/_next/static/chunks/it\'s.png")}'.replace('chunks/', ''),
    );
    expect(cssForPage('.w{background:red url(../x.png)}', at)).toBe(
      '.w{background:red url("/_next/static/x.png")}',
    );
  });

  it('counts lines as the CSS parser does: \\n, \\r\\n, a lone \\r and \\f', () => {
    for (const eol of ['\n', '\r\n', '\r', '\f']) {
      expect(
        cssForPage(`a{b:1}${eol}.c{background:url(../c.png)}`, '/_next/static/chunks/s.css'),
      ).toBe(`a{b:1}${eol}.c{background:url("/_next/static/c.png")}`);
    }
  });

  it('refuses a stylesheet that would close the <style> element early', () => {
    expect(() => cssForPage('p:after{content:"</style>"}', '/_next/static/chunks/s.css')).toThrow(
      /<\/style/,
    );
  });
});

describe('the pipeline', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('rewrites every page and gives each framework script the compile hint once', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'post-build-'));
    const chunks = path.join(root, '_next/static/chunks');
    await mkdir(chunks, { recursive: true });
    await mkdir(path.join(root, 'guide'));
    for (const name of ['a', 'b', 'late', 'widget'])
      await writeFile(path.join(chunks, `${name}.js`), `console.log("${name}")`);
    await writeFile(path.join(chunks, 'site.css'), 'p{margin:0}');
    await writeFile(
      path.join(root, 'index.html'),
      nextPage('<script src="/_next/static/chunks/a.js" async=""></script>'),
    );
    await writeFile(path.join(root, 'guide/index.html'), nextPage(twoScripts));

    const log: string[] = [];
    const steps = [hydrateAfterPaintStep, inlineCssStep, compileHintsStep];
    await postBuild(root, steps, (line) => log.push(line));
    expect(log).toEqual([
      'post-build hydrate-after-paint: 2 pages load their framework scripts after the first paint',
      'post-build inline-css: 2 pages carry 1 stylesheet inline',
      'post-build compile-hints: 3 framework scripts, 3 newly given the compile hint',
    ]);
    expect(await readFile(path.join(chunks, 'a.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("a")`,
    );
    expect(await readFile(path.join(chunks, 'widget.js'), 'utf8')).toBe('console.log("widget")');
    const page = await readFile(path.join(root, 'guide/index.html'), 'utf8');
    expect(page).toContain(
      `<style ${INLINED_ATTRIBUTE}="/_next/static/chunks/site.css">p{margin:0}</style>`,
    );
    expect(initialScripts(page)).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
      '/_next/static/chunks/late.js',
    ]);

    log.length = 0;
    await postBuild(root, steps, (line) => log.push(line));
    expect(log.slice(1)).toEqual([
      'post-build inline-css: 0 pages carry 0 stylesheets inline',
      'post-build compile-hints: 3 framework scripts, 0 newly given the compile hint',
    ]);
    expect(await readFile(path.join(root, 'guide/index.html'), 'utf8')).toBe(page);
    expect(await readFile(path.join(chunks, 'b.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("b")`,
    );
  });

  it('fails on an export with no Next.js page', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'post-build-'));
    await writeFile(path.join(root, 'index.html'), '<html><body>plain</body></html>');
    await expect(postBuild(root, [hydrateAfterPaintStep])).rejects.toThrow(/no page/);
  });
});
