import { CostLedger, type OperationMeter } from './cost-ledger';
import { loadPairs, sortByScore, type LoadProgress } from './bulk-load';
import type { BoardRow, Measured, RankInfo, SubmitMode } from './global-board';
import { percentileOf } from './global-board';
import {
  batch,
  layoutKey,
  toNumber,
  toPairs,
  unwrapExec,
  type CommandTarget,
  type KeyLayout,
  type RedisLike,
} from './redis-like';
import { lowerBound, upperBound } from './bisect';

/**
 * Range-based sharding: N sorted sets, each holding one band of scores.
 * Shard 0 holds the lowest band and shard N−1 the highest: shard i holds
 * scores in [boundaries[i−1], boundaries[i]). Because a band never splits a
 * score, ties stay together, and a player's global rank is exact:
 *
 *   global rank = local rank in its shard + members of every higher shard
 *
 * The price: the top shard is hot (every top-K read and every climb ends
 * there), and a score that crosses a boundary must move between sets.
 */

/** Options for `RangeShardedBoard`. */
export interface RangeShardOptions {
  /** Key prefix. Default 'lb'. */
  name?: string;
  /** Ascending, N−1 values for N shards: shard i starts at boundaries[i−1]. */
  boundaries: readonly number[];
  /**
   * Default 'one-slot': boundary moves run in MULTI (atomic) because all
   * shards share a hash tag, which on a cluster also puts them on one node.
   * 'spread': shards on different nodes; a move is ZADD to the new shard
   * then ZREM from the old (a reader may see the player twice for an
   * instant, never zero times).
   */
  layout?: KeyLayout;
  /** Default 'best'. */
  mode?: SubmitMode;
  ledger?: CostLedger;
}

/** Where a submit put the player. */
export interface RangeSubmitResult {
  score: number;
  fromShard: number | null;
  toShard: number;
  /** True when the player crossed a boundary (and was moved). */
  moved: boolean;
}

/** What a rebalance did. */
export interface RebalanceResult {
  before: number[];
  after: number[];
  /** Members that changed shard. */
  moved: number;
  sizesBefore: number[];
  sizesAfter: number[];
}

/** Per-shard view for the chart: sizes, band and the commands each shard served. */
export interface ShardStats {
  shard: number;
  key: string;
  size: number;
  /** [low, high) score band. */
  low: number;
  high: number;
  /** Data commands (reads and writes, not ZSCORE/ZCARD lookups) this board sent to the shard. */
  load: number;
}

/**
 * Evenly spaced boundaries for `shards` shards over 0..maxScore (the
 * naive choice; `rebalance` replaces it with quantiles). O(shards).
 */
export function evenBoundaries(shards: number, maxScore: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < shards; i++) out.push(Math.round((maxScore * i) / shards));
  return out;
}

/** Index of the shard holding `score` (binary search). O(log shards). */
export function shardForScore(boundaries: readonly number[], score: number): number {
  return upperBound(boundaries, score);
}

/** A board split by score range. See the module comment. */
export class RangeShardedBoard {
  readonly ledger: CostLedger;
  readonly layout: KeyLayout;
  readonly mode: SubmitMode;
  readonly keys: string[];
  private bounds: number[];
  private readonly name: string;
  private readonly shardByKey = new Map<string, number>();
  /** Data commands (not ZSCORE/ZCARD lookups) sent to each shard. */
  readonly load: Float64Array;

  constructor(
    readonly client: RedisLike,
    options: RangeShardOptions,
  ) {
    this.name = options.name ?? 'lb';
    this.layout = options.layout ?? 'one-slot';
    this.mode = options.mode ?? 'best';
    this.ledger = options.ledger ?? new CostLedger();
    this.bounds = [...options.boundaries];
    for (let i = 1; i < this.bounds.length; i++) {
      if (!(this.bounds[i]! >= this.bounds[i - 1]!)) throw new RangeError('boundaries must ascend');
    }
    this.keys = [];
    for (let i = 0; i <= this.bounds.length; i++) {
      const k = layoutKey(this.name, `range:${i}`, this.layout);
      this.keys.push(k);
      this.shardByKey.set(k, i);
    }
    this.load = new Float64Array(this.keys.length);
  }

