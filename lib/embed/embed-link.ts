import type { ParamSchema } from '../leaderboard/playground-params';

/*
 * Parsing goes through the widgets' one parser. Re-exported from its own module, not the
 * leaderboard entry point, so the embed pages and the builder do not pull in the designs
 * and the engine helpers the entry point also exports (about 20 KB gzip).
 */
export { parseParams } from '../leaderboard/playground-params';
export type { ParamSchema, ParamSpec } from '../leaderboard/playground-params';

/**
 * Embedding a widget in another site: its link, the iframe snippet and the messages by
 * which an embed sizes itself. Pure: the embed page, the embed builder and the playgrounds'
 * Embed buttons all build their links and snippets here, so there is one snippet.
 *
 * The height protocol (documented on /instructors/):
 * - the widget page posts `{ type: 'leaderboard-lab:resize', height, widget }` to its
 *   parent whenever its height changes (`height` in CSS pixels, `widget` its embed name);
 * - a host page that sizes the iframe answers `{ type: 'leaderboard-lab:autosize' }`, after
 *   which the widget takes its own height instead of filling the iframe, so it can shrink.
 */

export const RESIZE_MESSAGE = 'leaderboard-lab:resize';
export const AUTOSIZE_MESSAGE = 'leaderboard-lab:autosize';

/** The colour schemes an embed can be told to use; `system` follows the reader's setting. */
export const EMBED_THEMES = ['system', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** The tallest height a host script gives an iframe, px: a bound, never a widget's height. */
export const MAX_EMBED_HEIGHT = 6000;

/** `?theme=` as given, or undefined when absent or not one of the three. */
export function parseEmbedTheme(raw: string | null | undefined): EmbedTheme | undefined {
  return EMBED_THEMES.find((t) => t === raw);
}

/**
 * The query string of an embed link: every parameter of the schema in schema order (so the
 * link keeps meaning the same state if a default changes later), except empty text and
 * empty choices, then the theme. Booleans are written 1/0. O(parameters).
 */
export function embedQuery(
  schema: ParamSchema,
  values: Readonly<Record<string, unknown>>,
  theme?: EmbedTheme,
): string {
  const query = new URLSearchParams();
  for (const [key, spec] of Object.entries(schema)) {
    const value = values[key] ?? spec.default;
    if (value === '') continue;
    query.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  if (theme) query.set('theme', theme);
  return query.toString();
}

/** The absolute URL of embed `slug`: `origin` and `basePath` as the site is served. */
export function embedUrl(site: string, slug: string, query: string): string {
  return `${site.replace(/\/$/, '')}/embed/${slug}/${query ? `?${query}` : ''}`;
}

/**
 * The few lines a host page needs for its embeds to fit their widgets: it sets the height
 * of the iframe whose window sent a resize message, and answers it. One copy per page is
 * enough, and a second copy does no harm. Plain ES5, so it runs in any page.
 */
export const HOST_SCRIPT = `<script>
  // Leaderboard Lab embeds fit their widget's height (once per page is enough).
  window.addEventListener('message', function (e) {
    var d = e.data, frames = document.getElementsByTagName('iframe');
    if (!d || d.type !== '${RESIZE_MESSAGE}' || typeof d.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === e.source) {
      frames[i].style.height = Math.min(Math.max(d.height, 80), ${MAX_EMBED_HEIGHT}) + 'px';
      e.source.postMessage({ type: '${AUTOSIZE_MESSAGE}' }, '*');
    }
  });
</script>`;

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * What the iframe may do: run its scripts in its own origin (the console's worker and the
 * reader's saved progress need one), and open the "From Leaderboard Lab" link in a new tab.
 * No forms, no top navigation, no downloads.
 */
export const EMBED_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * The iframe of an embed, at its starting height (`height`, px, what the widget needs on a
 * wide screen): `clipboard-write` lets the widget's own copy buttons work inside the host.
 * `src` is written as given apart from `"` and `<` (a link from embedUrl has neither; `&`
 * followed by a parameter name and `=` is not a character reference, and a pasted snippet
 * reads better with plain `&`).
 */
export function iframeTag(src: string, title: string, height: number): string {
  const url = src.replace(/"/g, '%22').replace(/</g, '%3C');
  return `<iframe src="${url}" title="${attribute(title)}" width="100%" height="${Math.round(height)}" style="border:0;width:100%" loading="lazy" sandbox="${EMBED_SANDBOX}" allow="clipboard-write"></iframe>`;
}

/** The snippet an instructor pastes: the iframe, then the host script. */
export function embedSnippet(src: string, title: string, height: number): string {
  return `${iframeTag(src, title, height)}\n${HOST_SCRIPT}`;
}
