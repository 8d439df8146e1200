import { CostLedger } from './cost-ledger';
import type { BoardRow, Measured } from './global-board';
import { ScoreHistogram, type BucketKind } from './histogram';
import { toNumber, toPairs, unwrapExec, type RedisLike } from './redis-like';
import type { ScoreDistribution } from './world';
import { upperBound } from './bisect';

/**
 * Approximate ranking: an exact head (the top K in a small sorted set, so
 * the players who care most about their exact place get it) and an
 * approximate tail (everyone else gets a rank estimated from a histogram).
 * Memory is the head plus a few kilobytes, instead of ~100 bytes per player.
 */

/**
 * Bytes per member of a Redis sorted set (skiplist encoding, 14-byte
 * names), measured at 1M members with MEMORY USAGE on redis-server 7.0.
 */
export const REDIS_BYTES_PER_MEMBER = 102;

/** Options for `ApproximateBoard`. */
export interface ApproximateBoardOptions {
  histogram: ScoreHistogram;
  /** Size of the exact head. Default 100. */
  headSize?: number;
  /** Key of the head set. Default 'lb:head'. */
  key?: string;
  ledger?: CostLedger;
}

/** A rank answer, saying whether it is exact. */
export interface ApproximateRank {
  rank: number;
  percentile: number;
  exact: boolean;
  /** Upper bound on |rank − exact rank| (0 when exact). */
  errorBound: number;
}

/**
 * Exact head + histogram tail. The score of record lives with the player
 * (a profile row), so `submit` takes the old score as well as the new one.
 */
export class ApproximateBoard {
  readonly histogram: ScoreHistogram;
  readonly headSize: number;
  readonly key: string;
  readonly ledger: CostLedger;

  constructor(
    readonly client: RedisLike,
    options: ApproximateBoardOptions,
  ) {
    this.histogram = options.histogram;
    this.headSize = options.headSize ?? 100;
    this.key = options.key ?? 'lb:head';
    this.ledger = options.ledger ?? new CostLedger();
  }

  /**
   * Records a score change: histogram update (in memory, O(log B)), then
   * ZADD into the head and, when the head overflows, ZPOP of its lowest
   * member, skipped when the score cannot enter the head. One MULTI.
   */
  async submit(
    player: string,
    oldScore: number | null,
    newScore: number,
    headFloor = -Infinity,
  ): Promise<Measured<{ inHead: boolean }>> {
    const m = this.ledger.begin('approx:submit', this.client);
    this.histogram.update(oldScore, newScore);
    let inHead = false;
    if (newScore >= headFloor) {
      const res = unwrapExec(
        await m.client
          .multi()
          .zadd(this.key, newScore, player)
          .zrevrange(this.key, this.headSize, -1, 'WITHSCORES')
          .exec(),
      );
      const overflow = toPairs(res[1]).map((p) => p.member);
      if (overflow.length) await m.client.zrem(this.key, ...overflow);
      inHead = !overflow.includes(player);
    }
    return { result: { inHead }, cost: m.end() };
  }

  /** Loads the head from the top rows of an exact source (e.g. at start-up). */
  async seedHead(rows: readonly { member: string; score: number }[]): Promise<void> {
    const args: (string | number)[] = [];
    for (const r of rows.slice(0, this.headSize)) args.push(r.score, r.member);
    await this.client.del(this.key);
    if (args.length) await this.client.zadd(this.key, ...args);
  }

