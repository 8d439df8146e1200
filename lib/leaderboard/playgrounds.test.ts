import { describe, expect, it } from 'vitest';
import {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  parseParams,
  toQueryString,
} from './playground-params';
import { approximateView, approximateViewSteps } from './playgrounds';

/** Strips wall-clock fields so two runs can be compared. */
function stable(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (k, x) => (k === 'ms' || k === 'totalMs' || k === 'usPerRank' ? 0 : x)),
  );
}

describe('playground parameters', () => {
  it('clamps out-of-range values with a note and round-trips through the URL', () => {
    const p = parseParams(
      SHARDING_PARAMS,
      new URLSearchParams('players=5000000&shards=0&mode=zigzag&seed=x&extra=1'),
    );
    expect(p.values).toEqual({
      seed: 7,
      players: 1_000_000,
      shards: 1,
      mode: 'range',
      distribution: 'long-tail',
      player: 0,
    });
    expect(p.notes).toEqual([
      'seed "x" is not a number: using 7',
      'players 5000000 is above 1,000,000: using 1,000,000',
      'shards 0 is below 1: using 1',
      'mode "zigzag" is not one of range, hash: using range',
      'unknown parameter "extra" ignored',
    ]);
    const q = toQueryString(SHARDING_PARAMS, p.values);
    expect(parseParams(SHARDING_PARAMS, new URLSearchParams(q))).toEqual({
      values: p.values,
      notes: [],
    });
    const f = parseParams(FANOUT_PARAMS, { celebrities: '0', rate: '2.5' });
    expect(f.values.celebrities).toBe(false);
    expect(f.values.rate).toBe(3);
    expect(f.notes).toEqual(['rate 2.5 is not a whole number: using 3']);
    expect(parseParams(PAGINATION_PARAMS, {}).notes).toEqual([]);
  });
});

describe('approximate ranking view', () => {
  it('approximate view: head exact, tail within bound, 100M mode fast', () => {
    const v = approximateView(
      parseParams(APPROXIMATE_PARAMS, { players: '20000', buckets: '50', head: '100' }).values,
    );
    expect(v.error.boundViolations).toBe(0);
    expect(v.points).toHaveLength(200);
    for (const p of v.points) if (p.exact <= 100) expect(p.estimated).toBe(p.exact);
    expect(v.errorByPercentile).toHaveLength(20);
    expect(v.memory.approximateBytes).toBeLessThan(v.memory.exactBytes);
    const big = approximateView(
      parseParams(APPROXIMATE_PARAMS, { scale: '100m', buckets: '1000' }).values,
    );
    expect(big.players).toBe(100_000_000);
    expect(big.usPerRank).toBeLessThan(10);
    expect(big.error.p99Rel).toBeLessThan(0.01);
    expect(
      stable(approximateView(parseParams(APPROXIMATE_PARAMS, { players: '5000' }).values)),
    ).toEqual(stable(approximateView(parseParams(APPROXIMATE_PARAMS, { players: '5000' }).values)));
  });

  it('approximate view in steps: several stops, the same view at the end', () => {
    const params = parseParams(APPROXIMATE_PARAMS, { players: '5000' }).values;
    const steps = approximateViewSteps(params);
    const phases: string[] = [];
    let s = steps.next();
    for (; !s.done; s = steps.next()) phases.push(s.value.phase);
    expect(phases.length).toBeGreaterThanOrEqual(4);
    expect(stable(s.value)).toEqual(stable(approximateView(params)));
  });
});

