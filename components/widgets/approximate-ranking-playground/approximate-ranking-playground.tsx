'use client';

import { useWorker } from '../use-worker';
import {
  ApproximateRankingPlaygroundCore,
  type ApproximateRankingPlaygroundProps,
} from './approximate-ranking-playground.core';

/** The approximate-ranking playground with its default engine: a leaderboard worker of its own. */
export function ApproximateRankingPlayground(
  props: ApproximateRankingPlaygroundProps & { embedded?: boolean },
) {
  const client = useWorker('leaderboard');
  return <ApproximateRankingPlaygroundCore client={client} {...props} />;
}
