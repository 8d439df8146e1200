/**
 * What a reader sees each tick, derived from the state: queue depths, lag, offsets,
 * throughput, shard sizes and write shares, sampled messages and the narrated log. Also the
 * reads themselves (top-K, around-me) and the comparisons the drill checks rely on.
 */
import { consumerName, edgeId, homeShard, routeRead, shardName } from './simulation';
import type {
  DrillResult,
  Flight,
  FlowSettings,
  FlowState,
  FlowTotals,
  LogEntry,
  PostgresStatus,
  RebuildSource,
  ShardStatus,
} from './types';

export interface PartitionView {
  readonly partition: number;
  /** First readable offset (retention moves it). */
  readonly logStart: number;
  /** Next offset to be written. */
  readonly end: number;
  readonly committed: number;
  /** Where the owner will read next (its uncommitted position), or the committed offset. */
  readonly position: number;
  /** Records waiting to be read: end − position. */
  readonly queueDepth: number;
  /** Consumer lag as Kafka reports it: end − committed. */
  readonly lag: number;
  /** Owning consumer, or -1 while unowned. */
  readonly owner: number;
  /** The owner is dead but the coordinator has not noticed yet. */
  readonly stalled: boolean;
}

export interface ConsumerView {
  readonly id: number;
  /** The node that draws it (several consumers may share one). */
  readonly node: string;
  /** Its name in narration. */
  readonly name: string;
  readonly alive: boolean;
  readonly partitions: readonly number[];
  readonly lag: number;
  readonly queueDepth: number;
  readonly processed: number;
  readonly perSecond: number;
}

export interface ShardView {
  readonly index: number;
  /** The node that draws it (a Redis cluster's shards share one). */
  readonly node: string;
  /** Its name in narration. */
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  readonly status: ShardStatus;
  readonly size: number;
  readonly writes: number;
  /** This shard's share of every shard write since the start, in [0, 1]. */
  readonly writeShare: number;
  readonly droppedWrites: number;
  readonly reads: number;
  /** This shard's share of every shard read since the start, in [0, 1]. */
  readonly readShare: number;
  readonly perSecond: number;
  readonly rebuild: {
    readonly source: RebuildSource;
    readonly done: number;
    readonly total: number;
    readonly fraction: number;
    readonly elapsedMs: number;
  } | null;
  readonly lastRecoveryMs: number | null;
  readonly lastRebuildError: string | null;
  /** Writes lost when its replica was promoted. */
  readonly lostOnFailover: number;
}

export interface FlowView {
  readonly tick: number;
  readonly timeMs: number;
  readonly settings: Readonly<FlowSettings>;
  readonly generation: number;
  readonly rebalancing: boolean;
  readonly partitions: readonly PartitionView[];
  readonly consumers: readonly ConsumerView[];
  readonly totalLag: number;
  /** Messages per simulated second per node id, over the sliding window. */
  readonly throughput: Readonly<Record<string, number>>;
  /** Messages per edge id (`from->to`) during the last tick. */
  readonly edges: Readonly<Record<string, number>>;
  /** Sampled hops, oldest first; animate those whose `seq` is above the last one drawn. */
  readonly flights: readonly Flight[];
  readonly shards: readonly ShardView[];
  readonly postgres: {
    readonly rows: number;
    readonly writes: number;
    readonly status: PostgresStatus;
  };
  readonly totals: Readonly<FlowTotals>;
  /** The top-K cache, when the design has one. */
  readonly topKCache: {
    readonly node: string;
    readonly hits: number;
    readonly refreshes: number;
    /** Reads answered with the last list while the shards could not refresh it. */
    readonly stale: number;
    /** Share of the top-K reads the cache answered without a refresh, in [0, 1]. */
    readonly hitRatio: number;
    /** Age of the list it serves, or null before the first refresh. */
    readonly ageMs: number | null;
    /** Its list is older than the TTL and the shards cannot refresh it. */
    readonly serving: 'fresh' | 'stale';
  } | null;
  readonly log: readonly LogEntry[];
  readonly drill: {
    readonly id: string;
    readonly step: number;
    readonly narration: readonly string[];
    readonly done: boolean;
    readonly result: DrillResult | null;
  } | null;
}

