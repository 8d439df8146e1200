import { EngineHost } from './engine-host';
import type { EngineResponse } from './protocol';

/**
 * The Web Worker entry: one engine per worker, requests in, responses out
 * (see protocol.ts). Start it from a client component with
 * `new Worker(new URL('../../lib/worker/engine.worker.ts', import.meta.url), { type: 'module' })`.
 */

interface WorkerScope {
  postMessage(message: EngineResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const host = new EngineHost((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => {
  void host.handle(event.data);
});
