import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import {
  ApproximateBoard,
  exactRanker,
  measureError,
  memoryComparison,
  populationProbes,
  syntheticPopulation,
} from './approximate';
import { ScoreHistogram, bucketEdges, type BucketKind } from './histogram';
import { createWorld } from './world';

const kinds: BucketKind[] = ['fixed', 'log', 'quantile'];

describe('score histogram', () => {
  it('edges ascend strictly and cover min..max+1 for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        (kind, buckets, sample) => {
          const e = bucketEdges({ kind, buckets, min: 0, max: 50, sample });
          if (kind === 'fixed') expect(e.length).toBe(buckets + 1);
          else expect(e.length).toBeLessThanOrEqual(buckets + 1);
          if (kind !== 'fixed') for (const x of e) expect(Number.isInteger(x)).toBe(true);
          expect(e[0]).toBe(0);
          expect(e[e.length - 1]).toBeGreaterThanOrEqual(51);
          for (let i = 1; i < e.length; i++) expect(e[i]!).toBeGreaterThan(e[i - 1]!);
        },
      ),
    );
  });

  it('estimates stay within the documented bound (count of the score’s bucket), for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1000 })), { maxLength: 50 }),
        (kind, buckets, initial, updates) => {
          const scores = [...initial];
          const h = new ScoreHistogram({ kind, buckets, min: 0, max: 1000, sample: scores });
          for (const s of scores) h.update(null, s);
          for (const [i, s] of updates) {
            const j = i % scores.length;
            h.update(scores[j]!, s);
            scores[j] = s;
          }
          expect(h.total).toBe(scores.length);
          const exact = exactRanker(scores);
          const stats = measureError(
            scores,
            (s) => h.estimateRank(s),
            exact,
            (s) => h.errorBound(s),
          );
          expect(stats.boundViolations).toBe(0);
          // Rank is monotone in score: a higher score never estimates worse.
          const sorted = [...scores].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++) {
            expect(h.estimateRank(sorted[i]!)).toBeLessThanOrEqual(
              h.estimateRank(sorted[i - 1]!) + 1e-9,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('quantile buckets beat fixed-width ones on a long tail', () => {
    const w = createWorld({ seed: 3, players: 50_000, distribution: 'long-tail' });
    const exact = exactRanker(w.scores);
    const errs = kinds.map((kind) => {
      const h = new ScoreHistogram({
        kind,
        buckets: 100,
        min: 0,
        max: w.maxScore,
        sample: w.scores,
      });
      for (const s of w.scores) h.add(s);
      return measureError(
        w.scores,
        (s) => h.estimateRank(s),
        exact,
        (s) => h.errorBound(s),
      );
    });
    for (const e of errs) expect(e.boundViolations).toBe(0);
    // Fixed-width buckets put most players of a long tail in the bottom bucket.
    expect(errs[2]!.p99Abs).toBeLessThan(errs[0]!.p99Abs / 5);
    expect(errs[2]!.meanRel).toBeLessThan(errs[0]!.meanRel);
  });

  it('synthetic 100M population: counts sum to N and the error is small', () => {
    for (const distribution of ['uniform', 'normal', 'long-tail'] as const) {
      const pop = syntheticPopulation({
        players: 1e8,
        distribution,
        maxScore: 1_000_000,
        kind: 'quantile',
        buckets: 1000,
      });
      expect(pop.histogram.total).toBeCloseTo(1e8, -1);
      const probes = populationProbes(distribution, 1_000_000, 2000);
      const e = measureError(
        probes,
        (s) => pop.histogram.estimateRank(s),
        pop.exactRank,
        (s) => pop.histogram.errorBound(s),
      );
      expect(e.boundViolations).toBe(0);
      expect(e.p99Rel).toBeLessThan(0.01);
    }
    // Its speed (≤ 10 µs per rank at 100M) is measured by `npm run bench:sim`, not here.
  });

  it('approximate board: exact in the head, estimated in the tail, memory compared', async () => {
    const client = createClient();
    const w = createWorld({ seed: 5, players: 2000 });
    const h = new ScoreHistogram({
      kind: 'quantile',
      buckets: 50,
      min: 0,
      max: w.maxScore,
      sample: w.scores,
    });
    const board = new ApproximateBoard(client, { histogram: h, headSize: 10 });
    for (let i = 0; i < w.players; i++) await board.submit(w.id(i), null, w.scores[i]!);
    const exact = exactRanker(w.scores);
    const order = Array.from(w.scores.keys()).sort((a, b) => w.scores[b]! - w.scores[a]!);
    const top = order[0]!;
    const r = (await board.rank(w.id(top), w.scores[top]!)).result;
    expect(r).toMatchObject({ rank: 1, exact: true, errorBound: 0 });
    expect((await board.topK(10)).result.map((x) => x.score)).toEqual(
      order.slice(0, 10).map((i) => w.scores[i]),
    );
    const tail = order[1500]!;
    const t = (await board.rank(w.id(tail), w.scores[tail]!)).result;
    expect(t.exact).toBe(false);
    expect(Math.abs(t.rank - exact(w.scores[tail]!))).toBeLessThanOrEqual(t.errorBound);
    const mem = memoryComparison(w.players, h, 10);
    expect(mem.approximateBytes).toBeLessThan(mem.exactBytes / 10);
  });
});
