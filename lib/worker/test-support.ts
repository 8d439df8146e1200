import type { PortLike, RpcRequest, RpcResponse, WorkerError } from './rpc';

/**
 * An in-process stand-in for a Worker: messages cross as timer tasks and are cloned with
 * structuredClone, as postMessage does, so tests see the ordering and copying a real
 * worker gives. `serve` receives the function that posts to the page and returns the
 * handler for incoming messages.
 */
export function inProcessWorker(
  serve: (post: (message: RpcResponse) => void) => (message: unknown) => Promise<void>,
): PortLike & {
  sent: RpcResponse[];
  crash(): void;
  deliver(data: unknown): void;
  terminated: boolean;
} {
  const messageListeners: ((event: { data: unknown }) => void)[] = [];
  const errorListeners: ((event: unknown) => void)[] = [];
  const sent: RpcResponse[] = [];
  let terminated = false;
  const handle = serve((m) => {
    sent.push(m);
    setTimeout(() => {
      if (!terminated) messageListeners.forEach((l) => l({ data: structuredClone(m) }));
    }, 0);
  });
  return {
    sent,
    get terminated() {
      return terminated;
    },
    postMessage: (m: RpcRequest) => {
      const copy = structuredClone(m);
      setTimeout(() => {
        if (!terminated) void handle(copy);
      }, 0);
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'message') messageListeners.push(listener as (event: { data: unknown }) => void);
      else errorListeners.push(listener as (event: unknown) => void);
    },
    terminate: () => {
      terminated = true;
    },
    crash: () => errorListeners.forEach((l) => l(new Error('boom'))),
    deliver: (data) => messageListeners.forEach((l) => l({ data })),
  };
}

/** A yield that goes through the timer queue, where the in-process messages travel. */
export const timerYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The WorkerError a call rejected with, or null if it resolved. */
export const rejection = (p: Promise<unknown>): Promise<WorkerError | null> =>
  p.then(
    () => null,
    (e: unknown) => e as WorkerError,
  );
