'use client';

import { useNearViewport } from '../use-near-viewport';
import { useWorker } from '../use-worker';
import { FanOutPlaygroundCore, type FanOutPlaygroundProps } from './fan-out-playground.core';

/**
 * The fan-out playground with its default engine: a leaderboard worker of its own,
 * started when the playground comes near the viewport.
 */
export function FanOutPlayground(props: FanOutPlaygroundProps & { embedded?: boolean }) {
  const [ref, near] = useNearViewport();
  const client = useWorker('leaderboard', near);
  return (
    <div ref={ref}>
      <FanOutPlaygroundCore client={client} {...props} />
    </div>
  );
}
