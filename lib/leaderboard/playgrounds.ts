import {
  errorByPercentile,
  exactRanker,
  measureError,
  memoryComparison,
  populationProbes,
  syntheticPopulation,
  type ErrorStats,
} from './approximate';
import { CostLedger, emptyCost, type LedgerEntry, type OperationCost } from './cost-ledger';
import { loadPairs } from './bulk-load';
import type { BoardRow, RankInfo } from './global-board';
import { GlobalBoard } from './global-board';
import { HashShardedBoard } from './hash-sharded';
import { ScoreHistogram } from './histogram';
import type {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  ParamValues,
  SHARDING_PARAMS,
} from './playground-params';
import {
  RangeShardedBoard,
  evenBoundaries,
  type RangeSubmitResult,
  type RebalanceResult,
  type ShardStats,
} from './range-sharded';
import type { RedisLike } from './redis-like';
import { FriendBoards, type FanoutMode } from './social';
import {
  createFriendGraph,
  createMatchStream,
  createWorld,
  followersOf,
  followsOf,
  sortedPlayers,
  type SortedPlayers,
  type World,
} from './world';

/** Progress of a load; it may await (to yield) or throw (to cancel). */
type LoadProgressFn = (phase: string, done: number, total: number) => void | Promise<void>;

/**
 * Players per load step: about 10–20 ms of work, so progress and cancel stay prompt. Under
 * 16,384 so that a step's slice of ids (8 bytes a player) is an ordinary young object, not
 * a large object that only a full garbage collection frees.
 */
const LOAD_CHUNK = 16_000;

/** Load steps per progress report (so about one report per 64,000 players). */
const PROGRESS_EVERY = 4;

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The models behind the playgrounds: each takes a client and the
 * playground's (clamped) parameters and returns plain, serialisable views,
 * so a widget only draws. Every number a playground shows comes from here.
 */

/** A rank answer with what it cost. */
export interface CostedRank {
  rank: RankInfo | null;
  cost: OperationCost;
}

/** What the sharding playground shows. */
export interface ShardingView {
  mode: 'range' | 'hash';
  players: number;
  /** Per-shard sizes and load for the chart (range also has bands). */
  shards: (ShardStats | { shard: number; key: string; size: number; load: number })[];
  boundaries: number[];
  player: { id: string; score: number };
  /** The chosen player's rank, by the range design, the hash design and the single set. */
  rangeRank: CostedRank;
  hashRank: CostedRank;
  exactRank: CostedRank;
  top: { rows: BoardRow[]; cost: OperationCost };
  ledger: LedgerEntry[];
  /**
   * Boards still loading (a first view of a large world): their rank is not known yet and
   * reads `{ rank: null }`. Empty once every board is loaded.
   */
  pending: BoardName[];
}

/** What the sharding playground redraws while live updates run: one design only. */
export interface LiveShardingView {
  mode: 'range' | 'hash';
  player: { id: string; score: number };
  /** The chosen player's rank by the running design. */
  rank: CostedRank;
  shards: ShardingView['shards'];
  top: { rows: BoardRow[]; cost: OperationCost };
}

/** The three boards of the sharding model. */
export type BoardName = 'range' | 'hash' | 'oracle';

/**
 * From this many players a sharding world's first view waits only for the design on
 * screen; the other two boards load when the next view asks for them. Each board is a full
 * copy of the world in the engine (about 0.5 s per million members in a browser), and a
 * reader who picked a million players should see them within the 1.5 s a load may take.
 * The chapter's 100,000 are lazy too: on a phone, building all three boards held the
 * playground's first working button back by 0.35–0.55 s (`npm run perf:site`), while the
 * design on screen alone is a third of that. Small worlds load whole: one answer, no flicker.
 */
export const SHARDING_LAZY_FROM = 50_000;

const BOARD_PHASES: Record<BoardName, string> = {
  range: 'range shards',
  hash: 'hash shards',
  oracle: 'single set',
};

/**
 * The sharding playground: a seeded world loaded into one sorted set (the
 * oracle), a range-sharded board and a hash-sharded board on the same
 * client. Memory: about 3 × players members, sharing one string per id.
 * A large world loads the board on screen first (`SHARDING_LAZY_FROM`).
 *
 * Live updates go to one design only, so the reader watches that design's
 * cost; the other two boards catch up (`sync`) before anything compares
 * the three.
 */
