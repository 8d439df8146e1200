import * as v from 'valibot';

/**
 * The one request/response layer between the page and a Web Worker. Both workers (the
 * engine behind the console and the skip-list picture, the leaderboard playgrounds) are a
 * table of methods served by `serveApi`, and every widget talks to them through
 * `createRpcClient`.
 *
 * - Request ids: the client numbers its calls; every answer carries the id back.
 * - Progress: a method reports `{ phase, done, total }` through its context; the call's
 *   `onProgress` receives it. A call gets any number of progress messages, then exactly
 *   one result or error.
 * - One cancel rule: `call.cancel()` asks the worker to stop. A request still waiting in the
 *   queue never starts; a running one stops at its next `progress()` or `checkpoint()`. Either
 *   way the call settles with a WorkerError whose code is 'cancelled', once the worker has
 *   stopped, so whatever the method wrote before stopping stays and is known.
 * - One error type: every failure is a WorkerError with a code (cancelled, invalid, failed,
 *   closed) and a message fit to show.
 * - Validation at the boundary: the host checks every incoming message and each method's
 *   parameters against a valibot schema before anything runs, and answers anything else with
 *   an 'invalid' error; the client checks the shape of every answer. Results are produced
 *   by our own typed code in the worker and are not validated again field by field.
 *
 * Why not Comlink: it proxies function calls well, but has no cancellation (an AbortSignal
 * cannot cross postMessage), reports progress only through proxied callbacks that each open
 * a MessagePort, and leaves validating what arrives to the caller. Cancel, progress and
 * validation are the three things this layer exists for, and they fit in this file.
 */

/** How far a long request got. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** Why a call failed. */
export type WorkerErrorCode = 'cancelled' | 'invalid' | 'failed' | 'closed';

/** The one error a call rejects with. `message` is fit to show a reader. */
export class WorkerError extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }

  get cancelled(): boolean {
    return this.code === 'cancelled';
  }
}

/** Messages from the page to a worker. */
export type RpcRequest =
  { rpc: 'call'; id: number; method: string; params: unknown } | { rpc: 'cancel'; id: number };

/** Messages from a worker to the page. */
export type RpcResponse =
  | { rpc: 'progress'; id: number; progress: Progress }
  | { rpc: 'result'; id: number; result: unknown }
  | { rpc: 'error'; id: number; code: WorkerErrorCode; message: string };

const requestSchema = v.variant('rpc', [
  v.object({
    rpc: v.literal('call'),
    id: v.pipe(v.number(), v.safeInteger()),
    method: v.string(),
    params: v.unknown(),
  }),
  v.object({ rpc: v.literal('cancel'), id: v.pipe(v.number(), v.safeInteger()) }),
]);

const progressSchema = v.object({ phase: v.string(), done: v.number(), total: v.number() });
const responseSchema = v.variant('rpc', [
  v.object({ rpc: v.literal('progress'), id: v.number(), progress: progressSchema }),
  v.object({ rpc: v.literal('result'), id: v.number(), result: v.unknown() }),
  v.object({
    rpc: v.literal('error'),
    id: v.number(),
    code: v.picklist(['cancelled', 'invalid', 'failed', 'closed']),
    message: v.string(),
  }),
]);

/** What a method can do while it runs. */
export interface RequestContext {
  /**
   * Reports progress, gives the worker's event loop a turn once a time slice is used up
   * (so cancel messages and other requests get in), and throws if the request was cancelled.
   */
  progress(phase: string, done: number, total: number): Promise<void>;
  /** The same without reporting: a place where the method may yield or stop. */
  checkpoint(): Promise<void>;
}

/**
 * One method a worker serves: its parameter schema and what it does. `I` is what a caller
 * sends, `P` what the method receives after the schema has filled in defaults.
 */
export interface Method<P, R, I = P> {
  params: v.GenericSchema<I, P>;
  /**
   * Requests run one at a time in arrival order, so a later request sees everything an
   * earlier one did. A `concurrent` method starts at once instead, between the time slices
   * of a long one: only for short, self-contained work (a console command during a load).
   */
  concurrent?: boolean;
  run(params: P, context: RequestContext): R | Promise<R>;
}

/** A worker's table of methods. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own types
export type Api = Record<string, Method<any, any, any>>;

export type ParamsOf<A extends Api, M extends keyof A> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any parameters match
  A[M] extends Method<any, any, infer I> ? I : never;
export type ResultOf<A extends Api, M extends keyof A> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any parameters match
  A[M] extends Method<any, infer R, any> ? Awaited<R> : never;

/** Defines one method with its types inferred from the schema. */
export function method<P, R, I = P>(definition: Method<P, R, I>): Method<P, R, I> {
  return definition;
}

