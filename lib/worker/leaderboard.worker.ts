import { createClient } from '../engine/client';
import { serveLeaderboard } from './leaderboard-host';
import type { RpcResponse } from './rpc';

/**
 * The playgrounds' Web Worker entry: the models of lib/leaderboard over the in-browser
 * engine, served through the RPC layer (leaderboard-host.ts lists the methods). Start it
 * with `useWorker('leaderboard')`.
 */

interface WorkerScope {
  postMessage(message: RpcResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const { handle } = serveLeaderboard(
  () => createClient(),
  (message) => scope.postMessage(message),
);
scope.addEventListener('message', (event) => void handle(event.data));
