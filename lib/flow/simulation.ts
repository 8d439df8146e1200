/**
 * The event-flow simulation: clients → API → Kafka (partitioned by player) → a consumer group
 * → PostgreSQL (source of truth) and Redis shards by score range, plus reads from Redis.
 *
 * Discrete time: `tickFlow` advances one fixed tick and mutates the state in place, because a
 * tick at 1,000 events/s must stay far below a millisecond. Determinism comes from the seeded
 * generator kept in the state: the same config, seed and commands give the same run.
 */
import { nextRandom, partitionFor, seedToState } from './random';
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
  PartitionLog,
  PartitionState,
  ShardState,
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
  readFallback: 'postgres',
};

/** Highest event or read rate a reader can set: ten times what the consumers can absorb. */
const MAX_RATE = 20_000;
/** Largest points one score event can carry. */
const MAX_DELTA = 20;
/** Share of reads that ask for the top-K (the rest ask "around me"). */
const TOP_K_SHARE = 0.7;
/** Records a partition log has room for before it first grows. */
const INITIAL_LOG_CAPACITY = 1024;

/** Node id of consumer `i` in the diagrams. */
export const consumerNode = (i: number): string => `consumer-${i}`;
/** Node id of Redis shard `k` in the diagrams (shard 0 holds the lowest scores). */
export const shardNode = (k: number): string => `redis-shard-${k}`;
/** Edge id used by the diagrams and the per-edge message counts. */
export const edgeId = (from: string, to: string): string => `${from}->${to}`;

const FIXED_NODES = ['clients', 'api', 'kafka', 'postgres', 'shard-router'] as const;
const CLIENTS = 0;
const API = 1;
const KAFKA = 2;
const POSTGRES = 3;
const ROUTER = 4;

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
  ];
  for (const key of positive) {
    const v = config[key];
    if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${key} must be a positive integer`);
  }
  if (config.shards > config.players) throw new RangeError('more shards than players');
}

function buildWorld(
  config: FlowConfig,
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
    sum += 1 / (rank + 1);
    activityCdf[p] = sum;
    // The players who play most have climbed highest: score falls with activity rank.
    initial[p] = Math.round(1_000_000 / Math.pow(rank + 1, 0.75)) + Math.floor(draw() * 100);
  }
  for (let p = 0; p < n; p++) activityCdf[p] = (activityCdf[p] ?? 0) / sum;

  // Ranges cut at member-count quantiles: every shard starts with the same number of players.
  const sorted = Array.from(initial).sort((a, b) => a - b);
  const bounds: number[] = [0];
  for (let k = 1; k < config.shards; k++) {
    bounds.push(sorted[Math.floor((k * n) / config.shards)] ?? 0);
  }
  bounds.push(Infinity);

  const nodes: string[] = [...FIXED_NODES];
  for (let i = 0; i < config.consumers; i++) nodes.push(consumerNode(i));
  for (let k = 0; k < config.shards; k++) nodes.push(shardNode(k));
  return { world: { activityCdf, bounds, nodes }, initial };
}

function newShard(index: number, lo: number, hi: number, players: number): ShardState {
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
  };
}

const emptyCounters = () => ({ served: 0, fallback: 0, failed: 0 });

/**
 * Creates a simulation at tick 0. Every player's starting score is imported through the
 * topic itself (offsets from 0), consumed and committed, so PostgreSQL is exactly the fold
 * of the log and a replay from offset 0 can rebuild it.
 * @returns a fresh state. O(players + partitions). Throws RangeError on a non-positive
 * config number or more shards than players.
 */
export function createFlowState(
  config: Partial<FlowConfig> = {},
  settings: Partial<FlowSettings> = {},
): FlowState {
  const full: FlowConfig = { ...defaultFlowConfig, ...config };
  validate(full);
  const seeded = { rng: seedToState(full.seed) };
  const { world, initial } = buildWorld(full, seeded);
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
  const shards = Array.from({ length: full.shards }, (_, k) =>
    newShard(k, world.bounds[k] ?? 0, world.bounds[k + 1] ?? Infinity, n),
  );

  const state: FlowState = {
    config: full,
    world,
    settings: { ...defaultFlowSettings, ...settings },
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
    postgres: { score: new Float64Array(n), version: new Int32Array(n), writes: 0 },
    shards,
    throughput: new Float64Array(full.throughputWindowTicks * world.nodes.length),
    edgeCounts: new Float64Array(world.nodes.length * world.nodes.length),
    flights: [],
    nextFlightSeq: 1,
    log: [],
    readsDegraded: false,
    totals: {
      produced: 0,
      duplicatesProduced: 0,
      redelivered: 0,
      duplicatesSkipped: 0,
      expiredUnread: 0,
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
  for (const c of consumers) c.processed = 0;
  for (const s of shards) s.writes = 0;
  state.throughput.fill(0);
  state.edgeCounts.fill(0);
  state.flights = [];
  const lastOffset = partitions.reduce((m, p) => Math.max(m, p.end), 0) - 1;
  addLog(
    state,
    'info',
    `Imported ${n} players' starting scores through the topic (offsets 0–${lastOffset} of ${full.partitions} partitions).`,
    'kafka',
  );
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
  const row = state.tick % state.config.throughputWindowTicks;
  const i = row * state.world.nodes.length + node;
  state.throughput[i] = (state.throughput[i] ?? 0) + n;
}