function cacheView(state: FlowState): FlowView['topKCache'] {
  const cache = state.topKCache;
  const plan = state.world.plan.reads.topKCache;
  if (!cache || !plan) return null;
  const answered = cache.hits + cache.refreshes;
  const ttlMs = plan.ttlSeconds * 1000;
  const ageMs =
    cache.refreshedTick >= 0 ? (state.tick - cache.refreshedTick) * state.config.tickMs : null;
  return {
    node: plan.node,
    hits: cache.hits,
    refreshes: cache.refreshes,
    stale: cache.stale,
    hitRatio: answered ? cache.hits / answered : 0,
    ageMs,
    serving: ageMs !== null && ageMs > ttlMs && state.readsDegraded ? 'stale' : 'fresh',
  };
}

/** How many instances share `node` (a cluster's shards, a group's consumers). */
const sharing = (ids: readonly string[], node: string): number =>
  Math.max(1, ids.filter((id) => id === node).length);

/**
 * Per-node throughput over the sliding window, in messages per simulated second.
 * @returns a record keyed by node id. O(window × nodes).
 */
export function throughputPerNode(state: FlowState): Record<string, number> {
  const w = state.config.throughputWindowTicks;
  const nodes = state.world.nodes;
  // Early on the window is not full yet: divide by the ticks that actually ran.
  const span = Math.max(1, Math.min(w, state.tick));
  const seconds = (span * state.config.tickMs) / 1000;
  const out: Record<string, number> = {};
  nodes.forEach((node, i) => {
    let sum = 0;
    for (let row = 0; row < w; row++) sum += state.throughput[row * nodes.length + i] ?? 0;
    out[node] = sum / seconds;
  });
  return out;
}

/**
 * Messages per edge during the last tick, keyed by edge id (`from->to`, as in `stages.ts`).
 * @returns only edges that carried something. O(nodes²), with about 15 nodes.
 */
export function edgeTraffic(state: FlowState): Record<string, number> {
  const nodes = state.world.nodes;
  const out: Record<string, number> = {};
  state.edgeCounts.forEach((n, i) => {
    if (n === 0) return;
    const from = nodes[Math.floor(i / nodes.length)] ?? '';
    const to = nodes[i % nodes.length] ?? '';
    out[edgeId(from, to)] = n;
  });
  return out;
}

/**
 * Snapshot of everything the diagrams display. Arrays are fresh; flight and log entries are
 * shared immutable objects.
 * @returns the view. O(partitions + consumers + shards + window × nodes + log).
 */
