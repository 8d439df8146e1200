/**
 * A score histogram for approximate ranking. Counts per bucket sit in a
 * Fenwick tree, so both an update (a score changed) and a rank estimate
 * (how many players score higher) are O(log buckets): about 20 steps for a
 * thousand buckets, whatever the number of players.
 *
 * The estimate: rank ≈ 1 + (players in higher buckets) + (players in the
 * score's own bucket) × (share of the bucket's width above the score).
 * Error bound (what the tests check): the estimate and the exact
 * competition rank (1 + players with a strictly higher score) both lie in
 * [1 + above, 1 + above + count], so |estimate − exact| ≤ count of the
 * bucket holding the score. Finer buckets where players crowd (quantile
 * buckets) shrink the worst bucket; fixed-width buckets waste resolution
 * on empty score ranges.
 */
import { lowerBound } from './bisect';

/** How bucket edges are placed. */
export type BucketKind = 'fixed' | 'log' | 'quantile';

/** Options for a histogram. */
export interface HistogramOptions {
  kind: BucketKind;
  /** Number of buckets (≥ 1). */
  buckets: number;
  /** Lowest and highest score covered; scores outside are clamped into the end buckets. */
  min: number;
  max: number;
  /**
   * For 'quantile': where the players are, as the scores themselves (or a
   * sample), or a CDF `{ cdf: x → P(score < x) }`, or an inverse CDF
   * q ∈ [0, 1] → score (pure quantiles, no blending). Ignored otherwise.
   */
  sample?: ArrayLike<number> | { cdf: (x: number) => number } | ((q: number) => number);
}

/**
 * Share of fixed-width spacing blended into quantile edges. Pure quantile
 * buckets hold equal counts, but where players are sparse (the top of a
 * normal or long-tailed board) one bucket can span most of the score range
 * and interpolation inside it is poor exactly where ranks are small. Edges
 * are placed at equal steps of G(x) = (1 − λ)·F(x) + λ·(x − min)/(span), so
 * no bucket holds more than 1/((1 − λ)·B) of the players and none is wider
 * than span/(λ·B).
 */
export const QUANTILE_BLEND = 0.1;

/**
 * Bucket edges: up to `buckets + 1` ascending values (exactly that many
 * for 'fixed'; log and quantile edges are whole numbers when min and max
 * are, so close edges merge), edges[0] = min and
 * edges[buckets] = max + 1 (one past the top integer score). Quantile
 * edges are blended with fixed-width ones (see QUANTILE_BLEND); edges that
 * coincide are nudged up to stay strictly ascending. O(buckets · 60 ·
 * log sample), plus sorting the sample.
 */
export function bucketEdges(options: HistogramOptions): Float64Array {
  const { kind, min, max } = options;
  const b = Math.max(1, Math.floor(options.buckets));
  const top = max + 1;
  const edges = new Float64Array(b + 1);
  if (kind === 'fixed') {
    for (let i = 0; i <= b; i++) edges[i] = min + ((top - min) * i) / b;
  } else if (kind === 'log') {
    const span = Math.log1p(top - min);
    for (let i = 0; i <= b; i++) edges[i] = min + Math.expm1((span * i) / b);
  } else {
    const s = options.sample;
    let cdf: ((x: number) => number) | null = null;
    if (typeof s === 'function') {
      for (let i = 0; i <= b; i++) edges[i] = Math.min(top, Math.max(min, s(i / b)));
    } else if (s && 'cdf' in s) cdf = s.cdf;
    else if (s && s.length > 0) {
      const sorted = Float64Array.from(s).sort();
      cdf = (x) => lowerBound(sorted, x) / sorted.length;
    } else cdf = (x) => (x - min) / (top - min);
    if (cdf) {
      const f = cdf;
      const g = (x: number) =>
        (1 - QUANTILE_BLEND) * f(x) + (QUANTILE_BLEND * (x - min)) / (top - min);
      for (let i = 1; i < b; i++) {
        let lo = min;
        let hi = top;
        const target = i / b;
        for (let it = 0; it < 60 && hi - lo > 1e-9 * (top - min); it++) {
          const mid = (lo + hi) / 2;
          if (g(mid) < target) lo = mid;
          else hi = mid;
        }
        edges[i] = hi;
      }
    }
  }
  edges[0] = min;
  edges[b] = top;
  if (kind !== 'fixed' && Number.isInteger(min) && Number.isInteger(max)) {
    // Integer scores: integer edges, duplicates dropped. A crowd on one
    // score (everyone clamped at max, say) then gets a bucket of its own
    // instead of being smeared across a wide one; there may be fewer
    // buckets than asked for.
    const out: number[] = [min];
    for (let i = 1; i <= b; i++) {
      // Floor: the inverse lands just above a crowded score, whose bucket should start at it.
      const e = Math.min(top, Math.floor(edges[i]!));
      if (e > out[out.length - 1]!) out.push(e);
    }
    if (out[out.length - 1]! < top) out.push(top);
    return Float64Array.from(out);
  }
  for (let i = 1; i <= b; i++) {
    if (!(edges[i]! > edges[i - 1]!)) edges[i] = edges[i - 1]! + (top - min) * 1e-9 + 1e-9;
  }
  edges[b] = Math.max(edges[b]!, top);
  return edges;
}

