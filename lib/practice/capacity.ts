/**
 * The capacity pass: a candidate's design at a variant's full load (not the scale model the
 * drills run), from stated per-operation costs. For every component it derives the work
 * offered at peak, what its instances can serve, utilisation, response time (p50/p99),
 * memory against the instance size, and how fast a backlog grows when it cannot keep up; then
 * it steps 60 simulated seconds of constant peak load to show where the backlog piles up.
 *
 * Costs come in a `CostTable` (built in content from the design ledger, so the figures the
 * guide states are the figures the room computes with). Queueing is modelled per instance as
 * M/M/1: mean response R = S / (1 − ρ) for service time S and utilisation ρ, and response
 * times are exponential, so p50 = R·ln 2 and p99 = R·ln 100. A rough model, said so on
 * screen; it is right about which component saturates first and by how much.
 */
import {
  paramOf,
  type ComponentKind,
  type SimPlan,
  type Topology,
  type TopologyNode,
} from '@/lib/flow/topology';
import type { Load, Requirements } from './variant';

/** Per-operation costs and per-instance rates the capacity pass uses. */
export interface CostTable {
  readonly redis: {
    /** Server time of one board write (ZADD), µs. */
    readonly zaddMicros: number;
    /** ZREVRANK, µs. */
    readonly zrevrankMicros: number;
    /** A top-K page (ZREVRANGE 0 K), µs. */
    readonly topPageMicros: number;
    /** ZSCORE or one ZCOUNT, µs. */
    readonly pointMicros: number;
    /** Per member of a ZMSCORE, µs. */
    readonly perMemberMicros: number;
    /** Socket, parsing and reply work around every call, µs. */
    readonly overheadMicros: number;
    readonly bytesPerMember: number;
    /** A range shard's largest share over an even split (uneven by design). */
    readonly rangeSkew: number;
  };
  readonly kafka: {
    readonly eventBytes: number;
    readonly replicas: number;
    /** Events per second one partition takes comfortably. */
    readonly eventsPerPartitionPerSecond: number;
    /** Produce latency with acks from all in-sync replicas, ms. */
    readonly produceMs: number;
  };
  /** Events per second one consumer applies (its writes included). */
  readonly consumerEventsPerSecond: number;
  readonly postgres: {
    /** Single-row UPDATE transactions per second on the primary. */
    readonly writesPerSecond: number;
    /** CPU cores of one instance. */
    readonly cores: number;
    /** A rank by SQL: COUNT of higher scores, ms of one core. */
    readonly rankReadMs: number;
    /** A top-K page from the score index, ms of one core. */
    readonly topPageMs: number;
  };
  /** Requests per second one API instance serves, and its own work per request (ms). */
  readonly api: { readonly requestsPerSecond: number; readonly serviceMs: number };
  readonly loadBalancerRequestsPerSecond: number;
  /** Shared pages a CDN serves and its edge locations: origin fetches = pages × edges / TTL. */
  readonly cdn: { readonly hotPages: number; readonly edgeLocations: number };
  /** Rank estimates per second one histogram instance answers. */
  readonly histogramReadsPerSecond: number;
  readonly friendsPerPlayer: number;
  /** Round trip inside the data centre, ms. */
  readonly networkRttMs: number;
}

export interface NodeCapacity {
  readonly id: string;
  readonly kind: ComponentKind;
  /** Operations offered per second at peak. */
  readonly opsPerSecond: number;
  /** What all its instances serve per second. */
  readonly capacityPerSecond: number;
  /** Busiest instance's utilisation (1 = saturated). */
  readonly utilisation: number;
  /** Response time at this component, ms (Infinity when saturated). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Data on the fullest instance, and its memory, bytes (stores only). */
  readonly memoryBytes: number | null;
  readonly memoryLimitBytes: number | null;
  /** Work that piles up per second when it cannot keep up. */
  readonly backlogPerSecond: number;
  /** What the numbers are, in a line. */
  readonly detail: string;
}