export function readFlowView(state: FlowState): FlowView {
  const throughput = throughputPerNode(state);
  const partitions: PartitionView[] = state.partitions.map((part, pi) => {
    const owner = part.owner >= 0 ? state.consumers[part.owner] : undefined;
    const position = owner?.alive ? (owner.positions[pi] ?? part.committed) : part.committed;
    return {
      partition: pi,
      logStart: part.logStart,
      end: part.end,
      committed: part.committed,
      position,
      queueDepth: part.end - position,
      lag: part.end - part.committed,
      owner: part.owner,
      stalled: owner !== undefined && !owner.alive,
    };
  });
  const consumers: ConsumerView[] = state.consumers.map((c) => {
    const mine = partitions.filter((p) => c.partitions.includes(p.partition));
    const node = state.world.plan.consumers[c.id] ?? '';
    return {
      id: c.id,
      node,
      name: consumerName(state, c.id),
      alive: c.alive,
      partitions: [...c.partitions],
      lag: mine.reduce((s, p) => s + p.lag, 0),
      queueDepth: mine.reduce((s, p) => s + p.queueDepth, 0),
      processed: c.processed,
      perSecond: (throughput[node] ?? 0) / sharing(state.world.plan.consumers, node),
    };
  });
  const allWrites = state.shards.reduce((s, sh) => s + sh.writes, 0);
  const allReads = state.shards.reduce((s, sh) => s + sh.reads, 0);
  const shardNodes = state.world.plan.shards;
  const shards: ShardView[] = state.shards.map((sh) => ({
    index: sh.index,
    node: shardNodes[sh.index] ?? '',
    name: shardName(state, sh.index),
    lo: sh.lo,
    hi: sh.hi,
    status: sh.status,
    size: sh.size,
    writes: sh.writes,
    writeShare: allWrites ? sh.writes / allWrites : 0,
    droppedWrites: sh.droppedWrites,
    reads: sh.reads,
    readShare: allReads ? sh.reads / allReads : 0,
    perSecond:
      (throughput[shardNodes[sh.index] ?? ''] ?? 0) /
      sharing(shardNodes, shardNodes[sh.index] ?? ''),
    rebuild: sh.rebuild && {
      source: sh.rebuild.source,
      done: sh.rebuild.done,
      total: sh.rebuild.total,
      fraction: sh.rebuild.total ? Math.min(1, sh.rebuild.done / sh.rebuild.total) : 0,
      elapsedMs: (state.tick - sh.rebuild.startedTick) * state.config.tickMs,
    },
    lastRecoveryMs: sh.lastRecoveryTicks >= 0 ? sh.lastRecoveryTicks * state.config.tickMs : null,
    lastRebuildError: sh.lastRebuildError,
    lostOnFailover: sh.lostOnFailover,
  }));
  return {
    tick: state.tick,
    timeMs: state.tick * state.config.tickMs,
    settings: { ...state.settings },
    generation: state.group.generation,
    rebalancing: state.tick < state.group.pausedUntilTick,
    partitions,
    consumers,
    totalLag: partitions.reduce((s, p) => s + p.lag, 0),
    throughput,
    edges: edgeTraffic(state),
    flights: [...state.flights],
    shards,
    postgres: {
      rows: state.config.players,
      writes: state.postgres.writes,
      status: state.postgres.status,
    },
    totals: {
      ...state.totals,
      topK: { ...state.totals.topK },
      aroundMe: { ...state.totals.aroundMe },
    },
    topKCache: cacheView(state),
    log: [...state.log],
    drill: state.drill && {
      id: state.drill.id,
      step: state.drill.step,
      narration: [...state.drill.narration],
      done: state.drill.done,
      result: state.drill.result,
    },
  };
}

/** One row of a leaderboard read. */
export interface BoardEntry {
  readonly player: number;
  readonly score: number;
  /** 0-based rank, highest score first; ties broken by lower player id. */
  readonly rank: number;
}

export interface BoardRead {
  /**
   * Where the answer came from: Redis, the histogram's estimate (approximate: one entry, the
   * player's own, with a rank rounded to the model's bucket width), the PostgreSQL fallback,
   * or nowhere.
   */
  readonly source: 'redis' | 'histogram' | 'postgres' | 'unavailable';
  readonly entries: readonly BoardEntry[];
}

/** Players per bucket of the model's histogram (the guide's has 10,000 per bucket). */
const HISTOGRAM_BUCKET = 10;

/** PostgreSQL's rows whose score falls in shard `k`'s range. O(players). */
function rowsInShard(state: FlowState, k: number): number {
  let n = 0;
  for (let p = 0; p < state.config.players; p++) {
    if (homeShard(state, p, state.postgres.score[p] ?? 0) === k) n++;
  }
  return n;
}

