'use client';

import { useLeaderboardWorker } from '../use-leaderboard-worker';
import { useNearViewport } from '../use-near-viewport';
import { ShardingPlaygroundCore, type ShardingPlaygroundProps } from './sharding-playground.core';

/**
 * The sharding playground with its default engine: a leaderboard worker of its own,
 * started when the playground comes near the viewport.
 */
export function ShardingPlayground(props: ShardingPlaygroundProps & { embedded?: boolean }) {
  const [ref, near] = useNearViewport();
  const client = useLeaderboardWorker(near);
  return (
    <div ref={ref}>
      <ShardingPlaygroundCore client={client} {...props} />
    </div>
  );
}