export class ShardingModel {
  readonly ledger = new CostLedger();
  readonly range: RangeShardedBoard;
  readonly hash: HashShardedBoard;
  readonly oracle: GlobalBoard;
  readonly world: World;
  /** Players whose latest score a board has not seen yet. */
  private readonly stale: Record<BoardName, Set<number>> = {
    range: new Set(),
    hash: new Set(),
    oracle: new Set(),
  };
  private readonly matches: ReturnType<typeof createMatchStream>;
  /** Boards loaded so far. */
  private readonly built = new Set<BoardName>();
  /** The world in Redis order, kept until every board is loaded. */
  private sorted: SortedPlayers | null = null;

  private constructor(
    readonly client: RedisLike,
    readonly params: ParamValues<typeof SHARDING_PARAMS>,
  ) {
    this.world = createWorld({
      seed: params.seed,
      players: params.players,
      distribution: params.distribution,
    });
    this.range = new RangeShardedBoard(client, {
      name: 'pg',
      boundaries: evenBoundaries(params.shards, this.world.maxScore),
      mode: 'overwrite',
      ledger: this.ledger,
    });
    this.hash = new HashShardedBoard(client, {
      name: 'pg',
      shards: params.shards,
      mode: 'overwrite',
      ledger: this.ledger,
    });
    this.oracle = new GlobalBoard(client, {
      key: '{pg}:global',
      mode: 'overwrite',
      ledger: this.ledger,
    });
    this.matches = createMatchStream({ seed: params.seed, players: params.players });
  }

  /**
   * Loads the world: sorts it once, then loads the boards (progress per board; it may await
   * or throw to cancel). With `firstOnly` (the default from SHARDING_LAZY_FROM players) it
   * loads only the `params.mode` design; `view` loads the rest when it is first asked.
   */
  static async create(
    client: RedisLike,
    params: ParamValues<typeof SHARDING_PARAMS>,
    onProgress?: LoadProgressFn,
    options: { firstOnly?: boolean } = {},
  ): Promise<ShardingModel> {
    const m = new ShardingModel(client, params);
    await onProgress?.('sorting', 0, m.world.players);
    // One sort and one string per player, shared by the three boards.
    m.sorted = sortedPlayers(m.world);
    if (options.firstOnly ?? params.players >= SHARDING_LAZY_FROM) {
      await m.build(params.mode, onProgress);
    } else await m.buildAll(onProgress);
    return m;
  }

  /** Whether all three boards are loaded. */
  get complete(): boolean {
    return this.built.size === 3;
  }

  /** Loads every board not loaded yet. */
  async buildAll(onProgress?: LoadProgressFn): Promise<void> {
    for (const name of ['range', 'hash', 'oracle'] as const) await this.build(name, onProgress);
  }

  /**
   * Loads one board from the sorted world, then brings it up to date with any score that
   * changed since the world was sorted. O(players).
   */
  private async build(name: BoardName, onProgress?: LoadProgressFn): Promise<void> {
    if (this.built.has(name)) return;
    const sorted = this.sorted;
    if (!sorted) throw new Error('sharding world already released its sorted copy');
    const { scores, ids } = sorted;
    const n = ids.length;
    if (name === 'oracle') await this.client.del(this.oracle.key);
    // Range shards are sized to what each will hold (a skewed world fills the lowest band).
    const rangeSizes = name === 'range' ? this.range.shardSizesOf(scores) : [];
    for (let at = 0; at < n; at += LOAD_CHUNK) {
      const end = Math.min(n, at + LOAD_CHUNK);
      const s = scores.subarray(at, end);
      const chunk = ids.slice(at, end);
      if (name === 'range') await this.range.loadSorted(s, chunk, rangeSizes);
      else if (name === 'hash') await this.hash.loadSorted(s, chunk, n);
      else await loadPairs(this.client, this.oracle.key, s, chunk, n);
      // Progress (where a request yields or stops) every PROGRESS_EVERY steps, ~20–30 ms of
      // work: each report also redraws the widget on the main thread, which shares two
      // cores with this worker on a small machine.
      if (end === n || (at / LOAD_CHUNK) % PROGRESS_EVERY === PROGRESS_EVERY - 1) {
        await onProgress?.(BOARD_PHASES[name], end, n);
      }
    }
    this.built.add(name);
    if (this.complete) this.sorted = null;
    await this.syncBoard(name);
  }

