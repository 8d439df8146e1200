import { runDesign, type RunRequest, type RunResult } from './run';

/**
 * The practice room's Web Worker: a run (capacity pass, checks, every drill) happens here so
 * the page never stalls. One request at a time, answered with its id; a newer request simply
 * makes the page ignore older answers. Start it with
 * `new Worker(new URL('../../lib/practice/run.worker.ts', import.meta.url), { type: 'module' })`.
 *
 * The layer helper's shared RPC layer (lib/worker) will replace this hand-written protocol
 * once it lands; it is kept to one message type in and one out until then.
 */

export type RunMessage = { readonly id: number; readonly request: RunRequest };
export type RunReply =
  | { readonly id: number; readonly result: RunResult; readonly ms: number }
  | { readonly id: number; readonly error: string };

interface WorkerScope {
  postMessage(message: RunReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const data = event.data as Partial<RunMessage> | null;
  if (typeof data !== 'object' || data === null || typeof data.id !== 'number' || !data.request) {
    return;
  }
  const started = performance.now();
  try {
    const result = runDesign(data.request);
    scope.postMessage({ id: data.id, result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
