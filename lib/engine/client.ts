import redisErrors from 'redis-errors';
import { bytesToText, textToBytes, uint8ToBytes } from './bytes';
import { COMMAND_NAMES } from './command-help';
import { Engine, type EngineOptions } from './engine';
import { ErrorReply, toIoredisValue, type IoredisValue, type Reply } from './reply';
import { sha1hex } from './scripting/sha1';
import { zsetBulkAdd } from './zset';

/**
 * An ioredis-shaped client over an in-memory engine: the same method names,
 * the same argument handling (one level of arrays flattened, numbers through
 * String(), strings sent as UTF-8 bytes, objects for HSET/HMSET/MSET), the
 * same resolved values (integers as numbers, bulk strings decoded as UTF-8,
 * statuses as strings, HGETALL as an object), node-style callbacks on every
 * method and on exec(), and rejections that are ioredis's own ReplyError
 * with `.command = { name, args }`. Code written for ioredis runs on it.
 */

/** An argument as ioredis accepts it. */
export type Arg = string | number | null | undefined | Uint8Array;
type Args = (Arg | Arg[] | Callback<never>)[];

/** A node-style callback, as ioredis takes as the last argument. */
export type Callback<T> = (err: Error | null, result?: T) => void;

/** A pipeline or transaction result: [error] or [null, value] per command. */
export type PipelineResult = ([Error] | [null, unknown])[];

/** What every command method looks like on a client. */
export type CommandMethod<R = unknown> = (...args: Args) => Promise<R>;

/** Methods with the result types ioredis 5 declares for them. */
export interface EngineCommands {
  zadd: CommandMethod<number | string | null>;
  zincrby: CommandMethod<string>;
  zscore: CommandMethod<string | null>;
  zmscore: CommandMethod<(string | null)[]>;
  zcard: CommandMethod<number>;
  zcount: CommandMethod<number>;
  zlexcount: CommandMethod<number>;
  zrank: CommandMethod<number | null>;
  zrevrank: CommandMethod<number | null>;
  zrange: CommandMethod<string[]>;
  zrangestore: CommandMethod<number>;
  zrevrange: CommandMethod<string[]>;
  zrangebyscore: CommandMethod<string[]>;
  zrevrangebyscore: CommandMethod<string[]>;
  zrangebylex: CommandMethod<string[]>;
  zrevrangebylex: CommandMethod<string[]>;
  zrem: CommandMethod<number>;
  zremrangebyrank: CommandMethod<number>;
  zremrangebyscore: CommandMethod<number>;
  zremrangebylex: CommandMethod<number>;
  zpopmax: CommandMethod<string[]>;
  zpopmin: CommandMethod<string[]>;
  zmpop: CommandMethod<unknown>;
  bzpopmin: CommandMethod<[string, string, string] | null>;
  bzpopmax: CommandMethod<[string, string, string] | null>;
  bzmpop: CommandMethod<unknown>;
  zunionstore: CommandMethod<number>;
  zinterstore: CommandMethod<number>;
  zdiffstore: CommandMethod<number>;
  zunion: CommandMethod<string[]>;
  zinter: CommandMethod<string[]>;
  zdiff: CommandMethod<string[]>;
  zintercard: CommandMethod<number>;
  zrandmember: CommandMethod<string | string[] | null>;
  zscan: CommandMethod<[cursor: string, elements: string[]]>;
  del: CommandMethod<number>;
  unlink: CommandMethod<number>;
  exists: CommandMethod<number>;
  touch: CommandMethod<number>;
  type: CommandMethod<string>;
  keys: CommandMethod<string[]>;
  scan: CommandMethod<[cursor: string, elements: string[]]>;
  expire: CommandMethod<number>;
  pexpire: CommandMethod<number>;
  expireat: CommandMethod<number>;
  pexpireat: CommandMethod<number>;
  expiretime: CommandMethod<number>;
  pexpiretime: CommandMethod<number>;
  ttl: CommandMethod<number>;
  pttl: CommandMethod<number>;
  persist: CommandMethod<number>;
  rename: CommandMethod<'OK'>;
  renamenx: CommandMethod<number>;
  copy: CommandMethod<number>;
  dbsize: CommandMethod<number>;
  flushall: CommandMethod<'OK'>;
  flushdb: CommandMethod<'OK'>;
  get: CommandMethod<string | null>;
  getex: CommandMethod<string | null>;
  set: CommandMethod<'OK' | string | null>;
  setex: CommandMethod<'OK'>;
  psetex: CommandMethod<'OK'>;
  mset: (...args: (Arg | Arg[] | Record<string, Arg> | Map<string, Arg>)[]) => Promise<'OK'>;
  strlen: CommandMethod<number>;
  incr: CommandMethod<number>;
  incrby: CommandMethod<number>;
  decr: CommandMethod<number>;
  decrby: CommandMethod<number>;
  incrbyfloat: CommandMethod<string>;
  mget: CommandMethod<(string | null)[]>;
  hset: (
    key: Arg,
    ...rest: (Arg | Arg[] | Record<string, Arg> | Map<string, Arg>)[]
  ) => Promise<number>;
  hmset: (
    key: Arg,
    ...rest: (Arg | Arg[] | Record<string, Arg> | Map<string, Arg>)[]
  ) => Promise<'OK'>;
  hget: CommandMethod<string | null>;
  hmget: CommandMethod<(string | null)[]>;
  hexists: CommandMethod<number>;
  hlen: CommandMethod<number>;
  hgetall: CommandMethod<Record<string, string>>;
  hincrby: CommandMethod<number>;
  hdel: CommandMethod<number>;
  hscan: CommandMethod<[cursor: string, elements: string[]]>;
  sadd: CommandMethod<number>;
  srem: CommandMethod<number>;
  smembers: CommandMethod<string[]>;
  sismember: CommandMethod<number>;
  scard: CommandMethod<number>;
  sscan: CommandMethod<[cursor: string, elements: string[]]>;
  watch: CommandMethod<'OK'>;
  unwatch: CommandMethod<'OK'>;
  eval: CommandMethod<unknown>;
  evalsha: CommandMethod<unknown>;
  script: CommandMethod<unknown>;
  object: CommandMethod<unknown>;
  memory: CommandMethod<unknown>;
  ping: CommandMethod<string>;
  echo: CommandMethod<string>;
}

