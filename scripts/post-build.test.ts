import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, hydrateAfterPaint, initialScripts, postBuild } from './post-build.mjs';

/** A page shaped like Next.js 16's export: async scripts in <head>, one more in <body>. */
const nextPage = (head: string, body = '') =>
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/site.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>' +
  head +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>' +
  `<body><p>text</p>${body}<script src="/_next/static/chunks/late.js" async=""></script>` +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';

const twoScripts =
  '<script src="/_next/static/chunks/a.js" async=""></script>' +
  '<script src="/_next/static/chunks/b.js" async=""></script>';

describe('hydrateAfterPaint', () => {
  it('moves every async framework script into one loader at the end of <body>', () => {
    const { html, scripts } = hydrateAfterPaint(nextPage(twoScripts));
    expect(scripts).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
      '/_next/static/chunks/late.js',
    ]);
    expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/(a|b|late)\.js"/);
    expect(html).not.toContain('rel="preload" as="script"');
    // The noModule polyfill, the stylesheet and the inline flight data stay as they were.
    expect(html).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script>');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css"/>');
    expect(html).toContain('self.__next_f');
    expect(html).toMatch(/<script data-hydrate-after-paint>.*<\/script><\/body><\/html>$/);
    expect(initialScripts(html)).toEqual(scripts);
  });

  it('is idempotent', () => {
    const once = hydrateAfterPaint(nextPage(twoScripts)).html;
    expect(hydrateAfterPaint(once)).toEqual({ html: once, scripts: initialScripts(once) });
    expect(once.match(/data-hydrate-after-paint/g)).toHaveLength(1);
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
    const { html } = hydrateAfterPaint(nextPage(twoScripts));
    const code = html.match(/<script data-hydrate-after-paint>(.*?)<\/script>/)?.[1] ?? '';
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
    const document = {
      visibilityState: 'visible',
      createElement: () => ({ src: '', async: false }),
      head: { appendChild: (e: { src: string }) => appended.push(e.src) },
    };
    const setTimeout = (fn: () => void) => timers.push(fn);
    new Function('window', 'document', 'setTimeout', code)(window, document, setTimeout);
    // Nothing is requested before the paint; the 3 s fallback is armed.
    expect(appended).toEqual([]);
    expect(timers).toHaveLength(1);
    const paint = { getEntriesByName: (n: string) => (n === 'first-contentful-paint' ? [{}] : []) };
    observer!(paint, { disconnect() {} });
    timers[1]!();
    expect(appended).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
      '/_next/static/chunks/late.js',
    ]);
    // The fallback firing afterwards does not load them twice.
    timers[0]!();
    expect(appended).toHaveLength(3);
  });
});

describe('postBuild', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('rewrites every page and gives each framework script the compile hint once', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'post-build-'));
    const chunks = path.join(root, '_next/static/chunks');
    await mkdir(chunks, { recursive: true });
    await mkdir(path.join(root, 'guide'));
    for (const name of ['a', 'b', 'late', 'widget'])
      await writeFile(path.join(chunks, `${name}.js`), `console.log("${name}")`);
    await writeFile(
      path.join(root, 'index.html'),
      nextPage('<script src="/_next/static/chunks/a.js" async=""></script>'),
    );
    await writeFile(path.join(root, 'guide/index.html'), nextPage(twoScripts));

    const first = await postBuild(root);
    expect(first).toEqual({
      pages: 2,
      scripts: [
        '/_next/static/chunks/a.js',
        '/_next/static/chunks/b.js',
        '/_next/static/chunks/late.js',
      ],
      marked: [
        '/_next/static/chunks/a.js',
        '/_next/static/chunks/b.js',
        '/_next/static/chunks/late.js',
      ],
    });
    expect(await readFile(path.join(chunks, 'a.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("a")`,
    );
    expect(await readFile(path.join(chunks, 'widget.js'), 'utf8')).toBe('console.log("widget")');
    const page = await readFile(path.join(root, 'guide/index.html'), 'utf8');
    expect(initialScripts(page)).toEqual(first.scripts);

    const second = await postBuild(root);
    expect(second.marked).toEqual([]);
    expect(await readFile(path.join(root, 'guide/index.html'), 'utf8')).toBe(page);
    expect(await readFile(path.join(chunks, 'b.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("b")`,
    );
  });
});
