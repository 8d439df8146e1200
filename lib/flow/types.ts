/**
 * Types of the event-flow simulation behind the architecture diagrams and the practice room.
 *
 * The state is plain data (numbers, typed arrays, small arrays of plain objects) so that it can be
 * cloned cheaply for step-back checkpoints, compared with deep equality in tests and, later,
 * posted to a Web Worker. Everything a diagram shows is derived from it in `view.ts`.
 */

/** How the clients choose which player scores next. */
export type TrafficMode =
  /** Every player is equally likely to play: writes spread by member count. */
  | 'uniform'
  /**
   * Real play: the most active players hold the highest scores. Activity follows the
   * design's population when it gives one (the guide's stages: the ledger's bands), else a
   * Zipf law, under which writes pile onto a top range cut at equal populations (the
   * hot-shard drill). The default for a design with a population.
   */
  | 'skewed';

/**
 * What the read path does when a Redis shard it needs is not serving: use the design's
 * fallback (the histogram's approximate rank, or PostgreSQL where a design reads it), or fail.
 */
export type ReadFallback = 'fallback' | 'fail';

import type { SimPlan } from './topology';

/** Fixed parameters of one run. Changing one means a reset. */
export interface FlowConfig {
  /** Seed of the deterministic random stream; same seed and commands, same run. */
  readonly seed: number;
  /** Simulated milliseconds per tick. */
  readonly tickMs: number;
  /** Number of players (a scale model of 100M). */
  readonly players: number;
  /** Kafka partitions of the score-events topic. */
  readonly partitions: number;
  /** Consumers in the consumer group at start. */
  readonly consumers: number;
  /** Redis shards, each owning one score range. */
  readonly shards: number;
  /** Records one consumer can apply per tick (its throughput ceiling). */
  readonly consumerCapacity: number;
  /** Consumers commit their offsets every this many ticks (Kafka's auto-commit interval). */
  readonly commitEveryTicks: number;
  /** Ticks without heartbeats before the group coordinator declares a consumer dead. */
  readonly sessionTimeoutTicks: number;
  /** Ticks a rebalance stops all consumption (eager, stop-the-world protocol). */
  readonly rebalanceTicks: number;
  /** PostgreSQL rows a shard reload reads per tick. */
  readonly reloadRowsPerTick: number;
  /** Kafka records a shard replay reads per tick. */
  readonly replayRecordsPerTick: number;
  /** Length of the sliding throughput window, in ticks. */
  readonly throughputWindowTicks: number;
  /** Sampled messages kept for animation. */
  readonly flightCapacity: number;
  /** Messages sampled per tick (the rest are only counted per edge). */
  readonly flightSamplesPerTick: number;
  /** Narrated log entries kept. */
  readonly logCapacity: number;
  /** Entries returned by a top-K read. */
  readonly topK: number;
  /** Ticks a Redis replica trails its primary (asynchronous replication). */
  readonly replicaLagTicks: number;
  /** Ticks from a Redis primary's death to its replica serving as the new primary. */
  readonly failoverTicks: number;
  /** Ticks a PostgreSQL streaming replica trails the primary. */
  readonly pgReplicaLagTicks: number;
  /** Ticks from the PostgreSQL primary's death to a promoted replica taking writes. */
  readonly pgFailoverTicks: number;
  /** Ticks a PostgreSQL primary without replicas takes to restart (and replay its WAL). */
  readonly pgRestartTicks: number;
}

/** Settings a reader may change while the simulation runs (through commands). */
export interface FlowSettings {
  /** Score events per simulated second. */
  eventRate: number;
  /** Leaderboard reads per simulated second (top-K and around-me). */
  readRate: number;
  traffic: TrafficMode;
  /** Records older than this many ticks are deleted from Kafka; `null` keeps them forever. */
  retentionTicks: number | null;
  readFallback: ReadFallback;
}

/** One score event as stored in a Kafka partition (materialised on demand from the columns). */
export interface KafkaRecord {
  readonly offset: number;
  /** Unique id the client gave the event; a retried send repeats it. */
  readonly eventId: number;
  readonly player: number;
  /** Points earned; scores only grow, as in most games. */
  readonly delta: number;
  /** Per-player sequence number stamped by the API; what makes the consumer idempotent. */
  readonly version: number;
  /**
   * The player's total as PostgreSQL committed it with this event (outbox designs, whose
   * consumers write it absolutely); 0 when the API appended the event before any store.
   */
  readonly total: number;
  /** Tick at which the API produced it (retention is measured from here). */
  readonly tick: number;
  /** True for the initial import of every player's starting score. */
  readonly imported: boolean;
}

