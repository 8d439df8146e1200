/**
 * The event-flow simulation: score events and leaderboard reads moving through a design given
 * as a topology (see `topology.ts`). Without a topology it runs the guide's sharded pipeline:
 * clients → API → Kafka (partitioned by player) → a consumer group → PostgreSQL (source of
 * truth) and Redis shards by score range, plus reads from Redis.
 *
 * Other designs change which steps happen: the API may write PostgreSQL and Redis itself (no
 * log), or only Redis with ZINCRBY (no source of truth); Redis may be one instance, a primary
 * with an asynchronously replicated replica, or shards by range or by hash; PostgreSQL may
 * have replicas it fails over to. Every player is modelled one by one (a scale model of the
 * real population), so a failure can be checked member by member against the clients' own
 * totals.
 *
 * Discrete time: `tickFlow` advances one fixed tick and mutates the state in place, because a
 * tick at 1,000 events/s must stay far below a millisecond. Determinism comes from the seeded
 * generator kept in the state: the same config, topology, seed and commands give the same run.
 */
import { fmix32, nextRandom, partitionFor, seedToState } from './random';
import {
  compileTopology,
  defaultConsumerNode,
  defaultShardNode,
  pipelineTopology,
  type PopulationBand,
  type SimPlan,
  type Topology,
} from './topology';
import type {
  ConsumerState,
  FlowCommand,
  FlowConfig,
  FlowSettings,
  FlowState,
  FlowWorld,
  Flight,
  KafkaRecord,
  LogLevel,
  NodeIndex,
  PartitionLog,
  PartitionState,
  ReplicaState,
  ShardState,
  TopKCacheState,
} from './types';

/** A small, legible scale model of the 100M-player system. */
export const defaultFlowConfig: FlowConfig = {
  seed: 1,
  tickMs: 100,
  players: 1000,
  partitions: 6,
  consumers: 3,
  shards: 4,
  consumerCapacity: 80,
  commitEveryTicks: 10,
  sessionTimeoutTicks: 30,
  rebalanceTicks: 2,
  reloadRowsPerTick: 100,
  replayRecordsPerTick: 400,
  throughputWindowTicks: 10,
  flightCapacity: 64,
  flightSamplesPerTick: 4,
  logCapacity: 200,
  topK: 10,
  replicaLagTicks: 1,
  failoverTicks: 15,
  pgReplicaLagTicks: 2,
  pgFailoverTicks: 30,
  pgRestartTicks: 40,
};

/**
 * Default settings. Retention is five simulated minutes: long enough that a drill started
 * on a fresh run can replay from offset 0, short enough that an open tab does not grow
 * without bound (a scale model of Kafka's default seven days).
 */
export const defaultFlowSettings: FlowSettings = {
  eventRate: 500,
  readRate: 200,
  traffic: 'uniform',
  retentionTicks: 3000,
  readFallback: 'fallback',
};

/** Highest event or read rate a reader can set: ten times what the consumers can absorb. */
const MAX_RATE = 20_000;
/** Largest points one score event can carry. */
const MAX_DELTA = 20;
/** Share of reads that ask for the top-K (the rest ask "around me"). */
const TOP_K_SHARE = 0.7;
/** Records a partition log has room for before it first grows. */
const INITIAL_LOG_CAPACITY = 1024;

/** Node id of consumer `i` in the default topology (the guide's diagrams). */
export const consumerNode = defaultConsumerNode;
/** Node id of Redis shard `k` in the default topology (shard 0 holds the lowest scores). */
export const shardNode = defaultShardNode;
/** Edge id used by the diagrams and the per-edge message counts. */
export const edgeId = (from: string, to: string): string => `${from}->${to}`;

/** Name of consumer `i` in narration. */
export const consumerName = (state: FlowState, i: number): string =>
  state.world.consumerNames[i] ?? consumerNode(i);
/** Name of shard `k` in narration. */
export const shardName = (state: FlowState, k: number): string =>
  state.world.shardNames[k] ?? shardNode(k);

/** Per-tick sampling budgets, so every stage of the pipeline shows some moving messages. */
interface TickContext {
  produceSamples: number;
  consumeSamples: number;
  readSamples: number;
  recoverySamples: number;
  /** Duplicates the consumer being processed skipped this tick (logged once per consumer). */
  skipped: number;
}

function random(state: FlowState): number {
  const [value, next] = nextRandom(state.rng);
  state.rng = next;
  return value;
}

/**
 * Shard whose score range holds `score`.
 * @returns an index in [0, bounds.length - 1). O(S) for S shards (S is small).
 */
export function shardFor(bounds: readonly number[], score: number): number {
  for (let k = bounds.length - 2; k > 0; k--) {
    if (score >= (bounds[k] ?? 0)) return k;
  }
  return 0;
}

/**
 * The shard a player belongs in: by score range, or by a hash of the player id (then a
 * player never moves between shards).
 * @returns a shard index, 0 when the design has one shard or none. O(S).
 */
export function homeShard(state: FlowState, player: number, score: number): number {
  const shards = state.shards.length;
  if (shards <= 1) return 0;
  if (state.world.plan.sharding === 'hash') return fmix32(player + 0x51ed) % shards;
  return shardFor(state.world.bounds, score);
}

/** The score the API routes a read by: PostgreSQL's row, or the clients' total without one. */
function knownScore(state: FlowState, player: number): number {
  return state.world.plan.truth
    ? (state.postgres.score[player] ?? 0)
    : (state.expected[player] ?? 0);
}

