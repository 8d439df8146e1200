import { CostLedger, type OperationMeter } from './cost-ledger';
import type { BoardRow, Measured } from './global-board';
import {
  batch,
  compareBoardOrder,
  layoutKey,
  toNumber,
  toPairs,
  unwrapExec,
  type KeyLayout,
  type RedisLike,
  type ScoredMember,
} from './redis-like';
import { followersOf, followsOf, type FriendGraph } from './world';

/**
 * Social boards: the same scores seen through regions, guilds and friend
 * lists. Each offers two designs with opposite costs, and the ledger shows
 * which side of the trade a workload lands on.
 */

function rows(pairs: readonly ScoredMember[]): BoardRow[] {
  return pairs.map((p, i) => ({ member: p.member, score: p.score, stored: p.score, rank: i + 1 }));
}

/** How the global board relates to the regional ones. */
export type RegionalMode = 'union' | 'alongside';

/**
 * Regional boards: one sorted set per region. The global board is either
 * computed on read by ZUNIONSTORE of every region (cheap writes, a read
 * that touches every member: O(N) + O(M log M)) or maintained alongside
 * (each write goes to both sets in one MULTI: double writes and memory,
 * O(log N) reads). On a cluster all keys share the `{name}` hash tag,
 * because ZUNIONSTORE and MULTI need one slot, which puts every region on
 * one node: a real deployment that needs regions on separate nodes must
 * merge on the client (see HashShardedBoard.topK), not with ZUNIONSTORE.
 */
export class RegionalBoards {
  readonly ledger: CostLedger;
  private readonly name: string;

  constructor(
    readonly client: RedisLike,
    readonly regions: readonly string[],
    readonly mode: RegionalMode,
    options: { name?: string; ledger?: CostLedger } = {},
  ) {
    this.name = options.name ?? 'lb';
    this.ledger = options.ledger ?? new CostLedger();
  }

  /** Key of a region's set. */
  regionKey(region: string): string {
    return layoutKey(this.name, `region:${region}`, 'one-slot');
  }

  /** Key of the maintained (or last computed) global set. */
  get globalKey(): string {
    return layoutKey(this.name, this.mode === 'union' ? 'global:union' : 'global', 'one-slot');
  }

  /** Sets `player`'s score in its region (and the global set, alongside). O(log N). */
  async submit(player: string, region: string, score: number): Promise<Measured<void>> {
    const m = this.ledger.begin(`regional:${this.mode}:submit`, this.client);
    if (this.mode === 'union') await m.client.zadd(this.regionKey(region), score, player);
    else
      unwrapExec(
        await m.client
          .multi()
          .zadd(this.regionKey(region), score, player)
          .zadd(this.globalKey, score, player)
          .exec(),
      );
    return { result: undefined, cost: m.end() };
  }

  /** Loads many players (one ZADD per region, plus the global set alongside). */
  async load(players: readonly { member: string; region: string; score: number }[]): Promise<void> {
    const by = new Map<string, (string | number)[]>();
    for (const p of players) {
      const k = this.regionKey(p.region);
      const a = by.get(k) ?? [];
      a.push(p.score, p.member);
      by.set(k, a);
    }
    for (const [k, args] of by) {
      for (let i = 0; i < args.length; i += 2000)
        await this.client.zadd(k, ...args.slice(i, i + 2000));
      if (this.mode === 'alongside') {
        for (let i = 0; i < args.length; i += 2000)
          await this.client.zadd(this.globalKey, ...args.slice(i, i + 2000));
      }
    }
  }

  /** Top `k` of one region. O(log N + k). */
  async regionTopK(region: string, k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('regional:regionTopK', this.client);
    const pairs =
      k <= 0
        ? []
        : toPairs(await m.client.zrevrange(this.regionKey(region), 0, k - 1, 'WITHSCORES'));
    return { result: rows(pairs), cost: m.end() };
  }

  /**
   * Global top `k`. Union mode: ZUNIONSTORE of all regions into a scratch
   * key (scans every member) then ZREVRANGE; alongside: one ZREVRANGE.
   */
  async globalTopK(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin(`regional:${this.mode}:globalTopK`, this.client);
    if (this.mode === 'union') {
      await m.client.zunionstore(
        this.globalKey,
        this.regions.length,
        ...this.regions.map((r) => this.regionKey(r)),
      );
    }
    const pairs =
      k <= 0 ? [] : toPairs(await m.client.zrevrange(this.globalKey, 0, k - 1, 'WITHSCORES'));
    return { result: rows(pairs), cost: m.end() };
  }
}

