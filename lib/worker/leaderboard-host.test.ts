import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import {
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  parseParams,
} from '../leaderboard/playground-params';
import type { ShardingView } from '../leaderboard/playgrounds';
import { serveLeaderboard, type LeaderboardApi } from './leaderboard-host';
import { createRpcClient, type Progress } from './rpc';
import { inProcessWorker, rejection, timerYield } from './test-support';

/** Strips wall-clock fields so two runs can be compared. */
function stable(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (k, x) => (k === 'ms' || k === 'totalMs' || k === 'usPerRank' ? 0 : x)),
  );
}

/** A playground worker served in-process. `sliceMs: 0` yields at every progress report. */
function setup(sliceMs = 30) {
  const port = inProcessWorker(
    (post) =>
      serveLeaderboard(() => createClient(), post, { yieldNow: timerYield, sliceMs }).handle,
  );
  return createRpcClient<LeaderboardApi>(port);
}

function agree(view: ShardingView): void {
  expect(view.rangeRank.rank).toEqual(view.exactRank.rank);
  expect(view.hashRank.rank).toEqual(view.exactRank.rank);
}

describe('leaderboard worker', () => {
  it('sharding: loads with progress, ranks agree three ways, crossing, rebalance and live updates', async () => {
    const client = setup();
    const params = parseParams(SHARDING_PARAMS, {
      players: '3000',
      shards: '4',
      player: '17',
    }).values;
    const progress: Progress[] = [];
    const view = await client.call('sharding:load', params, {
      onProgress: (p) => progress.push(p),
    }).done;
    expect(progress.length).toBeGreaterThan(2);
    agree(view);
    expect(view.shards.reduce((s, x) => s + x.size, 0)).toBe(3000);
    expect(view.top.rows).toHaveLength(10);
    expect(view.rangeRank.cost.commands.ZCARD).toBe(4);
    // The same parameters reproduce the same view (what a shared link relies on).
    const again = await setup().call('sharding:load', params).done;
    expect(stable(again)).toEqual(stable(view));

    const c = await client.call('sharding:cross', { mode: 'range', player: 17 }).done;
    expect(c.move.moved).toBe(true);
    agree(c.view);
    const r = await client.call('sharding:rebalance', { mode: 'range', player: 17 }).done;
    expect(Math.max(...r.result.sizesAfter) - Math.min(...r.result.sizesAfter)).toBeLessThan(30);
    agree(r.view);
    for (const mode of ['range', 'hash'] as const) {
      const u = await client.call('sharding:updates', { count: 2000, mode, player: 17 }).done;
      expect(u.perSecond).toBeGreaterThan(0);
      expect(u.live.mode).toBe(mode);
      // The next full view syncs the other boards: all three agree with what the
      // running design showed live.
      const view = await client.call('sharding:view', { mode, player: 17 }).done;
      agree(view);
      expect(u.live.rank.rank).toEqual(view.exactRank.rank);
      expect(u.live.top.rows).toEqual(view.top.rows);
      expect(u.live.shards.map((s) => s.size)).toEqual(view.shards.map((s) => s.size));
    }
  });

  it('a view sent right after a batch of live updates sees the whole batch', async () => {
    const client = setup(0);
    const params = parseParams(SHARDING_PARAMS, { players: '2000', shards: '4' }).values;
    await client.call('sharding:load', params).done;
    // Sent together: the worker runs them in order, so the view includes every update.
    const updates = client.call('sharding:updates', { count: 3000, mode: 'range', player: 0 });
    const view = client.call('sharding:view', { mode: 'range', player: 0 });
    const [u, v] = await Promise.all([updates.done, view.done]);
    expect(v.exactRank.rank).toEqual(u.live.rank.rank);
    expect(v.top.rows).toEqual(u.live.top.rows);
  });

  it('live updates touch one design, and a later crossing starts from the moved score', async () => {
    const client = setup();
    const params = parseParams(SHARDING_PARAMS, { players: '2000', shards: '4' }).values;
    await client.call('sharding:load', params).done;
    const before = await client.call('sharding:view', { mode: 'range', player: 0 }).done;
    const hashCalls = before.ledger.find((e) => e.operation === 'hash:submit:overwrite');
    await client.call('sharding:updates', { count: 1500, mode: 'range', player: 0 }).done;
    const cross = await client.call('sharding:cross', { mode: 'range', player: 0 }).done;
    agree(cross.view);
    expect(cross.view.player.score).toBe(cross.move.score);
    // The hash board was written only when the view synced it, never per update.
    const hashAfter = cross.view.ledger.find((e) => e.operation === 'hash:submit:overwrite');
    expect((hashAfter?.count ?? 0) - (hashCalls?.count ?? 0)).toBeLessThan(1500);
    await client.call('sharding:updates', { count: 500, mode: 'hash', player: 0 }).done;
    agree(await client.call('sharding:view', { mode: 'hash', player: 0 }).done);
  });

  it('a load can be cancelled; a view before any load fails with the reason', async () => {
    const client = setup(0);
    const params = parseParams(SHARDING_PARAMS, { players: '200000' }).values;
    const load = client.call('sharding:load', params, {
      onProgress: (p) => {
        if (p.done > 0) load.cancel();
      },
    });
    expect(await rejection(load.done)).toMatchObject({ code: 'cancelled' });
    expect(
      await rejection(client.call('sharding:view', { mode: 'range', player: 0 }).done),
    ).toMatchObject({ code: 'failed', message: expect.stringMatching(/no sharding world loaded/) });
  });

  it('refuses parameters outside the schema instead of clamping them', async () => {
    const client = setup();
    const params = parseParams(SHARDING_PARAMS, {}).values;
    const tooMany = await rejection(
      client.call('sharding:load', { ...params, players: 5_000_000 }).done,
    );
    expect(tooMany?.code).toBe('invalid');
    expect(tooMany?.message).toMatch(/players/);
    const missing = { ...params } as Partial<typeof params>;
    delete missing.mode;
    expect(
      (await rejection(client.call('sharding:load', missing as typeof params).done))?.code,
    ).toBe('invalid');
  });

  it('approximate view: reports its stages and stops when cancelled', async () => {
    const client = setup(0);
    const phases: string[] = [];
    const params = {
      seed: 7,
      players: 20_000,
      buckets: 50,
      kind: 'fixed' as const,
      distribution: 'long-tail' as const,
      scale: 'exact' as const,
      head: 100,
    };
    const view = await client.call('approx:view', params, {
      onProgress: (p) => phases.push(p.phase),
    }).done;
    expect(view.players).toBe(20_000);
    expect(phases.length).toBeGreaterThanOrEqual(4);
    const call = client.call(
      'approx:view',
      { ...params, players: 1_000_000 },
      {
        onProgress: () => call.cancel(),
      },
    );
    expect((await rejection(call.done))?.code).toBe('cancelled');
  });

  it('fan-out: counters per design, the celebrity storm, identical boards; churn pages', async () => {
    const client = setup();
    const params = parseParams(FANOUT_PARAMS, {
      players: '1500',
      rate: '50',
      celebrityFollowers: '200',
    }).values;
    const loaded = await client.call('fanout:load', params).done;
    // A load applies no updates: every counter starts at zero.
    expect(loaded.ticks).toBe(0);
    expect(loaded.counters.map((c) => c.updates + c.reads + c.commands)).toEqual([0, 0, 0]);
    expect(loaded.boardsAgree).toBe(true);
    const v = await client.call('fanout:tick', {}).done;
    expect(v.ticks).toBe(1);
    expect(v.boardsAgree).toBe(true);
    expect(v.celebrityUpdate).toBeNull();
    const by = Object.fromEntries(v.counters.map((c) => [c.mode, c]));
    for (const c of v.counters) {
      expect([c.updates, c.reads]).toEqual([50, 50]);
      expect(c.writeAmplification).toBeCloseTo(c.membersWritten / 50, 10);
      expect(c.readCost).toBeCloseTo(c.membersRead / 50, 10);
    }
    expect(by.read!.writeAmplification).toBe(1);
    expect(by.write!.writeAmplification).toBeGreaterThan(by.hybrid!.writeAmplification);
    expect(by.read!.readCost).toBeGreaterThan(by.write!.readCost);
    expect(v.celebrities).toHaveLength(3);
    expect(v.hybridCelebrities).toBeGreaterThanOrEqual(3);

    const s = await client.call('fanout:storm', {}).done;
    expect(s.ticks).toBe(1);
    expect(s.boardsAgree).toBe(true);
    expect(s.celebrityUpdate!.author.followers).toBeGreaterThanOrEqual(
      Math.max(...v.celebrities.map((c) => c.followers)),
    );
    const storm = Object.fromEntries(
      s.celebrityUpdate!.designs.map((d) => [d.mode, d.membersWritten]),
    );
    expect(storm.write).toBe(s.celebrityUpdate!.author.followers + 2);
    expect(storm.hybrid).toBe(2);
    expect(storm.read).toBe(1);
    // The storm is an update like any other.
    expect(s.counters.map((c) => c.updates)).toEqual([51, 51, 51]);
    const run = await client.call('churn:run', parseParams(PAGINATION_PARAMS, { page: '3' }).values)
      .done;
    expect(run.page.index).toBe(2);
    expect(run.overview.pageCount).toBeGreaterThan(3);
    const next = await client.call('churn:page', { index: 3 }).done;
    expect(next.previous).toEqual(run.page.current);
  });

  it('fan-out: the same seed gives the same views; a tick reports progress and cancels', async () => {
    const params = parseParams(FANOUT_PARAMS, { players: '800', rate: '120', seed: '3' }).values;
    const run = async () => {
      const client = setup();
      await client.call('fanout:load', params).done;
      await client.call('fanout:tick', {}).done;
      await client.call('fanout:storm', {}).done;
      return client.call('fanout:tick', {}).done;
    };
    expect(stable(await run())).toEqual(stable(await run()));

    const client = setup(0);
    await client.call('fanout:load', params).done;
    const seen: number[] = [];
    const tick = client.call(
      'fanout:tick',
      {},
      {
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 50) tick.cancel();
        },
      },
    );
    expect((await rejection(tick.done))?.code).toBe('cancelled');
    expect(seen.slice(0, 2)).toEqual([25, 50]);
    // Whole updates stay applied; the tick itself did not complete.
    const after = await client.call('fanout:tick', {}).done;
    expect(after.ticks).toBe(1);
    const applied = after.counters.map((c) => c.updates);
    expect(applied[0]).toBeGreaterThanOrEqual(170);
    expect(applied[0]).toBeLessThan(240);
    expect(new Set(applied).size).toBe(1);
    expect(after.boardsAgree).toBe(true);
  });
});