function validate(config: FlowConfig): void {
  const positive: (keyof FlowConfig)[] = [
    'tickMs',
    'players',
    'partitions',
    'consumers',
    'shards',
    'consumerCapacity',
    'commitEveryTicks',
    'sessionTimeoutTicks',
    'reloadRowsPerTick',
    'replayRecordsPerTick',
    'throughputWindowTicks',
    'flightCapacity',
    'logCapacity',
    'topK',
    'replicaLagTicks',
    'failoverTicks',
    'pgReplicaLagTicks',
    'pgFailoverTicks',
    'pgRestartTicks',
  ];
  for (const key of positive) {
    const v = config[key];
    if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${key} must be a positive integer`);
  }
  if (config.shards > config.players) throw new RangeError('more shards than players');
}

/** The node table: every role's node once, in a stable order (the default's is the guide's). */
function indexNodes(plan: SimPlan): { nodes: string[]; index: NodeIndex } {
  const nodes: string[] = [];
  const at = (id: string | null): number => {
    if (id === null) return -1;
    const i = nodes.indexOf(id);
    if (i >= 0) return i;
    nodes.push(id);
    return nodes.length - 1;
  };
  const clients = at(plan.clients);
  const writeFront = plan.writeFront.map(at);
  const readFront = plan.readFront.map(at);
  const writeApi = at(plan.writeApi);
  const readApi = at(plan.readApi);
  const log = at(plan.log);
  const truth = at(plan.truth);
  const router = at(plan.router);
  const consumers = plan.consumers.map(at);
  const shards = plan.shards.map(at);
  const truthRead = at(plan.reads.truthNode ?? plan.truth);
  const histogram = at(plan.reads.histogramNode);
  const topKCache = at(plan.reads.topKCache?.node ?? null);
  return {
    nodes,
    index: {
      clients,
      writeFront,
      readFront,
      writeApi,
      readApi,
      log,
      truth,
      truthRead,
      router,
      histogram,
      topKCache,
      consumers,
      shards,
    },
  };
}

/** Narration names: the node id when each instance has its own node, else `node #i`. */
function instanceNames(ids: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const id of ids) total.set(id, (total.get(id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return (total.get(id) ?? 1) > 1 ? `${id} #${n}` : id;
  });
}

/**
 * Where the player of a given activity rank sits in a population: ranks fill the bands from
 * the top (the most active player holds the highest score), each band's share of the players
 * in turn, spread evenly over its score range. The top band has no ceiling in the design; the
 * model spreads it up to twice its floor.
 * @returns the starting score and the player's relative activity. O(bands).
 */
export function placeInPopulation(
  bands: readonly PopulationBand[],
  rank: number,
  players: number,
): { score: number; activity: number } {
  const fromTop = (rank + 0.5) / players;
  let above = 0;
  for (let b = bands.length - 1; b >= 0; b--) {
    const band = bands[b];
    if (!band) continue;
    if (fromTop > above + band.share && b > 0) {
      above += band.share;
      continue;
    }
    const lo = band.minScore;
    const hi = bands[b + 1]?.minScore ?? Math.max(2 * lo, lo + 1000);
    const depth = Math.min(1, Math.max(0, (fromTop - above) / band.share));
    const score = Math.min(hi - 1, Math.max(lo, Math.floor(hi - depth * (hi - lo))));
    return { score, activity: band.activity };
  }
  return { score: 0, activity: 1 };
}

function buildWorld(
  config: FlowConfig,
  plan: SimPlan,
  state: { rng: number },
): {
  world: FlowWorld;
  initial: Float64Array;
} {
  const n = config.players;
  const draw = (): number => {
    const [v, next] = nextRandom(state.rng);
    state.rng = next;
    return v;
  };
  // Activity rank: a seeded permutation, so the most active player is not always player 0.
  const rankOf = new Int32Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  order.forEach((player, rank) => (rankOf[player] = rank));

  const activityCdf = new Float64Array(n);
  const initial = new Float64Array(n);
  let sum = 0;
  for (let p = 0; p < n; p++) {
    const rank = rankOf[p] ?? 0;
    if (plan.population) {
      // The design's players: the most active hold the top band, as in a real game.
      const { score, activity } = placeInPopulation(plan.population, rank, n);
      initial[p] = score;
      sum += activity;
    } else {
      sum += 1 / (rank + 1);
      // The players who play most have climbed highest: score falls with activity rank.
      initial[p] = Math.round(1_000_000 / Math.pow(rank + 1, 0.75)) + Math.floor(draw() * 100);
    }
    activityCdf[p] = sum;
  }
  for (let p = 0; p < n; p++) activityCdf[p] = (activityCdf[p] ?? 0) / sum;

  // The drawn bands when the design gives them; else ranges cut at member-count quantiles, so
  // every shard starts with the same number of players (the naive layout).
  const bounds: number[] = [0];
  if (plan.sharding === 'range' && plan.shardFloors) {
    bounds.push(...plan.shardFloors.slice(1));
  } else if (plan.sharding === 'range') {
    const sorted = Array.from(initial).sort((a, b) => a - b);
    for (let k = 1; k < config.shards; k++) {
      bounds.push(sorted[Math.floor((k * n) / config.shards)] ?? 0);
    }
  }
  bounds.push(Infinity);

  const { nodes, index } = indexNodes(plan);
  return {
    world: {
      activityCdf,
      bounds,
      nodes,
      plan,
      index,
      consumerNames: instanceNames(plan.consumers),
      shardNames: instanceNames(plan.shards).map((name, k) =>
        plan.shards[k] && name !== plan.shards[k] ? `${plan.shards[k]} shard ${k}` : name,
      ),
    },
    initial,
  };
}

function newShard(
  index: number,
  lo: number,
  hi: number,
  players: number,
  replicated: boolean,
): ShardState {
  return {
    index,
    lo,
    hi,
    status: 'up',
    present: new Uint8Array(players),
    score: new Float64Array(players),
    version: new Int32Array(players),
    size: 0,
    writes: 0,
    droppedWrites: 0,
    reads: 0,
    rebuild: null,
    diedAtTick: -1,
    lastRecoveryTicks: -1,
    lastRebuildError: null,
    replica: replicated
      ? {
          present: new Uint8Array(players),
          score: new Float64Array(players),
          version: new Int32Array(players),
          pending: [],
        }
      : null,
    lostOnFailover: 0,
  };
}

const emptyCounters = () => ({ served: 0, fallback: 0, failed: 0 });

/**
 * Creates a simulation at tick 0 for a topology (the guide's sharded pipeline by default,
 * sized by `config.partitions`, `consumers` and `shards`; a given topology decides those
 * three itself). Every player's starting score enters the way a score event would: through
 * the topic when there is one (offsets from 0, consumed and committed, so PostgreSQL is
 * exactly the fold of the log and a replay from offset 0 can rebuild it), else straight into
 * the stores the API writes.
 * @returns a fresh state. O(players + partitions). Throws RangeError on a non-positive
 * config number, more shards than players, or a topology with an error (its first message).
 */
export function createFlowState(
  config: Partial<FlowConfig> = {},
  settings: Partial<FlowSettings> = {},
  topology?: Topology,
): FlowState {
  const base: FlowConfig = { ...defaultFlowConfig, ...config };
  validate(base);
  const compiled = compileTopology(topology ?? pipelineTopology(base));
  const plan = compiled.plan;
  if (!plan) {
    const first = compiled.issues.find((i) => i.severity === 'error');
    throw new RangeError(`the design cannot run: ${first?.message ?? 'invalid topology'}`);
  }
  const full: FlowConfig = {
    ...base,
    partitions: plan.partitions,
    consumers: plan.consumers.length,
    shards: plan.shards.length,
  };
  if (full.shards > full.players) throw new RangeError('more shards than players');
  const seeded = { rng: seedToState(full.seed) };
  const { world, initial } = buildWorld(full, plan, seeded);
  const n = full.players;

  const partitions: PartitionState[] = Array.from({ length: full.partitions }, () => ({
    log: newLog(0, INITIAL_LOG_CAPACITY),
    end: 0,
    logStart: 0,
    committed: 0,
    appliedUpTo: 0,
    owner: -1,
  }));
  const consumers: ConsumerState[] = Array.from({ length: full.consumers }, (_, id) => ({
    id,
    alive: true,
    partitions: [],
    positions: new Array<number>(full.partitions).fill(0),
    diedAtTick: -1,
    processed: 0,
  }));
  const hashed = plan.sharding === 'hash';
  const shards = Array.from({ length: full.shards }, (_, k) =>
    newShard(
      k,
      hashed ? 0 : (world.bounds[k] ?? 0),
      hashed ? Infinity : (world.bounds[k + 1] ?? Infinity),
      n,
      plan.replicatedShards,
    ),
  );

  const state: FlowState = {
    config: full,
    world,
    // A design that says how its players play runs that play unless told otherwise.
    settings: {
      ...defaultFlowSettings,
      ...(plan.population ? { traffic: 'skewed' as const } : {}),
      ...settings,
    },
    tick: 0,
    rng: seeded.rng,
    nextEventId: 1,
    eventCarry: 0,
    readCarry: 0,
    duplicateBudget: 0,
    nextVersion: new Int32Array(n),
    expected: new Float64Array(n),
    partitions,
    consumers,
    group: { generation: 0, pausedUntilTick: 0, rebalancePending: false },
    postgres: {
      score: new Float64Array(n),
      version: new Int32Array(n),
      writes: 0,
      status: 'up',
      diedAtTick: -1,
      undo: [],
    },
    shards,
    throughput: new Float64Array(full.throughputWindowTicks * world.nodes.length),
    edgeCounts: new Float64Array(world.nodes.length * world.nodes.length),
    flights: [],
    nextFlightSeq: 1,
    log: [],
    readsDegraded: false,
    topKCache: plan.reads.topKCache ? { refreshedTick: -1, hits: 0, refreshes: 0, stale: 0 } : null,
    totals: {
      produced: 0,
      duplicatesProduced: 0,
      redelivered: 0,
      duplicatesSkipped: 0,
      expiredUnread: 0,
      writesRefused: 0,
      truthLostOnFailover: 0,
      topK: emptyCounters(),
      aroundMe: emptyCounters(),
    },
    drill: null,
  };

  const ctx = noSamples();
  for (let p = 0; p < n; p++) produce(state, ctx, p, initial[p] ?? 0, true);
  rebalance(state);
  state.group.pausedUntilTick = 0;
  for (const c of consumers) {
    for (const pi of c.partitions) consumePartition(state, ctx, c, pi, Infinity);
  }
  for (const part of partitions) part.committed = part.appliedUpTo;
  // The import is history, not traffic: start every counter the reader sees at zero.
  state.totals.produced = 0;
  state.postgres.writes = 0;
  state.postgres.undo = [];
  for (const c of consumers) c.processed = 0;
  for (const s of shards) {
    s.writes = 0;
    if (s.replica) {
      s.replica.present.set(s.present);
      s.replica.score.set(s.score);
      s.replica.version.set(s.version);
      s.replica.pending = [];
    }
  }
  state.throughput.fill(0);
  state.edgeCounts.fill(0);
  state.flights = [];
  if (plan.log) {
    const lastOffset = partitions.reduce((m, p) => Math.max(m, p.end), 0) - 1;
    addLog(
      state,
      'info',
      `Imported ${n} players' starting scores through the topic (offsets 0–${lastOffset} of ${full.partitions} partitions).`,
      plan.log,
    );
  } else {
    const stores = [plan.truth ? 'PostgreSQL' : null, plan.shards.length ? 'Redis' : null]
      .filter(Boolean)
      .join(' and ');
    addLog(state, 'info', `Loaded ${n} players' starting scores into ${stores}.`, plan.writeApi);
  }
  return state;
}

function noSamples(): TickContext {
  return { produceSamples: 0, consumeSamples: 0, readSamples: 0, recoverySamples: 0, skipped: 0 };
}

function freshContext(state: FlowState): TickContext {
  const n = state.config.flightSamplesPerTick;
  return { produceSamples: n, consumeSamples: n, readSamples: n, recoverySamples: n, skipped: 0 };
}

function addLog(state: FlowState, level: LogLevel, text: string, node: string | null): void {
  state.log.push({ tick: state.tick, level, text, node });
  if (state.log.length > state.config.logCapacity) state.log.shift();
}

/** Appends a narrated line to the log (drills use it). O(1) amortised. */
export function narrate(
  state: FlowState,
  text: string,
  level: LogLevel = 'info',
  node: string | null = null,
): void {
  addLog(state, level, text, node);
}

function count(state: FlowState, node: number, n = 1): void {
  if (node < 0) return;
  const row = state.tick % state.config.throughputWindowTicks;
  const i = row * state.world.nodes.length + node;
  state.throughput[i] = (state.throughput[i] ?? 0) + n;
}

const shardIndex = (state: FlowState, shard: number): number =>
  state.world.index.shards[shard] ?? -1;
const consumerIndex = (state: FlowState, consumer: number): number =>
  state.world.index.consumers[consumer] ?? -1;

function hop(
  state: FlowState,
  from: number,
  to: number,
  sample: boolean,
  kind: Flight['kind'],
  eventId: number,
  player: number,
  partition = -1,
): void {
  if (from < 0 || to < 0 || from === to) return;
  const nodes = state.world.nodes;
  const i = from * nodes.length + to;
  state.edgeCounts[i] = (state.edgeCounts[i] ?? 0) + 1;
  if (!sample) return;
  state.flights.push({
    seq: state.nextFlightSeq++,
    tick: state.tick,
    from: nodes[from] ?? '',
    to: nodes[to] ?? '',
    kind,
    eventId,
    player,
    partition,
  });
  if (state.flights.length > state.config.flightCapacity) state.flights.shift();
}

/** Hops from the clients through the front nodes (CDN, load balancer) to an API, counted. */
function enter(
  state: FlowState,
  front: readonly number[],
  api: number,
  sample: boolean,
  kind: Flight['kind'],
  eventId: number,
  player: number,
): void {
  let at = state.world.index.clients;
  for (const f of front) {
    hop(state, at, f, sample, kind, eventId, player);
    at = f;
  }
  hop(state, at, api, sample, kind, eventId, player);
}

function countEntry(state: FlowState, front: readonly number[], api: number): void {
  count(state, state.world.index.clients);
  for (const f of front) count(state, f);
  count(state, api);
}

/** The hop from a writer or reader to a shard: through the router when there is one. */
function toShard(
  state: FlowState,
  from: number,
  shard: number,
  sample: boolean,
  kind: Flight['kind'],
  eventId: number,
  player: number,
): void {
  const router = state.world.index.router;
  if (router >= 0) hop(state, router, shardIndex(state, shard), sample, kind, eventId, player);
  else hop(state, from, shardIndex(state, shard), sample, kind, eventId, player);
}

function pickPlayer(state: FlowState): number {
  const n = state.config.players;
  const r = random(state);
  if (state.settings.traffic === 'uniform') return Math.min(n - 1, Math.floor(r * n));
  const cdf = state.world.activityCdf;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] ?? 1) < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function newLog(base: number, capacity: number): PartitionLog {
  return {
    base,
    capacity,
    eventId: new Float64Array(capacity),
    player: new Int32Array(capacity),
    delta: new Int32Array(capacity),
    total: new Int32Array(capacity),
    version: new Int32Array(capacity),
    tick: new Int32Array(capacity),
    imported: new Uint8Array(capacity),
  };
}

/**
 * A larger log holding the readable records [logStart, end): growing is also when records
 * deleted by retention are dropped for good. The old log is left untouched for checkpoints.
 */
function growLog(old: PartitionLog, logStart: number, end: number): PartitionLog {
  const live = end - logStart;
  const log = newLog(logStart, Math.max(INITIAL_LOG_CAPACITY, live * 2));
  const from = logStart - old.base;
  const to = end - old.base;
  log.eventId.set(old.eventId.subarray(from, to));
  log.player.set(old.player.subarray(from, to));
  log.delta.set(old.delta.subarray(from, to));
  log.total.set(old.total.subarray(from, to));
  log.version.set(old.version.subarray(from, to));
  log.tick.set(old.tick.subarray(from, to));
  log.imported.set(old.imported.subarray(from, to));
  return log;
}

function append(
  state: FlowState,
  partition: number,
  eventId: number,
  player: number,
  delta: number,
  version: number,
  imported: boolean,
  total = 0,
): void {
  const part = state.partitions[partition];
  if (!part) return;
  if (part.end - part.log.base >= part.log.capacity) {
    part.log = growLog(part.log, part.logStart, part.end);
  }
  const log = part.log;
  const i = part.end - log.base;
  log.eventId[i] = eventId;
  log.player[i] = player;
  log.delta[i] = delta;
  log.total[i] = total;
  log.version[i] = version;
  log.tick[i] = state.tick;
  log.imported[i] = imported ? 1 : 0;
  part.end++;
}

/**
 * One record of a partition as an object.
 * @returns the record, or undefined when the offset is expired or not written yet. O(1).
 */
export function readRecord(part: PartitionState, offset: number): KafkaRecord | undefined {
  if (offset < part.logStart || offset >= part.end) return undefined;
  const log = part.log;
  const i = offset - log.base;
  return {
    offset,
    eventId: log.eventId[i] ?? 0,
    player: log.player[i] ?? 0,
    delta: log.delta[i] ?? 0,
    total: log.total[i] ?? 0,
    version: log.version[i] ?? 0,
    tick: log.tick[i] ?? 0,
    imported: log.imported[i] === 1,
  };
}

function produce(
  state: FlowState,
  ctx: TickContext,
  player: number,
  delta: number,
  imported: boolean,
): void {
  const { plan, index } = state.world;
  const version = (state.nextVersion[player] ?? 0) + 1;
  state.nextVersion[player] = version;
  const eventId = state.nextEventId++;
  state.expected[player] = (state.expected[player] ?? 0) + delta;
  const sample = ctx.produceSamples > 0;
  if (sample) ctx.produceSamples--;
  enter(state, index.writeFront, index.writeApi, sample, 'write', eventId, player);
  if (!plan.log) {
    state.totals.produced++;
    countEntry(state, index.writeFront, index.writeApi);
    const applied = writeDirect(state, ctx, player, delta, version, eventId, 'write', sample);
    if (!applied) {
      // The API answered with an error: the client knows this score was not saved.
      state.expected[player] = (state.expected[player] ?? 0) - delta;
      return;
    }
    if (state.duplicateBudget > 0 && !imported) {
      // The API timed out on the store's reply and applied the same event again.
      state.duplicateBudget--;
      state.totals.duplicatesProduced++;
      writeDirect(state, ctx, player, delta, version, eventId, 'duplicate', sample);
    }
    return;
  }
  if (plan.writes.outbox) {
    produceThroughOutbox(state, player, delta, version, eventId, imported, sample);
    return;
  }
  const partition = partitionFor(player, state.config.partitions);
  hop(state, index.writeApi, index.log, sample, 'write', eventId, player, partition);
  append(state, partition, eventId, player, delta, version, imported);
  state.totals.produced++;
  countEntry(state, index.writeFront, index.writeApi);
  count(state, index.log);
  if (state.duplicateBudget > 0 && !imported) {
    // The API timed out waiting for the broker's ack and sent the same event again.
    state.duplicateBudget--;
    state.totals.duplicatesProduced++;
    hop(state, index.writeApi, index.log, sample, 'duplicate', eventId, player, partition);
    append(state, partition, eventId, player, delta, version, imported);
    count(state, index.log);
  }
}

/**
 * PostgreSQL first: the API commits the score and an outbox row in one transaction, then a
 * relay publishes the committed row to the topic with the player's new total. While
 * PostgreSQL is down the API answers with an error and nothing reaches the log. A duplicate
 * here is the relay publishing a row twice (it crashed after sending, before marking the row
 * sent), the outbox's at-least-once delivery.
 */
function produceThroughOutbox(
  state: FlowState,
  player: number,
  delta: number,
  version: number,
  eventId: number,
  imported: boolean,
  sample: boolean,
): void {
  const { plan, index } = state.world;
  countEntry(state, index.writeFront, index.writeApi);
  if (state.postgres.status !== 'up') {
    state.totals.writesRefused++;
    state.expected[player] = (state.expected[player] ?? 0) - delta;
    return;
  }
  state.totals.produced++;
  applyTruth(state, player, delta, version, plan.writes.apiIdempotent);
  hop(state, index.writeApi, index.truth, sample, 'write', eventId, player);
  count(state, index.truth);
  const total = state.postgres.score[player] ?? 0;
  const partition = partitionFor(player, state.config.partitions);
  const copies = state.duplicateBudget > 0 && !imported ? 2 : 1;
  for (let copy = 0; copy < copies; copy++) {
    if (copy > 0) {
      state.duplicateBudget--;
      state.totals.duplicatesProduced++;
    }
    const kind = copy > 0 ? 'duplicate' : 'write';
    hop(state, index.truth, index.log, sample, kind, eventId, player, partition);
    append(state, partition, eventId, player, delta, version, imported, total);
    count(state, index.log);
  }
}

/**
 * The API writes the stores itself (no log): PostgreSQL first when there is one, then Redis
 * from its row; without PostgreSQL, Redis gets a ZINCRBY.
 * @returns false when the write was refused (the store it needs is down).
 */
function writeDirect(
  state: FlowState,
  ctx: TickContext,
  player: number,
  delta: number,
  version: number,
  eventId: number,
  kind: Flight['kind'],
  sample: boolean,
): boolean {
  const { plan, index } = state.world;
  const w = plan.writes;
  if (w.apiToTruth) {
    if (state.postgres.status !== 'up') {
      state.totals.writesRefused++;
      return false;
    }
    const applied = applyTruth(state, player, delta, version, w.apiIdempotent);
    hop(state, index.writeApi, index.truth, sample, kind, eventId, player);
    if (applied) count(state, index.truth);
    if (w.apiToCache) {
      writeRedis(state, ctx, index.writeApi, player, eventId, applied ? kind : 'duplicate');
    }
    return true;
  }
  if (w.apiToCache) {
    return incrementRedis(
      state,
      ctx,
      index.writeApi,
      player,
      delta,
      version,
      w.apiIdempotent,
      eventId,
      kind,
    );
  }
  return true;
}

/**
 * Applies a score change to PostgreSQL's row, remembering the old row while replicas may not
 * have it yet. With `idempotent`, a version at or below the row's is a duplicate and skipped.
 * @returns true when the row changed.
 */
function applyTruth(
  state: FlowState,
  player: number,
  delta: number,
  version: number,
  idempotent: boolean,
): boolean {
  const pg = state.postgres;
  const current = pg.version[player] ?? 0;
  if (idempotent && version <= current) {
    state.totals.duplicatesSkipped++;
    return false;
  }
  // A synchronous standby has every committed row: a failover loses none, so keep no undo.
  if (state.world.plan.truthReplicas > 0 && !state.world.plan.truthSynchronous) {
    pg.undo.push({ tick: state.tick, player, score: pg.score[player] ?? 0, version: current });
  }
  pg.score[player] = (pg.score[player] ?? 0) + delta;
  pg.version[player] = Math.max(current, version);
  pg.writes++;
  return true;
}

/** Sets one member of a shard (or removes it), keeping its size and its replica's backlog. */
function setMember(
  state: FlowState,
  shard: ShardState,
  player: number,
  present: boolean,
  score: number,
  version: number,
): void {
  const was = shard.present[player] === 1;
  if (was !== present) shard.size += present ? 1 : -1;
  shard.present[player] = present ? 1 : 0;
  if (present) {
    shard.score[player] = score;
    shard.version[player] = version;
  }
  shard.replica?.pending.push({
    tick: state.tick,
    player,
    present: present ? 1 : 0,
    score: present ? score : 0,
    version: present ? version : 0,
  });
}

/**
 * Copies the player's PostgreSQL row to the Redis shard of its score range, removing it from
 * the shard of its old range. Writing the absolute score with its version (never a ZINCRBY)
 * makes the write idempotent: a redelivered event repairs Redis instead of adding twice.
 */
function writeRedis(
  state: FlowState,
  ctx: TickContext,
  from: number,
  player: number,
  eventId: number,
  kind: Flight['kind'],
): void {
  const score = state.postgres.score[player] ?? 0;
  const version = state.postgres.version[player] ?? 0;
  placeMember(state, ctx, from, player, score, version, true, eventId, kind);
}

/**
 * A ZINCRBY on the player's member (optionally refusing a version already applied, as a Lua
 * script comparing a stored version would). Without a log or a source of truth, a write to a
 * shard that is down is refused: Redis is the only place the score could go.
 * @returns false when refused.
 */
function incrementRedis(
  state: FlowState,
  ctx: TickContext,
  from: number,
  player: number,
  delta: number,
  version: number,
  idempotent: boolean,
  eventId: number,
  kind: Flight['kind'],
): boolean {
  const plan = state.world.plan;
  let current = 0;
  let stored = 0;
  for (const shard of state.shards) {
    if (shard.present[player] !== 1) continue;
    current = shard.score[player] ?? 0;
    stored = shard.version[player] ?? 0;
  }
  const score = current + delta;
  const target = state.shards[homeShard(state, player, score)];
  if (
    target &&
    target.status !== 'up' &&
    target.status !== 'empty' &&
    target.status !== 'rebuilding'
  ) {
    if (!plan.truth && !plan.log) {
      state.totals.writesRefused++;
      target.droppedWrites++;
      return false;
    }
  }
  if (idempotent && version <= stored) {
    state.totals.duplicatesSkipped++;
    return true;
  }
  placeMember(state, ctx, from, player, score, Math.max(stored, version), false, eventId, kind);
  return true;
}

/**
 * Puts the player's member with `score` in its home shard and removes it from any other.
 * `checkVersion` skips the write when the home shard already holds this version or a newer one.
 */
function placeMember(
  state: FlowState,
  ctx: TickContext,
  from: number,
  player: number,
  score: number,
  version: number,
  checkVersion: boolean,
  eventId: number,
  kind: Flight['kind'],
): void {
  const router = state.world.index.router;
  const target = homeShard(state, player, score);
  const sample = ctx.consumeSamples > 0;
  let routed = false;
  for (const shard of state.shards) {
    if (shard.index === target || shard.present[player] !== 1) continue;
    if (!routed) {
      routed = true;
      hop(state, from, router, sample, kind, eventId, player);
      count(state, router);
    }
    setMember(state, shard, player, false, 0, 0);
    shard.writes++;
    count(state, shardIndex(state, shard.index));
    toShard(state, from, shard.index, sample, kind, eventId, player);
  }
  const shard = state.shards[target];
  if (!shard) return;
  if (checkVersion && shard.present[player] === 1 && (shard.version[player] ?? 0) >= version) {
    return;
  }
  if (!routed) {
    hop(state, from, router, sample, kind, eventId, player);
    count(state, router);
  }
  if (shard.status === 'down' || shard.status === 'failover') {
    shard.droppedWrites++;
    return;
  }
  setMember(state, shard, player, true, score, version);
  shard.writes++;
  count(state, shardIndex(state, shard.index));
  toShard(state, from, shard.index, sample, kind, eventId, player);
}

/**
 * A consumer of an outbox topic writes the event's committed total to Redis, as ZADD GT with
 * the composite score does: a version at or below the one Redis holds for the player
 * (wherever the player sits) is a duplicate and skipped; otherwise the member is placed in
 * the shard of its new total and removed from its old one.
 * @returns false when skipped. O(shards).
 */
function setAbsolute(
  state: FlowState,
  ctx: TickContext,
  from: number,
  player: number,
  total: number,
  version: number,
  eventId: number,
): boolean {
  let stored = 0;
  for (const shard of state.shards) {
    if (shard.present[player] === 1) stored = Math.max(stored, shard.version[player] ?? 0);
  }
  if (version <= stored) {
    state.totals.duplicatesSkipped++;
    return false;
  }
  placeMember(state, ctx, from, player, total, version, false, eventId, 'write');
  return true;
}

/** Applies one record: PostgreSQL first (the truth), then Redis from PostgreSQL's row. */
function apply(
  state: FlowState,
  ctx: TickContext,
  consumer: ConsumerState,
  part: PartitionState,
  offset: number,
): boolean {
  const { plan, index } = state.world;
  const w = plan.writes;
  const log = part.log;
  const i = offset - log.base;
  const p = log.player[i] ?? 0;
  const eventId = log.eventId[i] ?? 0;
  const version = log.version[i] ?? 0;
  const delta = log.delta[i] ?? 0;
  const node = consumerIndex(state, consumer.id);
  const redelivery = offset < part.appliedUpTo;
  if (redelivery) state.totals.redelivered++;
  const sample = ctx.consumeSamples > 0;
  if (sample) ctx.consumeSamples--;
  consumer.processed++;
  count(state, node);
  hop(state, index.log, node, sample, redelivery ? 'redelivery' : 'write', eventId, p);
  if (w.outbox) {
    if (!w.consumersToCache) return true;
    return setAbsolute(state, ctx, node, p, log.total[i] ?? 0, version, eventId);
  }
  if (!w.consumersToTruth) {
    if (!w.consumersToCache) return true;
    const skippedBefore = state.totals.duplicatesSkipped;
    incrementRedis(state, ctx, node, p, delta, version, w.consumersIdempotent, eventId, 'write');
    return state.totals.duplicatesSkipped === skippedBefore;
  }
  if (!applyTruth(state, p, delta, version, w.consumersIdempotent)) {
    // Already applied (a producer retry or a redelivery): skip the row, repair Redis if needed.
    if (w.consumersToCache) writeRedis(state, ctx, node, p, eventId, 'duplicate');
    return false;
  }
  count(state, index.truth);
  hop(state, node, index.truth, sample, 'write', eventId, p);
  if (w.consumersToCache) writeRedis(state, ctx, node, p, eventId, 'write');
  return true;
}

/** Consumes up to `max` records of one partition; returns how many it read. */
function consumePartition(
  state: FlowState,
  ctx: TickContext,
  consumer: ConsumerState,
  pi: number,
  max: number,
): number {
  const part = state.partitions[pi];
  if (!part) return 0;
  // PostgreSQL is down: the consumer's transaction cannot commit, so it waits (the log keeps
  // the records meanwhile).
  if (state.world.plan.writes.consumersToTruth && state.postgres.status !== 'up') return 0;
  let pos = consumer.positions[pi] ?? part.committed;
  if (pos < part.logStart) {
    // Kafka's auto.offset.reset=earliest: the records in between are gone for good.
    const lost = part.logStart - Math.max(pos, part.appliedUpTo);
    if (lost > 0) {
      state.totals.expiredUnread += lost;
      part.appliedUpTo = part.logStart;
      addLog(
        state,
        'error',
        `${consumerName(state, consumer.id)} fell behind retention on partition ${pi}: ${lost} records were deleted before anyone applied them. Those scores are lost.`,
        state.world.plan.consumers[consumer.id] ?? null,
      );
    }
    pos = part.logStart;
  }
  let n = 0;
  let skipped = 0;
  while (n < max && pos < part.end) {
    if (!apply(state, ctx, consumer, part, pos)) skipped++;
    pos++;
    n++;
    if (pos > part.appliedUpTo) part.appliedUpTo = pos;
  }
  consumer.positions[pi] = pos;
  ctx.skipped += skipped;
  return n;
}

/**
 * Reassigns partitions round-robin over the live consumers (eager protocol: everybody commits
 * and gives up its partitions first). A dead consumer's uncommitted progress is lost, so its
 * partitions restart from the committed offsets: at-least-once delivery.
 */
function rebalance(state: FlowState): void {
  for (const c of state.consumers) {
    if (!c.alive) continue;
    for (const pi of c.partitions) {
      const part = state.partitions[pi];
      if (part) part.committed = c.positions[pi] ?? part.committed;
    }
  }
  const live = state.consumers.filter((c) => c.alive);
  for (const c of state.consumers) c.partitions = [];
  state.partitions.forEach((part, pi) => {
    const owner = live[pi % Math.max(1, live.length)];
    if (!owner || live.length === 0) {
      part.owner = -1;
      return;
    }
    owner.partitions.push(pi);
    owner.positions[pi] = part.committed;
    part.owner = owner.id;
  });
  state.group.generation++;
  state.group.rebalancePending = false;
  state.group.pausedUntilTick = state.tick + state.config.rebalanceTicks;
  if (state.tick === 0) return;
  const plan = live
    .map((c) => `${consumerName(state, c.id)} ← [${c.partitions.join(', ')}]`)
    .join('; ');
  addLog(
    state,
    live.length ? 'warn' : 'error',
    live.length
      ? `Group rebalanced (generation ${state.group.generation}): ${plan}. Consumption pauses ${state.config.rebalanceTicks * state.config.tickMs} ms and resumes from the committed offsets.`
      : `Group rebalanced with no live consumer: every partition is unowned and lag grows.`,
    state.world.plan.log,
  );
}

function applyRetention(state: FlowState): void {
  const keep = state.settings.retentionTicks;
  if (keep === null) return;
  const cutoff = state.tick - keep;
  state.partitions.forEach((part) => {
    let start = part.logStart;
    const ticks = part.log.tick;
    const base = part.log.base;
    while (start < part.end && (ticks[start - base] ?? Infinity) < cutoff) start++;
    part.logStart = start;
  });
}

function coordinate(state: FlowState): void {
  for (const c of state.consumers) {
    if (
      !c.alive &&
      c.partitions.length > 0 &&
      state.tick - c.diedAtTick >= state.config.sessionTimeoutTicks
    ) {
      addLog(
        state,
        'warn',
        `Coordinator: no heartbeat from ${consumerName(state, c.id)} for ${state.config.sessionTimeoutTicks * state.config.tickMs} ms (session timeout); it is out of the group.`,
        state.world.plan.consumers[c.id] ?? null,
      );
      state.group.rebalancePending = true;
    }
  }
  if (state.group.rebalancePending) rebalance(state);
}

function consumeAll(state: FlowState, ctx: TickContext): void {
  if (state.tick < state.group.pausedUntilTick) return;
  const cap = state.config.consumerCapacity;
  for (const c of state.consumers) {
    if (!c.alive || c.partitions.length === 0) continue;
    // A fair share per partition first, then the leftover capacity in order.
    const share = Math.max(1, Math.floor(cap / c.partitions.length));
    let budget = cap;
    for (const pi of c.partitions) {
      if (budget <= 0) break;
      budget -= consumePartition(state, ctx, c, pi, Math.min(share, budget));
    }
    for (const pi of c.partitions) {
      if (budget <= 0) break;
      budget -= consumePartition(state, ctx, c, pi, budget);
    }
    if (ctx.skipped > 0) {
      addLog(
        state,
        'ok',
        `${consumerName(state, c.id)} skipped ${ctx.skipped} duplicate${ctx.skipped === 1 ? '' : 's'}: ${state.world.plan.writes.consumersToTruth ? 'PostgreSQL' : 'Redis'} had already applied those versions.`,
        state.world.plan.consumers[c.id] ?? null,
      );
      ctx.skipped = 0;
    }
  }
  if (state.tick % state.config.commitEveryTicks === 0) {
    for (const c of state.consumers) {
      if (!c.alive) continue;
      for (const pi of c.partitions) {
        const part = state.partitions[pi];
        if (part) part.committed = c.positions[pi] ?? part.committed;
      }
    }
  }
}

/** Whether a player with `score` belongs in `shard` (its range, or its hash). */
function belongs(state: FlowState, shard: ShardState, player: number, score: number): boolean {
  if (state.world.plan.sharding === 'hash' && state.shards.length > 1) {
    return homeShard(state, player, score) === shard.index;
  }
  return score >= shard.lo && score < shard.hi;
}

const rangeText = (state: FlowState, shard: ShardState): string =>
  state.world.plan.sharding === 'hash' && state.shards.length > 1
    ? `hash slot ${shard.index} of ${state.shards.length}`
    : `scores [${shard.lo}, ${shard.hi === Infinity ? '∞' : shard.hi})`;

function finishRebuild(state: FlowState, shard: ShardState): void {
  const rebuild = shard.rebuild;
  if (!rebuild) return;
  shard.status = 'up';
  shard.lastRecoveryTicks = state.tick - rebuild.startedTick;
  shard.rebuild = null;
  const secs = (ms: number) => (ms / 1000).toFixed(1);
  addLog(
    state,
    'ok',
    `${shardName(state, shard.index)} is serving again: ${rebuild.source === 'kafka' ? `replayed ${rebuild.done} records from offset ${rebuild.replayFrom}` : `reloaded ${rebuild.done} PostgreSQL rows`} in ${secs(shard.lastRecoveryTicks * state.config.tickMs)} s (outage ${secs((state.tick - shard.diedAtTick) * state.config.tickMs)} s).`,
    state.world.plan.shards[shard.index] ?? null,
  );
}

function progressReload(state: FlowState, ctx: TickContext, shard: ShardState): void {
  const rebuild = shard.rebuild;
  if (!rebuild) return;
  if (state.postgres.status !== 'up') return;
  const { index } = state.world;
  const n = state.config.players;
  const stop = Math.min(n, rebuild.cursor + state.config.reloadRowsPerTick);
  const node = shardIndex(state, shard.index);
  const from = index.router >= 0 ? index.router : index.truth;
  for (let p = rebuild.cursor; p < stop; p++) {
    const score = state.postgres.score[p] ?? 0;
    const version = state.postgres.version[p] ?? 0;
    if (!belongs(state, shard, p, score)) {
      // A member left behind by a failover whose move out of this range was lost.
      if (shard.present[p] === 1) setMember(state, shard, p, false, 0, 0);
      continue;
    }
    // Live writes keep landing during the reload; never overwrite a newer version.
    if (shard.present[p] === 1 && (shard.version[p] ?? 0) >= version) continue;
    setMember(state, shard, p, true, score, version);
    shard.writes++;
    const sample = ctx.recoverySamples > 0;
    if (sample) ctx.recoverySamples--;
    hop(state, index.truth, index.router, sample, 'reload', -1, p);
    hop(state, from, node, sample, 'reload', -1, p);
    count(state, index.truth);
    count(state, shardIndex(state, shard.index));
  }
  rebuild.cursor = stop;
  rebuild.done = stop;
  if (stop >= n) finishRebuild(state, shard);
}

function progressReplay(state: FlowState, ctx: TickContext, shard: ShardState): void {
  const rebuild = shard.rebuild;
  if (!rebuild || !rebuild.foldScore || !rebuild.foldVersion) return;
  const { index } = state.world;
  const foldScore = rebuild.foldScore;
  const foldVersion = rebuild.foldVersion;
  let budget = state.config.replayRecordsPerTick;
  let remaining = 0;
  const replayTo = index.router >= 0 ? index.router : shardIndex(state, shard.index);
  for (let pi = 0; pi < state.partitions.length; pi++) {
    const part = state.partitions[pi];
    if (!part) continue;
    let pos = rebuild.replayPositions[pi] ?? 0;
    if (pos < part.logStart) {
      shard.rebuild = null;
      shard.status = 'empty';
      shard.lastRebuildError = `retention deleted partition ${pi} up to offset ${part.logStart} before the replay read it`;
      addLog(
        state,
        'error',
        `Replay into ${shardName(state, shard.index)} failed: ${shard.lastRebuildError}.`,
        state.world.plan.shards[shard.index] ?? null,
      );
      return;
    }
    // Replay only what PostgreSQL has applied, so the rebuilt shard matches it exactly.
    const log = part.log;
    while (budget > 0 && pos < part.appliedUpTo) {
      const i = pos - log.base;
      const player = log.player[i] ?? 0;
      const version = log.version[i] ?? 0;
      if (version > (foldVersion[player] ?? 0)) {
        foldScore[player] = (foldScore[player] ?? 0) + (log.delta[i] ?? 0);
        foldVersion[player] = version;
      }
      const sample = ctx.recoverySamples > 0;
      if (sample) ctx.recoverySamples--;
      hop(state, index.log, replayTo, sample, 'replay', log.eventId[i] ?? 0, player, pi);
      pos++;
      budget--;
      rebuild.done++;
    }
    rebuild.replayPositions[pi] = pos;
    remaining += part.appliedUpTo - pos;
  }
  rebuild.total = rebuild.done + remaining;
  count(state, index.log, state.config.replayRecordsPerTick - budget);
  if (remaining > 0) return;
  // Caught up with PostgreSQL: swap the rebuilt range in at once (like RENAME of a built key).
  let size = 0;
  for (let p = 0; p < state.config.players; p++) {
    const v = foldVersion[p] ?? 0;
    const score = foldScore[p] ?? 0;
    const inRange = v > 0 && belongs(state, shard, p, score);
    if (inRange) size++;
    if ((shard.present[p] === 1) !== inRange || (inRange && shard.score[p] !== score)) {
      shard.replica?.pending.push({
        tick: state.tick,
        player: p,
        present: inRange ? 1 : 0,
        score: inRange ? score : 0,
        version: inRange ? v : 0,
      });
    }
    shard.present[p] = inRange ? 1 : 0;
    shard.score[p] = inRange ? score : 0;
    shard.version[p] = inRange ? v : 0;
  }
  shard.size = size;
  shard.writes += shard.size;
  hop(
    state,
    index.router,
    shardIndex(state, shard.index),
    ctx.recoverySamples > 0,
    'replay',
    -1,
    -1,
  );
  count(state, shardIndex(state, shard.index), shard.size);
  finishRebuild(state, shard);
}

/** Shards a top-K read needs, from the top, or null at the first one not serving. */
function topKRoute(state: FlowState): number[] | null {
  if (state.world.plan.sharding === 'hash' && state.shards.length > 1) {
    // Scatter-gather: every shard's own top-K, merged by the API.
    return state.shards.every((s) => s.status === 'up') ? state.shards.map((s) => s.index) : null;
  }
  const used: number[] = [];
  let members = 0;
  for (let k = state.shards.length - 1; k >= 0; k--) {
    const shard = state.shards[k];
    if (!shard || shard.status !== 'up') return null;
    used.push(k);
    members += shard.size;
    if (members >= state.config.topK) break;
  }
  return used;
}

/**
 * Shards an around-me read needs. With range shards, only the player's own (ZREVRANK): the
 * API knows the player's score (the lookup, or the write response) and adds the member
 * counts of the shards above, which it polls once a second (`pollShardCounts`), so the rank
 * is exact even while a higher shard is lost. With hash sharding every shard is asked (a
 * ZCOUNT of higher scores in each), the player's own first.
 */
function aroundMeRoute(state: FlowState, player: number): number[] | null {
  const own = homeShard(state, player, knownScore(state, player));
  const hashed = state.world.plan.sharding === 'hash' && state.shards.length > 1;
  if (!hashed) return state.shards[own]?.status === 'up' ? [own] : null;
  if (state.shards.some((s) => s.status !== 'up')) return null;
  return [own, ...state.shards.map((s) => s.index).filter((k) => k !== own)];
}

/**
 * Once a simulated second, the API polls every serving range shard's ZCARD: the cached
 * counts an exact rank adds for the shards above the player's own (one read per shard per
 * API server per second, however many ranks are asked). O(S).
 */
function pollShardCounts(state: FlowState): void {
  const plan = state.world.plan;
  const perSecond = Math.max(1, Math.round(1000 / state.config.tickMs));
  if (plan.sharding !== 'range' || state.shards.length < 2 || !plan.reads.fromCache) return;
  if (state.tick % perSecond !== 0) return;
  for (const shard of state.shards) {
    if (shard.status !== 'up') continue;
    shard.reads++;
    count(state, shardIndex(state, shard.index));
    toShard(state, state.world.index.readApi, shard.index, false, 'read', -1, -1);
  }
}

/**
 * Which store serves a read right now: Redis when every shard it needs is up; else, with the
 * fallback setting on, the design's fallback: the histogram's approximate rank for an
 * around-me read (the guide's design: the player's score against the last snapshot's bucket
 * counts), or PostgreSQL where the design reads it; else nothing. A top-K read has no
 * approximate answer: the histogram holds counts, not members. A design that reads only
 * PostgreSQL gets 'postgres' while it is up.
 * @returns the shards used, or 'histogram' / 'postgres' / 'unavailable'. O(S).
 */
export function routeRead(
  state: FlowState,
  read: { kind: 'top-k' } | { kind: 'around-me'; player: number },
): number[] | 'histogram' | 'postgres' | 'unavailable' {
  const plan = state.world.plan;
  const truthUp = state.postgres.status === 'up';
  if (!plan.reads.fromCache || state.shards.length === 0) {
    return plan.reads.fromTruth !== 'none' && truthUp ? 'postgres' : 'unavailable';
  }
  const route = read.kind === 'top-k' ? topKRoute(state) : aroundMeRoute(state, read.player);
  if (route) return route;
  if (state.settings.readFallback === 'fail') return 'unavailable';
  if (read.kind === 'around-me' && plan.reads.histogramNode !== null) return 'histogram';
  return truthUp && plan.reads.fromTruth === 'fallback' ? 'postgres' : 'unavailable';
}

/** What the log says when reads start falling back, for a design that has a fallback. */
function fallbackWords(plan: SimPlan): string {
  const topK = plan.reads.topKCache
    ? 'top-K reads get the cache’s last list, marked stale, until the shard serves again'
    : 'top-K reads that need that shard fail';
  return plan.reads.histogramNode !== null
    ? `Players whose own shard is not serving now get an approximate rank from the histogram (marked approximate); ${topK}; every other player’s rank stays exact.`
    : 'Reads that need a shard that is not serving now fall back to PostgreSQL (an indexed ORDER BY score, far slower per read).';
}

/** A read the API sends to the shards of a route, through the router when there is one. */
function readShards(
  state: FlowState,
  from: number,
  route: readonly number[],
  sample: boolean,
  player: number,
): void {
  const router = state.world.index.router;
  hop(state, from, router, sample, 'read', -1, player);
  count(state, router);
  for (const k of route) {
    const shard = state.shards[k];
    if (!shard) continue;
    shard.reads++;
    count(state, shardIndex(state, k));
    toShard(state, from, k, sample, 'read', -1, player);
  }
}

/**
 * A top-K read through the API's cache: a list younger than the TTL answers it; an older one
 * is refreshed from the shards first (one refresh, however many reads wait for it: request
 * coalescing). When the shards cannot answer, the last list is served, marked stale, until
 * they can; before any list exists, or with the fallback off, the read fails.
 * @returns how the read was answered. O(S) on a refresh, else O(1).
 */
function readThroughCache(
  state: FlowState,
  cache: TopKCacheState,
  ttlSeconds: number,
  sample: boolean,
): 'served' | 'stale' | 'failed' {
  const { index } = state.world;
  hop(state, index.readApi, index.topKCache, sample, 'read', -1, -1);
  count(state, index.topKCache);
  const ttlTicks = Math.max(1, Math.round((ttlSeconds * 1000) / state.config.tickMs));
  if (cache.refreshedTick >= 0 && state.tick - cache.refreshedTick < ttlTicks) {
    cache.hits++;
    return 'served';
  }
  const route = routeRead(state, { kind: 'top-k' });
  if (Array.isArray(route)) {
    cache.refreshedTick = state.tick;
    cache.refreshes++;
    readShards(state, index.topKCache, route, sample, -1);
    return 'served';
  }
  if (cache.refreshedTick >= 0 && state.settings.readFallback !== 'fail') {
    cache.stale++;
    return 'stale';
  }
  return 'failed';
}

function serveReads(state: FlowState, ctx: TickContext): void {
  const { plan, index } = state.world;
  const exact = state.readCarry + (state.settings.readRate * state.config.tickMs) / 1000;
  // The epsilon absorbs float drift (0.3 × 10 must make 3 reads, not 2).
  const n = Math.floor(exact + 1e-9);
  state.readCarry = Math.max(0, exact - n);
  const primaryTruth = !plan.reads.fromCache || state.shards.length === 0;
  let degraded = false;
  for (let i = 0; i < n; i++) {
    const topK = random(state) < TOP_K_SHARE;
    const player = Math.min(
      state.config.players - 1,
      Math.floor(random(state) * state.config.players),
    );
    const counters = topK ? state.totals.topK : state.totals.aroundMe;
    const sample = ctx.readSamples > 0;
    if (sample) ctx.readSamples--;
    enter(state, index.readFront, index.readApi, sample, 'read', -1, player);
    countEntry(state, index.readFront, index.readApi);
    if (topK && state.topKCache && plan.reads.topKCache) {
      const answer = readThroughCache(
        state,
        state.topKCache,
        plan.reads.topKCache.ttlSeconds,
        sample,
      );
      if (answer === 'served') counters.served++;
      else {
        degraded = true;
        if (answer === 'stale') counters.fallback++;
        else counters.failed++;
      }
      continue;
    }
    const route = routeRead(state, topK ? { kind: 'top-k' } : { kind: 'around-me', player });
    if (route === 'postgres') {
      if (primaryTruth) counters.served++;
      else {
        degraded = true;
        counters.fallback++;
      }
      hop(
        state,
        index.readApi,
        index.truthRead,
        sample,
        primaryTruth ? 'read' : 'fallback',
        -1,
        player,
      );
      count(state, index.truthRead);
    } else if (route === 'histogram') {
      degraded = true;
      counters.fallback++;
      hop(state, index.readApi, index.histogram, sample, 'fallback', -1, player);
      count(state, index.histogram);
    } else if (route === 'unavailable') {
      degraded = true;
      counters.failed++;
    } else {
      counters.served++;
      readShards(state, index.readApi, route, sample, player);
    }
  }
  if (degraded !== state.readsDegraded && n > 0) {
    state.readsDegraded = degraded;
    const fallsBack =
      state.settings.readFallback === 'fallback' &&
      (plan.reads.histogramNode !== null || plan.reads.fromTruth === 'fallback');
    addLog(
      state,
      degraded ? 'warn' : 'ok',
      degraded
        ? primaryTruth
          ? 'PostgreSQL is not answering: leaderboard reads fail.'
          : fallsBack
            ? fallbackWords(plan)
            : 'Reads that need a shard that is not serving now fail.'
        : primaryTruth
          ? 'PostgreSQL answers reads again.'
          : 'Every read is served from Redis again.',
      plan.readApi,
    );
  }
}

/** Applies the replicas' backlog older than the lag, then any failover or restart that is due. */
function progressReplication(state: FlowState): void {
  const lagCut = state.tick - state.config.replicaLagTicks;
  for (const shard of state.shards) {
    const replica = shard.replica;
    if (replica && shard.status !== 'failover' && shard.status !== 'down') {
      let done = 0;
      for (const w of replica.pending) {
        if (w.tick > lagCut) break;
        replica.present[w.player] = w.present;
        replica.score[w.player] = w.score;
        replica.version[w.player] = w.version;
        done++;
      }
      if (done) replica.pending.splice(0, done);
    }
    if (
      shard.status === 'failover' &&
      state.tick - shard.diedAtTick >= state.config.failoverTicks
    ) {
      promoteReplica(state, shard);
    }
  }
  const pg = state.postgres;
  if (state.world.plan.truthReplicas > 0 && pg.status === 'up') {
    const cut = state.tick - state.config.pgReplicaLagTicks;
    let drop = 0;
    while (drop < pg.undo.length && (pg.undo[drop]?.tick ?? 0) <= cut) drop++;
    if (drop) pg.undo.splice(0, drop);
  }
  if (pg.status === 'failover' && state.tick - pg.diedAtTick >= state.config.pgFailoverTicks) {
    promotePostgres(state);
  }
  if (pg.status === 'down' && state.tick - pg.diedAtTick >= state.config.pgRestartTicks) {
    pg.status = 'up';
    addLog(
      state,
      'ok',
      `PostgreSQL restarted and replayed its write-ahead log: every committed row is back after ${((state.config.pgRestartTicks * state.config.tickMs) / 1000).toFixed(1)} s.`,
      state.world.plan.truth,
    );
  }
}

function promoteReplica(state: FlowState, shard: ShardState): void {
  const replica = shard.replica;
  if (!replica) return;
  const lost = replica.pending.length;
  shard.present.set(replica.present);
  shard.score.set(replica.score);
  shard.version.set(replica.version);
  let size = 0;
  for (let p = 0; p < shard.present.length; p++) size += shard.present[p] ?? 0;
  shard.size = size;
  replica.pending = [];
  shard.status = 'up';
  shard.lostOnFailover += lost;
  shard.lastRecoveryTicks = state.tick - shard.diedAtTick;
  addLog(
    state,
    lost ? 'warn' : 'ok',
    `${shardName(state, shard.index)}: the replica was promoted after ${((shard.lastRecoveryTicks * state.config.tickMs) / 1000).toFixed(1)} s. ${lost} write${lost === 1 ? '' : 's'} from the last ${state.config.replicaLagTicks * state.config.tickMs} ms had not reached it (asynchronous replication).`,
    state.world.plan.shards[shard.index] ?? null,
  );
}

function promotePostgres(state: FlowState): void {
  const pg = state.postgres;
  const lost = pg.undo.length;
  for (let i = pg.undo.length - 1; i >= 0; i--) {
    const u = pg.undo[i];
    if (!u) continue;
    pg.score[u.player] = u.score;
    pg.version[u.player] = u.version;
  }
  pg.undo = [];
  pg.status = 'up';
  state.totals.truthLostOnFailover += lost;
  addLog(
    state,
    lost ? 'warn' : 'ok',
    state.world.plan.truthSynchronous
      ? 'PostgreSQL: the synchronous standby was promoted to primary. Every commit had waited for it, so no committed row is missing.'
      : `PostgreSQL: a replica was promoted to primary. ${lost} committed row change${lost === 1 ? '' : 's'} from the last ${state.config.pgReplicaLagTicks * state.config.tickMs} ms had not been streamed to it and are gone from the database.`,
    state.world.plan.truth,
  );
}

/**
 * Advances the simulation by one tick, in place: retention, replication, clients produce, the
 * group coordinator, consumers apply and commit, shard rebuilds progress, reads are served.
 * @returns the same state object. Cost O(events + reads + rebuild batch) per tick; at 1,000
 * events/s (100 per tick) it is a few tens of microseconds.
 */
export function tickFlow(state: FlowState): FlowState {
  state.tick++;
  const row = state.tick % state.config.throughputWindowTicks;
  const width = state.world.nodes.length;
  state.throughput.fill(0, row * width, (row + 1) * width);
  state.edgeCounts.fill(0);
  const ctx = freshContext(state);

  applyRetention(state);
  progressReplication(state);

  const exact = state.eventCarry + (state.settings.eventRate * state.config.tickMs) / 1000;
  const events = Math.floor(exact + 1e-9);
  state.eventCarry = Math.max(0, exact - events);
  for (let i = 0; i < events; i++) {
    const player = pickPlayer(state);
    produce(state, ctx, player, 1 + Math.floor(random(state) * MAX_DELTA), false);
  }

  coordinate(state);
  consumeAll(state, ctx);

  for (const shard of state.shards) {
    if (shard.status !== 'rebuilding' || !shard.rebuild) continue;
    if (shard.rebuild.source === 'postgres') progressReload(state, ctx, shard);
    else progressReplay(state, ctx, shard);
  }

  pollShardCounts(state);
  serveReads(state, ctx);
  return state;
}

function startRebuild(
  state: FlowState,
  shard: ShardState,
  source: 'postgres' | 'kafka',
  fromOffset: number,
  reconcile = false,
): void {
  const plan = state.world.plan;
  const node = shardName(state, shard.index);
  const nodeId = plan.shards[shard.index] ?? null;
  if (shard.status === 'rebuilding' || (shard.status === 'up' && !reconcile)) {
    addLog(state, 'info', `${node} is ${shard.status}; nothing to rebuild.`, nodeId);
    return;
  }
  if (shard.status === 'failover') {
    addLog(state, 'info', `${node} is failing over; rebuild it once the replica serves.`, nodeId);
    return;
  }
  const missing =
    source === 'kafka' && !plan.log
      ? 'the design has no Kafka topic to replay'
      : source === 'postgres' && !plan.truth
        ? 'the design has no PostgreSQL table to reload from'
        : null;
  if (missing) {
    shard.lastRebuildError = missing;
    addLog(state, 'error', `Cannot rebuild ${node}: ${missing}.`, nodeId);
    return;
  }
  if (shard.status === 'down')
    applyFlowCommand(state, { type: 'restart-shard', shard: shard.index });
  shard.lastRebuildError = null;
  if (reconcile) shard.diedAtTick = state.tick;
  if (source === 'kafka') {
    const expired = state.partitions.findIndex((p) => fromOffset < p.logStart);
    if (expired >= 0) {
      const part = state.partitions[expired];
      shard.lastRebuildError = `offset ${fromOffset} is out of range on partition ${expired}: retention already deleted offsets below ${part?.logStart ?? 0}`;
      addLog(state, 'error', `Replay impossible: ${shard.lastRebuildError}.`, nodeId);
      return;
    }
    const positions = state.partitions.map((p) => Math.min(fromOffset, p.appliedUpTo));
    shard.rebuild = {
      source,
      startedTick: state.tick,
      cursor: 0,
      replayPositions: positions,
      replayFrom: fromOffset,
      foldScore: new Float64Array(state.config.players),
      foldVersion: new Int32Array(state.config.players),
      done: 0,
      total: state.partitions.reduce((s, p, i) => s + p.appliedUpTo - (positions[i] ?? 0), 0),
    };
    addLog(
      state,
      'info',
      `Rebuilding ${node} by replaying every partition from offset ${fromOffset} into a scratch table, then swapping its range in.`,
      nodeId,
    );
  } else {
    shard.rebuild = {
      source,
      startedTick: state.tick,
      cursor: 0,
      replayPositions: [],
      replayFrom: -1,
      foldScore: null,
      foldVersion: null,
      done: 0,
      total: state.config.players,
    };
    addLog(
      state,
      'info',
      `Rebuilding ${node} by reading PostgreSQL rows ${state.world.plan.sharding === 'hash' && state.shards.length > 1 ? `in ${rangeText(state, shard)}` : `with a score in [${shard.lo}, ${shard.hi === Infinity ? '∞' : shard.hi})`}, ${state.config.reloadRowsPerTick} rows per tick, while live writes keep arriving.`,
      nodeId,
    );
  }
  shard.status = 'rebuilding';
}

const clampRate = (perSecond: number): number =>
  Number.isFinite(perSecond) ? Math.min(MAX_RATE, Math.max(0, perSecond)) : 0;

/**
 * Applies one command between ticks, in place. Rates are clamped to [0, 20,000]/s; commands
 * naming an unknown shard or consumer, or one already in the asked state, do nothing;
 * `start-drill` is handled by the controller, not here.
 * @returns the same state. O(players) for shard commands, O(1) otherwise.
 */
export function applyFlowCommand(state: FlowState, command: FlowCommand): FlowState {
  const plan = state.world.plan;
  switch (command.type) {
    case 'set-event-rate':
      state.settings.eventRate = clampRate(command.perSecond);
      break;
    case 'set-read-rate':
      state.settings.readRate = clampRate(command.perSecond);
      break;
    case 'set-traffic':
      state.settings.traffic = command.traffic;
      break;
    case 'set-retention':
      state.settings.retentionTicks = command.ticks === null ? null : Math.max(1, command.ticks);
      break;
    case 'set-read-fallback':
      state.settings.readFallback = command.fallback;
      break;
    case 'kill-shard': {
      const shard = state.shards[command.shard];
      if (!shard || shard.status === 'down' || shard.status === 'failover') break;
      shard.status = shard.replica ? 'failover' : 'down';
      shard.present.fill(0);
      shard.score.fill(0);
      shard.version.fill(0);
      shard.size = 0;
      shard.rebuild = null;
      shard.diedAtTick = state.tick;
      const survivor = plan.truth
        ? 'PostgreSQL still has every row.'
        : plan.log
          ? 'the Kafka topic still has the events.'
          : 'nothing else holds these scores.';
      addLog(
        state,
        'error',
        shard.replica
          ? `${shardName(state, shard.index)}'s primary crashed: its sorted set for ${rangeText(state, shard)} is gone from memory. Its replica takes over once failover completes (${((state.config.failoverTicks * state.config.tickMs) / 1000).toFixed(1)} s); writes to it are dropped meanwhile.`
          : `${shardName(state, shard.index)} crashed: its sorted set for ${rangeText(state, shard)} is gone from memory. Writes to it are dropped; ${survivor}`,
        plan.shards[shard.index] ?? null,
      );
      break;
    }
    case 'restart-shard': {
      const shard = state.shards[command.shard];
      if (!shard || shard.status !== 'down') break;
      shard.status = 'empty';
      addLog(
        state,
        'warn',
        `${shardName(state, shard.index)} restarted empty. It accepts writes but must not serve reads until it is rebuilt.`,
        plan.shards[shard.index] ?? null,
      );
      break;
    }
    case 'resume-shard': {
      const shard = state.shards[command.shard];
      if (!shard || shard.status !== 'empty') break;
      shard.status = 'up';
      shard.lastRecoveryTicks = 0;
      addLog(
        state,
        'error',
        `${shardName(state, shard.index)} serves again with only what arrived since its restart (${shard.size} members): nothing held the scores it lost.`,
        plan.shards[shard.index] ?? null,
      );
      break;
    }
    case 'rebuild-shard': {
      const shard = state.shards[command.shard];
      if (!shard) break;
      startRebuild(state, shard, command.source, Math.max(0, command.fromOffset ?? 0));
      break;
    }
    case 'reconcile-shard': {
      const shard = state.shards[command.shard];
      if (!shard || shard.status !== 'up') break;
      startRebuild(state, shard, command.source, 0, true);
      break;
    }
    case 'kill-consumer': {
      const c = state.consumers[command.consumer];
      if (!c || !c.alive) break;
      const uncommitted = c.partitions.reduce((s, pi) => {
        const part = state.partitions[pi];
        return s + Math.max(0, (c.positions[pi] ?? 0) - (part?.committed ?? 0));
      }, 0);
      c.alive = false;
      c.diedAtTick = state.tick;
      addLog(
        state,
        'error',
        `${consumerName(state, c.id)} crashed after applying ${uncommitted} record${uncommitted === 1 ? '' : 's'} it had not committed yet. Its partitions [${c.partitions.join(', ')}] stall until the coordinator notices.`,
        plan.consumers[c.id] ?? null,
      );
      break;
    }
    case 'start-consumer': {
      const c = state.consumers[command.consumer];
      if (!c || c.alive) break;
      // A new process remembers nothing: whatever the dead one had not committed is redone.
      for (const pi of c.partitions) {
        c.positions[pi] = state.partitions[pi]?.committed ?? 0;
      }
      c.alive = true;
      c.diedAtTick = -1;
      state.group.rebalancePending = true;
      addLog(
        state,
        'info',
        `${consumerName(state, c.id)} started and joined the group.`,
        plan.consumers[c.id] ?? null,
      );
      break;
    }
    case 'duplicate-next':
      state.duplicateBudget += Math.max(0, Math.floor(command.count));
      addLog(
        state,
        'warn',
        plan.log
          ? `The API's acks time out: it will send the next ${command.count} events twice (same event id, same version).`
          : `The store's replies time out: the API will apply the next ${command.count} events twice (same event id, same version).`,
        plan.writeApi,
      );
      break;
    case 'kill-postgres': {
      const pg = state.postgres;
      if (!plan.truth || pg.status !== 'up') break;
      pg.diedAtTick = state.tick;
      pg.status = plan.truthReplicas > 0 ? 'failover' : 'down';
      addLog(
        state,
        'error',
        plan.truthReplicas > 0
          ? `The PostgreSQL primary died. A replica is promoted in ${((state.config.pgFailoverTicks * state.config.tickMs) / 1000).toFixed(1)} s; until then no row can be written.`
          : `The PostgreSQL primary died and it has no replica: no row can be written until it restarts (${((state.config.pgRestartTicks * state.config.tickMs) / 1000).toFixed(1)} s).`,
        plan.truth,
      );
      break;
    }
    case 'rewind-consumers': {
      if (!plan.log) break;
      let rewound = 0;
      state.partitions.forEach((part, pi) => {
        let offset = part.logStart;
        while (offset < part.end && (part.log.tick[offset - part.log.base] ?? 0) < command.tick) {
          offset++;
        }
        if (offset >= part.committed) return;
        rewound += part.committed - offset;
        part.committed = offset;
        const owner = part.owner >= 0 ? state.consumers[part.owner] : undefined;
        if (owner) owner.positions[pi] = offset;
      });
      addLog(
        state,
        'info',
        `The consumer group's offsets were reset to the first records produced at ${((command.tick * state.config.tickMs) / 1000).toFixed(1)} s: ${rewound} records will be applied again (versions skip what survived).`,
        plan.log,
      );
      break;
    }
    case 'start-drill':
      break;
  }
  return state;
}

function cloneReplica(r: ReplicaState | null): ReplicaState | null {
  return (
    r && {
      present: r.present.slice(),
      score: r.score.slice(),
      version: r.version.slice(),
      pending: [...r.pending],
    }
  );
}

/**
 * Deep copy for checkpoints. Partition logs are shared (append-only, never resized in place,
 * and each state reads only below its own `end`), so a copy costs O(players + partitions),
 * not O(records).
 */
export function cloneFlowState(s: FlowState): FlowState {
  return {
    ...s,
    settings: { ...s.settings },
    nextVersion: s.nextVersion.slice(),
    expected: s.expected.slice(),
    partitions: s.partitions.map((p) => ({ ...p })),
    consumers: s.consumers.map((c) => ({
      ...c,
      partitions: [...c.partitions],
      positions: [...c.positions],
    })),
    group: { ...s.group },
    postgres: {
      ...s.postgres,
      score: s.postgres.score.slice(),
      version: s.postgres.version.slice(),
      undo: [...s.postgres.undo],
    },
    shards: s.shards.map((sh) => ({
      ...sh,
      present: sh.present.slice(),
      score: sh.score.slice(),
      version: sh.version.slice(),
      replica: cloneReplica(sh.replica),
      rebuild: sh.rebuild && {
        ...sh.rebuild,
        replayPositions: [...sh.rebuild.replayPositions],
        foldScore: sh.rebuild.foldScore && sh.rebuild.foldScore.slice(),
        foldVersion: sh.rebuild.foldVersion && sh.rebuild.foldVersion.slice(),
      },
    })),
    throughput: s.throughput.slice(),
    edgeCounts: s.edgeCounts.slice(),
    flights: [...s.flights],
    log: [...s.log],
    topKCache: s.topKCache && { ...s.topKCache },
    totals: { ...s.totals, topK: { ...s.totals.topK }, aroundMe: { ...s.totals.aroundMe } },
    drill: s.drill && {
      ...s.drill,
      narration: [...s.drill.narration],
      marks: { ...s.drill.marks },
    },
  };
}

/**
 * The records of a partition as this state sees them (from the log start to the end). For
 * tests and the replay tools. O(records) — allocates.
 */
export function partitionRecords(state: FlowState, partition: number): KafkaRecord[] {
  const part = state.partitions[partition];
  const out: KafkaRecord[] = [];
  if (!part) return out;
  for (let o = part.logStart; o < part.end; o++) {
    const rec = readRecord(part, o);
    if (rec) out.push(rec);
  }
  return out;
}
