import { compareUtf8 } from '../engine/utf8';

/**
 * The slice of an ioredis client this library calls. Both `createClient()`
 * from lib/engine and ioredis's `new Redis()` / `new Redis.Cluster()` satisfy
 * it, so every design here runs unchanged in the tab and on real Redis.
 * Replies are typed `unknown` on purpose: ioredis declares dozens of
 * overloads per command, and the designs parse what they need themselves
 * (see `toNumber`, `toPairs`).
 */

/** A score bound as Redis takes it: a number, or "(12", "-inf", "+inf". */
export type ScoreBound = number | string;

/**
 * The commands the designs issue, each with exactly the argument shapes
 * used (method syntax, so ioredis's many overloads can satisfy it).
 * `R` is what a call returns: a promise on a client, the batch in a pipeline.
 */
export interface RedisCommandsOf<R> {
  zadd(key: string, ...scoreMembers: (string | number)[]): R;
  zincrby(key: string, increment: number, member: string): R;
  zscore(key: string, member: string): R;
  zmscore(key: string, ...members: string[]): R;
  zcard(key: string): R;
  zcount(key: string, min: ScoreBound, max: ScoreBound): R;
  zrevrank(key: string, member: string): R;
  zrevrange(key: string, start: number, stop: number, withscores: 'WITHSCORES'): R;
  zrevrangebyscore(
    key: string,
    max: ScoreBound,
    min: ScoreBound,
    withscores: 'WITHSCORES',
    limit: 'LIMIT',
    offset: number,
    count: number,
  ): R;
  zrem(key: string, ...members: string[]): R;
  zunionstore(destination: string, numkeys: number, ...keys: string[]): R;
  del(...keys: string[]): R;
  pexpire(key: string, milliseconds: number): R;
  pttl(key: string): R;
}

/** The client-side commands: each resolves to the raw reply. */
export type RedisCommands = RedisCommandsOf<Promise<unknown>>;

/** The command names the designs issue, for metering and tests. */
export type RedisCommandName = keyof RedisCommands;

/** A pipeline or MULTI being built: each command queues and returns the batch. */
export interface RedisBatch extends RedisCommandsOf<RedisBatch> {
  /** Sends the queue; resolves to [error, reply] per command (null if a WATCH aborted). */
  exec(): Promise<[Error | null, unknown?][] | null>;
}

/**
 * Bulk loading, an optional capability: adds (scores[i], members[i]) to the
 * sorted set `key` with ZADD's rules (existing members take the new score)
 * and resolves to how many members were new. The in-tab engine offers it
 * (its one sorted-set write path, appending sorted runs in O(1) each);
 * ioredis does not, and loadPairs falls back to pipelined ZADDs.
 */
export type SortedSetBulkLoad = (
  key: string,
  scores: ArrayLike<number>,
  members: readonly string[],
  expectedTotal?: number,
) => Promise<number>;

/** An ioredis-shaped client: the commands plus MULTI and pipelines. */
export interface RedisLike extends RedisCommands {
  /** A MULTI/EXEC transaction: all queued commands run atomically. */
  multi(): RedisBatch;
  /** A pipeline: one round trip, no atomicity. */
  pipeline(): RedisBatch;
  /** Present when the client can load many pairs at once (see SortedSetBulkLoad). */
  loadSortedSet?: SortedSetBulkLoad;
}

/** Parses an integer or float reply ("12", 12, "-inf"); null/undefined → null. */
export function toNumber(reply: unknown): number | null {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'number') return reply;
  const s = String(reply);
  if (s === 'inf' || s === '+inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/** A (member, score) row as boards return it. */
export interface ScoredMember {
  member: string;
  score: number;
}

/** Parses a WITHSCORES reply [m1, s1, m2, s2, …] into rows. O(n). */
export function toPairs(reply: unknown): ScoredMember[] {
  const flat = reply as unknown[];
  const out: ScoredMember[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    out.push({ member: String(flat[i]), score: toNumber(flat[i + 1]) ?? 0 });
  }
  return out;
}

/**
 * Runs a pipeline's replies through: throws the first command error (so a
 * failed write is never silently ignored), returns the replies otherwise.
 */
export function unwrapExec(result: [Error | null, unknown?][] | null): unknown[] {
  if (result === null) throw new Error('transaction aborted (WATCH)');
  return result.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/**
 * How a design lays out its keys across Redis Cluster slots.
 * - `one-slot`: every key carries the same hash tag `{name}`, so MULTI and
 *   ZUNIONSTORE across them work on a cluster, but all of them live on one
 *   node (a cluster then adds no capacity to this board).
 * - `spread`: each key gets its own hash tag, so shards land on different
 *   nodes; cross-key atomicity is given up and multi-key work is done by the
 *   client (scatter-gather, add-then-remove moves).
 * On a single Redis (or the engine) both layouts behave the same.
 */
export type KeyLayout = 'one-slot' | 'spread';

/** The key of part `part` of board `name` under a layout (`{lb}:s3` or `{lb:s3}`). */
export function layoutKey(name: string, part: string, layout: KeyLayout): string {
  return layout === 'one-slot' ? `{${name}}:${part}` : `{${name}:${part}}`;
}

/** What a `batch` entry calls its one command on: a client or a pipeline. */
export type CommandTarget = RedisCommandsOf<unknown>;

/**
 * Issues several independent commands as one batch: a pipeline (one round
 * trip) when every key is in one hash slot, or concurrent single commands
 * when they may sit on different cluster nodes (an ioredis Cluster pipeline
 * refuses keys from different slots). Each entry calls exactly one command
 * on the target it is given. Throws the first command error.
 */
export async function batch(
  client: RedisLike,
  sameSlot: boolean,
  calls: readonly ((target: CommandTarget) => unknown)[],
): Promise<unknown[]> {
  if (calls.length === 0) return [];
  if (sameSlot) {
    const p = client.pipeline();
    for (const f of calls) f(p);
    return unwrapExec(await p.exec());
  }
  return Promise.all(calls.map((f) => f(client) as Promise<unknown>));
}

/** Redis order, best first: higher score, then member descending by UTF-8 bytes. */
export function compareBoardOrder(a: ScoredMember, b: ScoredMember): number {
  return b.score - a.score || compareUtf8(b.member, a.member);
}
