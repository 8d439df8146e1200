'use client';

import { useNearViewport } from '../use-near-viewport';
import { useWorker } from '../use-worker';
import { ShardingPlaygroundCore, type ShardingPlaygroundProps } from './sharding-playground.core';

/**
 * The sharding playground with its default engine: a leaderboard worker of its own,
 * started when the playground comes near the viewport.
 */
export function ShardingPlayground(props: ShardingPlaygroundProps & { embedded?: boolean }) {
  const [ref, near] = useNearViewport();
  const client = useWorker('leaderboard', near);
  return (
    <div ref={ref}>
      <ShardingPlaygroundCore client={client} {...props} />
    </div>
  );
}