  /** Player number `i` clamped to the world. */
  private playerIndex(i: number): number {
    return Math.min(this.world.players - 1, Math.max(0, i));
  }

  /** The id of player `i` (clamped to the world). */
  playerId(i: number): string {
    return this.world.id(this.playerIndex(i));
  }

  /**
   * Applies the next `count` seeded match results (each adds its 1–50
   * points, capped at the world's maximum) to the `mode` design only, and
   * returns the time taken, ms (including `step`). `step` is called every 1,000
   * updates (it may await, or throw to stop). O(count · (log N + shards)).
   */
  async applyUpdates(
    mode: 'range' | 'hash',
    count: number,
    step?: (done: number) => void | Promise<void>,
  ): Promise<number> {
    await this.build(mode);
    await this.syncBoard(mode);
    const board = mode === 'range' ? this.range : this.hash;
    const behind =
      mode === 'range'
        ? [this.stale.hash, this.stale.oracle]
        : [this.stale.range, this.stale.oracle];
    const w = this.world;
    const t = clock();
    for (let i = 0; i < count; i++) {
      const r = this.matches();
      const s = Math.min(w.maxScore, w.scores[r.player]! + r.points);
      w.scores[r.player] = s;
      await board.submit(w.id(r.player), s);
      for (const set of behind) set.add(r.player);
      if (step && i % 1000 === 999) await step(i + 1);
    }
    return clock() - t;
  }

  /** Brings every board up to the world's scores (after live updates). */
  async sync(): Promise<void> {
    for (const name of ['range', 'hash', 'oracle'] as const) await this.syncBoard(name);
  }

  private async syncBoard(name: BoardName): Promise<void> {
    // A board not loaded yet keeps its list: it is synced right after it loads.
    if (!this.built.has(name)) return;
    const board = this[name];
    for (const p of this.stale[name]) await board.submit(this.world.id(p), this.world.scores[p]!);
    this.stale[name].clear();
  }

  /** What live updates redraw: the chosen player's rank by `mode`, shard sizes, top 10. */
  async liveView(mode: 'range' | 'hash', player: number): Promise<LiveShardingView> {
    await this.build(mode);
    const id = this.playerId(player);
    const board = mode === 'range' ? this.range : this.hash;
    const rank = await board.rank(id);
    const top = await board.topK(10);
    return {
      mode,
      player: { id, score: rank.result?.score ?? 0 },
      rank: { rank: rank.result, cost: rank.cost },
      shards: await board.stats(),
      top: { rows: top.result, cost: top.cost },
    };
  }

  /**
   * Everything the playground draws for `mode` and the chosen player, loading any board
   * not loaded yet first (progress through `onProgress`).
   */
  async view(
    mode: 'range' | 'hash',
    player: number,
    onProgress?: LoadProgressFn,
  ): Promise<ShardingView> {
    await this.buildAll(onProgress);
    return this.currentView(mode, player);
  }

  /**
   * The view from the boards loaded so far, without loading more: right after a lazy
   * `create` it has the design on screen, and the other ranks are pending.
   */
  async currentView(mode: 'range' | 'hash', player: number): Promise<ShardingView> {
    await this.sync();
    const id = this.playerId(player);
    const none: CostedRank = { rank: null, cost: { ...emptyCost(), operation: 'pending', ms: 0 } };
    const rankBy = async (name: BoardName): Promise<CostedRank> => {
      if (!this.built.has(name)) return none;
      const r = await this[name].rank(id);
      return { rank: r.result, cost: r.cost };
    };
    const rangeRank = await rankBy('range');
    const hashRank = await rankBy('hash');
    const exactRank = await rankBy('oracle');
    await this.build(mode);
    const top = mode === 'range' ? await this.range.topK(10) : await this.hash.topK(10);
    const shown = mode === 'range' ? rangeRank : hashRank;
    return {
      mode,
      players: this.world.players,
      shards: mode === 'range' ? await this.range.stats() : await this.hash.stats(),
      boundaries: this.range.boundaries,
      player: {
        id,
        score:
          (exactRank.rank ?? shown.rank)?.score ?? this.world.scores[this.playerIndex(player)]!,
      },
      rangeRank,
      hashRank,
      exactRank,
      top: { rows: top.result, cost: top.cost },
      ledger: this.ledger.snapshot(),
      pending: (['range', 'hash', 'oracle'] as const).filter((b) => !this.built.has(b)),
    };
  }