/** Per-bucket counts with rank estimates. See the module comment. */
export class ScoreHistogram {
  readonly edges: Float64Array;
  readonly kind: BucketKind;
  private readonly counts: Float64Array;
  /** Fenwick tree over counts, 1-based. */
  private readonly tree: Float64Array;
  private totalCount = 0;
  private readonly min: number;
  private readonly fixedScale: number;

  constructor(options: HistogramOptions) {
    this.kind = options.kind;
    this.edges = bucketEdges(options);
    this.counts = new Float64Array(this.edges.length - 1);
    this.tree = new Float64Array(this.edges.length);
    this.min = options.min;
    this.fixedScale = this.counts.length / (this.edges[this.counts.length]! - options.min);
  }

  get buckets(): number {
    return this.counts.length;
  }

  /** Players counted. */
  get total(): number {
    return this.totalCount;
  }

  /** Bytes held: edges, counts and the Fenwick tree (8 bytes each). */
  get bytes(): number {
    return (this.edges.length + this.counts.length + this.tree.length) * 8;
  }

  /** The bucket holding `score` (clamped to the ends). O(1) fixed, O(log B) otherwise. */
  bucketOf(score: number): number {
    const b = this.counts.length;
    if (this.kind === 'fixed') {
      const i = Math.floor((score - this.min) * this.fixedScale);
      return i < 0 ? 0 : i >= b ? b - 1 : i;
    }
    let lo = 0;
    let hi = b - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (score >= this.edges[mid]!) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds `n` players at `score` (negative n removes). O(log B). */
  add(score: number, n = 1): void {
    const i = this.bucketOf(score);
    this.counts[i]! += n;
    this.totalCount += n;
    for (let j = i + 1; j < this.tree.length; j += j & -j) this.tree[j]! += n;
  }

  /** A player's score changed: moves one count (old null = new player). O(log B). */
  update(oldScore: number | null, newScore: number): void {
    if (oldScore !== null) {
      if (this.bucketOf(oldScore) === this.bucketOf(newScore)) return;
      this.add(oldScore, -1);
    }
    this.add(newScore, 1);
  }

  /** Sets bucket counts directly (synthetic populations). O(B). */
  setCounts(counts: ArrayLike<number>): void {
    this.counts.fill(0);
    this.tree.fill(0);
    this.totalCount = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const n = counts[i] ?? 0;
      this.counts[i] = n;
      this.totalCount += n;
    }
    // Linear-time Fenwick build.
    for (let j = 1; j < this.tree.length; j++) {
      this.tree[j]! += this.counts[j - 1]!;
      const parent = j + (j & -j);
      if (parent < this.tree.length) this.tree[parent]! += this.tree[j]!;
    }
  }

  /** Count in bucket i. */
  count(i: number): number {
    return this.counts[i] ?? 0;
  }

  /** Players in buckets 0..i−1. O(log B). */
  private below(i: number): number {
    let s = 0;
    for (let j = i; j > 0; j -= j & -j) s += this.tree[j]!;
    return s;
  }

  /**
   * Estimated competition rank of `score` (1 + players scoring strictly
   * higher), interpolating linearly inside its bucket over integer scores.
   * Within `count(bucketOf(score))` of the truth. O(log B); allocation-free.
   */
  estimateRank(score: number): number {
    const i = this.bucketOf(score);
    const lo = this.edges[i]!;
    const hi = this.edges[i + 1]!;
    const above = this.totalCount - this.below(i + 1);
    // Integer scores in [lo, hi): the share of the bucket strictly above `score`.
    let share = (hi - Math.floor(score) - 1) / (hi - lo);
    share = share < 0 ? 0 : share > 1 ? 1 : share;
    return 1 + above + this.counts[i]! * share;
  }

  /** Estimated percentile (share ranked below, in percent). O(log B). */
  estimatePercentile(score: number): number {
    const n = this.totalCount;
    return n === 0 ? 0 : (100 * (n - this.estimateRank(score))) / n;
  }

  /** The documented error bound at `score`: the count of its bucket. O(1)/O(log B). */
  errorBound(score: number): number {
    return this.counts[this.bucketOf(score)]!;
  }

  /** Bucket edges and counts, for charts (copies). */
  view(): { edges: number[]; counts: number[] } {
    return { edges: Array.from(this.edges), counts: Array.from(this.counts) };
  }
}
