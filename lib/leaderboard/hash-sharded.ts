import { compareUtf8 } from '../engine/utf8';
import { loadPairs, sortByScore, type LoadProgress } from './bulk-load';
import { CostLedger, type OperationMeter } from './cost-ledger';
import type { BoardRow, Measured, RankInfo, SubmitMode } from './global-board';
import { percentileOf } from './global-board';
import {
  batch,
  compareBoardOrder,
  layoutKey,
  toNumber,
  toPairs,
  type CommandTarget,
  type KeyLayout,
  type RedisLike,
  type ScoredMember,
} from './redis-like';

/**
 * Hash-based sharding: a player lives in shard hash(id) mod N forever, so
 * writes spread evenly and never move. Reads pay instead: top-K is a
 * scatter-gather (each shard's top K, merged), and an exact rank asks every
 * shard how many members score higher (ZCOUNT), plus how many tie with the
 * player and sort before it by name.
 */

/** Options for `HashShardedBoard`. */
export interface HashShardOptions {
  /** Key prefix. Default 'lb'. */
  name?: string;
  shards: number;
  /** Default 'spread' (no multi-key atomicity is needed). */
  layout?: KeyLayout;
  /** Default 'best'. */
  mode?: SubmitMode;
  ledger?: CostLedger;
}

/** FNV-1a over UTF-16 code units: a stable, fast, well-spread 32-bit hash. O(length). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A board split by hash of player id. */
export class HashShardedBoard {
  readonly ledger: CostLedger;
  readonly layout: KeyLayout;
  readonly mode: SubmitMode;
  readonly keys: string[];
  readonly load: Float64Array;
  private readonly shardByKey = new Map<string, number>();

  constructor(
    readonly client: RedisLike,
    options: HashShardOptions,
  ) {
    if (!(options.shards >= 1)) throw new RangeError('shards must be ≥ 1');
    this.layout = options.layout ?? 'spread';
    this.mode = options.mode ?? 'best';
    this.ledger = options.ledger ?? new CostLedger();
    this.keys = [];
    for (let i = 0; i < options.shards; i++) {
      const k = layoutKey(options.name ?? 'lb', `hash:${i}`, this.layout);
      this.keys.push(k);
      this.shardByKey.set(k, i);
    }
    this.load = new Float64Array(options.shards);
  }

  get shardCount(): number {
    return this.keys.length;
  }