export interface CapacityResult {
  readonly nodes: Readonly<Record<string, NodeCapacity>>;
  /** The most utilised component, or null when nothing is busy. */
  readonly bottleneck: string | null;
  /** p99 of a player's own-rank read at the API's store client, ms (Infinity when saturated). */
  readonly rankReadP99Ms: number;
  /** p99 from a score event to the board when nothing backs up, ms. */
  readonly writePathP99Ms: number;
  /** Backlog on each backed-up component, sampled every simulated second for 60 s. */
  readonly timeline: readonly {
    readonly second: number;
    readonly backlog: Readonly<Record<string, number>>;
  }[];
  /** Seconds a score is late after 60 s of peak (0 when nothing backs up). */
  readonly freshnessAfter60s: number;
  /** Where own-rank reads are answered. */
  readonly rankSource: 'redis' | 'postgres' | 'histogram' | 'none';
  /** Assumptions and simplifications that shaped these numbers. */
  readonly notes: readonly string[];
}

const LN2 = Math.log(2);
const LN100 = Math.log(100);

/** M/M/1 response times for service time `s` ms at utilisation `rho`. */
function latency(s: number, rho: number): { p50: number; p99: number } {
  if (rho >= 1) return { p50: Infinity, p99: Infinity };
  const r = s / (1 - rho);
  return { p50: r * LN2, p99: r * LN100 };
}