  get shardCount(): number {
    return this.keys.length;
  }

  /** The current boundaries (a copy). */
  get boundaries(): number[] {
    return [...this.bounds];
  }

  /** The shard a score belongs to. O(log shards). */
  shardOf(score: number): number {
    return shardForScore(this.bounds, score);
  }

  private begin(op: string): OperationMeter {
    return this.ledger.begin(op, this.client, (k, command) => {
      const s = this.shardByKey.get(k);
      // Load counts the work on a shard's data; ZSCORE/ZCARD lookups are O(1) bookkeeping.
      if (s !== undefined && command !== 'zscore' && command !== 'zcard') this.load[s]!++;
      return s;
    });
  }

  private get sameSlot(): boolean {
    return this.layout === 'one-slot';
  }

  /**
   * Loads players 0..n-1 (`id(i)`, `scores[i]`), sorted once and routed to
   * their shards in order. `onProgress` runs after each chunk and may await
   * (to yield) or throw (to cancel). O(n log n).
   */
  async loadPlayers(
    id: (i: number) => string,
    scores: ArrayLike<number>,
    onProgress?: LoadProgress,
    chunk = 25_000,
    /** `sortByScore(scores, id)` when the caller already has it (it is the slow part). */
    sorted?: Int32Array,
  ): Promise<void> {
    const order = sorted ?? sortByScore(scores, id);
    const n = order.length;
    for (let start = 0; start < n; start += chunk) {
      const end = Math.min(n, start + chunk);
      const s = new Float64Array(end - start);
      const m = new Array<string>(end - start);
      for (let j = start; j < end; j++) {
        s[j - start] = scores[order[j]!]!;
        m[j - start] = id(order[j]!);
      }
      await this.loadSorted(s, m, n);
      await onProgress?.(end, n);
    }
  }

  /**
   * How many of `sortedScores` (ascending) fall in each shard: one binary search per
   * boundary. What `loadSorted` takes to size each shard's buffers once, since a skewed
   * world (the long tail puts most players in the lowest band) is far from an even split.
   * O(shards · log n).
   */
  shardSizesOf(sortedScores: ArrayLike<number>): number[] {
    const sizes: number[] = [];
    let prev = 0;
    for (const b of this.bounds) {
      const at = lowerBound(sortedScores, b);
      sizes.push(at - prev);
      prev = at;
    }
    sizes.push(sortedScores.length - prev);
    return sizes;
  }

  /**
   * Loads pairs already in Redis order (score ascending, ties by member
   * bytes): each shard receives one contiguous run, which the engine
   * appends at the tail without searching. `expectedTotal` sizes the
   * engine's buffers once: the total the board will reach (split evenly
   * across shards), or each shard's final size (`shardSizesOf`). O(pairs).
   */
  async loadSorted(
    scores: Float64Array,
    members: readonly string[],
    expectedTotal: number | readonly number[] = 0,
  ): Promise<void> {
    let runStart = 0;
    const n = members.length;
    const perShard =
      typeof expectedTotal === 'number' ? Math.ceil(expectedTotal / this.keys.length) : 0;
    while (runStart < n) {
      const shard = this.shardOf(scores[runStart]!);
      const high = shard < this.bounds.length ? this.bounds[shard]! : Infinity;
      let runEnd = runStart;
      while (runEnd < n && scores[runEnd]! < high) runEnd++;
      await loadPairs(
        this.client,
        this.keys[shard]!,
        scores.subarray(runStart, runEnd),
        // One run is usually the whole chunk: no copy then.
        runStart === 0 && runEnd === n ? members : members.slice(runStart, runEnd),
        typeof expectedTotal === 'number' ? perShard : (expectedTotal[shard] ?? 0),
      );
      runStart = runEnd;
    }
  }

  /**
   * Finds the shard and stored score of `player`: first one ZSCORE in the
   * `guess` shard when given (most updates stay in their band, so this is
   * usually the only lookup), then one ZSCORE per shard, batched.
   */
  private async locate(
    m: OperationMeter,
    player: string,
    guess?: number,
  ): Promise<{ shard: number; score: number } | null> {
    if (guess !== undefined) {
      const s = toNumber(await m.client.zscore(this.keys[guess]!, player));
      if (s !== null) return { shard: guess, score: s };
    }
    const replies = await batch(
      m.client,
      this.sameSlot,
      this.keys.map((k) => (c) => c.zscore(k, player)),
    );
    for (let i = replies.length - 1; i >= 0; i--) {
      const s = toNumber(replies[i]);
      if (s !== null) return { shard: i, score: s };
    }
    return null;
  }