  /** The shard of a player: fnv1a(id) mod shards. O(length of id). */
  shardOf(player: string): number {
    return fnv1a(player) % this.keys.length;
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
   * Loads pairs already in Redis order (score ascending, ties by member bytes): each
   * shard's share of them is still in order, so the engine appends without searching.
   * `expectedTotal` (all pairs the shards will hold) sizes the engine's buffers once.
   * O(pairs · length of an id) for hashing.
   */
  async loadSorted(
    scores: Float64Array,
    members: readonly string[],
    expectedTotal = 0,
  ): Promise<void> {
    const n = members.length;
    const shardOf = new Uint8Array(n);
    const counts = new Int32Array(this.keys.length);
    for (let j = 0; j < n; j++) {
      const sh = this.shardOf(members[j]!);
      shardOf[j] = sh;
      counts[sh]!++;
    }
    // One pass deals every pair to its shard, in order (not one pass per shard).
    const shardScores = Array.from(counts, (c) => new Float64Array(c));
    const shardMembers = Array.from(counts, (c) => new Array<string>(c));
    const filled = new Int32Array(this.keys.length);
    for (let j = 0; j < n; j++) {
      const sh = shardOf[j]!;
      const k = filled[sh]!++;
      shardScores[sh]![k] = scores[j]!;
      shardMembers[sh]![k] = members[j]!;
    }
    // A shard's share of the total is binomial: four standard deviations over the even split
    // means the engine sizes its buffers once instead of growing one by half near the end.
    const even = expectedTotal / this.keys.length;
    const perShard = expectedTotal > 0 ? Math.ceil(even + 4 * Math.sqrt(even)) : 0;
    for (let sh = 0; sh < this.keys.length; sh++) {
      await loadPairs(this.client, this.keys[sh]!, shardScores[sh]!, shardMembers[sh]!, perShard);
    }
  }

  /** Loads players 0..n-1, each into its hash shard, in score order. O(n log n). */
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
      const s: number[][] = this.keys.map(() => []);
      const m: string[][] = this.keys.map(() => []);
      for (let j = start; j < end; j++) {
        const name = id(order[j]!);
        const sh = this.shardOf(name);
        s[sh]!.push(scores[order[j]!]!);
        m[sh]!.push(name);
      }
      for (let sh = 0; sh < this.keys.length; sh++)
        await loadPairs(
          this.client,
          this.keys[sh]!,
          s[sh]!,
          m[sh]!,
          Math.ceil(n / this.keys.length),
        );
      await onProgress?.(end, n);
    }
  }

  /**
   * Submits a score (points in increment mode) to the player's shard: one
   * ZADD GT (best), ZADD (overwrite) or ZINCRBY (increment). Never moves.
   * O(log N).
   */
  async submit(player: string, value: number): Promise<Measured<{ score: number; shard: number }>> {
    const m = this.begin(`hash:submit:${this.mode}`);
    const key = this.keys[this.shardOf(player)]!;
    let score: number;
    if (this.mode === 'increment')
      score = toNumber(await m.client.zincrby(key, value, player)) ?? value;
    else {
      await m.client.zadd(key, ...(this.mode === 'best' ? ['GT', value, player] : [value, player]));
      score = toNumber(await m.client.zscore(key, player)) ?? value;
    }
    return { result: { score, shard: this.shardOf(player) }, cost: m.end() };
  }

  /**
   * Top `k` by scatter-gather: ZREVRANGE 0 k−1 on every shard, merge in
   * Redis order, keep k. Exact, because the global top k are each in
   * their own shard's top k. Transfers up to shards · k rows. O(S·k log).
   */
  async topK(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.begin('hash:topK');
    let rows: ScoredMember[] = [];
    if (k > 0) {
      const replies = await batch(
        m.client,
        this.sameSlot,
        this.keys.map((key) => (c) => c.zrevrange(key, 0, k - 1, 'WITHSCORES')),
      );
      rows = replies
        .flatMap((r) => toPairs(r))
        .sort(compareBoardOrder)
        .slice(0, k);
    }
    return {
      result: rows.map((r, i) => ({
        member: r.member,
        score: r.score,
        stored: r.score,
        rank: i + 1,
      })),
      cost: m.end(),
    };
  }

  /**
   * Exact rank of `player`, equal to ZREVRANK + 1 on one set: ZSCORE in its
   * shard, then on every shard ZCOUNT (score, +inf] and ZCOUNT [score,
   * score]; for shards with ties, the tie group is read
   * (ZREVRANGEBYSCORE score score) to count names that sort above.
   * 2 + 2·shards commands (+ one per shard with ties), 3 round trips.
   * Null when absent. O(shards · log N + ties).
   */
  async rank(player: string): Promise<Measured<RankInfo | null>> {
    const m = this.begin('hash:rank');
    const c = m.client;
    const score = toNumber(await c.zscore(this.keys[this.shardOf(player)]!, player));
    let result: RankInfo | null = null;
    if (score !== null) {
      const calls = this.keys.flatMap((key) => [
        (t: CommandTarget) => t.zcount(key, `(${score}`, '+inf'),
        (t: CommandTarget) => t.zcount(key, score, score),
        (t: CommandTarget) => t.zcard(key),
      ]);
      const r = (await batch(c, this.sameSlot, calls)).map((x) => toNumber(x) ?? 0);
      let higher = 0;
      let total = 0;
      const tieShards: number[] = [];
      for (let i = 0; i < this.keys.length; i++) {
        higher += r[3 * i]!;
        total += r[3 * i + 2]!;
        // The player's own shard always has a tie (itself); only others with ties > 0 need a read.
        if (r[3 * i + 1]! > (i === this.shardOf(player) ? 1 : 0)) tieShards.push(i);
      }
      const ties = await batch(
        c,
        this.sameSlot,
        tieShards.map(
          (i) => (t) =>
            t.zrevrangebyscore(
              this.keys[i]!,
              score,
              score,
              'WITHSCORES',
              'LIMIT',
              0,
              r[3 * i + 1]!,
            ),
        ),
      );
      for (const reply of ties)
        for (const p of toPairs(reply)) if (compareUtf8(p.member, player) > 0) higher++;
      const rank = higher + 1;
      result = { member: player, score, rank, total, percentile: percentileOf(rank, total) };
    }
    return { result, cost: m.end() };
  }

  /** Sizes and load per shard (one ZCARD each). O(shards). */
  async stats(): Promise<{ shard: number; key: string; size: number; load: number }[]> {
    const sizes = await batch(
      this.client,
      this.sameSlot,
      this.keys.map((k) => (c) => c.zcard(k)),
    );
    return this.keys.map((key, i) => ({
      shard: i,
      key,
      size: toNumber(sizes[i]) ?? 0,
      load: this.load[i]!,
    }));
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