/** A pipeline (or MULTI) being built: every command method queues and returns it. */
export type EnginePipeline = {
  [K in keyof EngineCommands]: (...args: Parameters<EngineCommands[K]>) => EnginePipeline;
} & {
  call(command: string, ...args: Args): EnginePipeline;
  /** Runs the queued commands; resolves to [[err], [null, value], …] (null if a WATCH failed). */
  exec(callback?: Callback<PipelineResult | null>): Promise<PipelineResult | null>;
  /** Number of queued commands. */
  readonly length: number;
  /** Scripts made with defineCommand. */
  [defined: string]: unknown;
};

/** Options ioredis's defineCommand takes. */
export interface DefineCommandOptions {
  lua: string;
  /** When absent, the first argument of each call is the number of keys. */
  numberOfKeys?: number;
  readOnly?: boolean;
}

/** The client createClient() returns. */
export interface EngineClient extends EngineCommands {
  /** The engine behind the client (for the skip-list picture and tests). */
  readonly engine: Engine;
  /** Sends any command, as ioredis's `redis.call(name, ...args)`. */
  call(command: string, ...args: Args): Promise<unknown>;
  pipeline(commands?: [string, ...Arg[]][]): EnginePipeline;
  /**
   * A transaction. By default a pipeline that runs MULTI … EXEC on exec();
   * with `{ pipeline: false }` it sends MULTI now, later commands answer
   * QUEUED, and client.exec() runs them, as in ioredis.
   */
  multi(commands?: [string, ...Arg[]][]): EnginePipeline;
  multi(options: { pipeline: false }): Promise<'OK'>;
  multi(options: { pipeline?: true }): EnginePipeline;
  /** EXEC after multi({ pipeline: false }). */
  exec(callback?: Callback<PipelineResult | null>): Promise<PipelineResult | null>;
  discard(callback?: Callback<'OK'>): Promise<'OK'>;
  /** Defines a Lua command method, as ioredis does (EVALSHA, then EVAL if not cached). */
  defineCommand(name: string, definition: DefineCommandOptions): void;
  /**
   * Bulk loading, an optional capability of RedisLike clients: adds
   * (scores[i], members[i]) with ZADD's rules through the engine's one
   * write path, O(1) per member appended in order. Resolves to how many
   * members were new.
   */
  loadSortedSet(
    key: string,
    scores: ArrayLike<number>,
    members: readonly string[],
    expectedTotal?: number,
  ): Promise<number>;
  quit(callback?: Callback<'OK'>): Promise<'OK'>;
  disconnect(): void;
  connect(): Promise<void>;
  /** Event methods exist so code that subscribes to 'error' runs unchanged; no event fires. */
  on(event: string, listener: (...args: unknown[]) => void): EngineClient;
  once(event: string, listener: (...args: unknown[]) => void): EngineClient;
  off(event: string, listener: (...args: unknown[]) => void): EngineClient;
  readonly status: 'ready' | 'end';
  /** Scripts made with defineCommand. */
  [defined: string]: unknown;
}

