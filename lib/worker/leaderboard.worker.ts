import { createClient } from '../engine/client';
import { LeaderboardPlaygroundHost, type PlaygroundResponse } from '../leaderboard/playground-host';
import { createYield } from './engine-host';

/**
 * The playgrounds' Web Worker entry: one LeaderboardPlaygroundHost over the in-browser
 * engine, requests in, responses out (the `lb:*` protocol of playground-host.ts). Start it
 * from a client component with
 * `new Worker(new URL('../../lib/worker/leaderboard.worker.ts', import.meta.url), { type: 'module' })`.
 */

interface WorkerScope {
  postMessage(message: PlaygroundResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
// A MessageChannel yield, not setTimeout(0): nested timers are clamped to 4 ms, which
// would add seconds to a million-player load that yields every slice.
const host = new LeaderboardPlaygroundHost({
  createClient: () => createClient(),
  yieldNow: createYield(),
});
scope.addEventListener('message', (event) => {
  const data = event.data as { id?: unknown; type?: unknown } | null;
  // The host trusts its request shape; anything else gets an error answer, never a throw.
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.id !== 'number' ||
    typeof data.type !== 'string' ||
    !data.type.startsWith('lb:')
  ) {
    const id = typeof data?.id === 'number' ? data.id : -1;
    scope.postMessage({ id, type: 'lb:error', message: 'malformed request', cancelled: false });
    return;
  }
  void host.handle(event.data as Parameters<LeaderboardPlaygroundHost['handle']>[0], (m) =>
    scope.postMessage(m),
  );
});
