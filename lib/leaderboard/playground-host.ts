import {
  churnOverview,
  churnPages,
  paginationUnderChurn,
  type ChurnOverview,
  type ChurnPageView,
  type ChurnResult,
} from './churn';
import type { OperationCost } from './cost-ledger';
import {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  type ParamValues,
} from './playground-params';
import {
  FanoutModel,
  ShardingModel,
  approximateView,
  type ApproximateView,
  type FanoutView,
  type LiveShardingView,
  type ShardingView,
} from './playgrounds';
import type { RangeSubmitResult, RebalanceResult } from './range-sharded';
import type { RedisLike } from './redis-like';

/**
 * The pure half of the playgrounds' worker: a message handler that owns
 * the models and answers typed requests with plain data. The worker file
 * (lib/worker, owned by the engine) only wires it up:
 *
 *   const host = new LeaderboardPlaygroundHost({
 *     createClient: () => createClient(),
 *     yieldNow: () => new Promise((r) => setTimeout(r, 0)),
 *   });
 *   self.onmessage = (e) => host.handle(e.data, (m) => self.postMessage(m));
 *
 * Every request has an `id`; the host answers with zero or more
 * `lb:progress` messages and then exactly one `lb:result` or `lb:error`
 * carrying the same id. `handle` never throws.
 */

/** Requests, page → worker. Params are the clamped values of playground-params.ts. */
export type PlaygroundRequest =
  | { id: number; type: 'lb:sharding:load'; params: ParamValues<typeof SHARDING_PARAMS> }
  | { id: number; type: 'lb:sharding:view'; mode: 'range' | 'hash'; player: number }
  | { id: number; type: 'lb:sharding:cross'; mode: 'range' | 'hash'; player: number }
  | { id: number; type: 'lb:sharding:rebalance'; mode: 'range' | 'hash'; player: number }
  | {
      id: number;
      type: 'lb:sharding:updates';
      count: number;
      mode: 'range' | 'hash';
      player: number;
    }
  | { id: number; type: 'lb:approx:view'; params: ParamValues<typeof APPROXIMATE_PARAMS> }
  | { id: number; type: 'lb:fanout:load'; params: ParamValues<typeof FANOUT_PARAMS> }
  | { id: number; type: 'lb:fanout:tick' }
  | { id: number; type: 'lb:fanout:storm' }
  | { id: number; type: 'lb:churn:run'; params: ParamValues<typeof PAGINATION_PARAMS> }
  /** Page `index` (0-based) of the last churn run. */
  | { id: number; type: 'lb:churn:page'; index: number }
  /** Cancels the running request `target` (a load): it ends with an lb:error, cancelled: true. */
  | { id: number; type: 'lb:cancel'; target: number };

/** What each request type resolves to. */
export interface PlaygroundResults {
  'lb:sharding:load': ShardingView;
  'lb:sharding:view': ShardingView;
  'lb:sharding:cross': { move: RangeSubmitResult; cost: OperationCost; view: ShardingView };
  'lb:sharding:rebalance': { result: RebalanceResult; cost: OperationCost; view: ShardingView };
  /**
   * The next `count` seeded score updates through the `mode` design only, timed in the
   * worker, and what a live display redraws. The other boards catch up on the next view.
   */
  'lb:sharding:updates': { updates: number; ms: number; perSecond: number; live: LiveShardingView };
  'lb:approx:view': ApproximateView;
  'lb:fanout:load': FanoutView;
  'lb:fanout:tick': FanoutView;
  'lb:fanout:storm': FanoutView;
  /** The run's overview and the page `params.page` asks for (the worker keeps the rest). */
  'lb:churn:run': { overview: ChurnOverview; page: ChurnPageView };
  'lb:churn:page': ChurnPageView;
  'lb:cancel': { cancelled: boolean };
}

/** Responses, worker → page. */
export type PlaygroundResponse =
  | { id: number; type: 'lb:progress'; phase: string; done: number; total: number }
  | { id: number; type: 'lb:result'; result: PlaygroundResults[keyof PlaygroundResults] }
  | { id: number; type: 'lb:error'; message: string; cancelled: boolean };

/** Host options. */
export interface PlaygroundHostOptions {
  /** A fresh client (empty keyspace) per load. */
  createClient: () => RedisLike;
  /** Gives the worker's event loop a turn (so cancel messages arrive). */
  yieldNow?: () => Promise<void>;
  /** Longest stretch of work between yields, ms. Default 30. */
  sliceMs?: number;
}

