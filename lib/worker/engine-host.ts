import { textToBytes } from '../engine/bytes';
import { parseCliLine, runLine } from '../engine/cli';
import { setLuaWasmLocation } from '../engine/scripting';
import { Engine, type EngineOptions } from '../engine/engine';
import { inspectSortedSet, traceSortedSet } from '../engine/inspect';
import { ErrorReply, toWireReply } from '../engine/reply';
import { createLeaderboardWorkload } from '../engine/workload';
import { zsetBulkAdd } from '../engine/zset';
import type { EngineRequest, EngineResponse } from './protocol';

/**
 * Array replies to a console line are cut to this many elements before they cross to the
 * page: formatting and cloning a million-element ZRANGE would stall both threads.
 */
export const MAX_LINE_REPLY_ITEMS = 1000;

// The Lua VM's WebAssembly file, as an asset the bundler copies (and a file URL in Node).
// It is fetched only when the first script runs.
setLuaWasmLocation(new URL('../../node_modules/wasmoon/dist/glue.wasm', import.meta.url).href);

/**
 * Serves protocol requests on one engine. It is the whole worker minus
 * `postMessage`, so it runs (and is tested) in Node as well. Nothing a
 * message contains can make it throw: malformed requests and engine failures
 * become error responses.
 */

/** Lets the event loop run (so queued messages are handled) before resolving. */
export type Yield = () => Promise<void>;

/**
 * Resolves on a fresh macrotask. A MessageChannel is used where available
 * because setTimeout(0) is clamped to 4 ms after a few nested calls.
 */