  /**
   * Submits a score (or points, in increment mode). Locates the player
   * (one ZSCORE in the new score's band; one per shard, batched, when it is
   * not there or in increment mode), computes the new score, writes it:
   * one ZADD when the shard is unchanged, or a move across the boundary:
   * MULTI { ZREM old; ZADD new } in 'one-slot', ZADD new then ZREM old in
   * 'spread'. Assumes one writer per player at a time (a game server owns a
   * player's session); with concurrent writers use WATCH or a Lua script.
   * O(log N) when the band is unchanged, O(shards + log N) otherwise.
   */
  async submit(player: string, value: number): Promise<Measured<RangeSubmitResult>> {
    const m = this.begin(`range:submit:${this.mode}`);
    const c = m.client;
    // Best and overwrite know the target band up front: look there first.
    const guess = this.mode === 'increment' ? undefined : this.shardOf(value);
    const where = await this.locate(m, player, guess);
    const old = where?.score ?? null;
    let score = value;
    if (this.mode === 'increment') score = (old ?? 0) + value;
    else if (this.mode === 'best' && old !== null && old >= value) score = old;
    const to = this.shardOf(score);
    const from = where?.shard ?? null;
    if (old !== score || from === null) {
      if (from === null || from === to) {
        await c.zadd(this.keys[to]!, score, player);
      } else if (this.sameSlot) {
        unwrapExec(
          await c.multi().zrem(this.keys[from]!, player).zadd(this.keys[to]!, score, player).exec(),
        );
      } else {
        await c.zadd(this.keys[to]!, score, player);
        await c.zrem(this.keys[from]!, player);
      }
    }
    return {
      result: { score, fromShard: from, toShard: to, moved: from !== null && from !== to },
      cost: m.end(),
    };
  }

  /**
   * Exact global rank of `player`: locate it, then ZREVRANK in its shard
   * plus ZCARD of every higher shard (one batch). Equals ZREVRANK + 1 on a
   * single set holding everyone. Null when absent. O(shards + log N).
   */
  async rank(player: string): Promise<Measured<RankInfo | null>> {
    const m = this.begin('range:rank');
    const where = await this.locate(m, player);
    let result: RankInfo | null = null;
    if (where) {
      const calls = [
        (c: CommandTarget) => c.zrevrank(this.keys[where.shard]!, player),
        ...this.keys.map((k) => (c: CommandTarget) => c.zcard(k)),
      ];
      const r = await batch(m.client, this.sameSlot, calls);
      const local = toNumber(r[0]) ?? 0;
      let higher = 0;
      let total = 0;
      for (let i = 0; i < this.keys.length; i++) {
        const n = toNumber(r[i + 1]) ?? 0;
        total += n;
        if (i > where.shard) higher += n;
      }
      const rank = higher + local + 1;
      result = {
        member: player,
        score: where.score,
        rank,
        total,
        percentile: percentileOf(rank, total),
      };
    }
    return { result, cost: m.end() };
  }

  /**
   * Top `k`: read the highest shard first and step down only while rows
   * are missing (usually one ZREVRANGE, on the hot shard). O(k + shards).
   */
  async topK(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.begin('range:topK');
    const rows: BoardRow[] = [];
    for (let s = this.keys.length - 1; s >= 0 && rows.length < k; s--) {
      const need = k - rows.length;
      for (const p of toPairs(await m.client.zrevrange(this.keys[s]!, 0, need - 1, 'WITHSCORES'))) {
        rows.push({ member: p.member, score: p.score, stored: p.score, rank: rows.length + 1 });
      }
    }
    return { result: rows, cost: m.end() };
  }

