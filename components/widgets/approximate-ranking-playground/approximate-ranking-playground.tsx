'use client';

import { useState } from 'react';
import { useLeaderboardWorker } from '../use-leaderboard-worker';
import {
  ApproximateRankingPlaygroundCore,
  type ApproximateRankingPlaygroundProps,
} from './approximate-ranking-playground.core';

/**
 * The approximate-ranking playground with its default engine: a leaderboard worker of its
 * own. A computation cannot be interrupted inside the worker, so Cancel replaces it.
 */
export function ApproximateRankingPlayground(
  props: ApproximateRankingPlaygroundProps & { embedded?: boolean },
) {
  const [generation, setGeneration] = useState(0);
  const client = useLeaderboardWorker(true, generation);
  return (
    <ApproximateRankingPlaygroundCore
      client={client}
      onAbort={() => setGeneration((g) => g + 1)}
      {...props}
    />
  );
}