describe('sharding model, loading the board on screen first', () => {
  it('answers with the design on screen, then the full view agrees after live updates', async () => {
    const { createClient } = await import('../engine/client');
    const { ShardingModel } = await import('./playgrounds');
    const params = parseParams(SHARDING_PARAMS, {
      players: '5000',
      shards: '4',
      distribution: 'long-tail',
      player: '42',
    }).values;
    const lazy = await ShardingModel.create(createClient(), params, undefined, { firstOnly: true });
    const first = await lazy.currentView('range', 42);
    expect(first.pending).toEqual(['hash', 'oracle']);
    expect(first.hashRank.rank).toBeNull();
    expect(first.exactRank.rank).toBeNull();
    expect(first.rangeRank.rank).not.toBeNull();
    // Updates before the other boards load: they must still see every one.
    await lazy.applyUpdates('range', 3000);
    const full = await lazy.view('range', 42);
    expect(full.pending).toEqual([]);
    expect(full.hashRank.rank).toEqual(full.exactRank.rank);
    expect(full.rangeRank.rank).toEqual(full.exactRank.rank);
    // The same world loaded eagerly and given the same updates shows the same board.
    const eager = await ShardingModel.create(createClient(), params);
    await eager.applyUpdates('range', 3000);
    const same = await eager.view('range', 42);
    // Everything but the command counts (the lazy model answered one more rank query).
    const board = (v: typeof full) =>
      stable({ ...v, ledger: [], shards: v.shards.map((s) => ({ ...s, load: 0 })) });
    expect(board(full)).toEqual(board(same));
    const before = await (await ShardingModel.create(createClient(), params)).view('range', 42);
    expect(first.rangeRank.rank).toEqual(before.exactRank.rank);
    expect(first.top.rows).toEqual(before.top.rows);
  });

  it("the chapter's playground counts the calls and round trips the prose describes", async () => {
    // content/leaderboard-design/sharding.mdx: <ShardingPlayground seed={7} players={100000}
    // shards={8} mode="range" distribution="long-tail" />, and the sentence after it.
    const { createClient } = await import('../engine/client');
    const { ShardingModel } = await import('./playgrounds');
    const params = parseParams(SHARDING_PARAMS, {
      seed: '7',
      players: '100000',
      shards: '8',
      mode: 'range',
      distribution: 'long-tail',
    }).values;
    const model = await ShardingModel.create(createClient(), params);
    const view = await model.view('range', params.player);
    // Range: a ZSCORE on every shard finds the player, then one batch of ZREVRANK and ZCARDs.
    expect(view.rangeRank.cost).toMatchObject({
      commands: { ZSCORE: 8, ZCARD: 8, ZREVRANK: 1 },
      roundTrips: 2,
    });
    // Hash: the score, then every shard's counts at once, plus one wait for tie groups.
    expect(view.hashRank.cost.commands).toMatchObject({ ZSCORE: 1, ZCOUNT: 16, ZCARD: 8 });
    expect(view.hashRank.cost.roundTrips).toBe(
      view.hashRank.cost.commands.ZREVRANGEBYSCORE ? 3 : 2,
    );
    expect(view.exactRank.cost.roundTrips).toBe(1);
    expect(view.rangeRank.rank).toEqual(view.exactRank.rank);
  });

  it('sorts a world into Redis order without comparing a string', async () => {
    const { createWorld, sortedPlayers } = await import('./world');
    const { sortByScore } = await import('./bulk-load');
    // Small tie groups (long tail), and from 50,000 players the bulk namer with tie groups
    // of hundreds (scores in 0..100), which take the native sort.
    for (const options of [
      { seed: 3, players: 20_000, distribution: 'long-tail' as const },
      { seed: 5, players: 60_000, maxScore: 100 },
    ]) {
      const world = createWorld(options);
      const { scores, ids } = sortedPlayers(world);
      const order = sortByScore(world.scores, world.id);
      expect(ids).toEqual(Array.from(order, (i) => world.id(i)));
      expect(Array.from(scores)).toEqual(Array.from(order, (i) => world.scores[i]));
    }
  });

  it('names players in bulk exactly as playerNameFromKey does', async () => {
    const { bulkPlayerNamer } = await import('./world');
    const { PLAYER_NAME_KEYS, playerNameFromKey } = await import('../engine/workload');
    const name = bulkPlayerNamer();
    const third = 36 ** 3;
    for (const key of [
      0,
      1,
      35,
      36,
      third - 1,
      third,
      third + 1,
      1_234_567,
      PLAYER_NAME_KEYS - 1,
    ]) {
      expect(name(key)).toBe(playerNameFromKey(key));
    }
    for (let key = 7; key < PLAYER_NAME_KEYS; key += 99_991) {
      expect(name(key)).toBe(playerNameFromKey(key));
    }
  });

  it('sizes each range shard from the sorted scores', async () => {
    const { createClient } = await import('../engine/client');
    const { RangeShardedBoard } = await import('./range-sharded');
    const board = new RangeShardedBoard(createClient(), { boundaries: [10, 20, 20, 30] });
    const sorted = [0, 5, 9, 10, 10, 19, 20, 29, 30, 31, 99];
    expect(board.shardSizesOf(sorted)).toEqual([3, 3, 0, 2, 3]);
    const counted = [0, 0, 0, 0, 0];
    for (const s of sorted) counted[board.shardOf(s)]!++;
    expect(board.shardSizesOf(sorted)).toEqual(counted);
    expect(board.shardSizesOf([])).toEqual([0, 0, 0, 0, 0]);
  });
});
