import { compareUtf8 } from '../engine/utf8';
import type { CompositeScorer } from './composite-score';
import { CostLedger, type OperationCost } from './cost-ledger';
import { toNumber, toPairs, unwrapExec, type RedisLike } from './redis-like';

/**
 * The global board: one sorted set, every player in it. The baseline every
 * other design is measured against, and the oracle their tests compare to.
 */

/** How a submitted score combines with the stored one. */
export type SubmitMode = 'best' | 'increment' | 'overwrite';

/** A result plus what producing it cost. */
export interface Measured<T> {
  result: T;
  cost: OperationCost;
}

/** One row of a board. `rank` is 1-based (1 = top); null where unknown (cursor pages). */
export interface BoardRow {
  member: string;
  /** The raw score (decoded when a composite scorer is used). */
  score: number;
  /** The value stored in Redis (equals `score` without a scorer). */
  stored: number;
  rank: number | null;
  /** When the score was reached (composite scorer only). */
  achievedAtMs?: number;
}

/** A player's standing. */
export interface RankInfo {
  member: string;
  score: number;
  /** 1-based, in Redis order: higher score first, ties by stored value then member descending. */
  rank: number;
  total: number;
  /** Share of players ranked below, in percent: 100 · (total − rank) / total. */
  percentile: number;
}

/** A position to continue from: the last row a page returned. */
export interface BoardCursor {
  stored: number;
  member: string;
}

/** A cursor page: rows plus the cursor for the next page (null at the end). */
export interface CursorPage {
  rows: BoardRow[];
  next: BoardCursor | null;
}

/** Options for `GlobalBoard`. */
export interface GlobalBoardOptions {
  /** The sorted set's key. Default 'lb:global'. */
  key?: string;
  /** Default 'best'. */
  mode?: SubmitMode;
  /** Fold achievement time into the score so ties go to the earliest. */
  scorer?: CompositeScorer;
  /** Where costs accumulate. Default: a new ledger. */
  ledger?: CostLedger;
}

/** Percentile for a 1-based rank among `total`: share ranked below, in percent. */
export function percentileOf(rank: number, total: number): number {
  return total === 0 ? 0 : (100 * (total - rank)) / total;
}

/**
 * One sorted set holding every player. All reads are O(log N + rows) on
 * the server; writes O(log N).
 */
export class GlobalBoard {
  readonly key: string;
  readonly mode: SubmitMode;
  readonly ledger: CostLedger;
  private readonly scorer: CompositeScorer | undefined;

  constructor(
    readonly client: RedisLike,
    options: GlobalBoardOptions = {},
  ) {
    this.key = options.key ?? 'lb:global';
    this.mode = options.mode ?? 'best';
    this.scorer = options.scorer;
    this.ledger = options.ledger ?? new CostLedger();
  }

  private row(member: string, stored: number, rank: number | null): BoardRow {
    if (!this.scorer) return { member, score: stored, stored, rank };
    const d = this.scorer.decode(stored);
    return { member, score: d.score, stored, rank, achievedAtMs: d.achievedAtMs };
  }

  /**
   * Submits `score` for `player` under the board's mode and returns the
   * stored raw score afterwards and whether it changed. `best` is one
   * ZADD GT CH (atomic); `overwrite` one ZADD; `increment` one ZINCRBY.
   * With a composite scorer, `atMs` is required; `increment` then reads the
   * old score and writes the new composite (two round trips, not atomic
   * against a concurrent writer of the same player: a real deployment runs
   * it as a Lua script, as reads.mdx's scripts do). O(log N).
   */
  async submit(
    player: string,
    score: number,
    atMs = 0,
  ): Promise<Measured<{ score: number; changed: boolean }>> {
    const m = this.ledger.begin(`submit:${this.mode}`, this.client);
    const c = m.client;
    let stored: number;
    let changed: boolean;
    if (this.scorer) {
      if (this.mode === 'increment') {
        const old = toNumber(await c.zscore(this.key, player));
        const raw = (old === null ? 0 : this.scorer.decode(old).score) + score;
        stored = this.scorer.encode(raw, atMs);
        await c.zadd(this.key, stored, player);
        changed = true;
      } else {
        const composite = this.scorer.encode(score, atMs);
        const args: (string | number)[] =
          this.mode === 'best' ? ['GT', 'CH', composite, player] : [composite, player];
        const res = unwrapExec(
          await c
            .multi()
            .zadd(this.key, ...args)
            .zscore(this.key, player)
            .exec(),
        );
        changed = toNumber(res[0]) === 1;
        stored = toNumber(res[1]) ?? composite;
      }
    } else if (this.mode === 'increment') {
      stored = toNumber(await c.zincrby(this.key, score, player)) ?? 0;
      changed = score !== 0;
    } else {
      const args: (string | number)[] =
        this.mode === 'best' ? ['GT', 'CH', score, player] : ['CH', score, player];
      const res = unwrapExec(
        await c
          .multi()
          .zadd(this.key, ...args)
          .zscore(this.key, player)
          .exec(),
      );
      changed = toNumber(res[0]) === 1;
      stored = toNumber(res[1]) ?? score;
    }
    return { result: { score: this.row(player, stored, null).score, changed }, cost: m.end() };
  }