class Cancelled extends Error {}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** See the module comment. */
export class LeaderboardPlaygroundHost {
  private sharding: ShardingModel | null = null;
  private fanout: FanoutModel | null = null;
  private churn: ChurnResult | null = null;
  private readonly cancelled = new Set<number>();

  constructor(private readonly options: PlaygroundHostOptions) {}

  /** Handles one request; posts progress and exactly one final message. Never throws. */
  async handle(req: PlaygroundRequest, post: (m: PlaygroundResponse) => void): Promise<void> {
    try {
      const result = await this.run(req, post);
      post({ id: req.id, type: 'lb:result', result });
    } catch (e) {
      post({
        id: req.id,
        type: 'lb:error',
        message: e instanceof Error ? e.message : String(e),
        cancelled: e instanceof Cancelled,
      });
    } finally {
      this.cancelled.delete(req.id);
    }
  }

  /** A progress callback that posts, yields every `sliceMs` and honours cancel. */
  private progress(id: number, post: (m: PlaygroundResponse) => void) {
    let last = clock();
    const slice = this.options.sliceMs ?? 30;
    return async (phase: string, done: number, total: number) => {
      post({ id, type: 'lb:progress', phase, done, total });
      if (this.options.yieldNow && clock() - last >= slice) {
        await this.options.yieldNow();
        last = clock();
      }
      if (this.cancelled.has(id)) throw new Cancelled('cancelled');
    };
  }

  private needSharding(): ShardingModel {
    if (!this.sharding) throw new Error('no sharding world loaded: send lb:sharding:load first');
    return this.sharding;
  }

  private needFanout(): FanoutModel {
    if (!this.fanout) throw new Error('no fan-out world loaded: send lb:fanout:load first');
    return this.fanout;
  }

  private async run(
    req: PlaygroundRequest,
    post: (m: PlaygroundResponse) => void,
  ): Promise<PlaygroundResults[keyof PlaygroundResults]> {
    switch (req.type) {
      case 'lb:cancel': {
        this.cancelled.add(req.target);
        return { cancelled: true };
      }
      case 'lb:sharding:load': {
        this.sharding = null;
        const m = await ShardingModel.create(
          this.options.createClient(),
          req.params,
          this.progress(req.id, post),
        );
        this.sharding = m;
        return m.view(req.params.mode, req.params.player);
      }
      case 'lb:sharding:view':
        return this.needSharding().view(req.mode, req.player);
      case 'lb:sharding:cross': {
        const m = this.needSharding();
        const r = await m.crossBoundary(req.player);
        return { ...r, view: await m.view(req.mode, req.player) };
      }
      case 'lb:sharding:rebalance': {
        const m = this.needSharding();
        const r = await m.rebalance();
        return { ...r, view: await m.view(req.mode, req.player) };
      }
      case 'lb:sharding:updates': {
        const m = this.needSharding();
        const step = this.progress(req.id, post);
        const ms = await m.applyUpdates(req.mode, req.count, (done) =>
          step('updates', done, req.count),
        );
        return {
          updates: req.count,
          ms,
          perSecond: req.count / (ms / 1000 || 1e-9),
          live: await m.liveView(req.mode, req.player),
        };
      }
      case 'lb:approx:view':
        return approximateView(req.params);
      case 'lb:fanout:load': {
        this.fanout = null;
        this.fanout = await FanoutModel.create(
          this.options.createClient(),
          req.params,
          this.progress(req.id, post),
        );
        return this.fanout.view();
      }
      case 'lb:fanout:tick':
        return this.needFanout().tick(this.progress(req.id, post));
      case 'lb:fanout:storm':
        return this.needFanout().celebrityPost();
      case 'lb:churn:run': {
        this.churn = null;
        const result = await paginationUnderChurn(this.options.createClient(), {
          seed: req.params.seed,
          players: req.params.players,
          pageSize: req.params.pageSize,
          changesPerPage: req.params.changes,
        });
        this.churn = result;
        return { overview: churnOverview(result), page: churnPages(result, req.params.page - 1) };
      }
      case 'lb:churn:page': {
        if (!this.churn) throw new Error('no churn run: send lb:churn:run first');
        return churnPages(this.churn, req.index);
      }
    }
  }
}
