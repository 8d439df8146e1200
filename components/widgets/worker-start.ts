'use client';

import { createContext } from 'react';

/**
 * Starting a widget's worker, kept apart from use-worker.ts (and its RPC layer) so that
 * LazyWidget, which is in every chapter page's first JavaScript, can start one as soon as
 * the widget's placeholder nears the viewport: the worker then loads in parallel with the
 * widget's own chunk instead of after it has loaded, rendered and mounted.
 */

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

export type WorkerKind = keyof typeof workers;

/**
 * The bundler builds each worker as a small bootstrap script whose URL lists the worker's
 * chunks (`#params=`, a JSON array whose first item is the chunk paths); the bootstrap loads
 * them with one `importScripts` call, which Chromium fetches one after another. On a phone
 * link every request pays a full round trip, one after another (on Lighthouse's mobile
 * profile: 3.9 s for the playgrounds' worker, 2.5 s for the engine's). Fetching them here, all at once, puts them in the HTTP
 * cache (they are immutable) where `importScripts` finds them. A URL in another shape is
 * left alone: the worker still loads, only more slowly.
 */
function warmChunks(url: string | URL): void {
  try {
    const { hash, origin } = new URL(url, location.href);
    if (!hash.startsWith('#params=')) return;
    const params: unknown = JSON.parse(decodeURIComponent(hash.slice('#params='.length)));
    const chunks = Array.isArray(params) && Array.isArray(params[0]) ? params[0] : [];
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') continue;
      const href = new URL(chunk, origin);
      if (href.origin !== origin) continue;
      // Read to the end: a body nobody reads is not written to the cache whole.
      void fetch(href)
        .then((r) => r.arrayBuffer())
        .catch(() => {});
    }
  } catch {
    // Not the bundler's shape: nothing to warm.
  }
}

/**
 * Creates a worker of `kind` and warms its chunks. The bundler compiles `new Worker(new
 * URL(…))` into a call that builds the bootstrap URL and hands it to the global `Worker`
 * constructor, so the URL is only visible to that constructor: for this one synchronous
 * call the global is a subclass that notes it.
 */
export function startWorker(kind: WorkerKind): Worker {
  const Native = globalThis.Worker;
  let seen: string | URL | null = null;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      seen = url;
    }
  };
  let worker: Worker;
  try {
    worker = workers[kind]();
  } finally {
    globalThis.Worker = Native;
  }
  if (seen) warmChunks(seen);
  return worker;
}

/**
 * A worker started ahead of its widget: LazyWidget starts it when the placeholder nears the
 * viewport, and the widget's `useWorker` takes it on mount. Taken once: a second mount (React's
 * development double mount) starts a fresh worker, since the first mount closed this one.
 */
export class WorkerSlot {
  private worker: Worker | null = null;
  private taken = false;

  constructor(readonly kind: WorkerKind) {}

  /** Starts the worker now, unless it was started or taken. */
  start(): void {
    if (!this.worker && !this.taken) this.worker = startWorker(this.kind);
  }

  /** Takes `worker`, started early for this slot's widget; ends it if the slot has one. */
  adopt(worker: Worker): void {
    if (this.worker || this.taken) worker.terminate();
    else this.worker = worker;
  }

  /** The started worker (or a new one), once; null after that. */
  take(): Worker | null {
    if (this.taken) return null;
    this.taken = true;
    const worker = this.worker ?? startWorker(this.kind);
    this.worker = null;
    return worker;
  }

  /** Ends a worker nobody took (the widget never mounted). */
  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** The slot LazyWidget started a worker in, for the widget inside it. */
export const WorkerSlotContext = createContext<WorkerSlot | null>(null);
