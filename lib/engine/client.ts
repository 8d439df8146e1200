import { COMMAND_NAMES } from './command-help';
import { Engine, type EngineOptions } from './engine';
import { ErrorReply, redisError, toIoredisValue, type Reply } from './reply';

/**
 * An ioredis-shaped client over an in-memory engine: the same method names,
 * the same argument flattening and conversion (numbers via String(), one
 * level of arrays, null → ""), the same resolved values (integers as numbers,
 * bulk strings as strings, statuses as strings, HGETALL as an object) and
 * rejections with Redis's error text. Code written for ioredis runs on it.
 */

/** An argument as ioredis accepts it. */
export type Arg = string | number | null | undefined;
type Args = (Arg | Arg[])[];

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
  zrank: CommandMethod<number | null>;
  zrevrank: CommandMethod<number | null>;
  zrange: CommandMethod<string[]>;
  zrevrange: CommandMethod<string[]>;
  zrangebyscore: CommandMethod<string[]>;
  zrevrangebyscore: CommandMethod<string[]>;
  zrem: CommandMethod<number>;
  zremrangebyrank: CommandMethod<number>;
  zremrangebyscore: CommandMethod<number>;
  zpopmax: CommandMethod<string[]>;
  zpopmin: CommandMethod<string[]>;
  zunionstore: CommandMethod<number>;
  zinterstore: CommandMethod<number>;
  zrandmember: CommandMethod<string | string[] | null>;
  del: CommandMethod<number>;
  exists: CommandMethod<number>;
  type: CommandMethod<string>;
  keys: CommandMethod<string[]>;
  scan: CommandMethod<[cursor: string, elements: string[]]>;
  expire: CommandMethod<number>;
  pexpire: CommandMethod<number>;
  ttl: CommandMethod<number>;
  pttl: CommandMethod<number>;
  persist: CommandMethod<number>;
  rename: CommandMethod<'OK'>;
  dbsize: CommandMethod<number>;
  flushall: CommandMethod<'OK'>;
  get: CommandMethod<string | null>;
  set: CommandMethod<'OK' | string | null>;
  incr: CommandMethod<number>;
  incrby: CommandMethod<number>;
  mget: CommandMethod<(string | null)[]>;
  hset: (
    key: Arg,
    ...rest: (Arg | Arg[] | Record<string, Arg> | Map<string, Arg>)[]
  ) => Promise<number>;
  hget: CommandMethod<string | null>;
  hmget: CommandMethod<(string | null)[]>;
  hgetall: CommandMethod<Record<string, string>>;
  hincrby: CommandMethod<number>;
  hdel: CommandMethod<number>;
  sadd: CommandMethod<number>;
  srem: CommandMethod<number>;
  smembers: CommandMethod<string[]>;
  sismember: CommandMethod<number>;
  scard: CommandMethod<number>;
  object: CommandMethod<string | null>;
  ping: CommandMethod<string>;
  echo: CommandMethod<string>;
}

/** A pipeline (or MULTI) being built: every command method queues and returns it. */
export type EnginePipeline = {
  [K in keyof EngineCommands]: (...args: Parameters<EngineCommands[K]>) => EnginePipeline;
} & {
  call(command: string, ...args: Args): EnginePipeline;
  /** Runs the queued commands; resolves to [[err], [null, value], …]. */
  exec(): Promise<PipelineResult>;
  /** Number of queued commands. */
  readonly length: number;
};

/** The client createClient() returns. */
export interface EngineClient extends EngineCommands {
  /** The engine behind the client (for the skip-list picture and tests). */
  readonly engine: Engine;
  /** Sends any command, as ioredis's `redis.call(name, ...args)`. */
  call(command: string, ...args: Args): Promise<unknown>;
  pipeline(commands?: [string, ...Arg[]][]): EnginePipeline;
  multi(commands?: [string, ...Arg[]][]): EnginePipeline;
  quit(): Promise<'OK'>;
  disconnect(): void;
  /** Event methods exist so code that subscribes to 'error' runs unchanged; no event fires. */
  on(event: string, listener: (...args: unknown[]) => void): EngineClient;
  once(event: string, listener: (...args: unknown[]) => void): EngineClient;
  off(event: string, listener: (...args: unknown[]) => void): EngineClient;
  readonly status: 'ready';
}

