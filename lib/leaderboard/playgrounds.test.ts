import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import {
  LeaderboardPlaygroundHost,
  type PlaygroundRequest,
  type PlaygroundResponse,
  type PlaygroundResults,
} from './playground-host';
import {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  parseParams,
  toQueryString,
} from './playground-params';
import { approximateView, type ShardingView } from './playgrounds';

/** Strips wall-clock fields so two runs can be compared. */
function stable(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (k, x) => (k === 'ms' || k === 'totalMs' || k === 'usPerRank' ? 0 : x)),
  );
}

async function ask(host: LeaderboardPlaygroundHost, req: PlaygroundRequest) {
  const msgs: PlaygroundResponse[] = [];
  await host.handle(req, (m) => msgs.push(m));
  const last = msgs[msgs.length - 1]!;
  return { last, progress: msgs.filter((m) => m.type === 'lb:progress') };
}

function agree(view: ShardingView): void {
  expect(view.rangeRank.rank).toEqual(view.exactRank.rank);
  expect(view.hashRank.rank).toEqual(view.exactRank.rank);
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
      distribution: 'uniform',
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

describe('playground host (the worker protocol) and models', () => {
  it('sharding: loads with progress, ranks agree three ways, crossing, rebalance and live updates', async () => {
    const host = new LeaderboardPlaygroundHost({ createClient: () => createClient() });
    const params = {
      ...parseParams(SHARDING_PARAMS, { players: '3000', shards: '4', player: '17' }).values,
    };
    const { last, progress } = await ask(host, { id: 1, type: 'lb:sharding:load', params });
    expect(progress.length).toBeGreaterThan(2);
    expect(last.type).toBe('lb:result');
    const view = (last as { result: ShardingView }).result;
    agree(view);
    expect(view.shards.reduce((s, x) => s + x.size, 0)).toBe(3000);
    expect(view.top.rows).toHaveLength(10);
    expect(view.rangeRank.cost.commands.ZCARD).toBe(4);
    // The same parameters reproduce the same view (what a shared link relies on).
    const fresh = new LeaderboardPlaygroundHost({ createClient: () => createClient() });
    const again = (await ask(fresh, { id: 9, type: 'lb:sharding:load', params })).last;
    expect(stable((again as { result: ShardingView }).result)).toEqual(stable(view));

    const cross = (await ask(host, { id: 2, type: 'lb:sharding:cross', mode: 'range', player: 17 }))
      .last;
    const c = (cross as { result: { move: { moved: boolean }; view: ShardingView } }).result;
    expect(c.move.moved).toBe(true);
    agree(c.view);
    const rb = (
      await ask(host, { id: 3, type: 'lb:sharding:rebalance', mode: 'range', player: 17 })
    ).last;
    const r = (rb as { result: { result: { sizesAfter: number[] }; view: ShardingView } }).result;
    expect(Math.max(...r.result.sizesAfter) - Math.min(...r.result.sizesAfter)).toBeLessThan(30);
    agree(r.view);
    for (const mode of ['range', 'hash'] as const) {
      const up = (
        await ask(host, { id: 4, type: 'lb:sharding:updates', count: 2000, mode, player: 17 })
      ).last;
      expect(up.type).toBe('lb:result');
      const u = (up as { result: PlaygroundResults['lb:sharding:updates'] }).result;
      expect(u.perSecond).toBeGreaterThan(0);
      expect(u.live.mode).toBe(mode);
      // The next full view syncs the other boards: all three agree with what the
      // running design showed live.
      const v = (await ask(host, { id: 5, type: 'lb:sharding:view', mode, player: 17 })).last;
      const view = (v as { result: ShardingView }).result;
      agree(view);
      expect(u.live.rank.rank).toEqual(view.exactRank.rank);
      expect(u.live.top.rows).toEqual(view.top.rows);
      expect(u.live.shards.map((s) => s.size)).toEqual(view.shards.map((s) => s.size));
    }
  });

  it('live updates touch one design, and a later crossing starts from the moved score', async () => {
    const host = new LeaderboardPlaygroundHost({ createClient: () => createClient() });
    const params = parseParams(SHARDING_PARAMS, { players: '2000', shards: '4' }).values;
    await ask(host, { id: 1, type: 'lb:sharding:load', params });
    const before = (await ask(host, { id: 2, type: 'lb:sharding:view', mode: 'range', player: 0 }))
      .last as { result: ShardingView };
    const hashCalls = before.result.ledger.find((e) => e.operation === 'hash:submit:overwrite');
    await ask(host, { id: 3, type: 'lb:sharding:updates', count: 1500, mode: 'range', player: 0 });
    const cross = (await ask(host, { id: 4, type: 'lb:sharding:cross', mode: 'range', player: 0 }))
      .last as { result: { move: { score: number }; view: ShardingView } };
    agree(cross.result.view);
    expect(cross.result.view.player.score).toBe(cross.result.move.score);
    // The hash board was written only when the view synced it, never per update.
    const hashAfter = cross.result.view.ledger.find((e) => e.operation === 'hash:submit:overwrite');
    expect((hashAfter?.count ?? 0) - (hashCalls?.count ?? 0)).toBeLessThan(1500);
    await ask(host, { id: 5, type: 'lb:sharding:updates', count: 500, mode: 'hash', player: 0 });
    const after = (await ask(host, { id: 6, type: 'lb:sharding:view', mode: 'hash', player: 0 }))
      .last as { result: ShardingView };
    agree(after.result);
  });

  it('a load can be cancelled, and errors come back as messages', async () => {
    const host = new LeaderboardPlaygroundHost({
      createClient: () => createClient(),
      yieldNow: () => new Promise((res) => setTimeout(res, 0)),
      sliceMs: 0,
    });
    const msgs: PlaygroundResponse[] = [];
    const params = parseParams(SHARDING_PARAMS, { players: '200000' }).values;
    const loading = host.handle({ id: 5, type: 'lb:sharding:load', params }, (m) => {
      msgs.push(m);
      if (m.type === 'lb:progress' && m.done > 0)
        void host.handle({ id: 6, type: 'lb:cancel', target: 5 }, () => undefined);
    });
    await loading;
    expect(msgs[msgs.length - 1]).toEqual({
      id: 5,
      type: 'lb:error',
      message: 'cancelled',
      cancelled: true,
    });
    const err = (await ask(host, { id: 7, type: 'lb:sharding:view', mode: 'range', player: 0 }))
      .last;
    expect(err).toMatchObject({ type: 'lb:error', cancelled: false });
  });

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

  it('fan-out: counters per design, the celebrity storm, identical boards', async () => {
    const host = new LeaderboardPlaygroundHost({ createClient: () => createClient() });
    const params = parseParams(FANOUT_PARAMS, {
      players: '1500',
      rate: '50',
      celebrityFollowers: '200',
    }).values;
    type View = import('./playgrounds').FanoutView;
    const loaded = (await ask(host, { id: 1, type: 'lb:fanout:load', params })).last as {
      result: View;
    };
    // A load applies no updates: every counter starts at zero.
    expect(loaded.result.ticks).toBe(0);
    expect(loaded.result.counters.map((c) => c.updates + c.reads + c.commands)).toEqual([0, 0, 0]);
    expect(loaded.result.boardsAgree).toBe(true);
    const v = ((await ask(host, { id: 2, type: 'lb:fanout:tick' })).last as { result: View })
      .result;
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

    const s = ((await ask(host, { id: 3, type: 'lb:fanout:storm' })).last as { result: View })
      .result;
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
    const churn = (
      await ask(host, {
        id: 3,
        type: 'lb:churn:run',
        params: parseParams(PAGINATION_PARAMS, { page: '3' }).values,
      })
    ).last;
    expect(churn.type).toBe('lb:result');
    const run = (churn as { result: PlaygroundResults['lb:churn:run'] }).result;
    expect(run.page.index).toBe(2);
    expect(run.overview.pageCount).toBeGreaterThan(3);
    const next = (await ask(host, { id: 4, type: 'lb:churn:page', index: 3 })).last as {
      result: PlaygroundResults['lb:churn:page'];
    };
    expect(next.result.previous).toEqual(run.page.current);
  });

  it('fan-out: the same seed gives the same views; a tick reports progress and cancels', async () => {
    const params = parseParams(FANOUT_PARAMS, { players: '800', rate: '120', seed: '3' }).values;
    const run = async () => {
      const host = new LeaderboardPlaygroundHost({ createClient: () => createClient() });
      await ask(host, { id: 1, type: 'lb:fanout:load', params });
      await ask(host, { id: 2, type: 'lb:fanout:tick' });
      await ask(host, { id: 3, type: 'lb:fanout:storm' });
      return (await ask(host, { id: 4, type: 'lb:fanout:tick' })).last;
    };
    expect(stable(await run())).toEqual(stable(await run()));

    const host = new LeaderboardPlaygroundHost({
      createClient: () => createClient(),
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
      sliceMs: 0,
    });
    await ask(host, { id: 1, type: 'lb:fanout:load', params });
    const msgs: PlaygroundResponse[] = [];
    const tick = host.handle({ id: 2, type: 'lb:fanout:tick' }, (m) => {
      msgs.push(m);
      if (m.type === 'lb:progress' && m.done === 50)
        void host.handle({ id: 3, type: 'lb:cancel', target: 2 }, () => undefined);
    });
    await tick;
    expect(
      msgs.filter((m) => m.type === 'lb:progress').map((m) => m.type === 'lb:progress' && m.done),
    ).toEqual([25, 50]);
    expect(msgs.at(-1)).toMatchObject({ type: 'lb:error', cancelled: true });
    // Whole updates stay applied; the tick itself did not complete.
    const after = (await ask(host, { id: 4, type: 'lb:fanout:tick' })).last as {
      result: import('./playgrounds').FanoutView;
    };
    expect(after.result.ticks).toBe(1);
    expect(after.result.counters.map((c) => c.updates)).toEqual([170, 170, 170]);
    expect(after.result.boardsAgree).toBe(true);
  });
});