/**
 * Drains a model's step generator inside a method: each step it yields is reported as
 * progress (where the request may yield or stop), and its return value is the result.
 * The one loop every stepped method uses.
 */
export async function runSteps<R>(
  steps: Generator<Progress, R, void>,
  context: RequestContext,
): Promise<R> {
  for (let s = steps.next(); ; s = steps.next()) {
    if (s.done) return s.value;
    await context.progress(s.value.phase, s.value.done, s.value.total);
  }
}

/** Thrown inside a method to stop it; the host answers 'cancelled'. */
class Cancelled extends Error {}

/** Stops the running method as cancelled (for a reason of its own, such as a reset). */
export function stopCancelled(): never {
  throw new Cancelled('cancelled');
}

/** Lets the event loop run (so queued messages are handled) before resolving. */
export type Yield = () => Promise<void>;

/**
 * Resolves on a fresh macrotask. A MessageChannel is used where available because
 * setTimeout(0) is clamped to 4 ms after a few nested calls, which would add seconds to a
 * million-player load that yields every slice.
 */
export function createYield(): Yield {
  if (typeof MessageChannel === 'undefined') {
    return () => new Promise((resolve) => setTimeout(resolve, 0));
  }
  const waiting: (() => void)[] = [];
  // Typed by hand: browsers and Node both have MessageChannel, with different typings.
  type Port = {
    onmessage: (() => void) | null;
    postMessage(message: number): void;
    unref?: () => void;
  };
  let channel: { port1: Port; port2: Port } | null = null;
  return () =>
    new Promise<void>((resolve) => {
      if (channel === null) {
        channel = new MessageChannel() as unknown as { port1: Port; port2: Port };
        channel.port1.onmessage = () => waiting.shift()?.();
        // In Node an open port keeps the process alive; browsers lack unref.
        channel.port1.unref?.();
      }
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/** Options for `serveApi`. */
export interface ServeOptions {
  /** Default: `createYield()`. */
  yieldNow?: Yield;
  /** Longest stretch of work between yields, ms. Default 30. */
  sliceMs?: number;
  now?: () => number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** "count: Invalid value" from valibot's issues, for an 'invalid' answer. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path?.map((p) => String(p.key)).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/**
 * Serves `api` over `post`. The returned function takes any incoming message (it is
 * validated here: it crossed a thread boundary) and resolves once the message is handled.
 * It never throws and never rejects: whatever goes wrong becomes an error answer.
 */
export function serveApi(
  api: Api,
  post: (message: RpcResponse) => void,
  options: ServeOptions = {},
): (message: unknown) => Promise<void> {
  const yieldNow = options.yieldNow ?? createYield();
  const sliceMs = options.sliceMs ?? 30;
  const now = options.now ?? clock;
  const cancelled = new Set<number>();
  /** Ids received and not yet answered: a cancel for anything else is ignored. */
  const open = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  const fail = (id: number, code: WorkerErrorCode, message: string) =>
    post({ rpc: 'error', id, code, message });

  async function execute(id: number, m: Method<unknown, unknown, unknown>, params: unknown) {
    let last = now();
    const stopIfCancelled = () => {
      if (cancelled.has(id)) throw new Cancelled('cancelled');
    };
    const checkpoint = async () => {
      if (now() - last >= sliceMs) {
        await yieldNow();
        last = now();
      }
      stopIfCancelled();
    };
    const context: RequestContext = {
      checkpoint,
      progress: async (phase, done, total) => {
        post({ rpc: 'progress', id, progress: { phase, done, total } });
        await checkpoint();
      },
    };
    try {
      stopIfCancelled();
      const result = await m.run(params, context);
      post({ rpc: 'result', id, result });
    } catch (e) {
      if (e instanceof Cancelled) fail(id, 'cancelled', 'cancelled');
      else fail(id, 'failed', e instanceof Error ? e.message : String(e));
    } finally {
      cancelled.delete(id);
      open.delete(id);
    }
  }

  return (message: unknown) => {
    const parsed = v.safeParse(requestSchema, message);
    if (!parsed.success) {
      const id =
        typeof message === 'object' && message !== null && 'id' in message
          ? Number((message as { id: unknown }).id)
          : -1;
      fail(Number.isSafeInteger(id) ? id : -1, 'invalid', 'malformed request');
      return Promise.resolve();
    }
    const request = parsed.output;
    if (request.rpc === 'cancel') {
      if (open.has(request.id)) cancelled.add(request.id);
      return Promise.resolve();
    }
    const m = Object.hasOwn(api, request.method) ? api[request.method] : undefined;
    if (!m) {
      fail(request.id, 'invalid', `unknown method '${request.method}'`);
      return Promise.resolve();
    }
    const params = v.safeParse(m.params, request.params);
    if (!params.success) {
      fail(request.id, 'invalid', `${request.method}: ${describeIssues(params.issues)}`);
      return Promise.resolve();
    }
    open.add(request.id);
    if (m.concurrent) return execute(request.id, m, params.output);
    const run = queue.then(() => execute(request.id, m, params.output));
    queue = run;
    return run;
  };
}

/**
 * Wires a handler made by `serveApi` (or a `serve…` wrapper of it) to the worker this code
 * runs in: what every `*.worker.ts` entry does, and all it does.
 */
export function serveInWorker(
  serve: (post: (message: RpcResponse) => void) => (message: unknown) => Promise<void>,
): void {
  const scope = globalThis as unknown as {
    postMessage(message: RpcResponse): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  };
  const handle = serve((message) => scope.postMessage(message));
  scope.addEventListener('message', (event) => void handle(event.data));
}

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface PortLike {
  postMessage(message: RpcRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate?(): void;
}

/** A call in flight: its result, and the way to stop it. */
export interface Call<T> {
  readonly id: number;
  readonly done: Promise<T>;
  /** Asks the worker to stop; `done` then rejects with a 'cancelled' WorkerError. */
  cancel(): void;
}

/** Typed calls to a worker serving `A`. */
export interface RpcClient<A extends Api> {
  call<M extends keyof A & string>(
    method: M,
    params: ParamsOf<A, M>,
    options?: { onProgress?: (progress: Progress) => void },
  ): Call<ResultOf<A, M>>;
  /** Terminates the worker; calls still open reject with a 'closed' WorkerError. */
  close(): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: WorkerError) => void;
  onProgress?: (progress: Progress) => void;
}

/**
 * Wraps a worker. Answers are matched to calls by id (O(1) per message); an answer that does
 * not have the protocol's shape is dropped. If the worker dies (an uncaught error in it, or
 * it fails to load) every open call fails instead of waiting forever.
 */
export function createRpcClient<A extends Api>(port: PortLike): RpcClient<A> {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  const failAll = (code: WorkerErrorCode, message: string) => {
    for (const p of pending.values()) p.reject(new WorkerError(code, message));
    pending.clear();
  };

  port.addEventListener('message', (event) => {
    const parsed = v.safeParse(responseSchema, event.data);
    if (!parsed.success) return;
    const msg = parsed.output;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.rpc === 'progress') {
      p.onProgress?.(msg.progress);
      return;
    }
    pending.delete(msg.id);
    if (msg.rpc === 'error') p.reject(new WorkerError(msg.code, msg.message));
    else p.resolve(msg.result);
  });
  port.addEventListener('error', () => {
    failAll('failed', 'The worker stopped unexpectedly. Reload the page to start it again.');
  });

  return {
    call(method, params, options) {
      const id = nextId++;
      const done = new Promise<never>((resolve, reject) => {
        if (closed) {
          reject(new WorkerError('closed', 'the worker was closed'));
          return;
        }
        pending.set(id, {
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: options?.onProgress,
        });
      });
      if (!closed) port.postMessage({ rpc: 'call', id, method, params });
      return {
        id,
        done,
        cancel: () => {
          if (pending.has(id)) port.postMessage({ rpc: 'cancel', id });
        },
      };
    },
    close() {
      if (closed) return;
      closed = true;
      failAll('closed', 'the worker was closed');
      port.terminate?.();
    },
  };
}

/** Maps a call's result, keeping its id and cancel. */
export function mapCall<T, U>(call: Call<T>, f: (value: T) => U): Call<U> {
  return { id: call.id, done: call.done.then(f), cancel: () => call.cancel() };
}

/**
 * Several calls as one: `steps` starts each call through `step`, and cancelling the
 * sequence cancels the call in flight and starts no further one (the sequence then rejects
 * with a 'cancelled' WorkerError, like a single call).
 */
export function sequence<T>(
  steps: (step: <U>(start: () => Call<U>) => Promise<U>) => Promise<T>,
): Call<T> {
  let current: Call<unknown> | null = null;
  let stopped = false;
  const step = <U>(start: () => Call<U>): Promise<U> => {
    if (stopped) return Promise.reject(new WorkerError('cancelled', 'cancelled'));
    const call = start();
    current = call;
    return call.done;
  };
  return {
    id: -1,
    done: steps(step),
    cancel: () => {
      stopped = true;
      current?.cancel();
    },
  };
}
