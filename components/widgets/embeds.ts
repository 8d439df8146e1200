/**
 * The playgrounds served without site chrome at /embed/<name>/ for iframes: name → what
 * the page is called. Only finished playgrounds are listed.
 */
export const EMBEDS = {
  sharding: 'Sharding playground',
  'approximate-ranking': 'Approximate ranking playground',
  pagination: 'Pagination under churn playground',
  'fan-out': 'Fan-out playground',
} as const;

export type EmbedName = keyof typeof EMBEDS;

export const isEmbedName = (name: string): name is EmbedName => name in EMBEDS;
