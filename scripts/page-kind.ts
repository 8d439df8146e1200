// Which Lighthouse bar a page is held to (issues 15 and 16): 98 for reading, 95 for a page
// whose content is interactive. One rule for perf:site, perf:ab and perf:offline.

/**
 * Pages that are one interactive tool rather than text: the practice room is nothing but its
 * app (React Flow canvas, timer, panels), loaded on the page as a widget is.
 */
const APP_PAGES: readonly string[] = ['/practice/'];

/**
 * A Leaderboard Design section that carries a widget, found by a widget's own markup
 * (`data-widget="redis-console"`), not by the inline site script, which every page carries
 * and which mentions `data-widget="${…}"` in a template; or an app page. Every other page,
 * the home page and the other chapters included, is a reading page.
 */
export function isWidgetPage(pagePath: string, html: string): boolean {
  if (APP_PAGES.includes(pagePath)) return true;
  return pagePath.startsWith('/leaderboard-design/') && /data-widget="[a-z]/.test(html);
}

/** Lighthouse mobile performance a page must reach. */
export const performanceTarget = (pagePath: string, html: string): number =>
  isWidgetPage(pagePath, html) ? 95 : 98;