export function createYield(): Yield {
  if (typeof MessageChannel === 'undefined') {
    return () => new Promise((resolve) => setTimeout(resolve, 0));
  }
  const waiting: (() => void)[] = [];
  let channel: MessageChannel | null = null;
  return () =>
    new Promise<void>((resolve) => {
      if (channel === null) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => waiting.shift()?.();
        // In Node an open port keeps the process alive; browsers lack unref.
        (channel.port1 as unknown as { unref?: () => void }).unref?.();
      }
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/** Options for a host: engine options plus the yield between load chunks. */
export interface EngineHostOptions extends EngineOptions {
  yieldFn?: Yield;
  now?: () => number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000_000;

/**
 * One engine behind the protocol. `handle` takes any message (validated
 * here, since it crosses a thread boundary) and posts one response, or for a
 * load several progress responses then a final one. A reset swaps in a fresh
 * engine and stops loads in progress.
 */
export class EngineHost {
  private engine: Engine;
  private readonly options: EngineHostOptions;
  private readonly yieldFn: Yield;
  private readonly now: () => number;
  private readonly cancelled = new Set<number>();
  private generation = 0;

  constructor(
    private readonly post: (message: EngineResponse) => void,
    options: EngineHostOptions = {},
  ) {
    this.options = options;
    this.engine = new Engine(options);
    this.yieldFn = options.yieldFn ?? createYield();
    this.now = options.now ?? (() => performance.now());
  }

  /** The engine currently served (replaced on reset). */
  get current(): Engine {
    return this.engine;
  }

  /**
   * Handles one incoming message. Returns a promise that settles when the
   * request is complete (loads take several macrotasks); it never rejects.
   */
  handle(message: unknown): Promise<void> {
    try {
      return this.dispatch(message).catch((e: unknown) => this.fail(message, e));
    } catch (e) {
      this.fail(message, e);
      return Promise.resolve();
    }
  }

  private fail(message: unknown, e: unknown): void {
    const id = isObject(message) && typeof message.id === 'number' ? message.id : -1;
    this.post({ id, type: 'error', message: `ERR ${e instanceof Error ? e.message : String(e)}` });
  }

  private async dispatch(message: unknown): Promise<void> {
    if (!isObject(message) || typeof message.id !== 'number' || !isString(message.type)) {
      this.post({ id: -1, type: 'error', message: 'ERR malformed request' });
      return;
    }
    const req = message as unknown as EngineRequest;
    const bad = (what: string) => this.post({ id: req.id, type: 'error', message: `ERR ${what}` });
    switch (req.type) {
      case 'line': {
        if (!isString(req.line)) return bad('line must be a string');
        const parsed = parseCliLine(req.line);
        const ready = parsed.ok ? this.engine.prepare(parsed.argv) : null;
        if (ready !== null) {
          try {
            await ready;
          } catch (e) {
            return bad(
              `the Lua VM could not be loaded (${e instanceof Error ? e.message : String(e)})`,
            );
          }
        }
        const r = runLine(this.engine, req.line, { maxItems: MAX_LINE_REPLY_ITEMS });
        this.post({
          id: req.id,
          type: 'line',
          text: r.text,
          reply: toWireReply(r.reply),
          argv: r.argv,
          ...(r.omitted ? { omitted: r.omitted } : {}),
        });
        return;
      }
      case 'command': {
        if (!Array.isArray(req.argv) || !req.argv.every(isString)) {
          return bad('argv must be an array of strings');
        }
        const argv = req.argv.map(textToBytes);
        const ready = this.engine.prepare(argv);
        if (ready !== null) await ready;
        this.post({ id: req.id, type: 'reply', reply: toWireReply(this.engine.execute(argv)) });
        return;
      }
      case 'load':
        return this.load(req);
      case 'cancel':
        if (typeof req.target !== 'number') return bad('target must be a request id');
        this.cancelled.add(req.target);
        this.post({ id: req.id, type: 'ok' });
        return;
      case 'reset':
        this.generation++;
        this.engine = new Engine(this.options);
        this.post({ id: req.id, type: 'ok' });
        return;
      case 'snapshot': {
        if (!isString(req.key)) return bad('key must be a string');
        const limit = isCount(req.limit) ? req.limit : 64;
        const r = inspectSortedSet(this.engine, req.key, limit);
        if (typeof r === 'string') return bad(r);
        this.post({ id: req.id, type: 'snapshot', inspection: r });
        return;
      }
      case 'trace': {
        if (!isString(req.key) || !isString(req.member))
          return bad('key and member must be strings');
        let r;
        if (req.op === 'zadd') {
          if (typeof req.score !== 'number') return bad('score must be a number');
          r = traceSortedSet(this.engine, req.key, {
            op: 'zadd',
            member: req.member,
            score: req.score,
          });
        } else if (req.op === 'zrank' || req.op === 'zrevrank') {
          r = traceSortedSet(this.engine, req.key, { op: req.op, member: req.member });
        } else return bad('op must be zrank, zrevrank or zadd');
        if (typeof r === 'string') return bad(r);
        this.post({ id: req.id, type: 'trace', trace: r });
        return;
      }
      default:
        return bad(`unknown request type '${String((req as { type: unknown }).type)}'`);
    }
  }

  private async load(req: EngineRequest & { type: 'load' }): Promise<void> {
    const start = this.now();
    if (!isString(req.key) || !isCount(req.count) || typeof req.seed !== 'number') {
      this.post({
        id: req.id,
        type: 'error',
        message: 'ERR load needs key, count (0..10,000,000) and seed',
      });
      return;
    }
    const chunkSize = isCount(req.chunkSize) && req.chunkSize > 0 ? req.chunkSize : 10_000;
    const maxScore = isCount(req.maxScore) ? req.maxScore : 1_000_000;
    const generation = this.generation;
    const workload = createLeaderboardWorkload({ seed: req.seed, count: req.count, maxScore });
    let loaded = 0;
    let added = 0;
    const finish = (cancelled: boolean, error?: string) => {
      this.cancelled.delete(req.id);
      this.post({
        id: req.id,
        type: 'loaded',
        key: req.key,
        loaded,
        added,
        total: req.count,
        cancelled,
        ms: this.now() - start,
        ...(error ? { error } : {}),
      });
    };
    while (true) {
      await this.yieldFn();
      if (this.cancelled.has(req.id) || generation !== this.generation) return finish(true);
      const chunk = workload.nextChunk(chunkSize);
      if (chunk === null) return finish(false);
      const r = zsetBulkAdd(
        this.engine.db,
        textToBytes(req.key),
        chunk.scores,
        chunk.members,
        req.count,
      );
      if (r instanceof ErrorReply) return finish(false, r.message);
      added += r;
      loaded = chunk.produced;
      this.post({ id: req.id, type: 'progress', loaded, total: req.count });
    }
  }
}
