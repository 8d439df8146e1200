/**
 * Site-wide constants. The canonical origin is used for the sitemap, canonical links and
 * Open Graph URLs; set NEXT_PUBLIC_SITE_URL when building for a real host. The copy-link
 * button uses the reader's own origin instead, so a link copied locally works locally.
 */
export const siteConfig = {
  name: 'Leaderboard Lab',
  tagline: 'System design, learned by running it',
  description:
    'An interactive system-design guide: interview skills, and a game leaderboard designed from one Redis sorted set to a sharded, approximately ranked system for 100M players.',
  url: (process.env.NEXT_PUBLIC_SITE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
} as const;
