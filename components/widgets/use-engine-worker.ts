'use client';

import { useEffect, useState } from 'react';
import {
  createEngineWorkerClient,
  type EngineWorkerClient,
} from '@/lib/worker/engine-worker-client';

/**
 * Starts one engine worker for the component's lifetime (its own keyspace) and returns a
 * typed client, or null until it is ready. React's development double mount gets two
 * workers, one terminated at once, so two mounts never share data.
 */
export function useEngineWorker(): EngineWorkerClient | null {
  const [client, setClient] = useState<EngineWorkerClient | null>(null);
  useEffect(() => {
    const worker = new Worker(new URL('../../lib/worker/engine.worker.ts', import.meta.url), {
      type: 'module',
    });
    // The worker exists only in the browser, after mount; the client wraps it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(createEngineWorkerClient(worker));
    return () => worker.terminate();
  }, []);
  return client;
}
