import * as v from 'valibot';
import {
  churnOverview,
  churnPages,
  paginationUnderChurn,
  type ChurnResult,
} from '../leaderboard/churn';
import {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  type ParamSchema,
  type ParamValues,
} from '../leaderboard/playground-params';
import { FanoutModel, ShardingModel, approximateViewSteps } from '../leaderboard/playgrounds';
import type { RedisLike } from '../leaderboard/redis-like';
import {
  method,
  runSteps,
  serveApi,
  type RequestContext,
  type RpcResponse,
  type ServeOptions,
} from './rpc';

/**
 * The playgrounds' worker: it owns the models of lib/leaderboard (a sharding world, a
 * fan-out world, the last pagination run) and answers each playground's requests with
 * plain data, through the RPC layer of rpc.ts. Requests run one at a time, in order, so a
 * view asked for after a batch of live updates sees all of them.
 */

/**
 * A valibot schema for a playground's parameters: every key present, integers within
 * their range, choices among their options. The page clamps a URL before it asks, so
 * anything else here is a bug or a forged message, and is refused rather than clamped.
 */
export function paramsSchema<S extends ParamSchema>(
  schema: S,
): v.GenericSchema<unknown, ParamValues<S>> {
  const entries: Record<string, v.GenericSchema> = {};
  for (const [key, spec] of Object.entries(schema)) {
    entries[key] =
      spec.kind === 'int'
        ? v.pipe(v.number(), v.integer(), v.minValue(spec.min), v.maxValue(spec.max))
        : spec.kind === 'choice'
          ? v.picklist(spec.options)
          : v.boolean();
  }
  return v.object(entries) as unknown as v.GenericSchema<unknown, ParamValues<S>>;
}

const mode = v.picklist(['range', 'hash']);
const player = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The models one worker holds, and the client each new world gets. */
export class LeaderboardHost {
  sharding: ShardingModel | null = null;
  fanout: FanoutModel | null = null;
  churn: ChurnResult | null = null;

  /** `createClient`: a fresh client (empty keyspace) per world. */
  constructor(readonly createClient: () => RedisLike) {}

  needSharding(): ShardingModel {
    if (!this.sharding) throw new Error('no sharding world loaded: call sharding:load first');
    return this.sharding;
  }

  needFanout(): FanoutModel {
    if (!this.fanout) throw new Error('no fan-out world loaded: call fanout:load first');
    return this.fanout;
  }

  needChurn(): ChurnResult {
    if (!this.churn) throw new Error('no churn run: call churn:run first');
    return this.churn;
  }
}

/** `context.progress` in the shape the models take. */
const report = (context: RequestContext) => (phase: string, done: number, total: number) =>
  context.progress(phase, done, total);

/** The playgrounds' API over one host. */
export function leaderboardApi(host: LeaderboardHost) {
  return {
    'sharding:load': method({
      params: paramsSchema(SHARDING_PARAMS),
      run: async (params, context) => {
        host.sharding = null;
        const m = await ShardingModel.create(host.createClient(), params, report(context));
        host.sharding = m;
        // A large world answers with the design on screen; the next view loads the rest.
        return m.currentView(params.mode, params.player);
      },
    }),
    /** The whole view, loading the boards a large world left for later (with progress). */
    'sharding:view': method({
      params: v.object({ mode, player }),
      run: (p, context) => host.needSharding().view(p.mode, p.player, report(context)),
    }),
    /** Pushes the player across the next boundary in all three boards. */
    'sharding:cross': method({
      params: v.object({ mode, player }),
      run: async (p) => {
        const m = host.needSharding();
        const r = await m.crossBoundary(p.player);
        return { ...r, view: await m.view(p.mode, p.player) };
      },
    }),
    'sharding:rebalance': method({
      params: v.object({ mode, player }),
      run: async (p) => {
        const m = host.needSharding();
        const r = await m.rebalance();
        return { ...r, view: await m.view(p.mode, p.player) };
      },
    }),
    /**
     * The next `count` seeded score updates through the `mode` design only, timed in the
     * worker, and what a live display redraws. The other boards catch up on the next view.
     */
    'sharding:updates': method({
      params: v.object({
        count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
        mode,
        player,
      }),
      run: async (p, context) => {
        const m = host.needSharding();
        const ms = await m.applyUpdates(p.mode, p.count, (done) =>
          context.progress('updates', done, p.count),
        );
        return {
          updates: p.count,
          ms,
          perSecond: p.count / (ms / 1000 || 1e-9),
          live: await m.liveView(p.mode, p.player),
        };
      },
    }),
    'approx:view': method({
      params: paramsSchema(APPROXIMATE_PARAMS),
      run: (params, context) => runSteps(approximateViewSteps(params), context),
    }),
    'fanout:load': method({
      params: paramsSchema(FANOUT_PARAMS),
      run: async (params, context) => {
        host.fanout = null;
        host.fanout = await FanoutModel.create(host.createClient(), params, report(context));
        return host.fanout.view();
      },
    }),
    'fanout:tick': method({
      params: v.object({}),
      run: (_, context) => host.needFanout().tick(report(context)),
    }),
    /** One score posted by the most-followed player, through every design. */
    'fanout:storm': method({
      params: v.object({}),
      run: () => host.needFanout().celebrityPost(),
    }),
    /**
     * A whole pagination-under-churn run: its overview and the page `params.page` asks
     * for. The worker keeps the run (it can be tens of MB); pages come one at a time.
     */
    'churn:run': method({
      params: paramsSchema(PAGINATION_PARAMS),
      run: async (params, context) => {
        host.churn = null;
        const result = await paginationUnderChurn(host.createClient(), {
          seed: params.seed,
          players: params.players,
          pageSize: params.pageSize,
          changesPerPage: params.changes,
          onPage: (done, total) => context.progress('pages', done, total),
        });
        host.churn = result;
        return {
          overview: churnOverview(result),
          page: churnPages(result, params.page - 1),
        };
      },
    }),
    /** Page `index` (0-based) of the last churn run. */
    'churn:page': method({
      params: v.object({ index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      run: (p) => churnPages(host.needChurn(), p.index),
    }),
  };
}

/** The playgrounds' API, for typed clients. */
export type LeaderboardApi = ReturnType<typeof leaderboardApi>;

/** A host and the message handler serving it (what leaderboard.worker.ts wires up). */
export function serveLeaderboard(
  createClient: () => RedisLike,
  post: (message: RpcResponse) => void,
  options: ServeOptions = {},
): { host: LeaderboardHost; handle: (message: unknown) => Promise<void> } {
  const host = new LeaderboardHost(createClient);
  return { host, handle: serveApi(leaderboardApi(host), post, options) };
}
