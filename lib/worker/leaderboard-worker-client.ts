import type {
  PlaygroundRequest,
  PlaygroundResponse,
  PlaygroundResults,
} from '../leaderboard/playground-host';

/**
 * Promise-based calls to the leaderboard playground worker, for widgets. Works with a real
 * Worker or anything shaped like one (tests pass an in-process host).
 */

/** The part of a Worker this client uses. */
export interface LeaderboardWorkerLike {
  postMessage(message: PlaygroundRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Progress of a long request: a phase name and how far it got. */
export interface PlaygroundProgress {
  phase: string;
  done: number;
  total: number;
}

/** Rejection for `lb:error` responses; `cancelled` is true when the request was cancelled. */
export class LeaderboardWorkerError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
  ) {
    super(message);
  }
}

/** A request in flight: its result, and a way to stop it (it then rejects, cancelled). */
export interface PlaygroundCall<T> {
  id: number;
  done: Promise<T>;
  cancel(): void;
}

/** Request bodies without the id the client assigns. */
type Body<K extends PlaygroundRequest['type']> = Omit<
  Extract<PlaygroundRequest, { type: K }>,
  'id'
>;

/** Typed request/response calls to a leaderboard playground worker. */
export interface LeaderboardWorkerClient {
  /**
   * Sends one request. Progress messages go to `onProgress`; the call resolves with the
   * request's result or rejects with LeaderboardWorkerError.
   */
  call<K extends Exclude<PlaygroundRequest['type'], 'lb:cancel'>>(
    body: Body<K> & { type: K },
    onProgress?: (p: PlaygroundProgress) => void,
  ): PlaygroundCall<PlaygroundResults[K]>;
}

interface Pending {
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: PlaygroundProgress) => void;
}

/**
 * Wraps a worker. Responses are matched to requests by id; each request gets progress
 * messages and then exactly one result or error. O(1) per message.
 */
export function createLeaderboardWorkerClient(
  worker: LeaderboardWorkerLike,
): LeaderboardWorkerClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.addEventListener('message', (event) => {
    const msg = event.data as PlaygroundResponse;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'lb:progress') {
      p.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total });
      return;
    }
    pending.delete(msg.id);
    if (msg.type === 'lb:error') p.reject(new LeaderboardWorkerError(msg.message, msg.cancelled));
    else p.resolve(msg.result);
  });
  return {
    call(body, onProgress) {
      const id = nextId++;
      const done = new Promise<never>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress });
      });
      worker.postMessage({ ...body, id } as PlaygroundRequest);
      return {
        id,
        done,
        cancel: () => {
          const cid = nextId++;
          // The cancel's own acknowledgement is not interesting; register it so it is consumed.
          pending.set(cid, { resolve: () => undefined, reject: () => undefined });
          worker.postMessage({ id: cid, type: 'lb:cancel', target: id });
        },
      };
    },
  };
}
