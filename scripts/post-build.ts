// Post-build pipeline of `npm run build`: every step that runs on the export after
// `next build`, in order, over `out/` (or the directory given). A new step (the service
// worker's precache manifest, say) is one more entry in `STEPS`, after the ones whose output
// it needs.
//
// 1. hydrate-after-paint. Next.js puts its framework scripts (about 141 KB gzip) in <head> as
//    async scripts. They download alongside the HTML, CSS and font, taking bandwidth from
//    them, and run as soon as they arrive, often before anything is painted. This step
//    removes those tags (and Next's preload of them) and adds a small inline loader at the
//    end of <body> that requests them once the first contentful paint is reported: the text
//    comes first, hydration a moment later. The controls a reader can reach before hydration
//    work without it (components/site/site-controls.ts). The loader inserts the same tags
//    the Turbopack runtime inserts for chunks it loads itself, so client-side navigation
//    finds them; it loads at once when the tab is hidden or the browser has no paint timing,
//    and after 3 s in any case.
// 2. inline-css. Each page carries its stylesheets in a <style> element, so the first paint
//    waits for the HTML alone, not for a second request (on Lighthouse's phone profile a
//    request pays about 560 ms before its first byte). Next's <link> stays, disabled: the
//    browser does not fetch a disabled stylesheet, and React, hydrating, adopts the link it
//    rendered instead of inserting a new one and holding the commit until it loads. The
//    files stay in the export for client-side navigation to a page that needs another one.
//    Costs about 20 KB gzip per page's HTML; Next's own `experimental.inlineCss` put the CSS
//    in the flight data as well and doubled the HTML (52 -> 113 KB gzip on a chapter page).
// 3. compile-hints. Each framework script gets V8's explicit compile hint,
//    `//# allFunctionsCalledOnLoad` (Chrome 136+, https://v8.dev/blog/explicit-compile-hints):
//    Chrome then compiles it on its streaming thread while it downloads, instead of
//    compiling each function lazily on the main thread during hydration. The hint must be a
//    file's first line; other browsers read it as a comment. Widget chunks, fetched later and
//    only partly run, are left alone.
// 4. search-index. Pagefind indexes the final HTML into out/pagefind/.
// 5. service-worker. Writes out/sw.js with the precache manifest of the finished export
//    (scripts/service-worker.ts); last, because it records every file's revision.
//
// Measured side by side (`npm run perf:ab`): see the README's "A phone paints before it
// hydrates" and the figures quoted in the commits that changed a step.
//
// Turbopack has no option for steps 1 to 3, hence the rewrite. It parses each page with
// parse5 (the WHATWG HTML parsing algorithm, as browsers run it) and cuts and inserts at the
// source offsets the parser reports, so every byte it does not mean to change stays as Next
// wrote it. Every step is idempotent, and step 1 fails loudly when a page bootstraps Next.js
// but the script tags it expects are not there.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transform } from 'lightningcss';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import * as pagefind from 'pagefind';
import { serviceWorkerStep } from './service-worker';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The loader's attribute; its value is the JSON list of scripts the loader requests. */
export const LOADER_ATTRIBUTE = 'data-hydrate-after-paint';

/** The attribute of a stylesheet's inlined copy; its value is the stylesheet's URL. */
export const INLINED_ATTRIBUTE = 'data-inlined-from';

/** Every element of `html`, in document order, with source offsets. */
function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        found.push(child);
        visit(child);
        if ('content' in child) visit(child.content);
      }
    }
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return found;
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

const textOf = (element: Element): string =>
  element.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

/** The path of a URL on the site, whatever its base path: `/base/_next/…` → `/_next/…`. */
function nextStaticPath(url: string): string | null {
  const { pathname } = new URL(url, 'http://site/');
  const at = pathname.indexOf('/_next/static/');
  return at >= 0 ? pathname.slice(at) : null;
}