const { ReplyError } = redisErrors;

/** ioredis's ReplyError with the command attached, as ioredis attaches it. */
function replyError(message: string, command?: { name: string; args: string[] }): Error {
  const e = new ReplyError(bytesToText(message)) as Error & { command?: unknown };
  if (command) e.command = command;
  return e;
}

/** One argument as ioredis writes it: strings as UTF-8, buffers as bytes, the rest via String(). */
function toArg(a: unknown): string {
  if (typeof a === 'string') return textToBytes(a);
  if (a instanceof Uint8Array) return uint8ToBytes(a);
  return a === null || a === undefined ? '' : textToBytes(String(a));
}

function objectToArgs(obj: Record<string, Arg> | Map<string, Arg>): unknown[] {
  const out: unknown[] = [];
  const entries = obj instanceof Map ? obj.entries() : Object.entries(obj);
  for (const [k, v] of entries) out.push(k, v);
  return out;
}

const isPlainObject = (o: unknown) =>
  o instanceof Map ||
  (typeof o === 'object' && o !== null && !(o instanceof Uint8Array) && !Array.isArray(o));

/**
 * ioredis's argument handling: its transformers for HSET/HMSET/MSET objects,
 * then a one-level flatten. Returns the text arguments (for error.command)
 * and the byte strings sent to the engine.
 */
function buildCommand(name: string, args: unknown[]): { text: string[]; argv: string[] } {
  let flat = args.flat();
  const lower = name.toLowerCase();
  if ((lower === 'hset' || lower === 'hmset') && flat.length === 2 && isPlainObject(flat[1])) {
    flat = [flat[0], ...objectToArgs(flat[1] as Record<string, Arg>)];
  } else if (
    (lower === 'mset' || lower === 'msetnx') &&
    flat.length === 1 &&
    isPlainObject(flat[0])
  ) {
    flat = objectToArgs(flat[0] as Record<string, Arg>);
  }
  const text = flat.map((a) =>
    a instanceof Uint8Array
      ? bytesToText(uint8ToBytes(a))
      : a === null || a === undefined
        ? ''
        : String(a),
  );
  return { text, argv: [textToBytes(name), ...flat.map(toArg)] };
}

/** ioredis's per-command reply transformers (only HGETALL changes shape). */
function transformReply(name: string, value: unknown): unknown {
  if (name === 'hgetall' && Array.isArray(value)) {
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < value.length; i += 2) {
      const key = String(value[i]);
      if (key in obj) {
        Object.defineProperty(obj, key, {
          value: value[i + 1],
          configurable: true,
          enumerable: true,
          writable: true,
        });
      } else obj[key] = value[i + 1];
    }
    return obj;
  }
  return value;
}

/** Errors nested in a reply (EXEC results) become ReplyErrors without a command. */
function nestedValue(r: Reply): unknown {
  const v = toIoredisValue(r);
  const fix = (x: IoredisValue): unknown =>
    x instanceof Error ? replyError(x.message) : Array.isArray(x) ? x.map(fix) : x;
  return fix(v);
}

type Settled = { error: Error } | { value: unknown };

function settle(name: string, text: string[], reply: Reply): Settled {
  if (reply instanceof ErrorReply) {
    return { error: replyError(reply.message, { name: name.toLowerCase(), args: text }) };
  }
  return { value: transformReply(name, nestedValue(reply)) };
}

/** Splits a trailing callback off ioredis-style arguments. */
function splitCallback(args: unknown[]): [unknown[], Callback<unknown> | undefined] {
  const last = args[args.length - 1];
  return typeof last === 'function'
    ? [args.slice(0, -1), last as Callback<unknown>]
    : [args, undefined];
}

