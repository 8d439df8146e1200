import type { RedisBatch, RedisCommandName, RedisLike } from './redis-like';

/**
 * The cost ledger: every design issues its Redis commands through a metered
 * client, so each operation reports what it cost (commands by type, round
 * trips, keys and shards touched, members scanned and transferred) and the
 * ledger keeps running totals per operation name. Instructors compare
 * designs with these numbers; the playgrounds show them.
 */

/** What one operation (or a sum of them) cost. */
export interface Cost {
  /** Commands by upper-case name, e.g. { ZCOUNT: 8, ZREVRANK: 1 }. */
  commands: Record<string, number>;
  /** Total commands issued. */
  totalCommands: number;
  /**
   * Network round trips the caller waits for, one after another: a direct command, a
   * pipeline or a MULTI is one; commands sent while others are still in flight (a fan-out
   * to several shards at once, as in a cluster) share the wait of the first.
   */
  roundTrips: number;
  /** Distinct keys touched (summed over operations in a total). */
  keys: number;
  /** Distinct shards touched (summed over operations in a total). */
  shards: number;
  /** Members the server walked or read to answer (a lower bound where unknown). */
  membersScanned: number;
  /** Members sent back over the wire (a WITHSCORES pair counts once). */
  membersTransferred: number;
  /** Members written (ZADD/ZINCRBY/ZREM targets, ZUNIONSTORE results). */
  membersWritten: number;
}

/** A cost with the operation's name and wall time. */
export interface OperationCost extends Cost {
  operation: string;
  /** Wall-clock milliseconds from start to finish. */
  ms: number;
}

/** A zero cost. */
export function emptyCost(): Cost {
  return {
    commands: {},
    totalCommands: 0,
    roundTrips: 0,
    keys: 0,
    shards: 0,
    membersScanned: 0,
    membersTransferred: 0,
    membersWritten: 0,
  };
}

/** Adds `b` into `a` (mutates and returns `a`). O(command types). */
export function addCost(a: Cost, b: Cost): Cost {
  for (const [name, n] of Object.entries(b.commands))
    a.commands[name] = (a.commands[name] ?? 0) + n;
  a.totalCommands += b.totalCommands;
  a.roundTrips += b.roundTrips;
  a.keys += b.keys;
  a.shards += b.shards;
  a.membersScanned += b.membersScanned;
  a.membersTransferred += b.membersTransferred;
  a.membersWritten += b.membersWritten;
  return a;
}

/** Running totals for one operation name. */
export interface LedgerEntry {
  operation: string;
  count: number;
  total: Cost;
  totalMs: number;
}

/**
 * Maps a key to its shard index (undefined: not a shard key). Also told
 * the command, so a design can count per-shard load as it likes.
 */
export type ShardOfKey = (key: string, command: RedisCommandName) => number | undefined;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Counts members in a reply: arrays count their elements (halved for WITHSCORES). */
function replyMembers(args: readonly unknown[], reply: unknown): number {
  if (!Array.isArray(reply)) return 0;
  return args.includes('WITHSCORES') ? reply.length / 2 : reply.length;
}

/** Members a command writes, from its arguments and reply. */
function written(name: RedisCommandName, args: readonly unknown[], reply: unknown): number {
  switch (name) {
    case 'zadd': {
      let flags = 0;
      while (flags < args.length && typeof args[flags] === 'string' && isNaN(Number(args[flags])))
        flags++;
      return (args.length - flags) / 2;
    }
    case 'zincrby':
      return 1;
    case 'zrem':
      return args.length;
    case 'zunionstore':
      return typeof reply === 'number' ? reply : 0;
    default:
      return 0;
  }
}

/** Members the server walks to answer, beyond O(log N) descents. */
function scanned(name: RedisCommandName, args: readonly unknown[], reply: unknown): number {
  switch (name) {
    case 'zmscore':
      return args.length;
    case 'zrevrange':
    case 'zrevrangebyscore': {
      // LIMIT offset count walks past `offset` members first.
      const li = args.indexOf('LIMIT');
      const offset = li >= 0 ? Number(args[li + 1]) : 0;
      return offset + replyMembers(args, reply);
    }
    case 'zunionstore':
      return typeof reply === 'number' ? reply : 0;
    case 'zscore':
      return 1;
    default:
      return 0;
  }
}

/**
 * One operation in progress: a metered client bound to it. Create with
 * `ledger.begin(name)`, issue commands through `.client`, then `end()`.
 * Safe under concurrency: each operation has its own meter.
 */
export class OperationMeter {
  readonly client: RedisLike;
  private readonly cost = emptyCost();
  private readonly keys = new Set<string>();
  private readonly shardSet = new Set<number>();
  private readonly started = now();

  constructor(
    readonly operation: string,
    private readonly inner: RedisLike,
    private readonly ledger: CostLedger | null,
    private readonly shardOf: ShardOfKey | undefined,
  ) {
    this.client = this.wrapClient();
  }

  /** Adds members the server scanned that no reply shows (e.g. ZUNIONSTORE inputs). */
  addScanned(n: number): void {
    this.cost.membersScanned += n;
  }

  /** Finishes the operation: returns its cost and adds it to the ledger's totals. */
  end(): OperationCost {
    this.cost.keys = this.keys.size;
    this.cost.shards = this.shardSet.size;
    const result: OperationCost = {
      ...this.cost,
      operation: this.operation,
      ms: now() - this.started,
    };
    this.ledger?.record(result);
    return result;
  }