/**
 * A partition's records as columns (no object per record: cheap for the garbage collector
 * and about 25 bytes a record). Index i holds offset `base + i`. A log is never resized in
 * place: growing makes a new one, so checkpoints can share the old one safely, and a state
 * only reads the offsets below its own `end`.
 */
export interface PartitionLog {
  readonly base: number;
  readonly capacity: number;
  readonly eventId: Float64Array;
  readonly player: Int32Array;
  readonly delta: Int32Array;
  readonly total: Int32Array;
  readonly version: Int32Array;
  readonly tick: Int32Array;
  readonly imported: Uint8Array;
}

/** One partition of the score-events topic. */
export interface PartitionState {
  /** Records from offset `log.base` onward, shared with checkpoints (see PartitionLog). */
  log: PartitionLog;
  /** Next offset to be written (Kafka's log-end offset). */
  end: number;
  /** First offset still readable; retention moves it forward (Kafka's log-start offset). */
  logStart: number;
  /** Offset the group will resume from after a rebalance. */
  committed: number;
  /** Every record below this offset has been applied to PostgreSQL at least once. */
  appliedUpTo: number;
  /** Consumer that owns the partition in the current generation, or -1. */
  owner: number;
}

export interface ConsumerState {
  readonly id: number;
  alive: boolean;
  /** Partitions assigned to it, ascending. */
  partitions: number[];
  /** Next offset to read per partition (index = partition); uncommitted progress. */
  positions: number[];
  /** Tick at which it died, or -1. */
  diedAtTick: number;
  /** Records it applied since the start (including skipped duplicates). */
  processed: number;
}

export interface GroupState {
  generation: number;
  /** Consumption is stopped until this tick (a rebalance in progress). */
  pausedUntilTick: number;
  /** A consumer joined or died and the coordinator must rebalance at the next tick. */
  rebalancePending: boolean;
}

/** A row change PostgreSQL's replicas may not have yet: what to undo if the primary is lost. */
export interface PostgresUndo {
  readonly tick: number;
  readonly player: number;
  readonly score: number;
  readonly version: number;
}

/**
 * PostgreSQL's primary: `up`, `down` (dead, no replica promoted yet: writes wait or fail), or
 * `failover` (a replica is being promoted).
 */
export type PostgresStatus = 'up' | 'down' | 'failover';

/** PostgreSQL: the source of truth. Indexed by player id. */
export interface PostgresState {
  score: Float64Array;
  /** Last applied per-player version; an event with a version at or below it is a duplicate. */
  version: Int32Array;
  /** Row updates applied. */
  writes: number;
  status: PostgresStatus;
  /** Tick the primary died, or -1. */
  diedAtTick: number;
  /** Row changes newer than the replicas' lag (empty without replicas), oldest first. */
  undo: PostgresUndo[];
}

/**
 * Lifecycle of a Redis shard: `down` (process dead, memory gone), `empty` (restarted, takes
 * writes but serves no reads), `rebuilding` (a reload or replay is filling it), `up`.
 */
export type ShardStatus = 'up' | 'down' | 'empty' | 'rebuilding' | 'failover';

/** A write a Redis replica has not received yet (asynchronous replication). */
export interface ReplicaPending {
  readonly tick: number;
  readonly player: number;
  /** 1 when the member is present after the write, 0 for a removal. */
  readonly present: number;
  readonly score: number;
  readonly version: number;
}

/** The replica of a shard: the primary's data as of `replicaLagTicks` ago. */
export interface ReplicaState {
  present: Uint8Array;
  score: Float64Array;
  version: Int32Array;
  /** Writes not yet applied to the replica, oldest first. */
  pending: ReplicaPending[];
}

export type RebuildSource = 'postgres' | 'kafka';

/** Progress of a shard rebuild. */
export interface RebuildState {
  readonly source: RebuildSource;
  readonly startedTick: number;
  /** PostgreSQL reload: next player id to read. */
  cursor: number;
  /** Kafka replay: next offset to read per partition. */
  replayPositions: number[];
  /** Offset the replay started from (same for every partition). */
  readonly replayFrom: number;
  /** Kafka replay: every player's score folded from the log (a scratch table). */
  foldScore: Float64Array | null;
  foldVersion: Int32Array | null;
  /** Units done and (current estimate of) units in total, for a progress bar. */
  done: number;
  total: number;
}