function consumerIndex(consumer: number): number {
  return FIXED_NODES.length + consumer;
}

function shardIndex(state: FlowState, shard: number): number {
  return FIXED_NODES.length + state.config.consumers + shard;
}

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
  const version = (state.nextVersion[player] ?? 0) + 1;
  state.nextVersion[player] = version;
  const eventId = state.nextEventId++;
  state.expected[player] = (state.expected[player] ?? 0) + delta;
  const partition = partitionFor(player, state.config.partitions);
  const sample = ctx.produceSamples > 0;
  if (sample) ctx.produceSamples--;
  hop(state, CLIENTS, API, sample, 'write', eventId, player);
  hop(state, API, KAFKA, sample, 'write', eventId, player, partition);
  append(state, partition, eventId, player, delta, version, imported);
  state.totals.produced++;
  count(state, CLIENTS);
  count(state, API);
  count(state, KAFKA);
  if (state.duplicateBudget > 0 && !imported) {
    // The API timed out waiting for the broker's ack and sent the same event again.
    state.duplicateBudget--;
    state.totals.duplicatesProduced++;
    hop(state, API, KAFKA, sample, 'duplicate', eventId, player, partition);
    append(state, partition, eventId, player, delta, version, imported);
    count(state, KAFKA);
  }
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
  const target = shardFor(state.world.bounds, score);
  const sample = ctx.consumeSamples > 0;
  let routed = false;
  for (const shard of state.shards) {
    if (shard.index === target || shard.present[player] !== 1) continue;
    if (!routed) {
      routed = true;
      hop(state, from, ROUTER, sample, kind, eventId, player);
      count(state, ROUTER);
    }
    shard.present[player] = 0;
    shard.size--;
    shard.writes++;
    count(state, shardIndex(state, shard.index));
    hop(state, ROUTER, shardIndex(state, shard.index), sample, kind, eventId, player);
  }
  const shard = state.shards[target];
  if (!shard) return;
  if (shard.present[player] === 1 && (shard.version[player] ?? 0) >= version) return;
  if (!routed) {
    hop(state, from, ROUTER, sample, kind, eventId, player);
    count(state, ROUTER);
  }
  if (shard.status === 'down') {
    shard.droppedWrites++;
    return;
  }
  if (shard.present[player] !== 1) {
    shard.present[player] = 1;
    shard.size++;
  }
  shard.score[player] = score;
  shard.version[player] = version;
  shard.writes++;
  count(state, shardIndex(state, shard.index));
  hop(state, ROUTER, shardIndex(state, shard.index), sample, kind, eventId, player);
}

