'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { EngineApi } from '@/lib/worker/engine-host';
import type { LeaderboardApi } from '@/lib/worker/leaderboard-host';
import type { PracticeApi } from '@/lib/worker/practice-host';
import { initialRequestState, reduceRequest, type RequestStatus } from '@/lib/worker/request-state';
import {
  createRpcClient,
  WorkerError,
  type Call,
  type Progress,
  type RpcClient,
} from '@/lib/worker/rpc';

export type { RequestStatus } from '@/lib/worker/request-state';
export type { Progress } from '@/lib/worker/rpc';

/** The workers: the engine (console, skip-list picture), the playgrounds', the practice room's. */
const workers = {
  engine: () =>
    new Worker(new URL('../../lib/worker/engine.worker.ts', import.meta.url), { type: 'module' }),
  leaderboard: () =>
    new Worker(new URL('../../lib/worker/leaderboard.worker.ts', import.meta.url), {
      type: 'module',
    }),
  practice: () =>
    new Worker(new URL('../../lib/worker/practice.worker.ts', import.meta.url), {
      type: 'module',
    }),
};

export type EngineClient = RpcClient<EngineApi>;
export type LeaderboardClient = RpcClient<LeaderboardApi>;
export type PracticeClient = RpcClient<PracticeApi>;
type AnyClient = EngineClient | LeaderboardClient | PracticeClient;

/**
 * Starts a worker of `kind` once `enabled` is true, for the component's lifetime, and
 * returns a typed client for it, or null until then. Each widget gets its own worker, so
 * two widgets never share data; React's development double mount gets two, one closed at
 * once.
 */
export function useWorker(kind: 'engine', enabled?: boolean): EngineClient | null;
export function useWorker(kind: 'leaderboard', enabled?: boolean): LeaderboardClient | null;
export function useWorker(kind: 'practice', enabled?: boolean): PracticeClient | null;
export function useWorker(kind: keyof typeof workers, enabled = true): AnyClient | null {
  const [client, setClient] = useState<AnyClient | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const c = createRpcClient<EngineApi & LeaderboardApi & PracticeApi>(workers[kind]());
    // The worker exists only in the browser, after mount; the client wraps it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(c);
    return () => {
      c.close();
      setClient(null);
    };
  }, [kind, enabled]);
  return client;
}

/** Called when the request that is current settles (never for a superseded one). */
export interface RequestHandlers<T> {
  onResult?: (value: T) => void;
  onCancel?: (progress: Progress | null) => void;
  onError?: (message: string) => void;
}

/** Starts one call; `onProgress` is the slot's (throttled for the screen). */
export type StartCall<T> = (onProgress: (progress: Progress) => void) => Call<T>;

/** A request slot: at most one request in flight, and the status of the latest. */
export interface WorkerRequest<T> {
  status: RequestStatus<T>;
  /** The latest value any request of this slot produced, kept while the next one runs. */
  value: T | null;
  /** Whether a request is in flight. */
  busy: boolean;
  /** Starts a request, superseding (and cancelling) the one in flight. */
  run(start: StartCall<T>, handlers?: RequestHandlers<T>): void;
  /** Asks the worker to stop the request in flight; the status says 'cancelled' once it has. */
  cancel(): void;
  /** Runs the last request again (after a cancel or a failure). */
  retry(): void;
  /** Cancels whatever is in flight and forgets the value. */
  reset(): void;
}

/** How often progress reaches the screen: a bar needs a few updates a second, not hundreds. */
const PROGRESS_MS = 200;

/**
 * The one way a widget asks a worker for something. A slot holds at most one request: a new
 * `run` supersedes the last (the worker is told to stop it), and every answer is tagged with
 * its request's token, which the reducer checks, so a late answer to an older request
 * cannot reach the screen, by construction rather than by each widget's care. The status is
 * the one model of request-state.ts; progress is throttled to five updates a second; an
 * unmount cancels what is in flight.
 */
export function useWorkerRequest<T>(): WorkerRequest<T> {
  const [state, dispatch] = useReducer(reduceRequest<T>, undefined, initialRequestState<T>);
  const tokens = useRef(0);
  const current = useRef<{ token: number; call: Call<T> } | null>(null);
  const last = useRef<{ start: StartCall<T>; handlers?: RequestHandlers<T> } | null>(null);

  const run = useCallback((start: StartCall<T>, handlers?: RequestHandlers<T>) => {
    current.current?.call.cancel();
    const token = ++tokens.current;
    last.current = { start, handlers };
    const isCurrent = () => current.current?.token === token;
    let latest: Progress | null = null;
    let shown: Progress | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      shown = latest;
      if (latest && isCurrent()) dispatch({ type: 'progress', token, progress: latest });
    };
    const pump = () => {
      timer = null;
      if (latest !== shown) {
        show();
        timer = setTimeout(pump, PROGRESS_MS);
      }
    };
    const settle = () => {
      if (timer !== null) clearTimeout(timer);
      current.current = null;
    };
    dispatch({ type: 'start', token });
    const call = start((p) => {
      latest = p;
      if (timer === null) {
        show();
        timer = setTimeout(pump, PROGRESS_MS);
      }
    });
    current.current = { token, call };
    call.done.then(
      (value) => {
        if (!isCurrent()) return;
        settle();
        dispatch({ type: 'ready', token, value });
        handlers?.onResult?.(value);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        settle();
        if (error instanceof WorkerError && error.cancelled) {
          dispatch({ type: 'cancelled', token, progress: latest });
          handlers?.onCancel?.(latest);
        } else {
          const message = error instanceof Error ? error.message : String(error);
          dispatch({ type: 'failed', token, message });
          handlers?.onError?.(message);
        }
      },
    );
  }, []);

  const cancel = useCallback(() => {
    const c = current.current;
    if (!c) return;
    c.call.cancel();
    dispatch({ type: 'cancelling', token: c.token });
  }, []);

  const retry = useCallback(() => {
    if (last.current) run(last.current.start, last.current.handlers);
  }, [run]);

  const reset = useCallback(() => {
    current.current?.call.cancel();
    current.current = null;
    dispatch({ type: 'reset', token: ++tokens.current });
  }, []);

  useEffect(
    () => () => {
      current.current?.call.cancel();
      current.current = null;
    },
    [],
  );

  return {
    status: state.status,
    value: state.value,
    busy: state.status.kind === 'loading',
    run,
    cancel,
    retry,
    reset,
  };
}
