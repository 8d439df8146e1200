import type { Progress } from './rpc';

/**
 * The one status model every widget shows for work it asks a worker to do: nothing asked
 * yet, loading (with progress, and whether a cancel is on its way), ready with the value,
 * cancelled (with how far it got), or failed (with a message to show).
 */
export type RequestStatus<T> =
  | { kind: 'idle' }
  | { kind: 'loading'; progress: Progress | null; cancelling: boolean }
  | { kind: 'ready'; value: T }
  | { kind: 'cancelled'; progress: Progress | null }
  | { kind: 'failed'; message: string };

/**
 * A request slot's state: its status, the latest value any of its requests produced (kept
 * while the next one loads, so a widget can keep drawing it dimmed), and the token of the
 * one request whose answers may change it.
 */
export interface RequestState<T> {
  token: number;
  status: RequestStatus<T>;
  value: T | null;
}

/**
 * Everything that can happen to a slot. Each event names the request it belongs to: an
 * event for any token but the current one is dropped, so an answer to a request that was
 * superseded, cancelled or reset can never reach the screen.
 */
export type RequestEvent<T> =
  | { type: 'start'; token: number }
  | { type: 'progress'; token: number; progress: Progress }
  | { type: 'cancelling'; token: number }
  | { type: 'ready'; token: number; value: T }
  | { type: 'cancelled'; token: number; progress: Progress | null }
  | { type: 'failed'; token: number; message: string }
  | { type: 'reset'; token: number };

export function initialRequestState<T>(): RequestState<T> {
  return { token: 0, status: { kind: 'idle' }, value: null };
}

/** The slot after `event`. Pure; O(1). */
export function reduceRequest<T>(state: RequestState<T>, event: RequestEvent<T>): RequestState<T> {
  if (event.type === 'start') {
    return {
      token: event.token,
      status: { kind: 'loading', progress: null, cancelling: false },
      value: state.value,
    };
  }
  if (event.type === 'reset') return { token: event.token, status: { kind: 'idle' }, value: null };
  if (event.token !== state.token) return state;
  const status = state.status;
  switch (event.type) {
    case 'progress':
      return status.kind === 'loading'
        ? { ...state, status: { ...status, progress: event.progress } }
        : state;
    case 'cancelling':
      return status.kind === 'loading'
        ? { ...state, status: { ...status, cancelling: true } }
        : state;
    case 'ready':
      return { ...state, status: { kind: 'ready', value: event.value }, value: event.value };
    case 'cancelled':
      return { ...state, status: { kind: 'cancelled', progress: event.progress } };
    case 'failed':
      return { ...state, status: { kind: 'failed', message: event.message } };
  }
}