  /** Sizes, bands and load per shard (one ZCARD each, batched). O(shards). */
  async stats(): Promise<ShardStats[]> {
    const sizes = await batch(
      this.client,
      this.sameSlot,
      this.keys.map((k) => (c) => c.zcard(k)),
    );
    return this.keys.map((key, i) => ({
      shard: i,
      key,
      size: toNumber(sizes[i]) ?? 0,
      low: i === 0 ? -Infinity : this.bounds[i - 1]!,
      high: i === this.bounds.length ? Infinity : this.bounds[i]!,
      load: this.load[i]!,
    }));
  }

  /**
   * Recomputes boundaries so each shard holds about N / shards members:
   * boundary i is the score of the member at ascending position i·N/S
   * (found with one ZREVRANGE in the shard holding it), and then moves
   * every member whose band changed, in chunks of 5,000 (MULTI per chunk
   * in 'one-slot'). A big tie group stays whole, so shards can differ by
   * its size. Stop-the-world: run it with writes paused (a live system
   * would double-write during the move). O(N moved · log N).
   */
  async rebalance(): Promise<Measured<RebalanceResult>> {
    const m = this.begin('range:rebalance');
    const c = m.client;
    const before = this.boundaries;
    const sizesBefore = (
      await batch(
        c,
        this.sameSlot,
        this.keys.map((k) => (t) => t.zcard(k)),
      )
    ).map((x) => toNumber(x) ?? 0);
    const total = sizesBefore.reduce((a, b) => a + b, 0);
    const shards = this.keys.length;
    const after: number[] = [];
    for (let q = 1; q < shards; q++) {
      // Ascending position → shard and local descending index.
      let pos = Math.floor((q * total) / shards);
      let s = 0;
      while (s < shards - 1 && pos >= sizesBefore[s]!) pos -= sizesBefore[s++]!;
      const size = sizesBefore[s]!;
      let b = after.length ? after[after.length - 1]! : -Infinity;
      if (size > 0) {
        const rev = size - 1 - Math.min(pos, size - 1);
        const row = toPairs(await c.zrevrange(this.keys[s]!, rev, rev, 'WITHSCORES'))[0];
        if (row) b = Math.max(b, row.score);
      }
      after.push(Number.isFinite(b) ? b : 0);
    }
    let moved = 0;
    const oldLow = (i: number) => (i === 0 ? -Infinity : before[i - 1]!);
    const oldHigh = (i: number) => (i === shards - 1 ? Infinity : before[i]!);
    const newLow = (i: number) => (i === 0 ? -Infinity : after[i - 1]!);
    const newHigh = (i: number) => (i === shards - 1 ? Infinity : after[i]!);
    const bound = (x: number, exclusive: boolean) =>
      x === Infinity ? '+inf' : x === -Infinity ? '-inf' : exclusive ? `(${x}` : x;
    for (let from = 0; from < shards; from++) {
      for (let to = 0; to < shards; to++) {
        if (to === from) continue;
        const lo = Math.max(oldLow(from), newLow(to));
        const hi = Math.min(oldHigh(from), newHigh(to));
        if (!(lo < hi)) continue;
        for (;;) {
          const rows = toPairs(
            await c.zrevrangebyscore(
              this.keys[from]!,
              bound(hi, true),
              bound(lo, false),
              'WITHSCORES',
              'LIMIT',
              0,
              5000,
            ),
          );
          if (rows.length === 0) break;
          const args: (string | number)[] = [];
          for (const r of rows) args.push(r.score, r.member);
          const members = rows.map((r) => r.member);
          if (this.sameSlot) {
            unwrapExec(
              await c
                .multi()
                .zadd(this.keys[to]!, ...args)
                .zrem(this.keys[from]!, ...members)
                .exec(),
            );
          } else {
            await c.zadd(this.keys[to]!, ...args);
            await c.zrem(this.keys[from]!, ...members);
          }
          moved += rows.length;
        }
      }
    }
    this.bounds = after;
    const sizesAfter = (
      await batch(
        c,
        this.sameSlot,
        this.keys.map((k) => (t) => t.zcard(k)),
      )
    ).map((x) => toNumber(x) ?? 0);
    return { result: { before, after: [...after], moved, sizesBefore, sizesAfter }, cost: m.end() };
  }

  /** Deletes every shard key. */
  async clear(): Promise<void> {
    await batch(
      this.client,
      this.sameSlot,
      this.keys.map((k) => (c) => c.del(k)),
    );
  }
}