/** Next's `<script src="…/_next/static/….js" async>`; not the noModule polyfill. */
function isFrameworkScript(element: Element): boolean {
  const src = attribute(element, 'src');
  return (
    element.tagName === 'script' &&
    src !== undefined &&
    nextStaticPath(src)?.endsWith('.js') === true &&
    attribute(element, 'async') !== undefined &&
    attribute(element, 'nomodule') === undefined
  );
}

/** `value` as it can stand between double quotes in an attribute. */
const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The inline loader for `scripts` (read back from its attribute). Kept in ES5 on purpose. */
function loaderTag(scripts: readonly string[]): string {
  const code = [
    `var u=JSON.parse(document.currentScript.getAttribute("${LOADER_ATTRIBUTE}")),d=0;`,
    // One task per script: with the service worker answering, starting each request costs
    // the main thread 2-11 ms at 4x CPU slowdown, and all eight in one task made a task of
    // 11-96 ms, which Lighthouse counts as blocking time.
    'function go(){if(d)return;d=1;u.forEach(function(x){setTimeout(function(){var e=document.createElement("script");e.src=x;e.async=true;document.head.appendChild(e)},0)})}',
    'var P=window.PerformanceObserver;',
    'if(document.visibilityState!=="visible"||!P||(P.supportedEntryTypes||[]).indexOf("paint")<0)return go();',
    'new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(go,0)}}).observe({type:"paint",buffered:true});',
    'setTimeout(go,3000)',
  ].join('');
  const list = escapeAttribute(JSON.stringify(scripts));
  return `<script ${LOADER_ATTRIBUTE}="${list}">(function(){${code}})()</script>`;
}

