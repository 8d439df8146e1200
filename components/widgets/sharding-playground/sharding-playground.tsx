'use client';

import { useLeaderboardWorker } from '../use-leaderboard-worker';
import { ShardingPlaygroundCore, type ShardingPlaygroundProps } from './sharding-playground.core';

/** The sharding playground with its default engine: a leaderboard worker of its own. */
export function ShardingPlayground(props: ShardingPlaygroundProps & { embedded?: boolean }) {
  const client = useLeaderboardWorker();
  return <ShardingPlaygroundCore client={client} {...props} />;
}