interface Demand {
  ops: number;
  capacity: number;
  /** Busiest instance's utilisation. */
  util: number;
  /** Service time per operation on one instance, ms. */
  serviceMs: number;
  memory: number | null;
  limit: number | null;
  detail: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The capacity pass over a compiled design.
 * @returns per-node figures, the bottleneck, path latencies and a 60-s backlog timeline.
 * O(nodes × 600).
 */
export function capacityPass(
  topology: Topology,
  plan: SimPlan,
  load: Load,
  requirements: Requirements,
  costs: CostTable,
): CapacityResult {
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const node = (id: string | null): TopologyNode | undefined => (id ? byId.get(id) : undefined);
  const demands = new Map<string, Demand>();
  const notes: string[] = [];
  const add = (id: string, d: Demand) => {
    const prev = demands.get(id);
    if (!prev) {
      demands.set(id, d);
      return;
    }
    // A node on both paths (the API): offered work adds up on the same instances.
    const ops = prev.ops + d.ops;
    const util = prev.util + d.util;
    demands.set(id, {
      ...prev,
      ops,
      util,
      serviceMs: ops > 0 ? (prev.serviceMs * prev.ops + d.serviceMs * d.ops) / ops : prev.serviceMs,
      detail: `${prev.detail}; ${d.detail}`,
    });
  };

  const W = load.peakWritesPerSecond;
  const R = load.peakReadsPerSecond;
  let shared = R * load.readMix.sharedPages;
  const own = R * load.readMix.ownRank;
  const friends = R * load.readMix.friendBoards;

  // Front of the read path: a CDN answers shared pages, forwarding a refresh per edge and TTL.
  for (const id of plan.readFront) {
    const n = node(id);
    if (n?.kind === 'cdn') {
      const ttl = paramOf(n, 'ttlSeconds');
      const origin = Math.min(shared, (costs.cdn.hotPages * costs.cdn.edgeLocations) / ttl);
      add(id, {
        ops: shared + own + friends,
        capacity: Infinity,
        util: 0,
        serviceMs: 0,
        memory: null,
        limit: null,
        detail: `serves ${fmt(shared - origin)} shared pages/s from the edge; ${fmt(origin)}/s go to the origin`,
      });
      shared = origin;
    }
  }
  const lbs = new Set(
    [...plan.writeFront, ...plan.readFront].filter((id) => node(id)?.kind === 'load-balancer'),
  );
  for (const id of lbs) {
    const n = node(id)!;
    const ops =
      (plan.writeFront.includes(id) ? W : 0) +
      (plan.readFront.includes(id) ? shared + own + friends : 0);
    const capacity = paramOf(n, 'instances') * costs.loadBalancerRequestsPerSecond;
    add(id, {
      ops,
      capacity,
      util: ops / capacity,
      serviceMs: 1000 / costs.loadBalancerRequestsPerSecond,
      memory: null,
      limit: null,
      detail: `${fmt(ops)} requests/s`,
    });
  }

  const apiOf = (id: string) => {
    const n = node(id)!;
    const instances = paramOf(n, 'instances');
    return { instances, capacity: instances * costs.api.requestsPerSecond };
  };
  const writeApi = apiOf(plan.writeApi);
  add(plan.writeApi, {
    ops: W,
    capacity: writeApi.capacity,
    util: W / writeApi.capacity,
    serviceMs: costs.api.serviceMs,
    memory: null,
    limit: null,
    detail: `${fmt(W)} score events/s over ${writeApi.instances} instance(s)`,
  });

  // Which reads reach which store.
  const readTargets = topology.edges
    .filter((e) => e.source === plan.readApi && (e.flow === 'read' || e.flow === 'read-write'))
    .map((e) => node(e.target));
  const cache = readTargets.find((n) => n?.kind === 'topk-cache');
  const histogram = readTargets.find((n) => n?.kind === 'histogram');
  const readApi = apiOf(plan.readApi);
  const readOps = shared + own + friends;
  add(plan.readApi, {
    ops: readOps,
    capacity: readApi.capacity,
    util: readOps / readApi.capacity,
    serviceMs: costs.api.serviceMs,
    memory: null,
    limit: null,
    detail: `${fmt(readOps)} reads/s`,
  });

  let sharedToStore = shared;
  if (cache) {
    const ttl = paramOf(cache, 'ttlSeconds');
    sharedToStore = Math.min(shared, readApi.instances / ttl);
    add(cache.id, {
      ops: shared,
      capacity: Infinity,
      util: 0,
      serviceMs: 0,
      memory: null,
      limit: null,
      detail: `answers ${fmt(shared - sharedToStore)} shared pages/s; ${fmt(sharedToStore)}/s refresh from the store (one per API instance per ${ttl} s)`,
    });
  }
  // Own-rank reads: a histogram may answer those below the exact head when approximation is allowed.
  const exact = requirements.exactRank;
  const head = exact === 'all' ? load.players : exact === 'approximate' ? 0 : exact.top;
  let ownToStore = own;
  let rankSource: CapacityResult['rankSource'] = plan.reads.fromCache
    ? 'redis'
    : plan.reads.fromTruth === 'primary'
      ? 'postgres'
      : 'none';
  if (histogram) {
    const approximated = own * Math.max(0, 1 - head / Math.max(1, load.players));
    ownToStore = own - approximated;
    const capacity = costs.histogramReadsPerSecond;
    add(histogram.id, {
      ops: approximated,
      capacity,
      util: approximated / capacity,
      serviceMs: 1000 / capacity,
      memory: null,
      limit: null,
      detail: `${fmt(approximated)} rank estimates/s (players below the exact head)`,
    });
    if (ownToStore === 0) rankSource = 'histogram';
  }

  // The sorted-set store.
  const S = plan.shards.length;
  if (S > 0) {
    const r = costs.redis;
    const perCall = (micros: number) => micros + r.overheadMicros;
    const hash = plan.sharding === 'hash' && S > 1;
    const writes = W * load.boardWritesPerUpdate;
    const single = S === 1;
    // Calls per second on the busiest instance, with their server time.
    const writeCalls = writes / S;
    // Range: every top-K page is on the top shard; hash: every page asks every shard. Either
    // way the busiest instance sees each page once.
    const topCalls = sharedToStore;
    const rankCalls = single ? ownToStore : hash ? ownToStore * (1 / S + 1) : (ownToStore * 2) / S;
    const friendCalls = friends / S;
    const micros =
      writeCalls * perCall(r.zaddMicros) +
      topCalls * perCall(r.topPageMicros) +
      (single
        ? ownToStore * perCall(r.zrevrankMicros)
        : hash
          ? ownToStore * (perCall(r.pointMicros) / S + perCall(r.pointMicros))
          : (ownToStore / S) * (perCall(r.pointMicros) + perCall(r.zrevrankMicros))) +
      friendCalls * perCall(r.perMemberMicros * costs.friendsPerPlayer);
    const calls = writeCalls + topCalls + rankCalls + friendCalls;
    const util = micros / 1e6;
    const perShardBytes = single
      ? load.boardBytes
      : hash
        ? load.boardBytes / S
        : (load.boardBytes / S) * r.rangeSkew;
    const storeNode = node(plan.router) ?? node(plan.shards[0] ?? null);
    const shardNode = node(plan.shards[0] ?? null);
    const limit = (shardNode ? paramOf(shardNode, 'memoryGb') : 16) * 1e9;
    const detail = `${S} instance${S === 1 ? '' : 's'}; busiest: ${fmt(writeCalls)} ZADD/s, ${fmt(topCalls)} top pages/s, ${fmt(rankCalls)} rank calls/s`;
    const d: Demand = {
      ops: calls * S,
      capacity: util > 0 ? (calls / util) * S : Infinity,
      util,
      serviceMs: calls > 0 ? micros / calls / 1000 : perCall(r.zaddMicros) / 1000,
      memory: perShardBytes,
      limit,
      detail,
    };
    for (const id of new Set(plan.shards)) add(id, d);
    if (plan.router && storeNode) {
      add(plan.router, {
        ...d,
        memory: null,
        limit: null,
        detail: `routes ${fmt(writes + sharedToStore + own + friends)} calls/s to ${S} shards`,
      });
    }
    if (!single && !hash) {
      notes.push(
        `Range shards: the top shard takes every top-K read; board writes spread evenly (the guide's layout is level by design), and the largest shard holds ${r.rangeSkew}× an even share.`,
      );
    }
    if (hash) notes.push(`Hash shards: every top-K read and every rank read asks all ${S} shards.`);
  }

  // PostgreSQL: one transaction per event on the primary; reads if it serves them.
  const truth = node(plan.truth);
  if (truth) {
    const p = costs.postgres;
    const writes = W;
    let readMs = 0;
    if (plan.reads.fromTruth === 'primary') {
      readMs = ownToStore * p.rankReadMs + shared * p.topPageMs + friends * p.topPageMs;
    }
    const readers =
      1 + (plan.reads.truthNode && plan.reads.truthNode !== plan.truth ? plan.truthReplicas : 0);
    const writeUtil = writes / p.writesPerSecond;
    const readUtil = readMs / 1000 / (p.cores * readers);
    add(truth.id, {
      ops: writes + (readMs > 0 ? ownToStore + shared + friends : 0),
      capacity: p.writesPerSecond,
      util: writeUtil + readUtil,
      serviceMs:
        readMs > 0 ? Math.max(1000 / p.writesPerSecond, p.rankReadMs) : 1000 / p.writesPerSecond,
      memory: null,
      limit: null,
      detail: `${fmt(writes)} row updates/s${readMs > 0 ? `; ranks by SQL cost ${fmt(readMs)} ms of CPU per second` : ''}`,
    });
  }

  // Kafka and the consumer group.
  const log = node(plan.log);
  if (log) {
    const k = costs.kafka;
    const capacity = plan.partitions * k.eventsPerPartitionPerSecond;
    const retentionDays = paramOf(log, 'retentionHours') / 24;
    const disk = load.updatesPerDay * k.eventBytes * retentionDays * k.replicas;
    add(log.id, {
      ops: W,
      capacity,
      util: W / capacity,
      serviceMs: k.produceMs,
      memory: null,
      limit: null,
      detail: `${fmt(W)} events/s into ${plan.partitions} partitions; ${(disk / 1e9).toFixed(0)} GB on disk at ${paramOf(log, 'retentionHours')} h retention × ${k.replicas} replicas`,
    });
    const groupIds = [...new Set(plan.consumers)];
    const effective = Math.min(plan.consumers.length, plan.partitions);
    const capacityC = effective * costs.consumerEventsPerSecond;
    const d: Demand = {
      ops: W,
      capacity: capacityC,
      util: W / capacityC,
      serviceMs: 1000 / costs.consumerEventsPerSecond,
      memory: null,
      limit: null,
      detail: `${plan.consumers.length} consumer(s)${effective < plan.consumers.length ? `, only ${effective} busy (one per partition)` : ''}, ${fmt(costs.consumerEventsPerSecond)} events/s each`,
    };
    for (const id of groupIds) add(id, d);
  }

  const nodes: Record<string, NodeCapacity> = {};
  for (const [id, d] of demands) {
    const n = node(id);
    if (!n) continue;
    const lat = latency(d.serviceMs, d.util);
    nodes[id] = {
      id,
      kind: n.kind,
      opsPerSecond: d.ops,
      capacityPerSecond: d.capacity,
      utilisation: d.util,
      p50Ms: lat.p50,
      p99Ms: lat.p99,
      memoryBytes: d.memory,
      memoryLimitBytes: d.limit,
      backlogPerSecond: d.util > 1 && Number.isFinite(d.capacity) ? d.ops - d.capacity : 0,
      detail: d.detail,
    };
  }

  let bottleneck: string | null = null;
  let worst = 0.05;
  for (const n of Object.values(nodes)) {
    if (n.utilisation > worst) {
      worst = n.utilisation;
      bottleneck = n.id;
    }
  }

  const rtt = costs.networkRttMs;
  const p99 = (id: string | null) => (id && nodes[id] ? nodes[id].p99Ms : 0);
  const storeP99 = Math.max(0, ...plan.shards.map((id) => p99(id)));
  const pgUtil = nodes[plan.truth ?? '']?.utilisation ?? 0;
  // Measured at the API's store client, as the guide's p99 alert is: range shards take the
  // score lookup then ZREVRANK, hash shards ZSCORE then ZCOUNTs in parallel.
  const rankReadP99Ms =
    rankSource === 'redis'
      ? (S > 1 ? 2 : 1) * (rtt + storeP99)
      : rankSource === 'histogram'
        ? rtt + p99(histogram?.id ?? null)
        : rankSource === 'postgres'
          ? rtt + latency(costs.postgres.rankReadMs, pgUtil).p99
          : Infinity;
  const writeSteps = [
    plan.writeApi,
    ...(plan.log ? [plan.log, plan.consumers[0] ?? null] : []),
    plan.truth,
    plan.shards[0] ?? null,
  ].filter((x): x is string => !!x);
  const writePathP99Ms = writeSteps.reduce((s, id) => s + p99(id) + rtt, 0);

  // 60 s of constant peak: a backlog grows on every saturated component.
  const timeline: { second: number; backlog: Record<string, number> }[] = [];
  const queue: Record<string, number> = {};
  const dt = 0.1;
  for (let step = 1; step <= 600; step++) {
    for (const n of Object.values(nodes)) {
      if (n.backlogPerSecond > 0) queue[n.id] = (queue[n.id] ?? 0) + n.backlogPerSecond * dt;
    }
    if (step % 10 === 0) timeline.push({ second: step / 10, backlog: { ...queue } });
  }
  const writeBacklog = writeSteps.reduce(
    (s, id) => s + (queue[id] ?? 0) / Math.max(1, nodes[id]?.capacityPerSecond ?? 1),
    0,
  );
  notes.push(
    'Queueing is M/M/1 per instance (p99 = 4.6 × the mean response); a saturated component backs up at its excess rate.',
  );
  return {
    nodes,
    bottleneck,
    rankReadP99Ms,
    writePathP99Ms,
    timeline,
    freshnessAfter60s: writeBacklog,
    rankSource,
    notes,
  };
}

/** A latency for a table: "0.42 ms", "37 ms", "1,204 ms", or "unbounded" when saturated. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'unbounded';
  return `${ms < 10 ? ms.toFixed(2) : Math.round(ms).toLocaleString('en-US')} ms`;
}

/** One component's line of the load table, as text. */
export interface CapacityRow {
  readonly id: string;
  readonly bottleneck: boolean;
  /** "37%". */
  readonly busy: string;
  readonly p50: string;
  readonly p99: string;
  /** "+1,200/s" when a backlog grows, else "—". */
  readonly backlog: string;
  readonly detail: string;
}

/** The load table of a capacity pass: one row per component it measured (not the clients). O(nodes). */
export function capacityRows(capacity: CapacityResult): CapacityRow[] {
  return Object.values(capacity.nodes).map((n) => ({
    id: n.id,
    bottleneck: capacity.bottleneck === n.id,
    busy: `${Math.round(n.utilisation * 100)}%`,
    p50: formatMs(n.p50Ms),
    p99: formatMs(n.p99Ms),
    backlog:
      n.backlogPerSecond > 0 ? `+${Math.round(n.backlogPerSecond).toLocaleString('en-US')}/s` : '—',
    detail: n.detail,
  }));
}
