import { CONSOLE_SCRIPT_TIME_LIMIT_MS, serveEngine } from './engine-host';
import type { RpcResponse } from './rpc';

/**
 * The engine's Web Worker entry: one engine per worker, served through the RPC layer
 * (engine-host.ts lists the methods). Start it with `useWorker('engine')`.
 */

interface WorkerScope {
  postMessage(message: RpcResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const { handle } = serveEngine((message) => scope.postMessage(message), {
  scriptTimeLimitMs: CONSOLE_SCRIPT_TIME_LIMIT_MS,
});
scope.addEventListener('message', (event) => void handle(event.data));
