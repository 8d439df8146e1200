'use client';

import { useWorker } from '../use-worker';
import { ShardingPlaygroundCore, type ShardingPlaygroundProps } from './sharding-playground.core';

/**
 * The sharding playground with its default engine: a leaderboard worker of its own. Its
 * code (and so the worker) loads only when it nears the viewport (manifest.ts).
 */
export function ShardingPlayground(props: ShardingPlaygroundProps & { embedded?: boolean }) {
  const client = useWorker('leaderboard');
  return <ShardingPlaygroundCore client={client} {...props} />;
}