  /**
   * Pushes the chosen player just across the next boundary up (or down
   * from the top shard), in all three boards, and returns the range move.
   */
  async crossBoundary(player: number): Promise<{ move: RangeSubmitResult; cost: OperationCost }> {
    await this.buildAll();
    await this.sync();
    const id = this.playerId(player);
    const score = (await this.oracle.rank(id)).result?.score ?? 0;
    const b = this.range.boundaries;
    const shard = this.range.shardOf(score);
    const target = shard < b.length ? b[shard]! : shard > 0 ? b[shard - 1]! - 1 : score + 1;
    const r = await this.range.submit(id, target);
    await this.hash.submit(id, target);
    await this.oracle.submit(id, target);
    // Later live updates start from the new score.
    this.world.scores[this.playerIndex(player)] = target;
    return { move: r.result, cost: r.cost };
  }

  /** Rebalances the range shards from quantiles. */
  async rebalance(): Promise<{ result: RebalanceResult; cost: OperationCost }> {
    await this.buildAll();
    await this.sync();
    return this.range.rebalance();
  }
}

/** A point of the estimated-against-exact chart. */
export interface RankPoint {
  score: number;
  exact: number;
  estimated: number;
}

/** What the approximate-ranking playground shows. */
export interface ApproximateView {
  players: number;
  scale: 'exact' | '100m';
  buckets: { edges: number[]; counts: number[] };
  points: RankPoint[];
  error: ErrorStats;
  errorByPercentile: ReturnType<typeof errorByPercentile>;
  memory: ReturnType<typeof memoryComparison>;
  /** Measured time per estimate, microseconds. */
  usPerRank: number;
}

/** A step of a long computation: what it is doing, and how far it got. */
export interface ComputeStep {
  phase: string;
  done: number;
  total: number;
}

/**
 * The approximate-ranking playground's view. 'exact' scale: a seeded world
 * of `players`; exact ranks from the sorted scores; players in the exact
 * head (top `head`) count with zero error. '100m': a histogram-only
 * population of 100M from the distribution; exact ranks from its CDF.
 * Pure computation (no client needed). O(players log players).
 */
