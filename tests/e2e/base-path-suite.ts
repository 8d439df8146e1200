/**
 * The browser tests `npm run test:e2e:lab` runs against the BASE_PATH=/lab build, served
 * under /lab/. Not the whole suite: CI runs on two cores and must stay well under 20 minutes,
 * and most files exercise widget logic that is the same code whatever the base path.
 *
 * Why this subset suffices: a base path can only break a URL, and every kind of URL the site
 * produces is loaded by one of these files:
 * - base-path: every href/src in every exported page and every CSS url() (static, all
 *   pages), canonical / Open Graph / sitemap / robots / llms.txt / Markdown, the server's
 *   sub-path, the search dialog (Pagefind bundle and result URLs), an embed snippet and the
 *   embed page it names, with the playground's worker chunk;
 * - navigation, client-navigation: sidebar, pager and client-side navigation (Next's chunk
 *   and RSC payload URLs), the mobile table of contents;
 * - console: the engine worker, and EVAL, which fetches the Lua VM's wasm;
 * - reader-defects: the embed pages of two worker playgrounds and their snippets;
 * - print: the printable chapters and whole-guide PDF, with absolute link targets;
 * - progress: progress keys stay root-relative while the pages live under /lab/ (sidebar
 *   ticks, /progress/ links);
 * - stable-links: anchor redirects (their registry paths are root-relative);
 * - offline: the service worker's scope, precache URLs and the update path.
 */
export const BASE_PATH_SUITE = [
  'tests/e2e/base-path.test.ts',
  'tests/e2e/navigation.test.ts',
  'tests/e2e/client-navigation.test.ts',
  'tests/e2e/console.test.ts',
  'tests/e2e/reader-defects.test.ts',
  'tests/e2e/print.test.ts',
  'tests/e2e/progress.test.ts',
  'tests/e2e/stable-links.test.ts',
  'tests/e2e/offline.test.ts',
] as const;
