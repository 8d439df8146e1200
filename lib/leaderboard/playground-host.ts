import { paginationUnderChurn, type ChurnResult } from './churn';
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
  type ShardingView,
} from './playgrounds';
import type { RangeSubmitResult, RebalanceResult } from './range-sharded';
import type { RedisLike } from './redis-like';
import { createMatchStream } from './world';

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
  /** Cancels the running request `target` (a load): it ends with an lb:error, cancelled: true. */
  | { id: number; type: 'lb:cancel'; target: number };

/** What each request type resolves to. */
export interface PlaygroundResults {
  'lb:sharding:load': ShardingView;
  'lb:sharding:view': ShardingView;
  'lb:sharding:cross': { move: RangeSubmitResult; cost: OperationCost; view: ShardingView };
  'lb:sharding:rebalance': { result: RebalanceResult; cost: OperationCost; view: ShardingView };
  /** Seeded score updates through both sharded boards (and the single set), timed. */
  'lb:sharding:updates': { updates: number; ms: number; perSecond: number; view: ShardingView };
  'lb:approx:view': ApproximateView;
  'lb:fanout:load': FanoutView;
  'lb:fanout:tick': FanoutView;
  'lb:fanout:storm': FanoutView;
  'lb:churn:run': ChurnResult;
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
  private readonly cancelled = new Set<number>();
  private updates: ReturnType<typeof createMatchStream> | null = null;

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
        this.updates = createMatchStream({ seed: req.params.seed, players: req.params.players });
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
        const next = this.updates!;
        const touched = new Set<number>();
        const step = this.progress(req.id, post);
        const board = req.mode === 'range' ? m.range : m.hash;
        const t = clock();
        for (let i = 0; i < req.count; i++) {
          const r = next();
          const s = Math.min(m.world.maxScore, m.world.scores[r.player]! + r.points * 100);
          m.world.scores[r.player] = s;
          touched.add(r.player);
          await board.submit(m.world.id(r.player), s);
          if (i % 1000 === 999) await step('updates', i + 1, req.count);
        }
        const ms = clock() - t;
        // Untimed: bring the other board and the single set to the same scores, so ranks still agree.
        const other = req.mode === 'range' ? m.hash : m.range;
        for (const p of touched) {
          await other.submit(m.world.id(p), m.world.scores[p]!);
          await m.oracle.submit(m.world.id(p), m.world.scores[p]!);
        }
        return {
          updates: req.count,
          ms,
          perSecond: req.count / (ms / 1000 || 1e-9),
          view: await m.view(req.mode, req.player),
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
      case 'lb:churn:run':
        return paginationUnderChurn(this.options.createClient(), {
          seed: req.params.seed,
          players: req.params.players,
          pageSize: req.params.pageSize,
          changesPerPage: req.params.changes,
        });
    }
  }
}