/** Players sorted by score, highest first (ties: lower id first): one shard, or PostgreSQL. */
function sortedMembers(state: FlowState, shard?: number): number[] {
  const sh = shard === undefined ? undefined : state.shards[shard];
  const out: number[] = [];
  for (let p = 0; p < state.config.players; p++) {
    if (!sh || sh.present[p] === 1) out.push(p);
  }
  const scores = sh ? sh.score : state.postgres.score;
  return out.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

/**
 * Top-K as a reader would get it: ZREVRANGE over the shards from the top, or the PostgreSQL
 * fallback when a shard it needs is not serving.
 * @returns up to `k` entries. O(n log n) for n members of the shards touched — a model, built
 * for display, not for the per-tick loop.
 */
export function readTopK(state: FlowState, k: number = state.config.topK): BoardRead {
  const route = routeRead(state, { kind: 'top-k' });
  if (route === 'unavailable' || route === 'histogram')
    return { source: 'unavailable', entries: [] };
  const entries: BoardEntry[] = [];
  if (route === 'postgres') {
    for (const p of sortedMembers(state).slice(0, k)) {
      entries.push({ player: p, score: state.postgres.score[p] ?? 0, rank: entries.length });
    }
    return { source: 'postgres', entries };
  }
  for (const s of route) {
    const shard = state.shards[s];
    if (!shard) continue;
    for (const p of sortedMembers(state, s)) {
      if (entries.length >= k) break;
      entries.push({ player: p, score: shard.score[p] ?? 0, rank: entries.length });
    }
  }
  return { source: 'redis', entries };
}

/**
 * The player's rank and `radius` neighbours on each side: ZCARD of every higher shard plus
 * ZREVRANK and ZREVRANGE in the player's own shard; PostgreSQL when one of those is down.
 * @returns the window of entries around the player (fewer at the edges of its shard). O(n log n).
 */
export function readAroundMe(state: FlowState, player: number, radius = 2): BoardRead {
  const route = routeRead(state, { kind: 'around-me', player });
  if (route === 'unavailable') return { source: 'unavailable', entries: [] };
  if (route === 'histogram') {
    // The model's histogram: PostgreSQL's order, rounded to buckets of HISTOGRAM_BUCKET
    // players, as an estimate from the last snapshot would be.
    const score = state.postgres.score[player] ?? 0;
    let above = 0;
    for (let p = 0; p < state.config.players; p++) {
      if ((state.postgres.score[p] ?? 0) > score) above++;
    }
    const rank = Math.round(above / HISTOGRAM_BUCKET) * HISTOGRAM_BUCKET;
    return { source: 'histogram', entries: [{ player, score, rank }] };
  }
  if (route === 'postgres') {
    const all = sortedMembers(state);
    const at = all.indexOf(player);
    const first = Math.max(0, at - radius);
    const entries = all
      .slice(first, at + radius + 1)
      .map((p, i) => ({ player: p, score: state.postgres.score[p] ?? 0, rank: first + i }));
    return { source: 'postgres', entries };
  }
  const own = route[0] ?? 0;
  const shard = state.shards[own];
  if (!shard) return { source: 'unavailable', entries: [] };
  // Every higher shard's member count: live from a serving shard, else the count the API
  // cached before it stopped serving (the model counts PostgreSQL's rows in its range).
  let above = 0;
  for (let k = own + 1; k < state.shards.length; k++) {
    const shard = state.shards[k];
    if (!shard) continue;
    above += shard.status === 'up' ? shard.size : rowsInShard(state, k);
  }
  const members = sortedMembers(state, own);
  const at = members.indexOf(player);
  if (at < 0) return { source: 'redis', entries: [] };
  const entries = members.slice(Math.max(0, at - radius), at + radius + 1).map((p, i) => ({
    player: p,
    score: shard.score[p] ?? 0,
    rank: above + Math.max(0, at - radius) + i,
  }));
  return { source: 'redis', entries };
}

/** A comparison of Redis against PostgreSQL or the expected totals. */
export interface Comparison {
  readonly mismatches: number;
  /** Up to five human-readable examples. */
  readonly examples: readonly string[];
}

/**
 * Compares one shard with the PostgreSQL rows whose score falls in its range: same members,
 * same scores.
 * @returns the mismatch count and examples. O(players).
 */
export function compareShardWithPostgres(state: FlowState, shardIndex: number): Comparison {
  const shard = state.shards[shardIndex];
  if (!shard) return { mismatches: 1, examples: [`no shard ${shardIndex}`] };
  let mismatches = 0;
  const examples: string[] = [];
  for (let p = 0; p < state.config.players; p++) {
    const pg = state.postgres.score[p] ?? 0;
    const inRange = (state.postgres.version[p] ?? 0) > 0 && homeShard(state, p, pg) === shard.index;
    const present = shard.present[p] === 1;
    if (inRange === present && (!present || shard.score[p] === pg)) continue;
    mismatches++;
    if (examples.length < 5) {
      examples.push(
        present
          ? inRange
            ? `player ${p}: Redis ${shard.score[p]}, PostgreSQL ${pg}`
            : `player ${p}: in the shard with ${shard.score[p]} but PostgreSQL has ${pg}, outside its range`
          : `player ${p}: missing (PostgreSQL ${pg})`,
      );
    }
  }
  return { mismatches, examples };
}

/**
 * Compares one shard with the clients' own totals (for designs without PostgreSQL): every
 * player whose total belongs in the shard must be there with that score.
 * @returns the mismatch count and examples. O(players).
 */
export function compareShardWithExpected(state: FlowState, shardIndex: number): Comparison {
  const shard = state.shards[shardIndex];
  if (!shard) return { mismatches: 1, examples: [`no shard ${shardIndex}`] };
  let mismatches = 0;
  const examples: string[] = [];
  for (let p = 0; p < state.config.players; p++) {
    const expected = state.expected[p] ?? 0;
    const home = (state.nextVersion[p] ?? 0) > 0 && homeShard(state, p, expected) === shard.index;
    const present = shard.present[p] === 1;
    if (home === present && (!present || shard.score[p] === expected)) continue;
    mismatches++;
    if (examples.length < 5) {
      examples.push(
        present
          ? `player ${p}: Redis ${shard.score[p]}, the clients' total ${expected}`
          : `player ${p}: missing (the clients' total is ${expected})`,
      );
    }
  }
  return { mismatches, examples };
}

/**
 * One shard against the design's source of truth: PostgreSQL when there is one, else the
 * clients' own totals.
 * @returns the mismatch count and examples. O(players).
 */
export function compareShardWithTruth(state: FlowState, shardIndex: number): Comparison {
  return state.world.plan.truth
    ? compareShardWithPostgres(state, shardIndex)
    : compareShardWithExpected(state, shardIndex);
}

/**
 * Compares PostgreSQL and Redis with the expected totals the clients computed (the sum of
 * every unique event's points): the "nothing lost, nothing counted twice" check. Every player
 * must be in exactly one shard, the one of its range, with the expected score. A design
 * without PostgreSQL is checked on Redis alone, one without Redis on PostgreSQL alone.
 * @returns mismatches and examples. O(players × shards).
 */
export function compareWithExpected(state: FlowState): Comparison {
  let mismatches = 0;
  const examples: string[] = [];
  const note = (text: string) => {
    mismatches++;
    if (examples.length < 5) examples.push(text);
  };
  const hasTruth = state.world.plan.truth !== null;
  for (let p = 0; p < state.config.players; p++) {
    const expected = state.expected[p] ?? 0;
    const pg = state.postgres.score[p] ?? 0;
    if (hasTruth && pg !== expected) {
      note(
        `player ${p}: PostgreSQL ${pg}, expected ${expected} (${pg > expected ? 'double-counted' : 'lost'} ${Math.abs(pg - expected)})`,
      );
      continue;
    }
    if (state.shards.length === 0) continue;
    const home = homeShard(state, p, expected);
    let copies = 0;
    for (const shard of state.shards) {
      if (shard.present[p] !== 1) continue;
      copies++;
      if (shard.index !== home || shard.score[p] !== expected) {
        const got = shard.score[p] ?? 0;
        note(
          shard.index === home
            ? `player ${p}: ${shardName(state, shard.index)} has ${got}, expected ${expected} (${got > expected ? 'double-counted' : 'lost'} ${Math.abs(got - expected)})`
            : `player ${p}: ${shardName(state, shard.index)} has ${got}, expected ${expected} in ${shardName(state, home)}`,
        );
      }
    }
    if (copies === 0)
      note(`player ${p}: missing from Redis (expected ${expected} in ${shardName(state, home)})`);
  }
  return { mismatches, examples };
}