/** The scripts a page loads up front: from its loader once rewritten, else from its tags. */
export function initialScripts(html: string): string[] {
  const elements = elementsOf(html);
  const loader = elements.find((e) => attribute(e, LOADER_ATTRIBUTE) !== undefined);
  if (loader) return JSON.parse(attribute(loader, LOADER_ATTRIBUTE)!) as string[];
  return [...new Set(elements.filter(isFrameworkScript).map((e) => attribute(e, 'src')!))];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(html: string, edits: Edit[]): string {
  let result = html;
  for (const { start, end, text } of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}

/** Cuts `element` out, from its start tag to its end tag. */
function removal(element: Element): Edit {
  const location = element.sourceCodeLocation;
  if (!location) throw new Error(`<${element.tagName}> has no source location`);
  return { start: location.startOffset, end: location.endOffset, text: '' };
}

/**
 * Rewrites one exported page so its framework scripts load after the first paint. Returns
 * the new HTML (unchanged for a page already rewritten, or one without Next.js scripts) and
 * the scripts its loader requests.
 */
export function hydrateAfterPaint(html: string): { html: string; scripts: string[] } {
  const elements = elementsOf(html);
  const loader = elements.find((e) => attribute(e, LOADER_ATTRIBUTE) !== undefined);
  if (loader) return { html, scripts: initialScripts(html) };
  const tags = elements.filter(isFrameworkScript);
  const scripts = [...new Set(tags.map((e) => attribute(e, 'src')!))];
  if (scripts.length === 0) {
    const bootstraps = elements.some(
      (e) => e.tagName === 'script' && textOf(e).includes('self.__next_f'),
    );
    if (bootstraps) {
      throw new Error('a page bootstraps Next.js but has no async /_next/static script tag');
    }
    return { html, scripts };
  }
  const bodyEnd = elements.find((e) => e.tagName === 'body')?.sourceCodeLocation?.endTag;
  if (!bodyEnd) throw new Error('a page has no </body> to put the loader before');
  const wanted = new Set(scripts);
  const preloads = elements.filter(
    (e) =>
      e.tagName === 'link' &&
      attribute(e, 'rel') === 'preload' &&
      attribute(e, 'as') === 'script' &&
      wanted.has(attribute(e, 'href') ?? ''),
  );
  const edits = [
    ...[...tags, ...preloads].map(removal),
    { start: bodyEnd.startOffset, end: bodyEnd.startOffset, text: loaderTag(scripts) },
  ];
  return { html: applyEdits(html, edits), scripts };
}

/** Next's `<link rel="stylesheet" href="…/_next/static/….css">`, not yet inlined. */
function isNextStylesheet(element: Element): boolean {
  const href = attribute(element, 'href');
  return (
    element.tagName === 'link' &&
    attribute(element, 'rel') === 'stylesheet' &&
    href !== undefined &&
    nextStaticPath(href)?.endsWith('.css') === true &&
    attribute(element, 'disabled') === undefined
  );
}

/**
 * Offset in `text` of a 1-based line and column as lightningcss reports locations: columns
 * in UTF-16 units, like string indices, and a line ends at \n, \r\n, a lone \r or \f.
 */
function offsetOf(text: string, line: number, column: number): number {
  const breaks = /\r\n|[\n\r\f]/g;
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const found = breaks.exec(text);
    if (!found) throw new Error(`no line ${line}`);
    offset = found.index + found[0].length;
  }
  return offset + column - 1;
}

/**
 * `css` as it reads inside a page: each relative `url()` (the font, resolved against the
 * stylesheet's own URL `href`) becomes an absolute path. lightningcss parses the stylesheet
 * and reports where each URL is; only those tokens are rewritten, so every other byte stays
 * as the bundler wrote it (lightningcss's own printer would re-serialise the whole file).
 */
export function cssForPage(css: string, href: string): string {
  const base = new URL(href, 'http://site/');
  const found: { offset: number; url: string }[] = [];
  transform({
    filename: href,
    code: Buffer.from(css),
    visitor: {
      Url(url) {
        found.push({ offset: offsetOf(css, url.loc.line, url.loc.column), url: url.url });
        return url;
      },
    },
  });
  const edits: Edit[] = [];
  for (const { offset, url } of found) {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) continue;
    // The location may point at whitespace before the token (`red url(…)`).
    const token = /^\s*(url\(\s*(?:"[^"]*"|'[^']*'|[^)\s]*)\s*\))/i.exec(css.slice(offset));
    if (!token) throw new Error(`${href}: no url() token where lightningcss found ${url}`);
    const start = offset + token[0].length - token[1]!.length;
    const { pathname, search, hash } = new URL(url, base);
    const quoted = JSON.stringify(pathname + search + hash);
    edits.push({ start, end: offset + token[0].length, text: `url(${quoted})` });
  }
  const result = applyEdits(css, edits);
  // The text goes inside <style>, whose content ends at the first "</style".
  if (/<\/style/i.test(result)) throw new Error(`${href} contains "</style"`);
  return result;
}

/**
 * Rewrites one exported page so its stylesheets are in the page: each Next.js stylesheet
 * link gets a <style> with the file's text in front of it and is itself disabled, which
 * stops the browser fetching it while React, hydrating, still finds the stylesheet it
 * rendered (React adopts a `link[rel=stylesheet][href]` already in the document instead of
 * inserting one and holding the commit until it loads). `read` returns a stylesheet's text
 * from its site URL.
 */
export function inlineStylesheets(html: string, read: (href: string) => string): string {
  const links = elementsOf(html).filter(isNextStylesheet);
  const edits = links.map((link): Edit => {
    const location = link.sourceCodeLocation;
    if (!location) throw new Error('<link> has no source location');
    const href = attribute(link, 'href')!;
    const original = html.slice(location.startOffset, location.endOffset);
    const disabled = `${original.slice(0, '<link'.length)} disabled=""${original.slice('<link'.length)}`;
    return {
      start: location.startOffset,
      end: location.endOffset,
      text: `<style ${INLINED_ATTRIBUTE}="${escapeAttribute(href)}">${cssForPage(read(href), href)}</style>${disabled}`,
    };
  });
  return applyEdits(html, edits);
}

/** Every `.html` file under `root`. */
async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Adds the compile hint to each of `scripts` (site URLs, any base path) not yet marked. */
export async function addCompileHints(root: string, scripts: Iterable<string>): Promise<string[]> {
  const marked: string[] = [];
  for (const src of [...scripts].sort()) {
    const local = nextStaticPath(src);
    if (!local) throw new Error(`${src} is not a /_next/static file`);
    const file = path.join(root, local);
    const code = await readFile(file, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    await writeFile(file, COMPILE_HINT + code);
    marked.push(src);
  }
  return marked;
}

/** One step of the pipeline: works on the export at `root`, returns a line for the log. */
export interface PostBuildStep {
  name: string;
  run: (root: string) => Promise<string>;
}

export const hydrateAfterPaintStep: PostBuildStep = {
  name: 'hydrate-after-paint',
  async run(root) {
    let pages = 0;
    for (const file of await htmlFiles(root)) {
      const before = await readFile(file, 'utf8');
      const { html, scripts } = hydrateAfterPaint(before);
      if (scripts.length > 0) pages++;
      if (html !== before) await writeFile(file, html);
    }
    if (pages === 0) throw new Error(`no page in ${root} loads a /_next/static script`);
    return `${pages} pages load their framework scripts after the first paint`;
  },
};

export const inlineCssStep: PostBuildStep = {
  name: 'inline-css',
  async run(root) {
    const texts = new Map<string, string>();
    const read = (href: string): string => {
      const local = nextStaticPath(href);
      if (!local) throw new Error(`${href} is not a /_next/static file`);
      const text = texts.get(local);
      if (text === undefined) throw new Error(`${href} was not read`);
      return text;
    };
    let pages = 0;
    for (const file of await htmlFiles(root)) {
      const before = await readFile(file, 'utf8');
      for (const link of elementsOf(before).filter(isNextStylesheet)) {
        const local = nextStaticPath(attribute(link, 'href')!)!;
        if (!texts.has(local)) texts.set(local, await readFile(path.join(root, local), 'utf8'));
      }
      const html = inlineStylesheets(before, read);
      if (html !== before) {
        pages++;
        await writeFile(file, html);
      }
    }
    const sheets = `${texts.size} stylesheet${texts.size === 1 ? '' : 's'}`;
    return `${pages} pages carry ${sheets} inline`;
  },
};

export const compileHintsStep: PostBuildStep = {
  name: 'compile-hints',
  async run(root) {
    const scripts = new Set<string>();
    for (const file of await htmlFiles(root)) {
      for (const src of initialScripts(await readFile(file, 'utf8'))) scripts.add(src);
    }
    const marked = await addCompileHints(root, scripts);
    return `${scripts.size} framework scripts, ${marked.length} newly given the compile hint`;
  },
};

export const searchIndexStep: PostBuildStep = {
  name: 'search-index',
  async run(root) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    try {
      const added = await index.addDirectory({ path: root });
      if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      return `${added.page_count} pages indexed into ${path.relative(root, written.outputPath)}/`;
    } finally {
      await pagefind.close();
    }
  },
};

/** The pipeline, in order. */
export const STEPS: readonly PostBuildStep[] = [
  hydrateAfterPaintStep,
  inlineCssStep,
  compileHintsStep,
  searchIndexStep,
  serviceWorkerStep,
];

/** Runs `steps` (by default all of them) over the export at `root`. */
export async function postBuild(
  root: string,
  steps: readonly PostBuildStep[] = STEPS,
  log: (line: string) => void = () => {},
): Promise<void> {
  for (const step of steps) log(`post-build ${step.name}: ${await step.run(root)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { skip: { type: 'string', multiple: true, default: [] } },
  });
  const unknown = values.skip.filter((name) => !STEPS.some((s) => s.name === name));
  if (positionals.length > 1 || unknown.length > 0) {
    console.error(
      `usage: tsx scripts/post-build.ts [out] [--skip ${STEPS.map((s) => s.name).join('|')}] …`,
    );
    process.exit(2);
  }
  const root = path.resolve(positionals[0] ?? 'out');
  try {
    await postBuild(
      root,
      STEPS.filter((s) => !values.skip.includes(s.name)),
      console.log,
    );
  } catch (error) {
    console.error(`post-build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
