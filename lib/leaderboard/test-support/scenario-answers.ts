import { ApproximateBoard } from '../approximate';
import { paginationUnderChurn } from '../churn';
import { GlobalBoard } from '../global-board';
import { HashShardedBoard } from '../hash-sharded';
import { ScoreHistogram } from '../histogram';
import { RangeShardedBoard, evenBoundaries } from '../range-sharded';
import type { KeyLayout, RedisLike } from '../redis-like';
import { FriendBoards, GuildBoards, RegionalBoards } from '../social';
import { TimeWindowBoard } from '../time-windows';
import { createFriendGraph, createMatchStream, createWorld } from '../world';

/**
 * One deterministic run of every design on a small seeded world, returning
 * plain data: ranks, top-K rows, moves, estimates, friend boards, churn
 * summaries and the commands each operation issued. Run on the engine, a
 * real redis-server and a Redis Cluster, the answers must be identical.
 * Along the way it checks the invariants that must hold on any backend
 * (sharded ranks = one-set ranks, fan-out designs agree) and throws on a
 * mismatch. Assumes an empty database.
 */
export async function scenarioAnswers(
  client: RedisLike,
  options: { seed?: number; players?: number; rangeLayout?: KeyLayout } = {},
): Promise<Record<string, unknown>> {
  const seed = options.seed ?? 42;
  const players = options.players ?? 240;
  const world = createWorld({
    seed,
    players,
    maxScore: 500,
    distribution: 'normal',
    regions: 4,
    guilds: 6,
  });
  const out: Record<string, unknown> = {};
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`scenario invariant failed: ${what}`);
  };

  // Global, range and hash boards, fed the same writes.
  const oracle = new GlobalBoard(client, { key: 'sc:global', mode: 'best' });
  const range = new RangeShardedBoard(client, {
    name: 'sc',
    boundaries: evenBoundaries(4, 500),
    mode: 'best',
    layout: options.rangeLayout ?? 'one-slot',
  });
  const hash = new HashShardedBoard(client, { name: 'sc', shards: 3, mode: 'best' });
  const moves: unknown[] = [];
  for (let i = 0; i < players; i++) {
    const s = world.scores[i]!;
    await oracle.submit(world.id(i), s);
    await range.submit(world.id(i), s);
    await hash.submit(world.id(i), s);
  }
  const next = createMatchStream({ seed, players });
  for (let n = 0; n < 120; n++) {
    const r = next();
    const score = Math.min(500, world.scores[r.player]! + r.points * 3);
    world.scores[r.player] = Math.max(world.scores[r.player]!, score);
    await oracle.submit(world.id(r.player), score);
    const m = await range.submit(world.id(r.player), score);
    if (m.result.moved)
      moves.push({ player: world.id(r.player), ...m.result, commands: m.cost.commands });
    await hash.submit(world.id(r.player), score);
  }
  out.moves = moves;
  const ranks: Record<string, unknown> = {};
  for (let i = 0; i < players; i += 7) {
    const id = world.id(i);
    const exact = (await oracle.rank(id)).result;
    const viaRange = await range.rank(id);
    const viaHash = await hash.rank(id);
    check(viaRange.result?.rank === exact?.rank, `range rank of ${id}`);
    check(viaHash.result?.rank === exact?.rank, `hash rank of ${id}`);
    ranks[id] = {
      exact,
      rangeCommands: viaRange.cost.commands,
      hashCommands: viaHash.cost.commands,
    };
  }
  out.ranks = ranks;
  const top = (await oracle.topK(10)).result;
  const hashTop = await hash.topK(10);
  check(JSON.stringify((await range.topK(10)).result) === JSON.stringify(top), 'range top-K');
  check(JSON.stringify(hashTop.result) === JSON.stringify(top), 'scatter-gather top-K');
  out.top = top;
  out.hashTopCost = {
    commands: hashTop.cost.commands,
    transferred: hashTop.cost.membersTransferred,
  };
  out.aroundMe = (await oracle.aroundMe(world.id(3), 3)).result;
  out.rangeStats = (await range.stats()).map((s) => ({
    shard: s.shard,
    size: s.size,
    low: s.low,
    high: s.high,
  }));
  const rb = await range.rebalance();
  out.rebalance = { ...rb.result, commands: rb.cost.commands };
  for (let i = 0; i < players; i += 11) {
    check(
      (await range.rank(world.id(i))).result?.rank ===
        (await oracle.rank(world.id(i))).result?.rank,
      'rank after rebalance',
    );
  }
  out.hashStats = (await hash.stats()).map((s) => s.size);

  // Pagination.
  const pages = [];
  for (let o = 0; o < 30; o += 10)
    pages.push((await oracle.page(o, 10)).result.map((r) => r.member));
  out.pages = pages;
  out.cursorPage = (
    await oracle.pageAfter({ stored: top[4]!.stored, member: top[4]!.member }, 5)
  ).result;
  out.churn = await paginationUnderChurn(client, {
    seed,
    players: 80,
    pageSize: 8,
    changesPerPage: 4,
    key: 'sc:churn',
  });

  // Approximate: the histogram is in memory; the head is in Redis.
  const h = new ScoreHistogram({
    kind: 'quantile',
    buckets: 16,
    min: 0,
    max: 500,
    sample: world.scores,
  });
  const approx = new ApproximateBoard(client, { histogram: h, headSize: 8, key: 'sc:head' });
  for (let i = 0; i < players; i++) await approx.submit(world.id(i), null, world.scores[i]!);
  out.approxTop = (await approx.topK(8)).result;
  out.approxRanks = [0, 5, 50, 100].map((i) => h.estimateRank(world.scores[i]!));

  // Social.
  const roster = Array.from({ length: players }, (_, i) => ({
    member: world.id(i),
    region: world.regionNames[world.region[i]!]!,
    score: world.scores[i]!,
  }));
  const union = new RegionalBoards(client, world.regionNames, 'union', { name: 'scu' });
  const along = new RegionalBoards(client, world.regionNames, 'alongside', { name: 'sca' });
  await union.load(roster);
  await along.load(roster);
  const ut = await union.globalTopK(5);
  const at = await along.globalTopK(5);
  check(JSON.stringify(ut.result) === JSON.stringify(at.result), 'regional union = alongside');
  out.regional = {
    top: ut.result,
    unionCost: ut.cost.commands,
    alongsideCost: at.cost.commands,
    eu: (await union.regionTopK('eu', 3)).result,
  };
  const guilds = new GuildBoards(client, { name: 'scg' });
  for (let i = 0; i < players; i++)
    await guilds.addPoints(world.id(i), `g${world.guild[i]}`, world.scores[i]!);
  out.guilds = {
    top: (await guilds.topGuilds(3)).result,
    g0: (await guilds.guildMembers('g0', 3)).result,
  };
  const graph = createFriendGraph({
    seed,
    players: 60,
    meanFollows: 5,
    celebrities: 2,
    celebrityReach: 0.5,
  });
  const friendBoards = (['read', 'write', 'hybrid'] as const).map(
    (mode) =>
      new FriendBoards(client, graph, world.id, {
        mode,
        name: `scf${mode}`,
        celebrityFollowers: 10,
      }),
  );
  for (const b of friendBoards) await b.load(world.scores);
  const storm = [];
  for (const b of friendBoards) storm.push((await b.submit(0, 499)).cost.membersWritten);
  out.celebrityWrites = storm;
  const boards = [];
  for (let i = 0; i < 60; i += 6) {
    const [r, w, hy] = [
      await friendBoards[0]!.board(i, 5),
      await friendBoards[1]!.board(i, 5),
      await friendBoards[2]!.board(i, 5),
    ];
    check(JSON.stringify(r.result) === JSON.stringify(w.result), `fan-out read = write for ${i}`);
    check(JSON.stringify(r.result) === JSON.stringify(hy.result), `fan-out read = hybrid for ${i}`);
    boards.push(r.result.map((x) => x.member));
  }
  out.friendBoards = boards;

  // Windows (expiry relative to the event time, far in the future here).
  const daily = new TimeWindowBoard(client, {
    name: 'scw',
    kind: 'daily',
    rolloverOffsetMs: 3_600_000,
  });
  const t0 = Date.UTC(2030, 0, 1, 0, 30);
  await daily.submit('a', 5, t0);
  await daily.submit('a', 7, t0 + 3_600_000);
  out.windows = [(await daily.topK(3, t0)).result, (await daily.topK(3, t0 + 3_600_000)).result];
  return out;
}