/** Applies one record: PostgreSQL first (the truth), then Redis from PostgreSQL's row. */
function apply(
  state: FlowState,
  ctx: TickContext,
  consumer: ConsumerState,
  part: PartitionState,
  offset: number,
): boolean {
  const log = part.log;
  const i = offset - log.base;
  const p = log.player[i] ?? 0;
  const eventId = log.eventId[i] ?? 0;
  const version = log.version[i] ?? 0;
  const node = consumerIndex(consumer.id);
  const redelivery = offset < part.appliedUpTo;
  if (redelivery) state.totals.redelivered++;
  const sample = ctx.consumeSamples > 0;
  if (sample) ctx.consumeSamples--;
  consumer.processed++;
  count(state, node);
  hop(state, KAFKA, node, sample, redelivery ? 'redelivery' : 'write', eventId, p);
  if (version <= (state.postgres.version[p] ?? 0)) {
    // Already applied (a producer retry or a redelivery): skip the row, repair Redis if needed.
    state.totals.duplicatesSkipped++;
    writeRedis(state, ctx, node, p, eventId, 'duplicate');
    return false;
  }
  state.postgres.score[p] = (state.postgres.score[p] ?? 0) + (log.delta[i] ?? 0);
  state.postgres.version[p] = version;
  state.postgres.writes++;
  count(state, POSTGRES);
  hop(state, node, POSTGRES, sample, 'write', eventId, p);
  writeRedis(state, ctx, node, p, eventId, 'write');
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
        `${consumerNode(consumer.id)} fell behind retention on partition ${pi}: ${lost} records were deleted before anyone applied them. Those scores are lost.`,
        consumerNode(consumer.id),
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
  const plan = live.map((c) => `${consumerNode(c.id)} ← [${c.partitions.join(', ')}]`).join('; ');
  addLog(
    state,
    live.length ? 'warn' : 'error',
    live.length
      ? `Group rebalanced (generation ${state.group.generation}): ${plan}. Consumption pauses ${state.config.rebalanceTicks * state.config.tickMs} ms and resumes from the committed offsets.`
      : `Group rebalanced with no live consumer: every partition is unowned and lag grows.`,
    'kafka',
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
        `Coordinator: no heartbeat from ${consumerNode(c.id)} for ${state.config.sessionTimeoutTicks * state.config.tickMs} ms (session timeout); it is out of the group.`,
        consumerNode(c.id),
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
        `${consumerNode(c.id)} skipped ${ctx.skipped} duplicate${ctx.skipped === 1 ? '' : 's'}: PostgreSQL had already applied those versions.`,
        consumerNode(c.id),
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
    `${shardNode(shard.index)} is serving again: ${rebuild.source === 'kafka' ? `replayed ${rebuild.done} records from offset ${rebuild.replayFrom}` : `reloaded ${rebuild.done} PostgreSQL rows`} in ${secs(shard.lastRecoveryTicks * state.config.tickMs)} s (outage ${secs((state.tick - shard.diedAtTick) * state.config.tickMs)} s).`,
    shardNode(shard.index),
  );
}

function progressReload(state: FlowState, ctx: TickContext, shard: ShardState): void {
  const rebuild = shard.rebuild;
  if (!rebuild) return;
  const n = state.config.players;
  const stop = Math.min(n, rebuild.cursor + state.config.reloadRowsPerTick);
  const node = shardIndex(state, shard.index);
  for (let p = rebuild.cursor; p < stop; p++) {
    const score = state.postgres.score[p] ?? 0;
    const version = state.postgres.version[p] ?? 0;
    if (score < shard.lo || score >= shard.hi) continue;
    // Live writes keep landing during the reload; never overwrite a newer version.
    if (shard.present[p] === 1 && (shard.version[p] ?? 0) >= version) continue;
    if (shard.present[p] !== 1) shard.size++;
    shard.present[p] = 1;
    shard.score[p] = score;
    shard.version[p] = version;
    shard.writes++;
    const sample = ctx.recoverySamples > 0;
    if (sample) ctx.recoverySamples--;
    hop(state, POSTGRES, ROUTER, sample, 'reload', -1, p);
    hop(state, ROUTER, node, sample, 'reload', -1, p);
    count(state, POSTGRES);
    count(state, shardIndex(state, shard.index));
  }
  rebuild.cursor = stop;
  rebuild.done = stop;
  if (stop >= n) finishRebuild(state, shard);
}