/** ioredis's standard-as-callback: the promise is returned and the callback also called. */
function withCallback<T>(promise: Promise<T>, callback: Callback<T> | undefined): Promise<T> {
  if (callback) {
    promise.then(
      (v) => callback(null, v),
      (e: Error) => callback(e),
    );
  }
  return promise;
}

const closedError = () => new Error('Connection is closed.');

/**
 * Creates a client on a fresh, empty keyspace (each call gets its own).
 * Every method resolves asynchronously like a network client would, but the
 * work itself is synchronous and O(the command's complexity), except that
 * the first script waits for the Lua VM to load.
 */
export function createClient(options: EngineOptions = {}): EngineClient {
  const engine = new Engine(options);
  let status: 'ready' | 'end' = 'ready';
  /**
   * Commands wait here while the Lua VM loads, so they still run in the
   * order they were sent; with nothing pending they run at once.
   */
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const execute = (argv: string[]): Promise<Reply> => {
    const ready = engine.prepare(argv);
    if (ready === null && pending === 0) return Promise.resolve(engine.execute(argv));
    pending++;
    const turn = tail.then(() => ready).then(() => engine.execute(argv));
    tail = turn.catch(() => undefined).finally(() => pending--);
    return turn;
  };

  const run = (name: string, rawArgs: unknown[]): Promise<unknown> => {
    const [args, callback] = splitCallback(rawArgs);
    if (status === 'end') return withCallback(Promise.reject(closedError()), callback);
    // ioredis sends the name as given and applies reply transformers (HGETALL's)
    // only when it matches the lowercase method name, so `call('HGETALL')` stays flat.
    const { text, argv } = buildCommand(name, args);
    const promise = execute(argv).then((reply) => {
      const outcome = settle(name, text, reply);
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    });
    return withCallback(promise, callback);
  };

  const scripts = new Map<string, DefineCommandOptions & { sha: string }>();

  /** A defined command's EVALSHA arguments, and EVAL's for the retry. */
  const scriptArgs = (name: string, args: unknown[]) => {
    const def = scripts.get(name)!;
    const rest = def.numberOfKeys === undefined ? args : [def.numberOfKeys, ...args];
    return { def, rest };
  };

  const runScript = (name: string, rawArgs: unknown[]): Promise<unknown> => {
    const [args, callback] = splitCallback(rawArgs);
    const { def, rest } = scriptArgs(name, args);
    const promise = (run('evalsha', [def.sha, ...rest]) as Promise<unknown>).catch((e: Error) => {
      if (e.message.startsWith('NOSCRIPT')) return run('eval', [def.lua, ...rest]);
      throw e;
    });
    return withCallback(promise, callback);
  };

  const makePipeline = (transaction: boolean, initial?: [string, ...Arg[]][]): EnginePipeline => {
    const queued: { name: string; args: unknown[]; lua?: string }[] = [];
    const target: Record<string, unknown> = {};
    let done: Promise<PipelineResult | null> | null = null;
    let raw: Promise<PipelineResult> | null = null;
    const add = (name: string, args: unknown[]) => {
      queued.push({ name, args });
      return pipeline;
    };
    for (const name of COMMAND_NAMES) {
      const lower = name.toLowerCase();
      target[lower] = (...args: unknown[]) => add(lower, args);
    }
    for (const name of scripts.keys()) {
      target[name] = (...args: unknown[]) => {
        const { def, rest } = scriptArgs(name, args);
        queued.push({ name: 'evalsha', args: [def.sha, ...rest], lua: def.lua });
        return pipeline;
      };
    }
    target.call = (command: string, ...args: unknown[]) => add(command, args);
    const runBatch = async (): Promise<{ results: PipelineResult | null; raw: PipelineResult }> => {
      if (status === 'end') throw closedError();
      const batch = queued.splice(0);
      const built = batch.map(({ name, args }) => ({ name, ...buildCommand(name, args) }));
      // Scripts from defineCommand are loaded before the batch, as ioredis does.
      for (const { lua } of batch) {
        if (lua !== undefined) await execute(['script', 'load', textToBytes(lua)]);
      }
      await tail;
      for (const b of built) {
        const p = engine.prepare(b.argv);
        if (p !== null) await p;
      }
      if (!transaction) {
        const results = built.map(({ name, text, argv }): [Error] | [null, unknown] => {
          const o = settle(name, text, engine.execute(argv));
          return 'error' in o ? [o.error] : [null, o.value];
        });
        return { results, raw: results };
      }
      const rawResults: PipelineResult = [];
      const multiReply = engine.execute(['multi']);
      rawResults.push(
        multiReply instanceof ErrorReply ? [replyError(multiReply.message)] : [null, 'OK'],
      );
      const queueErrors: Error[] = [];
      for (const { name, text, argv } of built) {
        const r = engine.execute(argv);
        if (r instanceof ErrorReply) {
          const e = replyError(r.message, { name, args: text });
          queueErrors.push(e);
          rawResults.push([e]);
        } else rawResults.push([null, nestedValue(r)]);
      }
      const result = engine.execute(['exec']);
      if (result instanceof ErrorReply) {
        const err = replyError(result.message, { name: 'exec', args: [] }) as Error & {
          previousErrors?: Error[];
        };
        err.previousErrors = queueErrors;
        throw err;
      }
      rawResults.push([null, nestedValue(result)]);
      if (result === null) return { results: null, raw: rawResults };
      const replies = Array.isArray(result) ? result : [];
      const results = replies.map((r, i): [Error] | [null, unknown] => {
        if (r instanceof ErrorReply) return [replyError(r.message)];
        return [null, transformReply(built[i]!.name, nestedValue(r))];
      });
      return { results, raw: rawResults };
    };
    target.exec = (callback?: Callback<PipelineResult | null>) => {
      // A second exec() answers what ioredis answers: the same results for a
      // pipeline, the raw MULTI/QUEUED/EXEC replies for a transaction.
      if (done === null) {
        const first = runBatch();
        done = first.then((r) => r.results);
        raw = first.then((r) => r.raw);
        raw.catch(() => undefined);
        return withCallback(done, callback);
      }
      return withCallback(transaction ? (raw as Promise<PipelineResult | null>) : done, callback);
    };
    Object.defineProperty(target, 'length', { get: () => queued.length });
    const pipeline = target as unknown as EnginePipeline;
    for (const [name, ...args] of initial ?? []) add(name, args);
    return pipeline;
  };

  const client: Record<string, unknown> = {
    engine,
    get status() {
      return status;
    },
    call: (command: string, ...args: unknown[]) => run(command, args),
    pipeline: (commands?: [string, ...Arg[]][]) => makePipeline(false, commands),
    multi: (arg?: [string, ...Arg[]][] | { pipeline?: boolean }) => {
      if (arg && !Array.isArray(arg) && arg.pipeline === false) return run('multi', []);
      return makePipeline(true, Array.isArray(arg) ? arg : undefined);
    },
    exec: (callback?: Callback<PipelineResult | null>) => {
      const promise = (run('exec', []) as Promise<unknown>).then((v) =>
        Array.isArray(v)
          ? v.map((x): [Error] | [null, unknown] => (x instanceof Error ? [x] : [null, x]))
          : (v as null),
      );
      return withCallback(promise, callback);
    },
    discard: (callback?: Callback<unknown>) => run('discard', callback ? [callback] : []),
    defineCommand: (name: string, definition: DefineCommandOptions) => {
      scripts.set(name, { ...definition, sha: sha1hex(textToBytes(definition.lua)) });
      client[name] = (...args: unknown[]) => runScript(name, args);
      client[`${name}Buffer`] = client[name];
    },
    loadSortedSet: async (
      key: string,
      scores: ArrayLike<number>,
      members: readonly string[],
      expectedTotal = 0,
    ) => {
      if (status === 'end') throw closedError();
      const bytes = members.map(textToBytes);
      const r = zsetBulkAdd(engine.db, textToBytes(key), scores, bytes, expectedTotal);
      if (r instanceof ErrorReply) throw replyError(r.message, { name: 'zadd', args: [key] });
      return r;
    },
    quit: (callback?: Callback<'OK'>) => {
      if (status === 'end') return withCallback(Promise.reject(closedError()), callback);
      status = 'end';
      return withCallback(Promise.resolve('OK' as const), callback);
    },
    disconnect: () => {
      status = 'end';
    },
    connect: async () => {
      status = 'ready';
    },
    on: () => client,
    once: () => client,
    off: () => client,
  };
  for (const name of COMMAND_NAMES) {
    const lower = name.toLowerCase();
    if (lower === 'multi' || lower === 'exec' || lower === 'discard') continue;
    client[lower] = (...args: unknown[]) => run(lower, args);
  }
  return client as unknown as EngineClient;
}