/**
 * Guild boards: a guild's total is kept with ZINCRBY on every member's
 * points (never recomputed), next to a per-guild board of its members.
 * One MULTI per update: ZINCRBY member board + ZINCRBY totals. All keys
 * share the `{name}` tag so the MULTI works on a cluster.
 */
export class GuildBoards {
  readonly ledger: CostLedger;
  private readonly name: string;

  constructor(
    readonly client: RedisLike,
    options: { name?: string; ledger?: CostLedger } = {},
  ) {
    this.name = options.name ?? 'lb';
    this.ledger = options.ledger ?? new CostLedger();
  }

  get totalsKey(): string {
    return layoutKey(this.name, 'guilds', 'one-slot');
  }

  guildKey(guild: string): string {
    return layoutKey(this.name, `guild:${guild}`, 'one-slot');
  }

  /** Adds `points` to `player` in `guild` and to the guild's total. Returns both new values. O(log N). */
  async addPoints(
    player: string,
    guild: string,
    points: number,
  ): Promise<Measured<{ player: number; guild: number }>> {
    const m = this.ledger.begin('guild:addPoints', this.client);
    const [p, g] = unwrapExec(
      await m.client
        .multi()
        .zincrby(this.guildKey(guild), points, player)
        .zincrby(this.totalsKey, points, guild)
        .exec(),
    );
    return { result: { player: toNumber(p) ?? 0, guild: toNumber(g) ?? 0 }, cost: m.end() };
  }

  /** Top `k` guilds by total. O(log G + k). */
  async topGuilds(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('guild:topGuilds', this.client);
    const pairs =
      k <= 0 ? [] : toPairs(await m.client.zrevrange(this.totalsKey, 0, k - 1, 'WITHSCORES'));
    return { result: rows(pairs), cost: m.end() };
  }

  /** Top `k` members of a guild. O(log M + k). */
  async guildMembers(guild: string, k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('guild:members', this.client);
    const pairs =
      k <= 0 ? [] : toPairs(await m.client.zrevrange(this.guildKey(guild), 0, k - 1, 'WITHSCORES'));
    return { result: rows(pairs), cost: m.end() };
  }
}

/** Which friend-board design to use. */
export type FanoutMode = 'read' | 'write' | 'hybrid';

/** Options for `FriendBoards`. */
export interface FriendBoardOptions {
  /** Key prefix. Default 'lb'. */
  name?: string;
  mode: FanoutMode;
  /**
   * Hybrid only: players with at least this many followers are not fanned
   * out on write; their followers merge them in on read. Default 1,000.
   */
  celebrityFollowers?: number;
  /** Feed keys: 'spread' (default) over the cluster, or 'one-slot'. */
  layout?: KeyLayout;
  ledger?: CostLedger;
}

/**
 * Friend boards: "how do I rank among the people I follow?".
 * - fan-out on read: scores live once (the global set); a read is ZMSCORE
 *   of the followed players, sorted on the client: O(degree) per read,
 *   O(log N) per write.
 * - fan-out on write: every player has a feed set of the players they
 *   follow (and themself); an update is written into the feed of every
 *   follower: O(followers · log) per write (a celebrity's update is a
 *   storm), O(log + k) per read.
 * - hybrid: fan out on write except for celebrities, whom followers merge
 *   in on read with one ZMSCORE of the celebrities they follow.
 * All three return the same board (the tests check it).
 */
export class FriendBoards {
  readonly ledger: CostLedger;
  readonly mode: FanoutMode;
  readonly celebrityFollowers: number;
  private readonly name: string;
  private readonly layout: KeyLayout;

  constructor(
    readonly client: RedisLike,
    readonly graph: FriendGraph,
    readonly id: (i: number) => string,
    options: FriendBoardOptions,
  ) {
    this.mode = options.mode;
    this.name = options.name ?? 'lb';
    this.layout = options.layout ?? 'spread';
    this.celebrityFollowers = options.celebrityFollowers ?? 1000;
    this.ledger = options.ledger ?? new CostLedger();
  }

  /** The set holding every player's score (read by fan-out on read). */
  get scoresKey(): string {
    return layoutKey(this.name, 'friends:scores', 'one-slot');
  }

  /** Player i's feed (fan-out on write). */
  feedKey(i: number): string {
    return layoutKey(this.name, `feed:${this.id(i)}`, this.layout);
  }

  /** True when player `i` is not fanned out in hybrid mode. */
  isCelebrity(i: number): boolean {
    return this.mode === 'hybrid' && followersOf(this.graph, i).length >= this.celebrityFollowers;
  }