  /** The top `k` rows (k ≤ 0 gives none). One ZREVRANGE: O(log N + k). */
  async topK(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('topK', this.client);
    const rows = k <= 0 ? [] : toPairs(await m.client.zrevrange(this.key, 0, k - 1, 'WITHSCORES'));
    return { result: rows.map((r, i) => this.row(r.member, r.score, i + 1)), cost: m.end() };
  }

  /**
   * `player`'s rank, score and percentile, or null when absent. ZREVRANK,
   * ZSCORE and ZCARD in one MULTI (so the three agree): O(log N).
   */
  async rank(player: string): Promise<Measured<RankInfo | null>> {
    const m = this.ledger.begin('rank', this.client);
    const [r, s, n] = unwrapExec(
      await m.client
        .multi()
        .zrevrank(this.key, player)
        .zscore(this.key, player)
        .zcard(this.key)
        .exec(),
    );
    const rank0 = toNumber(r);
    const total = toNumber(n) ?? 0;
    const stored = toNumber(s);
    const result =
      rank0 === null || stored === null
        ? null
        : {
            member: player,
            score: this.row(player, stored, null).score,
            rank: rank0 + 1,
            total,
            percentile: percentileOf(rank0 + 1, total),
          };
    return { result, cost: m.end() };
  }

  /**
   * The `k` rows above and below `player` with the player in the middle
   * (fewer at the ends); empty when absent. ZREVRANK then ZREVRANGE:
   * two round trips, O(log N + k).
   */
  async aroundMe(player: string, k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('aroundMe', this.client);
    const r = toNumber(await m.client.zrevrank(this.key, player));
    let rows: BoardRow[] = [];
    if (r !== null) {
      const start = Math.max(0, r - k);
      const pairs = toPairs(await m.client.zrevrange(this.key, start, r + k, 'WITHSCORES'));
      rows = pairs.map((p, i) => this.row(p.member, p.score, start + i + 1));
    }
    return { result: rows, cost: m.end() };
  }

  /**
   * Offset pagination: rows offset+1 … offset+size. Cheap to write, but the
   * server walks `offset` members (O(log N + size) here thanks to spans,
   * O(offset) in most databases), and rows shift under it when scores
   * change between pages: see `churn.ts`.
   */
  async page(offset: number, size: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('page:offset', this.client);
    const pairs =
      size <= 0
        ? []
        : toPairs(await m.client.zrevrange(this.key, offset, offset + size - 1, 'WITHSCORES'));
    return {
      result: pairs.map((p, i) => this.row(p.member, p.score, offset + i + 1)),
      cost: m.end(),
    };
  }

  /**
   * Cursor pagination keyed on (stored score, member): the `size` rows that
   * come strictly after `cursor` in board order (from the top when null).
   * A row that moves between pages is seen at most once if it moved up past
   * the cursor, and exactly once if it stayed; nothing is repeated. Uses
   * ZREVRANGEBYSCORE from the cursor's score and skips the cursor's tie
   * group members that sort before it (member descending among ties),
   * fetching more only when a whole batch was ties. Ranks are null (a
   * cursor page does not know its offset). O(log N + size + ties skipped).
   */
  async pageAfter(cursor: BoardCursor | null, size: number): Promise<Measured<CursorPage>> {
    const m = this.ledger.begin('page:cursor', this.client);
    const rows: BoardRow[] = [];
    if (size > 0) {
      if (cursor === null) {
        for (const p of toPairs(await m.client.zrevrange(this.key, 0, size - 1, 'WITHSCORES'))) {
          rows.push(this.row(p.member, p.score, null));
        }
      } else {
        let offset = 0;
        const batch = size + 16;
        for (;;) {
          const pairs = toPairs(
            await m.client.zrevrangebyscore(
              this.key,
              cursor.stored,
              '-inf',
              'WITHSCORES',
              'LIMIT',
              offset,
              batch,
            ),
          );
          for (const p of pairs) {
            if (rows.length === size) break;
            if (p.score === cursor.stored && compareUtf8(p.member, cursor.member) >= 0) continue;
            rows.push(this.row(p.member, p.score, null));
          }
          if (rows.length === size || pairs.length < batch) break;
          offset += batch;
        }
      }
    }
    const last = rows[rows.length - 1];
    const next = last && rows.length === size ? { stored: last.stored, member: last.member } : null;
    return { result: { rows, next }, cost: m.end() };
  }

  /** Number of players. ZCARD: O(1). */
  async size(): Promise<number> {
    return toNumber(await this.client.zcard(this.key)) ?? 0;
  }
}
