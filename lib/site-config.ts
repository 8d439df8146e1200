/**
 * Site-wide constants, fixed at build time.
 *
 * - `SITE_URL` (or `NEXT_PUBLIC_SITE_URL`): the public origin, used for canonical links,
 *   Open Graph, the sitemap, robots.txt, llms.txt and the printed editions.
 * - `BASE_PATH`: the sub-path the export is published under (`/lab` serves the guide at
 *   `https://host/lab/`); next.config.mjs hands it to client code as NEXT_PUBLIC_BASE_PATH.
 *
 * Every path the guide's code writes (chapter hrefs, progress keys, the link registry) stays
 * root-relative, `/leaderboard-design/sharding/`; `withBasePath` turns one into a URL on
 * the published site and `withoutBasePath` turns a location back into one. The copy-link
 * button uses the reader's own origin, so a link copied locally works locally.
 */
export const basePath: string = (process.env.NEXT_PUBLIC_BASE_PATH ?? '').replace(/\/+$/, '');

const origin = (
  process.env.NEXT_PUBLIC_SITE_URL ??
  process.env.SITE_URL ??
  'http://localhost:3000'
).replace(/\/+$/, '');

export const siteConfig = {
  name: 'Leaderboard Lab',
  tagline: 'System design, learned by running it',
  description:
    'An interactive system-design guide: interview skills, and a game leaderboard designed from one Redis sorted set to a sharded, approximately ranked system for 100M players.',
  /** The public address of the site's root, base path included, without a trailing slash. */
  url: origin + basePath,
} as const;

/** `/x/` → `/lab/x/` under BASE_PATH=/lab. Leaves absolute URLs, `#…` and `?…` alone. */
export function withBasePath(href: string, base: string = basePath): string {
  return href.startsWith('/') && !href.startsWith('//') ? base + href : href;
}

/** `/lab/x/` → `/x/` under BASE_PATH=/lab: the root-relative path the guide's code keys on. */
export function withoutBasePath(pathname: string, base: string = basePath): string {
  if (!base) return pathname;
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}
