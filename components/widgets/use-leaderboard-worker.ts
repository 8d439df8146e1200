'use client';

import { useEffect, useState } from 'react';
import {
  createLeaderboardWorkerClient,
  type LeaderboardWorkerClient,
} from '@/lib/worker/leaderboard-worker-client';

/**
 * Starts one leaderboard playground worker once `enabled` turns true, for the component's
 * lifetime, and returns a typed client, or null until then. Each playground gets its own
 * worker, so two playgrounds on a page never share a world. A new `generation` replaces
 * the worker (the way to stop a computation that does not yield).
 */
export function useLeaderboardWorker(
  enabled = true,
  generation = 0,
): LeaderboardWorkerClient | null {
  const [client, setClient] = useState<LeaderboardWorkerClient | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const worker = new Worker(new URL('../../lib/worker/leaderboard.worker.ts', import.meta.url), {
      type: 'module',
    });
    // The worker exists only in the browser, after mount; the client wraps it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(createLeaderboardWorkerClient(worker));
    return () => worker.terminate();
  }, [enabled, generation]);
  return client;
}