  /** The exact head, best first. One ZREVRANGE: O(log K + k). */
  async topK(k: number): Promise<Measured<BoardRow[]>> {
    const m = this.ledger.begin('approx:topK', this.client);
    const n = Math.min(k, this.headSize);
    const rows = n <= 0 ? [] : toPairs(await m.client.zrevrange(this.key, 0, n - 1, 'WITHSCORES'));
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
   * Rank of a player with `score`: exact (ZREVRANK in the head) when the
   * player is in the full head, estimated from the histogram otherwise
   * (no Redis command at all). O(log K) or O(log B).
   */
  async rank(player: string, score: number): Promise<Measured<ApproximateRank>> {
    const m = this.ledger.begin('approx:rank', this.client);
    const total = this.histogram.total;
    const r = toNumber(await m.client.zrevrank(this.key, player));
    let result: ApproximateRank;
    if (r !== null) {
      result = {
        rank: r + 1,
        percentile: total ? (100 * (total - r - 1)) / total : 0,
        exact: true,
        errorBound: 0,
      };
    } else {
      result = {
        rank: this.histogram.estimateRank(score),
        percentile: this.histogram.estimatePercentile(score),
        exact: false,
        errorBound: this.histogram.errorBound(score),
      };
    }
    return { result, cost: m.end() };
  }
}

/** Error summary of estimates against exact ranks. */
export interface ErrorStats {
  samples: number;
  meanAbs: number;
  p99Abs: number;
  maxAbs: number;
  /** Relative to the exact rank: |est − exact| / exact. */
  meanRel: number;
  p99Rel: number;
  maxRel: number;
  /** Samples whose error exceeded the histogram's documented bound (should be 0). */
  boundViolations: number;
}

/** Exact competition ranks from all scores: sorted copy + binary search. O(n log n). */
export function exactRanker(scores: ArrayLike<number>): (score: number) => number {
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  // Everything above the first value > score ranks higher.
  return (score) => 1 + (n - upperBound(sorted, score));
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Compares `estimate` with `exact` at each of `scores` and summarises the
 * absolute and relative errors (mean, p99, max). O(s log s).
 */
export function measureError(
  scores: ArrayLike<number>,
  estimate: (score: number) => number,
  exact: (score: number) => number,
  bound?: (score: number) => number,
): ErrorStats {
  const n = scores.length;
  const abs = new Float64Array(n);
  const rel = new Float64Array(n);
  let violations = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    const e = exact(s);
    const d = Math.abs(estimate(s) - e);
    abs[i] = d;
    rel[i] = d / e;
    if (bound && d > bound(s) + 1e-6) violations++;
  }
  const mean = (a: Float64Array) => (n === 0 ? 0 : a.reduce((x, y) => x + y, 0) / n);
  const meanAbs = mean(abs);
  const meanRel = mean(rel);
  abs.sort();
  rel.sort();
  return {
    samples: n,
    meanAbs,
    p99Abs: percentile(abs, 0.99),
    maxAbs: n ? abs[n - 1]! : 0,
    meanRel,
    p99Rel: percentile(rel, 0.99),
    maxRel: n ? rel[n - 1]! : 0,
    boundViolations: violations,
  };
}

/** Error by exact-rank percentile band, for the "error by percentile" chart. */
export function errorByPercentile(
  scores: ArrayLike<number>,
  estimate: (score: number) => number,
  exact: (score: number) => number,
  bands = 20,
  /** Players ranked (when the scores are probes of a larger population, its size). */
  population = scores.length,
): {
  fromPercentile: number;
  toPercentile: number;
  meanAbs: number;
  meanRel: number;
  samples: number;
}[] {
  const total = scores.length;
  const sums = Array.from({ length: bands }, () => ({ abs: 0, rel: 0, n: 0 }));
  for (let i = 0; i < total; i++) {
    const s = scores[i]!;
    const e = exact(s);
    const d = Math.abs(estimate(s) - e);
    const band = Math.min(bands - 1, Math.floor(((e - 1) / population) * bands));
    const b = sums[band]!;
    b.abs += d;
    b.rel += d / e;
    b.n++;
  }
  return sums.map((b, i) => ({
    fromPercentile: (100 * i) / bands,
    toPercentile: (100 * (i + 1)) / bands,
    meanAbs: b.n ? b.abs / b.n : 0,
    meanRel: b.n ? b.rel / b.n : 0,
    samples: b.n,
  }));
}

/** Memory of the exact and approximate designs for `players`. */
export function memoryComparison(
  players: number,
  histogram: ScoreHistogram,
  headSize: number,
): { exactBytes: number; approximateBytes: number; histogramBytes: number; headBytes: number } {
  const headBytes = Math.min(players, headSize) * REDIS_BYTES_PER_MEMBER;
  return {
    exactBytes: players * REDIS_BYTES_PER_MEMBER,
    approximateBytes: histogram.bytes + headBytes,
    histogramBytes: histogram.bytes,
    headBytes,
  };
}

/** Error function (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * The CDF P(score < x) of `drawScore`'s distributions before flooring and
 * clamping (clamping puts the overflow mass at the ends). O(1).
 */
export function distributionCdf(
  distribution: ScoreDistribution,
  maxScore: number,
): (x: number) => number {
  if (distribution === 'uniform') return (x) => Math.min(1, Math.max(0, x / (maxScore + 1)));
  if (distribution === 'normal') {
    const mu = maxScore / 2;
    const sigma = maxScore / 8;
    return (x) =>
      x <= 0 ? 0 : x > maxScore ? 1 : 0.5 * (1 + erf((x - mu) / (sigma * Math.SQRT2)));
  }
  const scale = (maxScore / 100) * 1.3;
  return (x) => (x <= 0 ? 0 : x > maxScore ? 1 : 1 - Math.pow(1 + x / scale, -1.2));
}

/** Inverse of `distributionCdf` (for quantile bucket edges). O(1) or O(log) by bisection. */
export function distributionQuantile(
  distribution: ScoreDistribution,
  maxScore: number,
): (q: number) => number {
  const cdf = distributionCdf(distribution, maxScore);
  return (q) => {
    let lo = 0;
    let hi = maxScore + 1;
    for (let i = 0; i < 60 && hi - lo > 1e-6; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return hi;
  };
}

/** A histogram-only population of any size (the 100M mode). */
export interface SyntheticPopulation {
  histogram: ScoreHistogram;
  players: number;
  /**
   * The population's exact competition rank at integer `score`: 1 + the
   * expected number of players scoring strictly higher, N · P(score ≥ s+1)
   * (the population is defined by its distribution; there is no list).
   */
  exactRank(score: number): number;
}

/**
 * Builds a histogram for `players` players drawn from `distribution`
 * without generating them: each bucket's count is N · (F(hi) − F(lo)).
 * O(buckets); memory independent of `players`.
 */
export function syntheticPopulation(options: {
  players: number;
  distribution: ScoreDistribution;
  maxScore: number;
  kind: BucketKind;
  buckets: number;
}): SyntheticPopulation {
  const { players, distribution, maxScore, kind, buckets } = options;
  const cdf = distributionCdf(distribution, maxScore);
  const histogram = new ScoreHistogram({
    kind,
    buckets,
    min: 0,
    max: maxScore,
    sample: { cdf },
  });
  const e = histogram.edges;
  // Integer scores: bucket [lo, hi) holds integers ceil(lo)..ceil(hi)−1, i.e. mass of [ceil(lo), ceil(hi)).
  const counts = new Float64Array(histogram.buckets);
  for (let i = 0; i < counts.length; i++) {
    counts[i] = players * (cdf(Math.ceil(e[i + 1]!)) - cdf(Math.ceil(e[i]!)));
  }
  counts[0]! += players * cdf(0);
  counts[counts.length - 1]! += players * (1 - cdf(Math.ceil(e[counts.length]!)));
  histogram.setCounts(counts);
  return {
    histogram,
    players,
    exactRank: (score) => 1 + players * (1 - cdf(Math.floor(score) + 1)),
  };
}

/**
 * `count` probe scores spread over the population rather than over the
 * score range (the q = (i + ½)/count quantiles), so error statistics weigh
 * each player equally, the way readers would query. O(count · 60).
 */
export function populationProbes(
  distribution: ScoreDistribution,
  maxScore: number,
  count: number,
): Float64Array {
  const q = distributionQuantile(distribution, maxScore);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.min(maxScore, Math.floor(q((i + 0.5) / count)));
  return out;
}