function toArg(a: unknown): string {
  return a === null || a === undefined ? '' : String(a);
}

function objectToArgs(obj: Record<string, Arg> | Map<string, Arg>): string[] {
  const out: string[] = [];
  const entries = obj instanceof Map ? obj.entries() : Object.entries(obj);
  for (const [k, v] of entries) out.push(toArg(k), toArg(v));
  return out;
}

/** ioredis's argument handling: argument transformers, one-level flatten, String(). */
function buildArgv(name: string, args: unknown[]): string[] {
  let flat = args.flat();
  if ((name === 'hset' || name === 'hmset') && flat.length === 2) {
    const obj = flat[1];
    if (obj instanceof Map || (typeof obj === 'object' && obj !== null)) {
      flat = [flat[0], ...objectToArgs(obj as Record<string, Arg>)];
    }
  }
  return [name, ...flat.map(toArg)];
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

function settle(name: string, reply: Reply): { error: Error } | { value: unknown } {
  if (reply instanceof ErrorReply) return { error: redisError(reply.message) };
  return { value: transformReply(name, toIoredisValue(reply)) };
}

/**
 * Creates a client on a fresh, empty keyspace (each call gets its own).
 * Every method resolves asynchronously like a network client would, but the
 * work itself is synchronous and O(the command's complexity).
 */
export function createClient(options: EngineOptions = {}): EngineClient {
  const engine = new Engine(options);
  const run = (name: string, args: unknown[]): Promise<unknown> => {
    const outcome = settle(name, engine.execute(buildArgv(name, args)));
    return 'error' in outcome ? Promise.reject(outcome.error) : Promise.resolve(outcome.value);
  };

  const makePipeline = (transaction: boolean, initial?: [string, ...Arg[]][]): EnginePipeline => {
    const queued: { name: string; args: unknown[] }[] = [];
    const target: Record<string, unknown> = {};
    const add = (name: string, args: unknown[]) => {
      queued.push({ name, args });
      return pipeline;
    };
    for (const name of COMMAND_NAMES) {
      const lower = name.toLowerCase();
      target[lower] = (...args: unknown[]) => add(lower, args);
    }
    target.call = (command: string, ...args: unknown[]) => add(command, args);
    target.exec = async (): Promise<PipelineResult> => {
      const batch = queued.splice(0);
      if (!transaction) {
        return batch.map(({ name, args }) => {
          const o = settle(name, engine.execute(buildArgv(name, args)));
          return 'error' in o ? [o.error] : [null, o.value];
        });
      }
      engine.execute(['multi']);
      const queueErrors: Error[] = [];
      for (const { name, args } of batch) {
        const r = engine.execute(buildArgv(name, args));
        if (r instanceof ErrorReply) queueErrors.push(redisError(r.message));
      }
      const result = engine.execute(['exec']);
      if (result instanceof ErrorReply) {
        const err = redisError(result.message) as Error & { previousErrors?: Error[] };
        err.previousErrors = queueErrors;
        throw err;
      }
      const replies = Array.isArray(result) ? result : [];
      return replies.map((r, i) => {
        const o = settle(batch[i]!.name, r);
        return 'error' in o ? [o.error] : [null, o.value];
      });
    };
    Object.defineProperty(target, 'length', { get: () => queued.length });
    const pipeline = target as unknown as EnginePipeline;
    for (const [name, ...args] of initial ?? []) add(name, args);
    return pipeline;
  };

  const client: Record<string, unknown> = {
    engine,
    status: 'ready',
    call: (command: string, ...args: unknown[]) => run(command, args),
    pipeline: (commands?: [string, ...Arg[]][]) => makePipeline(false, commands),
    multi: (commands?: [string, ...Arg[]][]) => makePipeline(true, commands),
    quit: async () => 'OK',
    disconnect: () => undefined,
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