export function approximateView(
  params: ParamValues<typeof APPROXIMATE_PARAMS>,
  points = 200,
): ApproximateView {
  const steps = approximateViewSteps(params, points);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * `approximateView` as a generator: it yields between its stages (each at most a few
 * hundred milliseconds at a million players), so a worker can report progress, give its
 * event loop a turn and stop there when the request is cancelled.
 */
export function* approximateViewSteps(
  params: ParamValues<typeof APPROXIMATE_PARAMS>,
  points = 200,
): Generator<ComputeStep, ApproximateView, void> {
  const maxScore = 1_000_000;
  const total = 5;
  let h: ScoreHistogram;
  let exact: (s: number) => number;
  let probes: ArrayLike<number>;
  let players: number;
  yield { phase: 'population', done: 0, total };
  if (params.scale === '100m') {
    players = 100_000_000;
    const pop = syntheticPopulation({
      players,
      distribution: params.distribution,
      maxScore,
      kind: params.kind,
      buckets: params.buckets,
    });
    h = pop.histogram;
    exact = pop.exactRank;
    probes = populationProbes(params.distribution, maxScore, 2000);
  } else {
    const w = createWorld({
      seed: params.seed,
      players: params.players,
      distribution: params.distribution,
      maxScore,
    });
    players = w.players;
    yield { phase: 'histogram', done: 1, total };
    h = new ScoreHistogram({
      kind: params.kind,
      buckets: params.buckets,
      min: 0,
      max: maxScore,
      sample: w.scores,
    });
    for (const s of w.scores) h.add(s);
    yield { phase: 'exact ranks', done: 2, total };
    exact = exactRanker(w.scores);
    probes = w.scores;
  }
  const head = params.scale === 'exact' ? params.head : 0;
  // Inside the exact head the answer is exact.
  const estimate = (s: number) => {
    const e = exact(s);
    return e <= head ? e : h.estimateRank(s);
  };
  yield { phase: 'sampling', done: 3, total };
  const sorted = Float64Array.from(probes).sort();
  const pts: RankPoint[] = [];
  for (let i = 0; i < points; i++) {
    const s = sorted[Math.floor(((i + 0.5) * sorted.length) / points)]!;
    pts.push({ score: s, exact: exact(s), estimated: estimate(s) });
  }
  const t = clock();
  let sink = 0;
  const reps = Math.min(200_000, sorted.length * 10);
  for (let i = 0; i < reps; i++) sink += h.estimateRank(sorted[i % sorted.length]!);
  const us = ((clock() - t) * 1000) / Math.max(1, reps) + (sink < 0 ? 1 : 0);
  yield { phase: 'errors', done: 4, total };
  const error = measureError(probes, estimate, exact, (s) => h.errorBound(s));
  yield { phase: 'errors by percentile', done: 4.5, total };
  return {
    players,
    scale: params.scale,
    buckets: h.view(),
    points: pts,
    error,
    errorByPercentile: errorByPercentile(probes, estimate, exact, 20, players),
    memory: memoryComparison(players, h, head),
    usPerRank: us,
  };
}

/** Per-design counters of the fan-out playground. */
export interface FanoutCounters {
  mode: FanoutMode;
  updates: number;
  reads: number;
  /** Feed writes per update (1 = no fan-out). */
  writeAmplification: number;
  /** Members read per friend-board read. */
  readCost: number;
  commands: number;
  /** Members written by every update so far (the score set and feeds). */
  membersWritten: number;
  /** Members read by every friend-board read so far. */
  membersRead: number;
}

/** One update by the most-followed player, per design. */
export interface FanoutStorm {
  author: { id: string; followers: number };
  designs: { mode: FanoutMode; membersWritten: number; commands: number }[];
}

/** What the fan-out playground shows after a load, a tick or a storm. */
export interface FanoutView {
  players: number;
  edges: number;
  /** Ticks applied so far. */
  ticks: number;
  /** Wall time of the request that produced this view, ms (not seeded). */
  ms: number;
  /** The graph's celebrities (none when the flag is off), most followed first. */
  celebrities: { id: string; followers: number }[];
  /** Players the hybrid does not fan out: at least `celebrityFollowers` followers. */
  hybridCelebrities: number;
  counters: FanoutCounters[];
  /** The storm this view reports, or null (views from a load or a tick). */
  celebrityUpdate: FanoutStorm | null;
  /** Whose friend board is shown: the last reader of the last tick. */
  sampleReader: { id: string; follows: number };
  /** All three designs returned the same full board for the sampled reader. */
  boardsAgree: boolean;
  /** The sampled reader's top 10 (as fan-out on read computes it). */
  sampleBoard: BoardRow[];
}

/**
 * The fan-out playground: one seeded graph, the three friend-board designs
 * side by side on the same client, fed the same match stream. Every update
 * is followed by one friend-board read per design, so the counters compare
 * designs at a 1:1 read/write mix. Memory: the score set three times plus
 * one feed member per edge for each of the write and hybrid designs.
 */
export class FanoutModel {
  readonly ledger = new CostLedger();
  readonly boards: FriendBoards[];
  /** The same boards on a ledger of their own: the agreement check is not counted. */
  private readonly probes: FriendBoards[];
  private readonly world: World;
  private readonly stream: ReturnType<typeof createMatchStream>;
  private readonly graph: ReturnType<typeof createFriendGraph>;
  private readonly mostFollowed: number;
  private readonly hybridCelebrities: number;
  private ticks = 0;
  private reader = 0;

  private constructor(
    readonly client: RedisLike,
    readonly params: ParamValues<typeof FANOUT_PARAMS>,
  ) {
    this.world = createWorld({ seed: params.seed, players: params.players });
    this.graph = createFriendGraph({
      seed: params.seed,
      players: params.players,
      meanFollows: params.meanFollows,
      celebrities: params.celebrities ? 3 : 0,
      celebrityReach: 0.3,
    });
    this.stream = createMatchStream({ seed: params.seed, players: params.players });
    const designs = (ledger: CostLedger) =>
      (['read', 'write', 'hybrid'] as const).map(
        (mode) =>
          new FriendBoards(client, this.graph, this.world.id, {
            mode,
            name: `pgf-${mode}`,
            ledger,
            celebrityFollowers: params.celebrityFollowers,
          }),
      );
    this.boards = designs(this.ledger);
    this.probes = designs(new CostLedger());
    let most = 0;
    let over = 0;
    for (let i = 0; i < this.graph.players; i++) {
      const n = followersOf(this.graph, i).length;
      if (n > followersOf(this.graph, most).length) most = i;
      if (n >= params.celebrityFollowers) over++;
    }
    this.mostFollowed = most;
    this.hybridCelebrities = over;
  }

  /**
   * Builds the graph and loads the three designs: O(edges) feed members.
   * `onProgress` may await (to yield) or throw (to cancel).
   */
  static async create(
    client: RedisLike,
    params: ParamValues<typeof FANOUT_PARAMS>,
    onProgress?: (phase: string, done: number, total: number) => void | Promise<void>,
  ): Promise<FanoutModel> {
    await onProgress?.('friend graph', 0, params.players);
    const m = new FanoutModel(client, params);
    for (const b of m.boards)
      await b.load(m.world.scores, (d, t) => onProgress?.(`feeds (${b.mode})`, d, t));
    return m;
  }

  /**
   * Applies `params.rate` match results to every design, each followed by
   * one friend-board read per design (a different reader each time), and
   * returns the running counters. Cost: rate × (followers of the player +
   * follows of the reader) per design. `onProgress` is told every 25
   * updates and may await or throw; a throw leaves whole updates applied.
   */
  async tick(
    onProgress?: (phase: string, done: number, total: number) => void | Promise<void>,
  ): Promise<FanoutView> {
    const t = clock();
    const n = this.params.rate;
    for (let i = 0; i < n; i++) {
      const r = this.stream();
      const s = (this.world.scores[r.player] = this.world.scores[r.player]! + r.points);
      for (const b of this.boards) await b.submit(r.player, s);
      this.reader = (this.ticks * 7919 + i * 104_729) % this.world.players;
      for (const b of this.boards) await b.board(this.reader, 10);
      if (onProgress && i % 25 === 24 && i + 1 < n) await onProgress('updates', i + 1, n);
    }
    this.ticks++;
    return this.view(null, clock() - t);
  }

  /**
   * One update by the most-followed player (a celebrity when the graph has
   * them): one more point, submitted to each design, counted like any other
   * update. Returns the view with what it cost each design.
   */
  async celebrityPost(): Promise<FanoutView> {
    const t = clock();
    const a = this.mostFollowed;
    const s = (this.world.scores[a] = this.world.scores[a]! + 1);
    const designs: FanoutStorm['designs'] = [];
    for (const b of this.boards) {
      const c = await b.submit(a, s);
      designs.push({
        mode: b.mode,
        membersWritten: c.cost.membersWritten,
        commands: c.cost.totalCommands,
      });
    }
    const author = { id: this.world.id(a), followers: followersOf(this.graph, a).length };
    return this.view({ author, designs }, clock() - t);
  }

  /**
   * The counters, and the sampled reader's board from each design (read
   * outside the ledger, full boards compared). O(designs + reader's follows).
   */
  async view(storm: FanoutStorm | null = null, ms = 0): Promise<FanoutView> {
    const boards = await Promise.all(this.probes.map((b) => b.board(this.reader)));
    const first = JSON.stringify(boards[0]!.result);
    const celebrities = Array.from(this.graph.celebrities)
      .map((c) => ({ id: this.world.id(c), followers: followersOf(this.graph, c).length }))
      .sort((a, b) => b.followers - a.followers);
    return {
      players: this.world.players,
      edges: this.graph.edges,
      ticks: this.ticks,
      ms,
      celebrities,
      hybridCelebrities: this.hybridCelebrities,
      counters: this.boards.map((b) => {
        const w = this.ledger.entry(`friends:${b.mode}:submit`);
        const r = this.ledger.entry(`friends:${b.mode}:read`);
        return {
          mode: b.mode,
          updates: w.count,
          reads: r.count,
          writeAmplification: w.count ? w.total.membersWritten / w.count : 0,
          readCost: r.count ? r.total.membersScanned / r.count : 0,
          commands: w.total.totalCommands + r.total.totalCommands,
          membersWritten: w.total.membersWritten,
          membersRead: r.total.membersScanned,
        };
      }),
      celebrityUpdate: storm,
      sampleReader: {
        id: this.world.id(this.reader),
        follows: followsOf(this.graph, this.reader).length,
      },
      boardsAgree: boards.every((b) => JSON.stringify(b.result) === first),
      sampleBoard: boards[0]!.result.slice(0, 10),
    };
  }
}
