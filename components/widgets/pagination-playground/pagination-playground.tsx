'use client';

import { useState } from 'react';
import { useLeaderboardWorker } from '../use-leaderboard-worker';
import {
  PaginationPlaygroundCore,
  type PaginationPlaygroundProps,
} from './pagination-playground.core';

/**
 * The pagination-under-churn playground with its default engine: a leaderboard worker of
 * its own. A run cannot be interrupted inside the worker, so Cancel replaces it.
 */
export function PaginationPlayground(props: PaginationPlaygroundProps & { embedded?: boolean }) {
  const [generation, setGeneration] = useState(0);
  const client = useLeaderboardWorker(true, generation);
  return (
    <PaginationPlaygroundCore
      client={client}
      onAbort={() => setGeneration((g) => g + 1)}
      {...props}
    />
  );
}