/** One Redis shard: a sorted-set model holding the players whose score is in [lo, hi). */
export interface ShardState {
  readonly index: number;
  readonly lo: number;
  /** Exclusive upper bound; `Infinity` for the top shard. */
  readonly hi: number;
  status: ShardStatus;
  present: Uint8Array;
  score: Float64Array;
  /** Version of the PostgreSQL row the member was copied from; stale writes are refused. */
  version: Int32Array;
  size: number;
  /** ZADD/ZREM calls that changed the shard since the start. */
  writes: number;
  /** Writes the router could not deliver because the shard was down. */
  droppedWrites: number;
  /** Reads served. */
  reads: number;
  rebuild: RebuildState | null;
  /** Tick of the last death, or -1. */
  diedAtTick: number;
  /** Ticks from the rebuild's start to serving again, for the last completed rebuild, or -1. */
  lastRecoveryTicks: number;
  /** Why the last rebuild could not start or had to stop, or null. */
  lastRebuildError: string | null;
  /** The shard's replica, when the design has one. */
  replica: ReplicaState | null;
  /** Writes the last failover lost (they had not reached the replica). */
  lostOnFailover: number;
}

/** A message sampled for animation: one hop along one edge of the diagram. */
export interface Flight {
  readonly seq: number;
  readonly tick: number;
  readonly from: string;
  readonly to: string;
  readonly kind: 'write' | 'read' | 'duplicate' | 'redelivery' | 'replay' | 'reload' | 'fallback';
  readonly eventId: number;
  readonly player: number;
  /** Partition for hops into and out of Kafka, else -1. */
  readonly partition: number;
}

export type LogLevel = 'info' | 'ok' | 'warn' | 'error';

/** One narrated line of the event log. */
export interface LogEntry {
  readonly tick: number;
  readonly level: LogLevel;
  readonly text: string;
  /** Node the entry is about, for highlighting, or null. */
  readonly node: string | null;
}

export interface ReadCounters {
  served: number;
  fallback: number;
  failed: number;
}

/** Totals since the start, for the narration and the checks. */
export interface FlowTotals {
  produced: number;
  /** Records appended twice by a producer retry. */
  duplicatesProduced: number;
  /** Records a consumer saw again because of a rebalance after an uncommitted apply. */
  redelivered: number;
  /** Records skipped because PostgreSQL had already applied their version. */
  duplicatesSkipped: number;
  /** Records deleted by retention before the group applied them (lost writes). */
  expiredUnread: number;
  /** Score events the API refused because the store it writes synchronously was down. */
  writesRefused: number;
  /** PostgreSQL row changes lost when a replica that had not received them was promoted. */
  truthLostOnFailover: number;
  topK: ReadCounters;
  aroundMe: ReadCounters;
}

/**
 * The API's top-K cache (when the design draws one): when its list was last refreshed from
 * the board, and what it answered. While the board cannot answer a refresh, the last list is
 * served, marked stale, until it can.
 */
export interface TopKCacheState {
  /** Tick of the last refresh, or -1 before the first. */
  refreshedTick: number;
  /** Top-K reads answered from a fresh list. */
  hits: number;
  /** Refreshes from the board (each one top-K read on the shards). */
  refreshes: number;
  /** Top-K reads answered with the last list while the board could not refresh it. */
  stale: number;
}

/** Progress of a running failure drill; the script itself lives in `drills.ts`. */
export interface DrillState {
  readonly id: string;
  readonly options: Readonly<Record<string, string | number>>;
  readonly startedTick: number;
  step: number;
  stepStartedTick: number;
  /** Narration of each step entered so far. */
  narration: string[];
  /** Numbers the script records along the way (for narration and the check). */
  marks: Record<string, number>;
  done: boolean;
  result: DrillResult | null;
}

export interface DrillResult {
  readonly passed: boolean;
  readonly details: string;
}

