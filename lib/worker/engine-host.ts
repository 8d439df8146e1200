import * as v from 'valibot';
import { textToBytes } from '../engine/bytes';
import { parseCliLine, runLine } from '../engine/cli';
import { Engine, type EngineOptions } from '../engine/engine';
import {
  inspectSortedSet,
  traceSortedSet,
  type SortedSetInspection,
  type SortedSetTrace,
} from '../engine/inspect';
import { ErrorReply, toWireReply, type WireReply } from '../engine/reply';
import { setLuaWasmLocation } from '../engine/scripting';
import { createLeaderboardWorkload } from '../engine/workload';
import { zsetBulkAdd } from '../engine/zset';
import {
  method,
  serveApi,
  stopCancelled,
  type RequestContext,
  type RpcResponse,
  type ServeOptions,
} from './rpc';

/**
 * The engine worker's methods: one engine per worker, served through the RPC layer of
 * rpc.ts. It is the whole worker minus `postMessage`, so it runs (and is tested) in Node.
 * Engine failures are answers, never throws: a bad console line gets its Redis-style error
 * line, a bad request a WorkerError.
 */

/**
 * Array replies to a console line are cut to this many elements before they cross to the
 * page: formatting and cloning a million-element ZRANGE would stall both threads.
 */
export const MAX_LINE_REPLY_ITEMS = 1000;

// The Lua VM's WebAssembly file, as an asset the bundler copies (a file URL in Node).
// It is fetched only when the first script runs.
setLuaWasmLocation(new URL('../../node_modules/wasmoon/dist/glue.wasm', import.meta.url).href);

/** Reply to a console line: what redis-cli prints, the raw reply, and the parsed arguments. */
export interface LineResult {
  text: string;
  reply: WireReply;
  argv: string[];
  /** Elements of an array reply left out (the reply and text keep the first 1,000). */
  omitted?: number;
}

/** The end of a load that ran to completion. */
export interface LoadResult {
  key: string;
  /** Members produced and offered to the set. */
  loaded: number;
  /** Members that were new (ZADD's count). */
  added: number;
  /** Wall time from request to end, ms. */
  ms: number;
}

/** Thrown by a method: the message is Redis-style text (the console prints it as is). */
const fail = (message: string): never => {
  throw new Error(message);
};

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));

/**
 * One engine behind the worker's methods. A reset swaps in a fresh engine, and a load in
 * progress notices at its next chunk and stops as cancelled.
 */
export class EngineHost {
  private engine: Engine;
  private generation = 0;

  constructor(private readonly options: EngineOptions & { now?: () => number } = {}) {
    this.engine = new Engine(options);
  }

  /** The engine currently served (replaced on reset). */
  get current(): Engine {
    return this.engine;
  }

  /**
   * Lines and commands run in the order they arrive. The first script waits
   * for the Lua VM to load; whatever arrives meanwhile waits behind it.
   */
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  private inOrder<T>(argv: string[] | null, run: () => T): T | Promise<T> {
    const ready = argv === null ? null : this.engine.prepare(argv);
    if (ready === null && this.pending === 0) return run();
    this.pending++;
    const turn = this.tail
      .then(() => ready)
      .catch((e: unknown) =>
        fail(`ERR the Lua VM could not be loaded (${e instanceof Error ? e.message : String(e)})`),
      )
      .then(run);
    this.tail = turn.catch(() => undefined).finally(() => this.pending--);
    return turn;
  }

  /** Runs one redis-cli line (HELP included). */
  async line(line: string): Promise<LineResult> {
    const parsed = parseCliLine(line);
    return this.inOrder(parsed.ok ? parsed.argv : null, () => {
      const r = runLine(this.engine, line, { maxItems: MAX_LINE_REPLY_ITEMS });
      return {
        text: r.text,
        reply: toWireReply(r.reply),
        argv: r.argv,
        ...(r.omitted ? { omitted: r.omitted } : {}),
      };
    });
  }

  /** Runs one command given as an argument array of text (sent as UTF-8, like ioredis). */
  async command(argv: string[]): Promise<WireReply> {
    const bytes = argv.map(textToBytes);
    return this.inOrder(bytes, () => toWireReply(this.engine.execute(bytes)));
  }

  /** Drops every key (a fresh keyspace); a load in progress stops. */
  reset(): null {
    this.generation++;
    this.engine = new Engine(this.options);
    return null;
  }

