import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import { paginationUnderChurn } from './churn';
import { TWO_POW_53, createCompositeScorer } from './composite-score';
import { CostLedger } from './cost-ledger';
import { GlobalBoard, type BoardCursor, type BoardRow, type CursorPage } from './global-board';
import { TimeWindowBoard } from './time-windows';
import { createFriendGraph, createMatchStream, createWorld } from './world';

const DAY = 86_400_000;

describe('global board', () => {
  it('keep-best, increment and overwrite', async () => {
    const client = createClient();
    const best = new GlobalBoard(client, { key: 'b', mode: 'best' });
    expect((await best.submit('a', 10)).result).toEqual({ score: 10, changed: true });
    expect((await best.submit('a', 5)).result).toEqual({ score: 10, changed: false });
    expect((await best.submit('a', 12)).result).toEqual({ score: 12, changed: true });
    const inc = new GlobalBoard(client, { key: 'i', mode: 'increment' });
    await inc.submit('a', 10);
    expect((await inc.submit('a', 5)).result.score).toBe(15);
    const over = new GlobalBoard(client, { key: 'o', mode: 'overwrite' });
    await over.submit('a', 10);
    expect((await over.submit('a', 5)).result).toEqual({ score: 5, changed: true });
  });

  it('rank, percentile, top-K and around-me agree with a sorted array', async () => {
    const client = createClient();
    const board = new GlobalBoard(client, { mode: 'overwrite' });
    const rows = Array.from({ length: 50 }, (_, i) => ({ member: `m${i}`, score: (i * 7) % 23 }));
    for (const r of rows) await board.submit(r.member, r.score);
    const sorted = [...rows].sort((a, b) => b.score - a.score || (b.member < a.member ? -1 : 1));
    for (let i = 0; i < sorted.length; i++) {
      const info = (await board.rank(sorted[i]!.member)).result!;
      expect(info).toEqual({
        member: sorted[i]!.member,
        score: sorted[i]!.score,
        rank: i + 1,
        total: 50,
        percentile: (100 * (49 - i)) / 50,
      });
    }
    expect((await board.topK(3)).result.map((r) => r.member)).toEqual(
      sorted.slice(0, 3).map((r) => r.member),
    );
    const around = (await board.aroundMe(sorted[1]!.member, 2)).result;
    expect(around.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(around.map((r) => r.member)).toEqual(sorted.slice(0, 4).map((r) => r.member));
    expect((await board.aroundMe('nobody', 2)).result).toEqual([]);
    expect((await board.rank('nobody')).result).toBeNull();
  });

  it('cursor pages equal offset pages on a still board, for any page size (ties included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.stringMatching(/^[a-c]{1,3}$/), fc.integer({ min: 0, max: 4 })), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 7 }),
        async (writes, size) => {
          const client = createClient();
          const board = new GlobalBoard(client, { mode: 'overwrite' });
          for (const [m, s] of writes) await board.submit(m, s);
          const n = await board.size();
          const byOffset: BoardRow[] = [];
          for (let o = 0; o < n; o += size) byOffset.push(...(await board.page(o, size)).result);
          const byCursor: BoardRow[] = [];
          let cursor: BoardCursor | null = null;
          do {
            const p: CursorPage = (await board.pageAfter(cursor, size)).result;
            byCursor.push(...p.rows);
            cursor = p.next;
          } while (cursor !== null);
          expect(byCursor.map((r) => r.member)).toEqual(byOffset.map((r) => r.member));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('composite score: earlier achievement wins a tie; the 2^53 budget is enforced', async () => {
    const scorer = createCompositeScorer({ maxScore: 1_000_000, epochMs: 0, horizonMs: 365 * DAY });
    expect(scorer.maxComposite).toBeLessThan(TWO_POW_53);
    expect(scorer.decode(scorer.encode(42, 5_000))).toEqual({ score: 42, achievedAtMs: 5_000 });
    expect(scorer.encode(42, 1_000)).toBeGreaterThan(scorer.encode(42, 2_000));
    expect(scorer.encode(43, 364 * DAY)).toBeGreaterThan(scorer.encode(42, 0));
    expect(() => scorer.encode(1_000_001, 0)).toThrow(RangeError);
    expect(() => scorer.encode(1.5, 0)).toThrow(RangeError);
    expect(() => scorer.encode(1, 365 * DAY)).toThrow(RangeError);
    expect(() =>
      createCompositeScorer({ maxScore: 2 ** 30, epochMs: 0, horizonMs: 365 * DAY }),
    ).toThrow(/at most 285616413/);
    expect(() =>
      createCompositeScorer({ maxScore: 1_000_000, epochMs: 0, horizonMs: 365 * DAY, slotMs: 1 }),
    ).toThrow(/2\^53/);
    const top = createCompositeScorer({
      maxScore: 2 ** 22 - 1,
      epochMs: 0,
      horizonMs: 2 ** 31,
      slotMs: 1,
    });
    expect(top.maxComposite).toBe(TWO_POW_53 - 1);
    expect(top.encode(2 ** 22 - 1, 0)).toBe(TWO_POW_53 - 1);
    expect(top.decode(TWO_POW_53 - 1)).toEqual({ score: 2 ** 22 - 1, achievedAtMs: 0 });
    expect(() =>
      createCompositeScorer({ maxScore: 2 ** 22, epochMs: 0, horizonMs: 2 ** 31, slotMs: 1 }),
    ).toThrow(RangeError);

    const board = new GlobalBoard(createClient(), { mode: 'best', scorer });
    await board.submit('late', 100, 9_000);
    await board.submit('early', 100, 1_000);
    await board.submit('early', 100, 50_000); // same score later: keeps the earlier time
    const rows = (await board.topK(2)).result;
    expect(rows.map((r) => [r.member, r.score, r.achievedAtMs])).toEqual([
      ['early', 100, 1_000],
      ['late', 100, 9_000],
    ]);
    const inc = new GlobalBoard(createClient(), { mode: 'increment', scorer });
    await inc.submit('a', 10, 1_000);
    await inc.submit('b', 10, 2_000);
    await inc.submit('b', 5, 3_000);
    await inc.submit('a', 5, 4_000);
    expect((await inc.topK(2)).result.map((r) => [r.member, r.score])).toEqual([
      ['b', 15],
      ['a', 15],
    ]);
  });

  it('pagination under churn: offsets repeat and skip unchanged players, a cursor never does', async () => {
    const a = await paginationUnderChurn(createClient(), {
      seed: 11,
      players: 200,
      pageSize: 10,
      changesPerPage: 8,
    });
    const b = await paginationUnderChurn(createClient(), {
      seed: 11,
      players: 200,
      pageSize: 10,
      changesPerPage: 8,
    });
    expect(b).toEqual(a);
    expect(a.cursor.unchangedRepeated).toBe(0);
    expect(a.cursor.unchangedSkipped).toBe(0);
    expect(a.offset.unchangedRepeated + a.offset.unchangedSkipped).toBeGreaterThan(0);
    expect(a.offset.distinct + a.offset.skipped).toBe(200);
    expect(a.cursor.distinct + a.cursor.skipped).toBe(200);
    const still = await paginationUnderChurn(createClient(), {
      seed: 11,
      players: 95,
      pageSize: 10,
      changesPerPage: 0,
    });
    expect(still.offset).toMatchObject({ repeated: 0, skipped: 0, rowsRead: 95 });
    expect(still.cursor).toMatchObject({ repeated: 0, skipped: 0, rowsRead: 95 });
  });

  it('the ledger totals operations and per-operation costs', async () => {
    const ledger = new CostLedger();
    const board = new GlobalBoard(createClient(), { ledger, mode: 'overwrite' });
    for (let i = 0; i < 30; i++) await board.submit(`p${i}`, i);
    const page = await board.page(10, 5);
    expect(page.cost).toMatchObject({
      commands: { ZREVRANGE: 1 },
      roundTrips: 1,
      keys: 1,
      membersTransferred: 5,
      membersScanned: 5,
    });
    const cursor = await board.pageAfter({ stored: 20, member: 'p20' }, 5);
    expect(cursor.result.rows.map((r) => r.member)).toEqual(['p19', 'p18', 'p17', 'p16', 'p15']);
    expect(ledger.entry('submit:overwrite')).toMatchObject({ count: 30 });
    expect(ledger.entry('submit:overwrite').total.commands).toEqual({ ZADD: 30, ZSCORE: 30 });
    const seen: string[] = [];
    const off = ledger.subscribe((c) => seen.push(c.operation));
    await board.topK(1);
    off();
    await board.topK(1);
    expect(seen).toEqual(['topK']);
  });
});

describe('time windows', () => {
  it('rolls over at the configured boundary and expires old windows', async () => {
    let now = Date.UTC(2026, 10, 28, 3, 0);
    const client = createClient({ clock: () => now });
    const daily = new TimeWindowBoard(client, { kind: 'daily', rolloverOffsetMs: 4 * 3_600_000 });
    const w1 = (await daily.submit('a', 10, now)).result;
    expect(w1.window.key).toBe('lb:daily:2026-11-27T04:00');
    now = Date.UTC(2026, 10, 28, 4, 0);
    const w2 = (await daily.submit('a', 5, now)).result;
    expect(w2.window.key).toBe('lb:daily:2026-11-28T04:00');
    expect(w2.total).toBe(5);
    expect((await daily.topK(5, now)).result.rows).toEqual([{ member: 'a', score: 5, rank: 1 }]);
    expect((await daily.topK(5, now - 1)).result.rows).toEqual([
      { member: 'a', score: 10, rank: 1 },
    ]);
    expect(await daily.ttl(now - 1)).toBe(DAY);
    now += DAY;
    expect((await daily.topK(5, now - DAY - 1)).result.rows).toEqual([]);
    const weekly = new TimeWindowBoard(client, { kind: 'weekly' });
    const w = weekly.windowAt(Date.UTC(2026, 10, 28, 12));
    expect(new Date(w.startMs).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(w.startMs).getUTCDay()).toBe(1);
    expect(w.endMs - w.startMs).toBe(7 * DAY);
    const sunday = new TimeWindowBoard(client, { kind: 'weekly', weekStartsOn: 0 });
    expect(new Date(sunday.windowAt(Date.UTC(2026, 10, 28, 12)).startMs).toISOString()).toBe(
      '2026-11-22T00:00:00.000Z',
    );
    expect(() => new TimeWindowBoard(client, { kind: 'daily', rolloverOffsetMs: DAY })).toThrow(
      RangeError,
    );
  });
});

describe('seeded world', () => {
  it('the same seed yields the same world; another seed does not', () => {
    for (const distribution of ['uniform', 'normal', 'long-tail'] as const) {
      const a = createWorld({ seed: 7, players: 1000, distribution });
      const b = createWorld({ seed: 7, players: 1000, distribution });
      expect(b.scores).toEqual(a.scores);
      expect(b.region).toEqual(a.region);
      expect(b.guild).toEqual(a.guild);
      expect(b.id(5)).toBe(a.id(5));
      expect(createWorld({ seed: 8, players: 1000, distribution }).scores).not.toEqual(a.scores);
      for (const s of a.scores) expect(s >= 0 && s <= a.maxScore && Number.isInteger(s)).toBe(true);
    }
    const ids = new Set(
      Array.from({ length: 5000 }, (_, i) => createWorld({ seed: 1, players: 1 }).id(i)),
    );
    expect(ids.size).toBe(5000);
    const g1 = createFriendGraph({ seed: 3, players: 2000, celebrities: 3 });
    const g2 = createFriendGraph({ seed: 3, players: 2000, celebrities: 3 });
    expect(g2.follows.targets).toEqual(g1.follows.targets);
    // Long-tailed in-degree: the celebrities have far more followers than the median player.
    const inDeg = Array.from(
      { length: 2000 },
      (_, i) => g1.followers.offsets[i + 1]! - g1.followers.offsets[i]!,
    );
    const median = [...inDeg].sort((x, y) => x - y)[1000]!;
    expect(inDeg[0]!).toBeGreaterThan(median * 20);
    for (let i = 0; i < 2000; i++) {
      const f = g1.follows.targets.subarray(g1.follows.offsets[i]!, g1.follows.offsets[i + 1]!);
      expect(f.includes(i)).toBe(false);
      expect(new Set(f).size).toBe(f.length);
    }
    const s1 = createMatchStream({ seed: 2, players: 100 });
    const s2 = createMatchStream({ seed: 2, players: 100 });
    for (let i = 0; i < 100; i++) expect(s2()).toEqual(s1());
  });
});

describe('pagination under churn (property)', () => {
  it('a cursor shows every unchanged player exactly once, for any seed and churn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 10 }),
        async (seed, pageSize, changesPerPage) => {
          const r = await paginationUnderChurn(createClient(), {
            seed,
            players: 60,
            pageSize,
            changesPerPage,
          });
          expect(r.cursor.unchangedRepeated).toBe(0);
          expect(r.cursor.unchangedSkipped).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
