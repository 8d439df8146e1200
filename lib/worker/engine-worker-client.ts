import type { SortedSetInspection, SortedSetTrace } from '../engine/inspect';
import type { WireReply } from '../engine/reply';
import type {
  EngineRequest,
  EngineResponse,
  LineResponse,
  LoadedResponse,
  ProgressResponse,
} from './protocol';

/**
 * Promise-based calls over the worker protocol, for widgets. Works with a real
 * Worker or anything shaped like one (tests pass an in-process host).
 */

/** The part of a Worker this client uses. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** A running load: its final result, and a way to stop it. */
export interface LoadHandle {
  id: number;
  done: Promise<LoadedResponse>;
  cancel(): void;
}

/** Rejection for error responses (the message is Redis-style text). */
export class EngineWorkerError extends Error {}

/** Typed request/response calls to an engine worker. */
export interface EngineWorkerClient {
  runLine(line: string): Promise<LineResponse>;
  command(argv: string[]): Promise<WireReply>;
  load(
    options: { key: string; count: number; seed: number; maxScore?: number; chunkSize?: number },
    onProgress?: (p: ProgressResponse) => void,
  ): LoadHandle;
  reset(): Promise<void>;
  snapshot(key: string, limit?: number): Promise<SortedSetInspection>;
  trace(
    key: string,
    request:
      { op: 'zrank' | 'zrevrank'; member: string } | { op: 'zadd'; member: string; score: number },
  ): Promise<SortedSetTrace>;
}

type Pending = {
  resolve: (r: EngineResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ProgressResponse) => void;
};

/**
 * Wraps a worker. Responses are matched to requests by id; progress messages
 * go to the load's callback. Error responses reject with EngineWorkerError.
 */
export function createEngineWorkerClient(worker: WorkerLike): EngineWorkerClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.addEventListener('message', (event) => {
    const msg = event.data as EngineResponse;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.(msg);
      return;
    }
    pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new EngineWorkerError(msg.message));
    else p.resolve(msg);
  });
  const send = <T extends EngineResponse>(
    build: (id: number) => EngineRequest,
    onProgress?: (p: ProgressResponse) => void,
  ): { id: number; promise: Promise<T> } => {
    const id = nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: EngineResponse) => void, reject, onProgress });
    });
    worker.postMessage(build(id));
    return { id, promise };
  };
  return {
    runLine: (line) => send<LineResponse>((id) => ({ id, type: 'line', line })).promise,
    command: async (argv) => {
      const r = await send<EngineResponse & { type: 'reply' }>((id) => ({
        id,
        type: 'command',
        argv,
      })).promise;
      return r.reply;
    },
    load: (options, onProgress) => {
      const { id, promise } = send<LoadedResponse>(
        (id) => ({ id, type: 'load', ...options }),
        onProgress,
      );
      return {
        id,
        done: promise,
        cancel: () => void send((cid) => ({ id: cid, type: 'cancel', target: id })).promise,
      };
    },
    reset: async () => {
      await send((id) => ({ id, type: 'reset' })).promise;
    },
    snapshot: async (key, limit) => {
      const r = await send<EngineResponse & { type: 'snapshot' }>((id) => ({
        id,
        type: 'snapshot',
        key,
        limit,
      })).promise;
      return r.inspection;
    },
    trace: async (key, request) => {
      const r = await send<EngineResponse & { type: 'trace' }>((id) => ({
        id,
        type: 'trace',
        key,
        ...request,
      })).promise;
      return r.trace;
    },
  };
}
