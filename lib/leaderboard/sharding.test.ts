import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import { GlobalBoard } from './global-board';
import { HashShardedBoard } from './hash-sharded';
import { RangeShardedBoard, evenBoundaries, shardForScore } from './range-sharded';
import type { RedisLike } from './redis-like';

/*
 * The sharded boards against the oracle: one sorted set holding everyone.
 * Scores come from a tiny range and names from a tiny alphabet so ties
 * (equal scores, names differing by one byte) and scores exactly on a
 * boundary happen in nearly every run.
 */

const member = fc.stringMatching(/^[ab\u00e9]{1,3}$/);
const ops = fc.array(fc.tuple(member, fc.integer({ min: -3, max: 12 })), {
  minLength: 1,
  maxLength: 60,
});
const boundaries = fc
  .array(fc.integer({ min: -3, max: 12 }), { maxLength: 6 })
  .map((b) => b.sort((x, y) => x - y));

async function exactRanks(
  oracle: GlobalBoard,
  members: Iterable<string>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const m of members) {
    const r = (await oracle.rank(m)).result;
    if (r) out.set(m, r.rank);
  }
  return out;
}

describe('range and hash sharding against one sorted set', () => {
  it('shardForScore puts a boundary score in the higher shard', () => {
    expect(shardForScore([10, 20], 9)).toBe(0);
    expect(shardForScore([10, 20], 10)).toBe(1);
    expect(shardForScore([10, 20], 20)).toBe(2);
    expect(shardForScore([10, 10], 10)).toBe(2);
    expect(shardForScore([], 5)).toBe(0);
    expect(evenBoundaries(4, 100)).toEqual([25, 50, 75]);
  });

  for (const mode of ['overwrite', 'best', 'increment'] as const) {
    it(`global rank and top-K match exactly (${mode} mode, random data, ties, boundaries)`, async () => {
      await fc.assert(
        fc.asyncProperty(
          ops,
          boundaries,
          fc.integer({ min: 1, max: 5 }),
          async (writes, bounds, hashShards) => {
            const client: RedisLike = createClient();
            const oracle = new GlobalBoard(client, { key: 'oracle', mode });
            const range = new RangeShardedBoard(client, { boundaries: bounds, mode });
            const hash = new HashShardedBoard(client, { shards: hashShards, mode });
            for (const [m, s] of writes) {
              const a = (await oracle.submit(m, s)).result.score;
              const b = (await range.submit(m, s)).result.score;
              const c = (await hash.submit(m, s)).result.score;
              expect(b).toBe(a);
              expect(c).toBe(a);
            }
            const exact = await exactRanks(oracle, new Set(writes.map(([m]) => m)));
            for (const [m, r] of exact) {
              expect((await range.rank(m)).result?.rank, `range rank of ${m}`).toBe(r);
              expect((await hash.rank(m)).result?.rank, `hash rank of ${m}`).toBe(r);
            }
            expect((await range.rank('absent')).result).toBeNull();
            expect((await hash.rank('absent')).result).toBeNull();
            for (const k of [1, 3, exact.size, exact.size + 2]) {
              const want = (await oracle.topK(k)).result;
              expect((await range.topK(k)).result).toEqual(want);
              expect((await hash.topK(k)).result).toEqual(want);
            }
            // Every member sits in exactly the shard its score names.
            for (const st of await range.stats()) {
              const rows = (await client.zrevrange(st.key, 0, -1, 'WITHSCORES')) as string[];
              for (let i = 1; i < rows.length; i += 2) {
                expect(range.shardOf(Number(rows[i]))).toBe(st.shard);
              }
            }
            // Rebalancing moves members but changes no rank.
            const before = (await range.stats()).map((s) => s.size);
            const rb = (await range.rebalance()).result;
            expect(rb.sizesBefore).toEqual(before);
            expect(rb.sizesAfter.reduce((x, y) => x + y, 0)).toBe(exact.size);
            for (const [m, r] of exact) expect((await range.rank(m)).result?.rank).toBe(r);
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('a boundary crossing moves the player in one MULTI and reports it', async () => {
    const client = createClient();
    const range = new RangeShardedBoard(client, { boundaries: [100, 200], mode: 'overwrite' });
    expect((await range.submit('ann', 50)).result).toMatchObject({
      fromShard: null,
      toShard: 0,
      moved: false,
    });
    const up = await range.submit('ann', 150);
    expect(up.result).toMatchObject({ fromShard: 0, toShard: 1, moved: true });
    expect(up.cost.commands).toMatchObject({ ZSCORE: 3, ZREM: 1, ZADD: 1 });
    expect(await client.zscore(range.keys[0]!, 'ann')).toBeNull();
    expect(await client.zscore(range.keys[1]!, 'ann')).toBe('150');
    const stay = await range.submit('ann', 160);
    expect(stay.result.moved).toBe(false);
    expect(stay.cost.commands.ZREM).toBeUndefined();
  });

  it('rebalance from quantiles evens out a skewed layout and counts moves', async () => {
    const client = createClient();
    const range = new RangeShardedBoard(client, { boundaries: [900, 950, 990], mode: 'overwrite' });
    for (let i = 0; i < 400; i++) await range.submit(`p${i}`, i);
    const r = (await range.rebalance()).result;
    expect(r.sizesBefore).toEqual([400, 0, 0, 0]);
    expect(r.sizesAfter).toEqual([100, 100, 100, 100]);
    expect(r.after).toEqual([100, 200, 300]);
    expect(r.moved).toBe(300);
  });

  it('hash rank counts ties across shards in Redis member order', async () => {
    const client = createClient();
    const oracle = new GlobalBoard(client, { key: 'o', mode: 'overwrite' });
    const hash = new HashShardedBoard(client, { shards: 4, mode: 'overwrite' });
    for (const m of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      await oracle.submit(m, 7);
      await hash.submit(m, 7);
    }
    for (const m of ['a', 'd', 'h']) {
      expect((await hash.rank(m)).result?.rank).toBe((await oracle.rank(m)).result?.rank);
    }
    const cost = (await hash.rank('a')).cost;
    expect(cost.commands.ZCOUNT).toBe(8);
    expect(cost.shards).toBe(4);
  });
});
