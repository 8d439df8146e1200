'use client';

import { useWorker } from '../use-worker';
import { FanOutPlaygroundCore, type FanOutPlaygroundProps } from './fan-out-playground.core';

/**
 * The fan-out playground with its default engine: a leaderboard worker of its own. Its
 * code (and so the worker) loads only when it nears the viewport (manifest.ts).
 */
export function FanOutPlayground(props: FanOutPlaygroundProps & { embedded?: boolean }) {
  const client = useWorker('leaderboard');
  return <FanOutPlaygroundCore client={client} {...props} />;
}