  /** The skip list of `key`: nodes, levels and spans (first `limit` nodes). */
  snapshot(key: string, limit: number): SortedSetInspection {
    const r = inspectSortedSet(this.engine, key, limit);
    return typeof r === 'string' ? fail(r) : r;
  }

  /** The search path of ZRANK / ZREVRANK of a member, or of ZADD's insertion point. */
  trace(key: string, request: TraceParams['request']): SortedSetTrace {
    const r = traceSortedSet(this.engine, key, request);
    return typeof r === 'string' ? fail(r) : r;
  }

  /**
   * Loads `count` seeded players (12-character names, integer scores 0..maxScore with
   * ties) into the sorted set `key`, `chunkSize` at a time, reporting progress after each
   * chunk. Cancelled, it stops between chunks and what was loaded stays (the last
   * progress says how much).
   */
  async load(params: LoadParams, context: RequestContext): Promise<LoadResult> {
    const now = this.options.now ?? (() => performance.now());
    const start = now();
    const generation = this.generation;
    const workload = createLeaderboardWorkload({
      seed: params.seed,
      count: params.count,
      maxScore: params.maxScore,
    });
    let loaded = 0;
    let added = 0;
    while (true) {
      await context.checkpoint();
      if (generation !== this.generation) stopCancelled();
      const chunk = workload.nextChunk(params.chunkSize);
      if (chunk === null) return { key: params.key, loaded, added, ms: now() - start };
      const r = zsetBulkAdd(
        this.engine.db,
        textToBytes(params.key),
        chunk.scores,
        chunk.members,
        params.count,
      );
      if (r instanceof ErrorReply) fail(r.message);
      added += r as number;
      loaded = chunk.produced;
      await context.progress('players', loaded, params.count);
    }
  }
}

const loadSchema = v.object({
  key: v.string(),
  count,
  seed: v.pipe(v.number(), v.integer()),
  /** Default 1,000,000. */
  maxScore: v.optional(count, 1_000_000),
  /** Default 10,000 (about 10 ms of work per chunk on a laptop). */
  chunkSize: v.optional(v.pipe(count, v.minValue(1)), 10_000),
});
type LoadParams = v.InferOutput<typeof loadSchema>;

const traceSchema = v.object({
  key: v.string(),
  request: v.variant('op', [
    v.object({ op: v.picklist(['zrank', 'zrevrank']), member: v.string() }),
    v.object({ op: v.literal('zadd'), member: v.string(), score: v.number() }),
  ]),
});
type TraceParams = v.InferOutput<typeof traceSchema>;

/** The engine worker's API over one host. */
export function engineApi(host: EngineHost) {
  return {
    line: method({
      params: v.object({ line: v.string() }),
      concurrent: true,
      run: (p) => host.line(p.line),
    }),
    command: method({
      params: v.object({ argv: v.array(v.string()) }),
      concurrent: true,
      run: (p) => host.command(p.argv),
    }),
    load: method({ params: loadSchema, run: (p, context) => host.load(p, context) }),
    reset: method({ params: v.object({}), concurrent: true, run: () => host.reset() }),
    snapshot: method({
      params: v.object({ key: v.string(), limit: v.optional(count, 64) }),
      concurrent: true,
      run: (p) => host.snapshot(p.key, p.limit),
    }),
    trace: method({
      params: traceSchema,
      concurrent: true,
      run: (p) => host.trace(p.key, p.request),
    }),
  };
}

/** The engine worker's API, for typed clients. */
export type EngineApi = ReturnType<typeof engineApi>;

/**
 * How long a script that writes may run in the console's worker before it is stopped. Redis
 * never stops such a script: after 5 s (busy-reply-threshold) it answers BUSY to *other*
 * clients, and SCRIPT KILL works only on a script that has not written yet. The console
 * stops a script that has not written at those 5 s, as a SCRIPT KILL would; one that has
 * written runs on, as on Redis, up to this limit, which lets the guide's 1M-ZADD recipe in
 * estimates.mdx finish on a slow phone (measured by `npm run bench:engine -- --only
 * scripting`, beside redis-server's time for it) while a runaway writing loop still ends.
 */
export const CONSOLE_SCRIPT_TIME_LIMIT_MS = 30_000;

/** A host and the message handler serving it (what engine.worker.ts wires to postMessage). */
export function serveEngine(
  post: (message: RpcResponse) => void,
  options: EngineOptions & ServeOptions = {},
): { host: EngineHost; handle: (message: unknown) => Promise<void> } {
  const host = new EngineHost(options);
  return { host, handle: serveApi(engineApi(host), post, options) };
}