function progressReplay(state: FlowState, ctx: TickContext, shard: ShardState): void {
  const rebuild = shard.rebuild;
  if (!rebuild || !rebuild.foldScore || !rebuild.foldVersion) return;
  const foldScore = rebuild.foldScore;
  const foldVersion = rebuild.foldVersion;
  let budget = state.config.replayRecordsPerTick;
  let remaining = 0;
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
        `Replay into ${shardNode(shard.index)} failed: ${shard.lastRebuildError}.`,
        shardNode(shard.index),
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
      hop(state, KAFKA, ROUTER, sample, 'replay', log.eventId[i] ?? 0, player, pi);
      pos++;
      budget--;
      rebuild.done++;
    }
    rebuild.replayPositions[pi] = pos;
    remaining += part.appliedUpTo - pos;
  }
  rebuild.total = rebuild.done + remaining;
  count(state, KAFKA, state.config.replayRecordsPerTick - budget);
  if (remaining > 0) return;
  // Caught up with PostgreSQL: swap the rebuilt range in at once (like RENAME of a built key).
  shard.size = 0;
  for (let p = 0; p < state.config.players; p++) {
    const v = foldVersion[p] ?? 0;
    const score = foldScore[p] ?? 0;
    const inRange = v > 0 && score >= shard.lo && score < shard.hi;
    shard.present[p] = inRange ? 1 : 0;
    shard.score[p] = inRange ? score : 0;
    shard.version[p] = inRange ? v : 0;
    if (inRange) shard.size++;
  }
  shard.writes += shard.size;
  hop(state, ROUTER, shardIndex(state, shard.index), ctx.recoverySamples > 0, 'replay', -1, -1);
  count(state, shardIndex(state, shard.index), shard.size);
  finishRebuild(state, shard);
}

