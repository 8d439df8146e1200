'use client';

import type { EmbedName } from './embeds';
import {
  ApproximateRankingPlayground,
  FanOutPlayground,
  PaginationPlayground,
  ShardingPlayground,
} from './registry';

/** One playground filling an iframe; it reads its state from the query string. */
export function EmbeddedPlayground({ name }: { name: EmbedName }) {
  switch (name) {
    case 'sharding':
      return <ShardingPlayground embedded />;
    case 'approximate-ranking':
      return <ApproximateRankingPlayground embedded />;
    case 'pagination':
      return <PaginationPlayground embedded />;
    case 'fan-out':
      return <FanOutPlayground embedded />;
  }
}
