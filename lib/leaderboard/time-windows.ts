import { CostLedger } from './cost-ledger';
import type { Measured } from './global-board';
import { toNumber, toPairs, unwrapExec, type RedisLike } from './redis-like';

/**
 * Daily and weekly boards: each window is its own sorted set whose key
 * names the window's start (`lb:daily:2026-11-28`), so rolling over is just
 * writing to a new key, and the old one deletes itself by expiry. Nothing
 * ever scans or clears a board at midnight.
 */

export type WindowKind = 'daily' | 'weekly';

/** Options for `TimeWindowBoard`. */
export interface TimeWindowOptions {
  /** Key prefix. Default 'lb'. */
  name?: string;
  kind: WindowKind;
  /**
   * Where the window rolls over, as ms after midnight UTC (e.g. 4 h =
   * 14,400,000 for a 04:00 UTC reset). Default 0. Must be in [0, 1 day).
   */
  rolloverOffsetMs?: number;
  /** Weekly windows start on this UTC weekday (0 = Sunday … 6). Default 1 (Monday). */
  weekStartsOn?: number;
  /** How long a window stays readable after it ends. Default: one more window. */
  retainMs?: number;
  ledger?: CostLedger;
}

const DAY = 86_400_000;

/** A window: [startMs, endMs) and its key. */
export interface BoardWindow {
  key: string;
  startMs: number;
  endMs: number;
}

/**
 * Keeps per-window boards. `submit` adds points to the window containing
 * the event time and (re)sets the key's expiry to window end + retain.
 */
export class TimeWindowBoard {
  readonly ledger: CostLedger;
  private readonly name: string;
  private readonly offset: number;
  private readonly period: number;
  private readonly retain: number;
  private readonly weekStartsOn: number;

  constructor(
    readonly client: RedisLike,
    readonly options: TimeWindowOptions,
  ) {
    this.name = options.name ?? 'lb';
    this.offset = options.rolloverOffsetMs ?? 0;
    if (!(this.offset >= 0 && this.offset < DAY))
      throw new RangeError('rolloverOffsetMs must be in [0, 1 day)');
    this.period = options.kind === 'daily' ? DAY : 7 * DAY;
    this.weekStartsOn = options.weekStartsOn ?? 1;
    this.retain = options.retainMs ?? this.period;
    this.ledger = options.ledger ?? new CostLedger();
  }

  /**
   * The window containing `atMs`. Daily: starts at midnight UTC + offset.
   * Weekly: at the configured weekday's midnight + offset (1970-01-01 was
   * a Thursday, weekday 4, hence the shift). O(1).
   */
  windowAt(atMs: number): BoardWindow {
    const shift =
      this.offset + (this.options.kind === 'weekly' ? ((this.weekStartsOn - 4 + 7) % 7) * DAY : 0);
    const startMs = Math.floor((atMs - shift) / this.period) * this.period + shift;
    const label = new Date(startMs).toISOString().slice(0, this.offset === 0 ? 10 : 16);
    return {
      key: `${this.name}:${this.options.kind}:${label}`,
      startMs,
      endMs: startMs + this.period,
    };
  }

  /**
   * Adds `points` for `player` in the window containing `atMs`, and sets
   * the key to expire `retainMs` after the window ends, measured from
   * `atMs` (PEXPIRE is relative, so the caller's clock must be the
   * server's within the retention slack). One MULTI: ZINCRBY + PEXPIRE.
   * Returns the player's new window total. O(log N).
   */
  async submit(
    player: string,
    points: number,
    atMs: number,
  ): Promise<Measured<{ window: BoardWindow; total: number }>> {
    const m = this.ledger.begin(`${this.options.kind}:submit`, this.client);
    const window = this.windowAt(atMs);
    const ttl = Math.max(1, window.endMs + this.retain - atMs);
    const res = unwrapExec(
      await m.client.multi().zincrby(window.key, points, player).pexpire(window.key, ttl).exec(),
    );
    return { result: { window, total: toNumber(res[0]) ?? 0 }, cost: m.end() };
  }

  /** Top `k` of the window containing `atMs` (empty once it expired). O(log N + k). */
  async topK(
    k: number,
    atMs: number,
  ): Promise<
    Measured<{ window: BoardWindow; rows: { member: string; score: number; rank: number }[] }>
  > {
    const m = this.ledger.begin(`${this.options.kind}:topK`, this.client);
    const window = this.windowAt(atMs);
    const pairs =
      k <= 0 ? [] : toPairs(await m.client.zrevrange(window.key, 0, k - 1, 'WITHSCORES'));
    return {
      result: { window, rows: pairs.map((p, i) => ({ ...p, rank: i + 1 })) },
      cost: m.end(),
    };
  }

  /** Milliseconds until the window containing `atMs` expires (-2 if gone). PTTL: O(1). */
  async ttl(atMs: number): Promise<number> {
    return toNumber(await this.client.pttl(this.windowAt(atMs).key)) ?? -2;
  }
}
