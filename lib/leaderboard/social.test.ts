import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import { FriendBoards, GuildBoards, RegionalBoards } from './social';
import { createFriendGraph, createMatchStream, createWorld, followersOf } from './world';

describe('friend boards', () => {
  it('fan-out on read, on write and hybrid give identical boards after any updates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 30 })), { maxLength: 40 }),
        async (seed, players, celebrities, updates) => {
          const world = createWorld({ seed, players, maxScore: 30 });
          const graph = createFriendGraph({
            seed,
            players,
            meanFollows: 4,
            celebrities,
            celebrityReach: 0.5,
          });
          const client = createClient();
          const boards = (['read', 'write', 'hybrid'] as const).map(
            (mode) =>
              new FriendBoards(client, graph, world.id, {
                mode,
                name: mode,
                celebrityFollowers: 3,
              }),
          );
          for (const b of boards) await b.load(world.scores);
          for (const [p, s] of updates) for (const b of boards) await b.submit(p % players, s);
          for (let i = 0; i < players; i++) {
            const [r, w, h] = await Promise.all(boards.map((b) => b.board(i)));
            expect(w!.result).toEqual(r!.result);
            expect(h!.result).toEqual(r!.result);
            expect((await boards[1]!.board(i, 3)).result).toEqual(r!.result.slice(0, 3));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('measures write amplification and the celebrity storm', async () => {
    const players = 3000;
    const world = createWorld({ seed: 9, players });
    const graph = createFriendGraph({
      seed: 9,
      players,
      meanFollows: 10,
      celebrities: 2,
      celebrityReach: 0.5,
    });
    const client = createClient();
    const write = new FriendBoards(client, graph, world.id, { mode: 'write', name: 'w' });
    const hybrid = new FriendBoards(client, graph, world.id, {
      mode: 'hybrid',
      name: 'h',
      celebrityFollowers: 500,
    });
    const read = new FriendBoards(client, graph, world.id, { mode: 'read', name: 'r' });
    for (const b of [write, hybrid, read]) await b.load(world.scores);
    const celebFollowers = followersOf(graph, 0).length;
    expect(celebFollowers).toBeGreaterThan(1000);
    const storm = await write.submit(0, 5);
    expect(storm.result.feedsWritten).toBe(celebFollowers + 1);
    expect(storm.cost.membersWritten).toBe(celebFollowers + 2);
    const calm = await hybrid.submit(0, 5);
    expect(calm.cost.membersWritten).toBe(2);
    expect((await read.submit(0, 5)).cost.membersWritten).toBe(1);
    const fan = (await read.board(7)).cost;
    expect(fan.commands).toEqual({ ZMSCORE: 1 });
    expect((await write.board(7)).cost.commands).toEqual({ ZREVRANGE: 1 });
    // A stream of match results: average amplification is the mean follower count + 2.
    const next = createMatchStream({ seed: 1, players });
    for (let i = 0; i < 200; i++) {
      const r = next();
      await write.submit(r.player, r.points);
    }
    const e = write.ledger.entry('friends:write:submit');
    expect(e.count).toBe(201);
    expect(e.total.membersWritten / e.count).toBeGreaterThan(2);
  });
});

describe('regional and guild boards', () => {
  it('global by ZUNIONSTORE equals global maintained alongside, at different costs', async () => {
    const client = createClient();
    const world = createWorld({ seed: 2, players: 500, regions: 4 });
    const players = Array.from({ length: world.players }, (_, i) => ({
      member: world.id(i),
      region: world.regionNames[world.region[i]!]!,
      score: world.scores[i]!,
    }));
    const union = new RegionalBoards(client, world.regionNames, 'union', { name: 'u' });
    const along = new RegionalBoards(client, world.regionNames, 'alongside', { name: 'a' });
    await union.load(players);
    await along.load(players);
    for (let i = 0; i < 50; i++) {
      const p = players[(i * 37) % players.length]!;
      await union.submit(p.member, p.region, i * 1000);
      await along.submit(p.member, p.region, i * 1000);
    }
    const u = await union.globalTopK(20);
    const a = await along.globalTopK(20);
    expect(u.result).toEqual(a.result);
    expect(u.cost.membersScanned).toBeGreaterThanOrEqual(500);
    expect(a.cost.membersScanned).toBe(20);
    expect(union.ledger.entry('regional:union:submit').total.totalCommands).toBe(50);
    expect(along.ledger.entry('regional:alongside:submit').total.totalCommands).toBe(100);
    const r = (await union.regionTopK('eu', 5)).result;
    expect(r.every((x) => players.find((p) => p.member === x.member)?.region === 'eu')).toBe(true);
  });

  it('guild totals equal the sum of member points', async () => {
    const client = createClient();
    const guilds = new GuildBoards(client);
    const totals = new Map<string, number>();
    const next = createMatchStream({ seed: 4, players: 100 });
    for (let i = 0; i < 300; i++) {
      const r = next();
      const g = `g${r.player % 7}`;
      await guilds.addPoints(`p${r.player}`, g, r.points);
      totals.set(g, (totals.get(g) ?? 0) + r.points);
    }
    const top = (await guilds.topGuilds(10)).result;
    expect(top).toHaveLength(7);
    for (const row of top) expect(row.score).toBe(totals.get(row.member));
    const members = (await guilds.guildMembers('g0', 1000)).result;
    expect(members.reduce((s, r) => s + r.score, 0)).toBe(totals.get('g0'));
  });
});