/** Shards a top-K read needs, from the top, or -1 at the first one not serving. */
function topKRoute(state: FlowState): number[] | null {
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
 * Shards an around-me read needs: the player's own shard (ZREVRANK) and every shard above it
 * (ZCARD, to add the members ranked higher). The API knows the player's score from the
 * profile the write path returns, so it can route without asking every shard.
 */
function aroundMeRoute(state: FlowState, player: number): number[] | null {
  const own = shardFor(state.world.bounds, state.postgres.score[player] ?? 0);
  const used: number[] = [];
  for (let k = own; k < state.shards.length; k++) {
    const shard = state.shards[k];
    if (!shard || shard.status !== 'up') return null;
    used.push(k);
  }
  return used;
}

/**
 * Which store serves a read right now: Redis when every shard it needs is up, else
 * PostgreSQL or nothing, depending on the fallback setting.
 * @returns the shards used, or 'postgres' / 'unavailable'. O(S).
 */
export function routeRead(
  state: FlowState,
  read: { kind: 'top-k' } | { kind: 'around-me'; player: number },
): number[] | 'postgres' | 'unavailable' {
  const route = read.kind === 'top-k' ? topKRoute(state) : aroundMeRoute(state, read.player);
  if (route) return route;
  return state.settings.readFallback === 'postgres' ? 'postgres' : 'unavailable';
}

function serveReads(state: FlowState, ctx: TickContext): void {
  const exact = state.readCarry + (state.settings.readRate * state.config.tickMs) / 1000;
  // The epsilon absorbs float drift (0.3 × 10 must make 3 reads, not 2).
  const n = Math.floor(exact + 1e-9);
  state.readCarry = Math.max(0, exact - n);
  let degraded = false;
  for (let i = 0; i < n; i++) {
    const topK = random(state) < TOP_K_SHARE;
    const player = Math.min(
      state.config.players - 1,
      Math.floor(random(state) * state.config.players),
    );
    const route = routeRead(state, topK ? { kind: 'top-k' } : { kind: 'around-me', player });
    const counters = topK ? state.totals.topK : state.totals.aroundMe;
    const sample = ctx.readSamples > 0;
    if (sample) ctx.readSamples--;
    hop(state, CLIENTS, API, sample, 'read', -1, player);
    count(state, CLIENTS);
    count(state, API);
    if (route === 'postgres') {
      degraded = true;
      counters.fallback++;
      hop(state, API, POSTGRES, sample, 'fallback', -1, player);
      count(state, POSTGRES);
    } else if (route === 'unavailable') {
      degraded = true;
      counters.failed++;
    } else {
      counters.served++;
      hop(state, API, ROUTER, sample, 'read', -1, player);
      count(state, ROUTER);
      for (const k of route) {
        const shard = state.shards[k];
        if (!shard) continue;
        shard.reads++;
        count(state, shardIndex(state, k));
        hop(state, ROUTER, shardIndex(state, k), sample, 'read', -1, player);
      }
    }
  }
  if (degraded !== state.readsDegraded && n > 0) {
    state.readsDegraded = degraded;
    addLog(
      state,
      degraded ? 'warn' : 'ok',
      degraded
        ? state.settings.readFallback === 'postgres'
          ? 'Reads that need a shard that is not serving now fall back to PostgreSQL (an indexed ORDER BY score, far slower per read).'
          : 'Reads that need a shard that is not serving now fail.'
        : 'Every read is served from Redis again.',
      'api',
    );
  }
}

/**
 * Advances the simulation by one tick, in place: retention, clients produce, the group
 * coordinator, consumers apply and commit, shard rebuilds progress, reads are served.
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

  serveReads(state, ctx);
  return state;
}

function startRebuild(
  state: FlowState,
  shard: ShardState,
  source: 'postgres' | 'kafka',
  fromOffset: number,
): void {
  const node = shardNode(shard.index);
  if (shard.status === 'up' || shard.status === 'rebuilding') {
    addLog(state, 'info', `${node} is ${shard.status}; nothing to rebuild.`, node);
    return;
  }
  if (shard.status === 'down')
    applyFlowCommand(state, { type: 'restart-shard', shard: shard.index });
  shard.lastRebuildError = null;
  if (source === 'kafka') {
    const expired = state.partitions.findIndex((p) => fromOffset < p.logStart);
    if (expired >= 0) {
      const part = state.partitions[expired];
      shard.lastRebuildError = `offset ${fromOffset} is out of range on partition ${expired}: retention already deleted offsets below ${part?.logStart ?? 0}`;
      addLog(state, 'error', `Replay impossible: ${shard.lastRebuildError}.`, node);
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
      node,
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
      `Rebuilding ${node} by reading PostgreSQL rows with a score in [${shard.lo}, ${shard.hi === Infinity ? '∞' : shard.hi}), ${state.config.reloadRowsPerTick} rows per tick, while live writes keep arriving.`,
      node,
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
      if (!shard || shard.status === 'down') break;
      shard.status = 'down';
      shard.present.fill(0);
      shard.score.fill(0);
      shard.version.fill(0);
      shard.size = 0;
      shard.rebuild = null;
      shard.diedAtTick = state.tick;
      addLog(
        state,
        'error',
        `${shardNode(shard.index)} crashed: its sorted set for scores [${shard.lo}, ${shard.hi === Infinity ? '∞' : shard.hi}) is gone from memory. Writes to it are dropped; PostgreSQL still has every row.`,
        shardNode(shard.index),
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
        `${shardNode(shard.index)} restarted empty. It accepts writes but must not serve reads until it is rebuilt.`,
        shardNode(shard.index),
      );
      break;
    }
    case 'rebuild-shard': {
      const shard = state.shards[command.shard];
      if (!shard) break;
      startRebuild(state, shard, command.source, Math.max(0, command.fromOffset ?? 0));
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
        `${consumerNode(c.id)} crashed after applying ${uncommitted} record${uncommitted === 1 ? '' : 's'} it had not committed yet. Its partitions [${c.partitions.join(', ')}] stall until the coordinator notices.`,
        consumerNode(c.id),
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
        `${consumerNode(c.id)} started and joined the group.`,
        consumerNode(c.id),
      );
      break;
    }
    case 'duplicate-next':
      state.duplicateBudget += Math.max(0, Math.floor(command.count));
      addLog(
        state,
        'warn',
        `The API's acks time out: it will send the next ${command.count} events twice (same event id, same version).`,
        'api',
      );
      break;
    case 'start-drill':
      break;
  }
  return state;
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
    },
    shards: s.shards.map((sh) => ({
      ...sh,
      present: sh.present.slice(),
      score: sh.score.slice(),
      version: sh.version.slice(),
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