  /** Does `reader`'s feed hold `author`? (Self always; celebrities not in hybrid.) */
  private fannedOut(author: number): boolean {
    return this.mode !== 'read' && !this.isCelebrity(author);
  }

  /**
   * Loads every player's score, and the feeds when the mode writes them
   * (one ZADD per feed: O(edges)). `onProgress` may await or throw.
   */
  async load(
    scores: ArrayLike<number>,
    onProgress?: (done: number, total: number) => void | Promise<void>,
  ): Promise<void> {
    const n = this.graph.players;
    for (let i = 0; i < n; i += 2000) {
      const args: (string | number)[] = [];
      for (let j = i; j < Math.min(n, i + 2000); j++) args.push(scores[j]!, this.id(j));
      await this.client.zadd(this.scoresKey, ...args);
    }
    if (this.mode !== 'read') {
      for (let i = 0; i < n; i++) {
        const args: (string | number)[] = [scores[i]!, this.id(i)];
        for (const t of followsOf(this.graph, i))
          if (this.fannedOut(t)) args.push(scores[t]!, this.id(t));
        await this.client.zadd(this.feedKey(i), ...args);
        if (onProgress && i % 250 === 249) await onProgress(i + 1, n);
      }
    }
    await onProgress?.(n, n);
  }

  /**
   * Sets player `i`'s score. Read mode: one ZADD. Write mode: ZADD into the
   * score set, the player's own feed and every follower's feed (batched).
   * Hybrid: like write, but a celebrity writes only the score set and its
   * own feed. The cost's `membersWritten` is the write amplification.
   */
  async submit(i: number, score: number): Promise<Measured<{ feedsWritten: number }>> {
    const m = this.ledger.begin(`friends:${this.mode}:submit`, this.client);
    const member = this.id(i);
    await m.client.zadd(this.scoresKey, score, member);
    let feeds = 0;
    if (this.mode !== 'read') {
      const targets = [i];
      if (this.fannedOut(i)) for (const f of followersOf(this.graph, i)) targets.push(f);
      for (let s = 0; s < targets.length; s += 1000) {
        const slice = targets.slice(s, s + 1000);
        await batch(
          m.client,
          this.layout === 'one-slot',
          slice.map((t) => (c) => c.zadd(this.feedKey(t), score, member)),
        );
      }
      feeds = targets.length;
    }
    return { result: { feedsWritten: feeds }, cost: m.end() };
  }

  /**
   * Player `i`'s friend board (the players they follow plus themself),
   * best first, top `k` (all when k is Infinity). Read: one ZMSCORE of
   * degree + 1 members, sorted on the client. Write: one ZREVRANGE.
   * Hybrid: ZREVRANGE of the feed + ZMSCORE of followed celebrities, merged.
   */
  async board(i: number, k = Infinity): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin(`friends:${this.mode}:read`, this.client);
    const stop = Number.isFinite(k) ? k - 1 : -1;
    let pairs: ScoredMember[];
    if (this.mode === 'read') {
      pairs = await this.scoresOf(m, [i, ...followsOf(this.graph, i)]);
    } else {
      pairs = toPairs(await m.client.zrevrange(this.feedKey(i), 0, stop, 'WITHSCORES'));
      if (this.mode === 'hybrid') {
        const celebs = Array.from(followsOf(this.graph, i)).filter((t) => this.isCelebrity(t));
        if (celebs.length) pairs = pairs.concat(await this.scoresOf(m, celebs));
      }
    }
    pairs.sort(compareBoardOrder);
    return {
      result: rows(Number.isFinite(k) ? pairs.slice(0, Math.max(0, k)) : pairs),
      cost: m.end(),
    };
  }

  /** Deletes the score set and every feed (DEL in batches of 500 keys). */
  async clear(): Promise<void> {
    await this.client.del(this.scoresKey);
    if (this.mode === 'read') return;
    for (let i = 0; i < this.graph.players; i += 500) {
      const keys: string[] = [];
      for (let j = i; j < Math.min(this.graph.players, i + 500); j++) keys.push(this.feedKey(j));
      await batch(
        this.client,
        this.layout === 'one-slot',
        keys.map((k) => (c) => c.del(k)),
      );
    }
  }

  private async scoresOf(m: OperationMeter, players: readonly number[]): Promise<ScoredMember[]> {
    const ids = players.map((p) => this.id(p));
    const scores = (await m.client.zmscore(this.scoresKey, ...ids)) as unknown[];
    const out: ScoredMember[] = [];
    ids.forEach((member, j) => {
      const s = toNumber(scores[j]);
      if (s !== null) out.push({ member, score: s });
    });
    return out;
  }
}
