// Post-build step of `npm run build`: the one place the export is edited after `next build`.
// It changes how a page starts, in two ways that were measured on this machine.
//
// 1. Hydrate after the first paint. Next.js puts its framework scripts (about 141 KB gzip)
//    in <head> as async scripts. They download alongside the HTML, CSS and font, taking
//    bandwidth from them, and they run as soon as they arrive, often before the browser
//    has painted anything. This step removes those tags (and Next's preload of them)
//    and adds a small inline loader at the end of <body>. The loader requests the scripts
//    once the first contentful paint is reported: the reader sees the text first, and the
//    few interactive parts (search, theme toggle, widgets) hydrate a moment later. The
//    loader inserts the same tags the Turbopack runtime inserts for chunks it loads itself,
//    so client navigation finds them. It falls back to loading at once when the tab is
//    hidden or the browser has no paint timing, and after 3 s in any case. On
//    /leaderboard-design/recap/ the simulated mobile LCP fell from 1.87–2.43 s to
//    1.52 s (3 Lighthouse runs each).
//
// 2. Compile those scripts off the main thread. Each framework script gets V8's explicit
//    compile hint, `//# allFunctionsCalledOnLoad` (Chrome 136+, https://v8.dev/blog/explicit-compile-hints).
//    Without it V8 compiles every function lazily, on the main thread, the first time it
//    runs, and nearly every function in React DOM and the router runs during hydration.
//    With it Chrome compiles the files on its streaming thread while they download. On
//    /interview-skills/pushing-back/ at 4× CPU slowdown (medians of 5, side by side) the
//    longest task after first paint fell from 330 ms to 120 ms. The hint must be a file's
//    first line; other browsers read it as a comment. Widget chunks, fetched later and only
//    partly run, are left alone.
//
// Turbopack has no option for either, hence this step. It is idempotent, and it fails loudly
// when a page bootstraps Next.js but the script tags it expects are not there.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

const LOADER_ATTRIBUTE = 'data-hydrate-after-paint';

/** `<script src="/_next/static/….js" async="">` as Next.js writes it; not the noModule one. */
const ASYNC_SCRIPT = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"[^>]*>\s*<\/script>/g;
const PRELOAD_SCRIPT = /<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*\/?>/g;
/** An async framework script tag (not the noModule polyfill). */
const isFrameworkTag = (tag) => /\basync\b/.test(tag) && !/\bnoModule\b/i.test(tag);
const LOADER = new RegExp(
  `<script ${LOADER_ATTRIBUTE}>\\(function\\(u\\)\\{.*?\\}\\)\\((\\[.*?\\])\\)</script>`,
);

/** The inline loader for `scripts` (their paths never contain `</`). Kept in ES5 on purpose. */
function loader(scripts) {
  const body = [
    'var d=0;',
    'function go(){if(d)return;d=1;u.forEach(function(x){var e=document.createElement("script");e.src=x;e.async=true;document.head.appendChild(e)})}',
    'var P=window.PerformanceObserver;',
    'if(document.visibilityState!=="visible"||!P||(P.supportedEntryTypes||[]).indexOf("paint")<0)return go();',
    'new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();setTimeout(go,0)}}).observe({type:"paint",buffered:true});',
    'setTimeout(go,3000)',
  ].join('');
  return `<script ${LOADER_ATTRIBUTE}>(function(u){${body}})(${JSON.stringify(scripts)})</script>`;
}

/** The scripts a page loads up front: from its loader once rewritten, else from its tags. */
export function initialScripts(html) {
  const m = html.match(LOADER);
  if (m) return JSON.parse(m[1]);
  return [...html.matchAll(ASYNC_SCRIPT)]
    .filter(([tag]) => isFrameworkTag(tag))
    .map(([, src]) => src);
}

/**
 * Rewrites one exported page so its framework scripts load after the first paint. Returns
 * the new HTML (unchanged for a page already rewritten, or one without Next.js scripts)
 * and the scripts its loader requests.
 */
export function hydrateAfterPaint(html) {
  if (html.includes(`<script ${LOADER_ATTRIBUTE}>`)) return { html, scripts: initialScripts(html) };
  const scripts = [...new Set(initialScripts(html))];
  if (scripts.length === 0) {
    if (html.includes('self.__next_f')) {
      throw new Error('a page bootstraps Next.js but has no async /_next/static script tag');
    }
    return { html, scripts };
  }
  if (!html.includes('</body>')) throw new Error('a page has no </body> to put the loader before');
  const wanted = new Set(scripts);
  const rewritten = html
    .replace(ASYNC_SCRIPT, (tag, src) => (wanted.has(src) && isFrameworkTag(tag) ? '' : tag))
    .replace(PRELOAD_SCRIPT, (tag) => {
      const href = tag.match(/\bhref="([^"]+)"/)?.[1];
      return href && wanted.has(href) ? '' : tag;
    })
    .replace('</body>', `${loader(scripts)}</body>`);
  return { html: rewritten, scripts };
}

/** Every `.html` file under `dir`. */
async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Adds the compile hint to each of `scripts` (site paths under `root`) not yet marked. */
export async function addCompileHints(root, scripts) {
  const marked = [];
  for (const src of [...scripts].sort()) {
    const file = path.join(root, src);
    const code = await readFile(file, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    await writeFile(file, COMPILE_HINT + code);
    marked.push(src);
  }
  return marked;
}

/** Runs both steps over the export at `root`. */
export async function postBuild(root) {
  const scripts = new Set();
  let pages = 0;
  for (const file of await htmlFiles(root)) {
    const before = await readFile(file, 'utf8');
    const { html, scripts: found } = hydrateAfterPaint(before);
    if (found.length > 0) pages++;
    for (const src of found) scripts.add(src);
    if (html !== before) await writeFile(file, html);
  }
  const marked = await addCompileHints(root, scripts);
  return { pages, scripts: [...scripts].sort(), marked };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? 'out');
  const { pages, scripts, marked } = await postBuild(root);
  if (pages === 0) {
    console.error(`post-build: no page in ${root} loads a /_next/static script`);
    process.exit(1);
  }
  console.log(
    `post-build: ${pages} pages hydrate after first paint; ${scripts.length} framework scripts, ${marked.length} newly given the compile hint`,
  );
}
