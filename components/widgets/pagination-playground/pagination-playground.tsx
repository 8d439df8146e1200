'use client';

import { useWorker } from '../use-worker';
import {
  PaginationPlaygroundCore,
  type PaginationPlaygroundProps,
} from './pagination-playground.core';

/** The pagination-under-churn playground with its default engine: a leaderboard worker of its own. */
export function PaginationPlayground(props: PaginationPlaygroundProps & { embedded?: boolean }) {
  const client = useWorker('leaderboard');
  return <PaginationPlaygroundCore client={client} {...props} />;
}
