'use client';

import { useWorker } from '../use-worker';
import { RedisConsoleCore } from './redis-console.core';

/** The console with its default engine: a Web Worker of its own. */
export function RedisConsole({ seed = 7 }: { seed?: number }) {
  const client = useWorker('engine');
  return <RedisConsoleCore client={client} seed={seed} />;
}
