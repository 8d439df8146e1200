'use client';

import { useEngineWorker } from '../use-engine-worker';
import { RedisConsoleCore } from './redis-console.core';

/** The console with its default engine: a Web Worker of its own. */
export function RedisConsole({ seed = 7 }: { seed?: number }) {
  const client = useEngineWorker();
  return <RedisConsoleCore client={client} seed={seed} />;
}