  /** Requests of this operation still waiting for their replies. */
  private inFlight = 0;

  /**
   * Counts a round trip for `request` unless another is already in flight: those were sent
   * together (Promise.all over shards), so the caller waits for them once, not once each.
   */
  private wait<T>(request: Promise<T>): Promise<T> {
    if (this.inFlight === 0) this.cost.roundTrips++;
    this.inFlight++;
    const done = () => {
      this.inFlight--;
    };
    request.then(done, done);
    return request;
  }

  private touch(name: RedisCommandName, args: readonly unknown[]): void {
    const upper = name.toUpperCase();
    this.cost.commands[upper] = (this.cost.commands[upper] ?? 0) + 1;
    this.cost.totalCommands++;
    const keyList =
      name === 'del'
        ? (args as string[])
        : name === 'zunionstore'
          ? [args[0] as string, ...(args.slice(2, 2 + Number(args[1])) as string[])]
          : [args[0] as string];
    for (const k of keyList) {
      this.keys.add(k);
      const s = this.shardOf?.(k, name);
      if (s !== undefined) this.shardSet.add(s);
    }
  }

  private settle(name: RedisCommandName, args: readonly unknown[], reply: unknown): void {
    const rest = args.slice(1);
    if (name === 'zrevrange' || name === 'zrevrangebyscore' || name === 'zmscore') {
      this.cost.membersTransferred += replyMembers(rest, reply);
    } else if (name === 'zscore' && reply !== null) this.cost.membersTransferred++;
    this.cost.membersScanned += scanned(name, rest, reply);
    this.cost.membersWritten += written(name, rest, reply);
  }

  private wrapClient(): RedisLike {
    const inner = this.inner as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const wrapped: Record<string, unknown> = {};
    for (const name of COMMAND_NAMES) {
      wrapped[name] = (...args: unknown[]) => {
        this.touch(name, args);
        return this.wait(
          inner[name]!.apply(this.inner, args).then((reply) => {
            this.settle(name, args, reply);
            return reply;
          }),
        );
      };
    }
    wrapped.multi = () => this.wrapBatch(this.inner.multi());
    wrapped.pipeline = () => this.wrapBatch(this.inner.pipeline());
    return wrapped as unknown as RedisLike;
  }

  private wrapBatch(batch: RedisBatch): RedisBatch {
    const queued: [RedisCommandName, unknown[]][] = [];
    const inner = batch as unknown as Record<string, (...a: unknown[]) => unknown>;
    const wrapped: Record<string, unknown> = {};
    for (const name of COMMAND_NAMES) {
      wrapped[name] = (...args: unknown[]) => {
        this.touch(name, args);
        queued.push([name, args]);
        inner[name]!.apply(batch, args);
        return wrapped;
      };
    }
    wrapped.exec = async () => {
      const result = await this.wait(batch.exec());
      result?.forEach(([err, reply], i) => {
        const q = queued[i];
        if (!err && q) this.settle(q[0], q[1], reply);
      });
      return result;
    };
    return wrapped as unknown as RedisBatch;
  }
}

const COMMAND_NAMES: readonly RedisCommandName[] = [
  'zadd',
  'zincrby',
  'zscore',
  'zmscore',
  'zcard',
  'zcount',
  'zrevrank',
  'zrevrange',
  'zrevrangebyscore',
  'zrem',
  'zunionstore',
  'del',
  'pexpire',
  'pttl',
];

/**
 * Running totals of operation costs, by operation name. `begin()` hands out
 * a meter per operation; designs return each operation's cost alongside
 * its answer, and the ledger accumulates them.
 */
export class CostLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private listeners: ((cost: OperationCost) => void)[] = [];

  /**
   * Starts metering one operation on `client`. `shardOf` maps keys to shard
   * numbers so the cost counts shards touched. O(1).
   */
  begin(operation: string, client: RedisLike, shardOf?: ShardOfKey): OperationMeter {
    return new OperationMeter(operation, client, this, shardOf);
  }

  /** Adds a finished operation to the totals and tells subscribers. O(command types). */
  record(cost: OperationCost): void {
    let e = this.entries.get(cost.operation);
    if (!e) {
      e = { operation: cost.operation, count: 0, total: emptyCost(), totalMs: 0 };
      this.entries.set(cost.operation, e);
    }
    e.count++;
    e.totalMs += cost.ms;
    addCost(e.total, cost);
    for (const l of this.listeners) l(cost);
  }

  /** Calls `listener` after every recorded operation; returns an unsubscribe function. */
  subscribe(listener: (cost: OperationCost) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Totals per operation name, in first-seen order (plain data, postMessage-safe). */
  snapshot(): LedgerEntry[] {
    return [...this.entries.values()].map((e) => ({
      ...e,
      total: addCost(emptyCost(), e.total),
    }));
  }

  /** The totals for one operation name, or a zero entry. */
  entry(operation: string): LedgerEntry {
    const e = this.entries.get(operation);
    return e
      ? { ...e, total: addCost(emptyCost(), e.total) }
      : { operation, count: 0, total: emptyCost(), totalMs: 0 };
  }

  /** Forgets all totals. */
  reset(): void {
    this.entries.clear();
  }
}