/** Where each role of the plan sits in `FlowWorld.nodes` (-1 when the design lacks it). */
export interface NodeIndex {
  readonly clients: number;
  readonly writeFront: readonly number[];
  readonly readFront: readonly number[];
  readonly writeApi: number;
  readonly readApi: number;
  readonly log: number;
  readonly truth: number;
  /** Where PostgreSQL reads go (the primary or a replica). */
  readonly truthRead: number;
  readonly router: number;
  /** The histogram service lost-shard reads fall back to, or -1. */
  readonly histogram: number;
  /** The top-K cache top-K reads are answered from, or -1. */
  readonly topKCache: number;
  /** Per consumer and per shard (several may share a node). */
  readonly consumers: readonly number[];
  readonly shards: readonly number[];
}

/** Immutable facts derived from the config, topology and seed at creation. Shared by every clone. */
export interface FlowWorld {
  /** Cumulative activity weights by player id, for skewed traffic (last entry is 1). */
  readonly activityCdf: Float64Array;
  /** Score-range boundaries: shard k holds [bounds[k], bounds[k+1]) (range sharding). */
  readonly bounds: readonly number[];
  /** Node ids in the order of the throughput table. */
  readonly nodes: readonly string[];
  /** The roles of the design being simulated. */
  readonly plan: SimPlan;
  readonly index: NodeIndex;
  /** Names used in narration: the node id, or `node #i` when instances share a node. */
  readonly consumerNames: readonly string[];
  readonly shardNames: readonly string[];
}

/** The whole simulation at the end of one tick. */
export interface FlowState {
  readonly config: FlowConfig;
  readonly world: FlowWorld;
  settings: FlowSettings;
  tick: number;
  /** Mulberry32 state. */
  rng: number;
  nextEventId: number;
  /** Fractional events and reads carried to the next tick so rates below 10/s still work. */
  eventCarry: number;
  readCarry: number;
  /** The next this many produced events are sent twice (an API retry after a timeout). */
  duplicateBudget: number;
  /** API: next version per player. */
  nextVersion: Int32Array;
  /** Oracle: the sum of every unique event's delta per player, kept at the client. */
  expected: Float64Array;
  partitions: PartitionState[];
  consumers: ConsumerState[];
  group: GroupState;
  postgres: PostgresState;
  shards: ShardState[];
  /** Messages per node per tick, ring of `throughputWindowTicks` rows. */
  throughput: Float64Array;
  /** Messages per edge during the last tick, at index from × nodes + to (`world.nodes`). */
  edgeCounts: Float64Array;
  flights: Flight[];
  nextFlightSeq: number;
  log: LogEntry[];
  /** Some reads are currently not served by Redis (for narrating the transitions only). */
  readsDegraded: boolean;
  /** The top-K cache, or null when the design has none. */
  topKCache: TopKCacheState | null;
  totals: FlowTotals;
  drill: DrillState | null;
}

/** Everything a reader (or the drills) can do to a running simulation. */
export type FlowCommand =
  | { readonly type: 'set-event-rate'; readonly perSecond: number }
  | { readonly type: 'set-read-rate'; readonly perSecond: number }
  | { readonly type: 'set-traffic'; readonly traffic: TrafficMode }
  | { readonly type: 'set-retention'; readonly ticks: number | null }
  | { readonly type: 'set-read-fallback'; readonly fallback: ReadFallback }
  | { readonly type: 'kill-shard'; readonly shard: number }
  | { readonly type: 'restart-shard'; readonly shard: number }
  | {
      /** Puts a restarted, empty shard back into service as it is (nothing to rebuild from). */
      readonly type: 'resume-shard';
      readonly shard: number;
    }
  | {
      readonly type: 'rebuild-shard';
      readonly shard: number;
      readonly source: RebuildSource;
      /** Kafka replay only: first offset to read in every partition (0 = from the beginning). */
      readonly fromOffset?: number;
    }
  | { readonly type: 'kill-consumer'; readonly consumer: number }
  | { readonly type: 'start-consumer'; readonly consumer: number }
  | { readonly type: 'duplicate-next'; readonly count: number }
  | { readonly type: 'kill-postgres' }
  | {
      /** Resets every partition's committed offset to the first record produced at `tick`. */
      readonly type: 'rewind-consumers';
      readonly tick: number;
    }
  | {
      /** Rebuilds a serving shard in place (after a failover), newer versions winning. */
      readonly type: 'reconcile-shard';
      readonly shard: number;
      readonly source: RebuildSource;
    }
  | { readonly type: 'start-drill'; readonly drill: string; readonly options?: DrillOptions };

export type DrillOptions = Readonly<Record<string, string | number>>;
