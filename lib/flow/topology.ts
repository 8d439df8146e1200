/**
 * The topology format: a design drawn as components and data flows. The event-flow simulation
 * runs whatever topology it is given; the guide's five stages and a candidate's own drawing
 * in the practice room are both written in it.
 *
 * A topology is plain, serialisable data (it is saved with an attempt and posted to the
 * worker). `compileTopology` checks it and, when it can run, turns it into a `SimPlan`: which
 * node plays which role on the write path, the read path and in a recovery.
 */

/** What a component is. The palette offers every kind but `board`, which the guide draws. */
export type ComponentKind =
  | 'clients'
  | 'cdn'
  | 'load-balancer'
  | 'api'
  | 'kafka'
  | 'consumers'
  | 'postgres'
  | 'pg-replica'
  | 'redis'
  | 'shard-router'
  | 'topk-cache'
  | 'histogram'
  | 'board';

/**
 * What an edge carries. Write and read edges point the way a request travels (API → Kafka,
 * API → Redis); replication points from primary to replica; recovery from the source a store
 * is rebuilt from to that store. `outbox` goes from PostgreSQL to a Kafka topic: the API
 * commits each score together with an outbox row, and a relay publishes committed rows to
 * the topic (the transactional outbox), so the log never holds a score the database does not.
 */
export const flowKinds = [
  'write',
  'read',
  'read-write',
  'replication',
  'recovery',
  'outbox',
] as const;
export type FlowKind = (typeof flowKinds)[number];

export type RedisMode = 'standalone' | 'replicated' | 'cluster';
export type ShardingMode = 'range' | 'hash';

/** Every parameter any component takes; which ones a kind uses is in `componentSpecs`. */
export interface ComponentParams {
  /** API / load balancer: instances behind one name. */
  readonly instances?: number;
  /** Kafka: partitions of the topic. */
  readonly partitions?: number;
  /** Kafka: how long records are kept. */
  readonly retentionHours?: number;
  /** Consumers: instances in the group. */
  readonly consumers?: number;
  /** Consumers drawn as separate nodes share a group by this name. */
  readonly group?: string;
  /** API / consumers: every write carries the player's version and a stale one is skipped. */
  readonly idempotent?: boolean;
  /** PostgreSQL: streaming replicas (besides any drawn `pg-replica` nodes). */
  readonly replicas?: number;
  /** PostgreSQL: each commit waits for one replica (synchronous_commit with a sync standby). */
  readonly synchronous?: boolean;
  /** Redis: one instance, a primary with a replica, or a cluster of shards. */
  readonly mode?: RedisMode;
  /** Redis cluster: shards (each a primary, with a replica when `replicated`). */
  readonly shards?: number;
  /** Redis cluster or shard router: players split by score range or by hash of their id. */
  readonly sharding?: ShardingMode;
  /** Redis cluster: each shard has a replica. */
  readonly replicated?: boolean;
  /** Redis / PostgreSQL: memory of one instance, in GB. */
  readonly memoryGb?: number;
  /** Top-K cache / CDN: how long an answer is reused, in seconds. */
  readonly ttlSeconds?: number;
  /** Top-K cache: entries kept. */
  readonly topK?: number;
  /** Histogram service: score buckets. */
  readonly buckets?: number;
  /**
   * Redis behind a range router: the lowest score of the band it owns. Set by the guide's
   * stages (the design's bands); a drawing without floors is cut at equal populations.
   * Not offered in the practice palette.
   */
  readonly minScore?: number;
}

export type ParamKey = keyof ComponentParams;

export interface TopologyNode {
  /** Unique within the topology; the simulation reports per-node numbers under it. */
  readonly id: string;
  readonly kind: ComponentKind;
  readonly params?: ComponentParams;
}

export interface TopologyEdge {
  readonly source: string;
  readonly target: string;
  readonly flow: FlowKind;
}

/**
 * One band of the players a design serves: how many sit at which scores, and how often they
 * play. The guide's stages take theirs from the design ledger; without a population the
 * simulation draws long-tailed scores of its own.
 */
export interface PopulationBand {
  /** Lowest score in the band; the band reaches up to the next band's floor. */
  readonly minScore: number;
  /** Share of all players in the band (the bands' shares sum to 1). */
  readonly share: number;
  /** Score updates per player of the band, relative to the other bands. */
  readonly activity: number;
}

export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  /** Who plays: bands of players by score (optional; see `PopulationBand`). */
  readonly population?: readonly PopulationBand[];
}

/** One parameter a component takes: its type, range and default. */
export type ParamSpec =
  | {
      readonly key: ParamKey;
      readonly label: string;
      readonly type: 'int';
      readonly min: number;
      readonly max: number;
      readonly default: number;
      readonly unit?: string;
    }
  | {
      readonly key: ParamKey;
      readonly label: string;
      readonly type: 'choice';
      readonly choices: readonly string[];
      readonly default: string;
    }
  | {
      readonly key: ParamKey;
      readonly label: string;
      readonly type: 'boolean';
      readonly default: boolean;
    }
  | {
      readonly key: ParamKey;
      readonly label: string;
      readonly type: 'text';
      readonly default: string;
    };

export interface ComponentSpec {
  readonly kind: ComponentKind;
  /** Name in the palette and in messages. */
  readonly label: string;
  readonly params: readonly ParamSpec[];
}

const int = (
  key: ParamKey,
  label: string,
  min: number,
  max: number,
  def: number,
  unit?: string,
): ParamSpec => ({ key, label, type: 'int', min, max, default: def, unit });

/** The components, their parameters and the ranges a parameter may take. */
export const componentSpecs: Readonly<Record<ComponentKind, ComponentSpec>> = {
  clients: { kind: 'clients', label: 'Clients', params: [] },
  cdn: { kind: 'cdn', label: 'CDN', params: [int('ttlSeconds', 'Cache TTL', 1, 300, 5, 's')] },
  'load-balancer': {
    kind: 'load-balancer',
    label: 'Load balancer',
    params: [int('instances', 'Instances', 1, 16, 2)],
  },
  api: {
    kind: 'api',
    label: 'API service',
    params: [
      int('instances', 'Instances', 1, 500, 8),
      { key: 'idempotent', label: 'Skip stale versions', type: 'boolean', default: false },
    ],
  },
  kafka: {
    kind: 'kafka',
    label: 'Kafka topic',
    params: [
      int('partitions', 'Partitions', 1, 1024, 6),
      int('retentionHours', 'Retention', 1, 8760, 168, 'h'),
    ],
  },
  consumers: {
    kind: 'consumers',
    label: 'Consumer group',
    params: [
      int('consumers', 'Consumers', 1, 256, 3),
      { key: 'idempotent', label: 'Skip stale versions', type: 'boolean', default: false },
      { key: 'group', label: 'Group', type: 'text', default: '' },
    ],
  },
  postgres: {
    kind: 'postgres',
    label: 'PostgreSQL',
    params: [
      int('replicas', 'Replicas', 0, 8, 1),
      { key: 'synchronous', label: 'Synchronous standby', type: 'boolean', default: false },
      int('memoryGb', 'Memory', 4, 1024, 64, 'GB'),
    ],
  },
  'pg-replica': { kind: 'pg-replica', label: 'PostgreSQL replica', params: [] },
  redis: {
    kind: 'redis',
    label: 'Redis',
    params: [
      {
        key: 'mode',
        label: 'Mode',
        type: 'choice',
        choices: ['standalone', 'replicated', 'cluster'],
        default: 'standalone',
      },
      int('shards', 'Shards', 1, 256, 1),
      {
        key: 'sharding',
        label: 'Sharding',
        type: 'choice',
        choices: ['range', 'hash'],
        default: 'range',
      },
      { key: 'replicated', label: 'Replica per shard', type: 'boolean', default: false },
      int('memoryGb', 'Memory per instance', 1, 1024, 16, 'GB'),
    ],
  },
  'shard-router': {
    kind: 'shard-router',
    label: 'Shard router',
    params: [
      {
        key: 'sharding',
        label: 'Sharding',
        type: 'choice',
        choices: ['range', 'hash'],
        default: 'range',
      },
    ],
  },
  'topk-cache': {
    kind: 'topk-cache',
    label: 'Top-K cache',
    params: [int('ttlSeconds', 'TTL', 1, 60, 1, 's'), int('topK', 'Entries', 10, 100_000, 100)],
  },
  histogram: {
    kind: 'histogram',
    label: 'Histogram service',
    params: [int('buckets', 'Buckets', 10, 1_000_000, 10_000)],
  },
  board: { kind: 'board', label: 'Other board', params: [] },
};

/** Kinds a reader can add from the practice palette, in palette order. */
export const paletteKinds: readonly ComponentKind[] = [
  'clients',
  'cdn',
  'load-balancer',
  'api',
  'kafka',
  'consumers',
  'redis',
  'postgres',
  'topk-cache',
  'histogram',
];

/**
 * A node's parameter, or its default when the node does not set it.
 * @returns the value. O(params).
 */
export function paramOf<K extends ParamKey>(
  node: TopologyNode,
  key: K,
): NonNullable<ComponentParams[K]> {
  const own = node.params?.[key];
  if (own !== undefined) return own as NonNullable<ComponentParams[K]>;
  const spec = componentSpecs[node.kind]?.params.find((p) => p.key === key);
  return (spec?.default ?? 0) as NonNullable<ComponentParams[K]>;
}

export type IssueSeverity = 'error' | 'warning';

/** Something wrong with a topology, attached to the node or edge it is about. */
export interface TopologyIssue {
  readonly severity: IssueSeverity;
  /** Node the message belongs on, or null for the whole graph. */
  readonly node: string | null;
  /** Edge id (`source->target`) the message belongs on, or null. */
  readonly edge: string | null;
  readonly message: string;
}

/** What each role of the simulation is played by, derived from a valid topology. */
export interface SimPlan {
  readonly clients: string;
  /** Nodes between the clients and the API (CDN, load balancer), in path order. */
  readonly writeFront: readonly string[];
  readonly readFront: readonly string[];
  readonly writeApi: string;
  readonly readApi: string;
  /** Kafka topic on the write path, or null. */
  readonly log: string | null;
  readonly partitions: number;
  /** Node id of each consumer instance (several instances may share a node). */
  readonly consumers: readonly string[];
  /** PostgreSQL written on the write path (the source of truth), or null. */
  readonly truth: string | null;
  /** Streaming replicas of the source of truth (drawn or as a parameter). */
  readonly truthReplicas: number;
  /** A commit waits for one replica, so a failover loses no committed row. */
  readonly truthSynchronous: boolean;
  /** Node that fronts the shards (a drawn shard router), or null. */
  readonly router: string | null;
  /** Node id of each sorted-set shard (a Redis cluster's shards share its node). */
  readonly shards: readonly string[];
  readonly sharding: ShardingMode;
  /** Each shard has a replica it fails over to. */
  readonly replicatedShards: boolean;
  /**
   * Range sharding with drawn bands: the lowest score of each shard, ascending and aligned
   * with `shards` (the first is 0). Null: the simulation cuts equal populations.
   */
  readonly shardFloors: readonly number[] | null;
  /** The players by score band (ascending floors, shares summing to 1), or null. */
  readonly population: readonly PopulationBand[] | null;
  /** Who writes where. `cache` is the sorted-set store. */
  readonly writes: {
    /** The API appends events to the topic itself (log first). */
    readonly apiToLog: boolean;
    /**
     * The API commits to PostgreSQL, and a relay publishes the committed rows to the topic
     * (PostgreSQL first, transactional outbox). Events then carry the committed total.
     */
    readonly outbox: boolean;
    readonly apiToTruth: boolean;
    readonly apiToCache: boolean;
    readonly consumersToTruth: boolean;
    readonly consumersToCache: boolean;
    /** The API stamps versions and its direct writes skip stale ones. */
    readonly apiIdempotent: boolean;
    /** Consumers skip a version already applied. */
    readonly consumersIdempotent: boolean;
  };
  readonly reads: {
    /** Ranked reads go to the sorted-set store. */
    readonly fromCache: boolean;
    /** PostgreSQL (or a replica) answers reads: always, as a fallback, or never. */
    readonly fromTruth: 'primary' | 'fallback' | 'none';
    /** Node the PostgreSQL reads go to (the primary or a drawn replica). */
    readonly truthNode: string | null;
    /**
     * Histogram service the API reads when a shard a read needs is not serving: the player
     * gets an approximate rank from the last snapshot's bucket counts. Null without one.
     */
    readonly histogramNode: string | null;
    /**
     * Top-K cache the API answers top-K reads from, refreshed from the store once its answer
     * is `ttlSeconds` old; while the store cannot answer it keeps serving its last list,
     * marked stale. Null without one.
     */
    readonly topKCache: { readonly node: string; readonly ttlSeconds: number } | null;
  };
  /** Nodes the event-level simulation does not model (caches, boards, replicas, a histogram no read uses). */
  readonly passive: readonly string[];
}

export interface CompiledTopology {
  /** The plan, or null when the topology has an error. */
  readonly plan: SimPlan | null;
  readonly issues: readonly TopologyIssue[];
}

const carriesWrites = (f: FlowKind) => f === 'write' || f === 'read-write';
const carriesReads = (f: FlowKind) => f === 'read' || f === 'read-write';

/** Which kinds may feed which, and with what flows. Anything else is refused with a reason. */
const allowed: Readonly<
  Partial<Record<ComponentKind, Partial<Record<ComponentKind, FlowKind[]>>>>
> = {
  clients: {
    cdn: ['read'],
    'load-balancer': ['read', 'write', 'read-write'],
    api: ['read', 'write', 'read-write'],
  },
  cdn: { 'load-balancer': ['read'], api: ['read'] },
  'load-balancer': { api: ['read', 'write', 'read-write'] },
  api: {
    kafka: ['write'],
    postgres: ['read', 'write', 'read-write'],
    'pg-replica': ['read'],
    redis: ['read', 'write', 'read-write'],
    'shard-router': ['read', 'write', 'read-write'],
    'topk-cache': ['read'],
    histogram: ['read', 'write', 'read-write'],
    board: ['read', 'write', 'read-write'],
  },
  kafka: {
    consumers: ['write'],
    redis: ['recovery'],
    'shard-router': ['recovery'],
    postgres: ['recovery'],
  },
  consumers: {
    postgres: ['write'],
    redis: ['write'],
    'shard-router': ['write'],
    histogram: ['write'],
    board: ['write'],
  },
  postgres: {
    'pg-replica': ['replication'],
    kafka: ['outbox'],
    redis: ['recovery'],
    'shard-router': ['recovery'],
    histogram: ['recovery'],
  },
  'pg-replica': { redis: ['recovery'], 'shard-router': ['recovery'] },
  'topk-cache': {
    redis: ['read'],
    'shard-router': ['read'],
    postgres: ['read'],
    'pg-replica': ['read'],
  },
  'shard-router': {
    redis: ['read', 'write', 'read-write'],
    board: ['write'],
    histogram: ['recovery'],
  },
  redis: { redis: ['replication'], histogram: ['recovery'] },
  board: { redis: ['read'], 'shard-router': ['read'] },
};

const kindLabel = (kind: ComponentKind): string => componentSpecs[kind]?.label ?? kind;

/** Formats a parameter range for a message: 1–1,024. */
const range = (min: number, max: number) =>
  `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}`;

function checkParams(node: TopologyNode, issues: TopologyIssue[]): void {
  const spec = componentSpecs[node.kind];
  if (!spec) return;
  for (const [key, value] of Object.entries(node.params ?? {})) {
    const p = spec.params.find((s) => s.key === key);
    if (!p) continue;
    const bad = (message: string) =>
      issues.push({ severity: 'error', node: node.id, edge: null, message });
    if (p.type === 'int') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < p.min || value > p.max) {
        bad(
          `${p.label} must be a whole number from ${range(p.min, p.max)} (it is ${String(value)}).`,
        );
      }
    } else if (p.type === 'choice') {
      if (typeof value !== 'string' || !p.choices.includes(value)) {
        bad(`${p.label} must be one of ${p.choices.join(', ')} (it is ${String(value)}).`);
      }
    } else if (p.type === 'boolean') {
      if (typeof value !== 'boolean') bad(`${p.label} must be on or off.`);
    } else if (typeof value !== 'string' || value.length > 40) {
      bad(`${p.label} must be a name of at most 40 characters.`);
    }
  }
}

/**
 * Finds one cycle among the request edges (write, read, read-write), which no design needs:
 * data would go round forever.
 * @returns the node ids of a cycle in order, or null. O(nodes + edges).
 */
function findCycle(
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (e.flow === 'replication' || e.flow === 'recovery') continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  }
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const n of nodes) {
    if (state.has(n.id)) continue;
    const found = visit(n.id);
    if (found) return found;
  }
  return null;
}

/**
 * The bands of the shards behind a range router, when the drawing gives them: each shard's
 * `minScore`, sorted ascending, the lowest at 0. All or none: a router with floors on only
 * some shards is reported.
 * @returns the shards in band order with their floors, or null (none given, or an error). O(S log S).
 */
function rangeFloors(
  behind: readonly TopologyNode[],
  report: (message: string) => void,
): { shards: string[]; floors: number[] } | null {
  const given = behind.filter((b) => b.params?.minScore !== undefined);
  if (given.length === 0) return null;
  if (given.length < behind.length) {
    report(
      'Give every shard behind this router the lowest score of its band, or none (the bands are then cut at equal populations).',
    );
    return null;
  }
  const cut = behind
    .map((b) => ({ id: b.id, floor: b.params?.minScore ?? 0 }))
    .sort((a, b) => a.floor - b.floor);
  const floors = cut.map((c) => c.floor);
  if (floors.some((f) => !Number.isInteger(f) || f < 0)) {
    report('A band’s lowest score must be a whole number of points, 0 or more.');
  } else if (floors[0] !== 0) {
    report('The lowest band must start at score 0, or the lowest players belong nowhere.');
  } else if (new Set(floors).size < floors.length) {
    report('Two shards start their bands at the same score.');
  } else return { shards: cut.map((c) => c.id), floors };
  return null;
}

/** Reports a population whose bands cannot describe players (see `PopulationBand`). */
function checkPopulation(
  population: readonly PopulationBand[],
  report: (message: string) => void,
): void {
  const floors = population.map((b) => b.minScore);
  const shares = population.reduce((s, b) => s + b.share, 0);
  if (population.length === 0) report('The population has no bands.');
  else if (population.some((b) => !(b.share > 0) || !(b.activity > 0))) {
    report('Every band of the population needs players and activity above 0.');
  } else if (Math.abs(shares - 1) > 1e-6) {
    report(`The population’s shares sum to ${shares.toFixed(3)}, not 1.`);
  } else if (!floors.includes(0) || floors.some((f) => !Number.isInteger(f) || f < 0)) {
    report('The population’s bands must start at whole scores, the lowest at 0.');
  } else if (new Set(floors).size < floors.length) {
    report('Two bands of the population start at the same score.');
  }
}

/**
 * Checks a topology and, when it has no error, derives the roles the simulation needs.
 * Messages are attached to the node or edge they are about, so an editor can show each one
 * where it belongs. Warnings never stop a run.
 * @returns the plan (or null) and every issue found. O(nodes + edges).
 */
export function compileTopology(topology: Topology): CompiledTopology {
  const issues: TopologyIssue[] = [];
  const error = (node: string | null, message: string, edge: string | null = null) =>
    issues.push({ severity: 'error', node, edge, message });
  const warn = (node: string | null, message: string) =>
    issues.push({ severity: 'warning', node, edge: null, message });

  const byId = new Map<string, TopologyNode>();
  for (const n of topology.nodes) {
    if (!componentSpecs[n.kind]) {
      error(n.id, `Unknown component kind "${String(n.kind)}".`);
      continue;
    }
    if (byId.has(n.id)) error(n.id, `Two components share the id "${n.id}".`);
    byId.set(n.id, n);
    checkParams(n, issues);
  }
  const edges: TopologyEdge[] = [];
  const seen = new Set<string>();
  for (const e of topology.edges) {
    const id = `${e.source}->${e.target}`;
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) {
      error(a ? a.id : null, `An arrow points at a component that is not on the canvas.`, id);
      continue;
    }
    if (a.id === b.id) {
      error(a.id, `${kindLabel(a.kind)} has an arrow to itself.`, id);
      continue;
    }
    if (seen.has(id)) {
      error(a.id, `Two arrows from ${kindLabel(a.kind)} to ${kindLabel(b.kind)}: keep one.`, id);
      continue;
    }
    seen.add(id);
    const flows = allowed[a.kind]?.[b.kind];
    if (!flows || !flows.includes(e.flow)) {
      const what =
        e.flow === 'read-write'
          ? 'reads and writes'
          : e.flow === 'outbox'
            ? 'an outbox relay'
            : `${e.flow}s`;
      error(
        a.id,
        flows
          ? `${kindLabel(a.kind)} → ${kindLabel(b.kind)} can carry ${flows.join(' or ')}, not ${what}.`
          : `${kindLabel(a.kind)} does not send anything to ${kindLabel(b.kind)}.`,
        id,
      );
      continue;
    }
    edges.push(e);
  }
  const cycle = findCycle(topology.nodes, edges);
  if (cycle) {
    for (const id of new Set(cycle)) {
      error(id, `Requests go round in a circle (${cycle.join(' → ')}): remove one arrow.`);
    }
  }

  const nodes = [...byId.values()];
  const ofKind = (kind: ComponentKind) => nodes.filter((n) => n.kind === kind);
  const outs = (id: string, pred: (f: FlowKind) => boolean) =>
    edges.filter((e) => e.source === id && pred(e.flow)).map((e) => byId.get(e.target)!);
  const ins = (id: string, pred: (f: FlowKind) => boolean) =>
    edges.filter((e) => e.target === id && pred(e.flow)).map((e) => byId.get(e.source)!);

  const clientsNodes = ofKind('clients');
  if (clientsNodes.length === 0) error(null, 'Add a Clients component: nothing sends load.');
  if (clientsNodes.length > 1) {
    for (const c of clientsNodes.slice(1)) error(c.id, 'One Clients component is enough.');
  }
  const clients = clientsNodes[0];

  /** Follows front nodes (CDN, load balancer) from the clients to API nodes along `pred`. */
  const toApis = (pred: (f: FlowKind) => boolean): { apis: TopologyNode[]; front: string[] } => {
    const apis: TopologyNode[] = [];
    const front: string[] = [];
    const queue = clients ? [clients] : [];
    const visited = new Set<string>();
    while (queue.length) {
      const n = queue.shift()!;
      for (const next of outs(n.id, pred)) {
        if (visited.has(next.id)) continue;
        visited.add(next.id);
        if (next.kind === 'api') apis.push(next);
        else if (next.kind === 'cdn' || next.kind === 'load-balancer') {
          if (front.length < 4) front.push(next.id);
          queue.push(next);
        }
      }
    }
    return { apis, front };
  };
  const write = toApis(carriesWrites);
  const read = toApis(carriesReads);
  if (clients && write.apis.length === 0) {
    error(clients.id, 'Score events reach no API service: draw a write arrow from the clients.');
  }
  if (clients && read.apis.length === 0) {
    error(
      clients.id,
      'Leaderboard reads reach no API service: draw a read arrow from the clients.',
    );
  }
  if (write.apis.length > 1)
    error(write.apis[1]!.id, 'Writes reach two API services: send them to one.');
  if (read.apis.length > 1)
    error(read.apis[1]!.id, 'Reads reach two API services: send them to one.');
  for (const a of ofKind('api')) {
    if (!write.apis.includes(a) && !read.apis.includes(a)) {
      warn(a.id, 'Nothing reaches this API service from the clients.');
    }
  }

  const writeApi = write.apis[0];
  const readApi = read.apis[0];
  const isStore = (n: TopologyNode) => n.kind === 'redis' || n.kind === 'shard-router';

  // The write path: what the API writes, and what the topic's consumers write.
  const apiWrites = writeApi ? outs(writeApi.id, carriesWrites) : [];
  const apiPg = apiWrites.filter((n) => n.kind === 'postgres');
  const isOutbox = (f: FlowKind) => f === 'outbox';
  for (const pg of ofKind('postgres')) {
    if (!apiPg.includes(pg) && outs(pg.id, isOutbox).length > 0) {
      error(
        pg.id,
        'An outbox row is written in the API’s transaction: draw the API’s write arrow to this PostgreSQL.',
      );
    }
  }
  const relayed = apiPg.flatMap((pg) => outs(pg.id, isOutbox));
  const logs = [...new Set([...apiWrites.filter((n) => n.kind === 'kafka'), ...relayed])];
  if (logs.length > 1) error(logs[1]!.id, 'Events reach two topics: use one, with partitions.');
  const log = logs[0] ?? null;
  const outbox = log !== null && relayed.includes(log);
  if (outbox && writeApi && apiWrites.includes(log)) {
    error(
      writeApi.id,
      'The API appends to the topic and PostgreSQL’s outbox relays to it too: every event would be published twice. Keep the outbox.',
    );
  }
  const consumerNodes = log
    ? outs(log.id, carriesWrites).filter((n) => n.kind === 'consumers')
    : [];
  if (log && consumerNodes.length === 0) {
    error(log.id, 'Nothing consumes this topic: add a consumer group and an arrow to it.');
  }
  for (const c of ofKind('consumers')) {
    if (!log || !consumerNodes.includes(c)) {
      error(c.id, 'This consumer group reads no topic the write path publishes to.');
    }
  }
  const groups = new Set(consumerNodes.map((c) => paramOf(c, 'group') || c.id));
  if (groups.size > 1) {
    error(
      consumerNodes[1]!.id,
      'Two consumer groups would each apply every event: give the consumers one group name.',
    );
  }
  const consumerWrites = consumerNodes.map((c) => outs(c.id, carriesWrites));
  const consumersTo = (pred: (n: TopologyNode) => boolean) =>
    consumerWrites.length > 0 && consumerWrites.some((targets) => targets.some(pred));
  consumerNodes.forEach((c, i) => {
    const targets = consumerWrites[i] ?? [];
    if (!targets.some((t) => isStore(t) || t.kind === 'postgres')) {
      error(c.id, 'These consumers write nowhere: draw a write arrow to Redis or PostgreSQL.');
    }
  });
  const consumersDiffer =
    consumerWrites.length > 1 &&
    consumerWrites.some(
      (t) =>
        t
          .map((n) => n.id)
          .sort()
          .join() !==
        (consumerWrites[0] ?? [])
          .map((n) => n.id)
          .sort()
          .join(),
    );
  if (consumersDiffer) {
    error(consumerNodes[0]!.id, 'Consumers of one group must all write the same stores.');
  }

  // The source of truth: PostgreSQL written by the API or the consumers.
  const pgWritten = [
    ...apiWrites.filter((n) => n.kind === 'postgres'),
    ...consumerWrites.flat().filter((n) => n.kind === 'postgres'),
  ];
  const truths = [...new Set(pgWritten)];
  if (truths.length > 1) error(truths[1]!.id, 'Scores are written to two databases: keep one.');
  const truth = truths[0] ?? null;

  // The sorted-set store: one Redis (any mode) or a shard router with Redis shards behind it.
  const storeWritten = [...apiWrites.filter(isStore), ...consumerWrites.flat().filter(isStore)];
  const stores = [...new Set(storeWritten)];
  const readTargets = readApi ? outs(readApi.id, carriesReads) : [];
  const viaCache = readTargets
    .filter((n) => n.kind === 'topk-cache')
    .flatMap((c) => outs(c.id, carriesReads));
  const readStores = [...new Set([...readTargets, ...viaCache])];
  for (const s of readStores) {
    if (isStore(s) && !stores.includes(s)) stores.push(s);
  }
  if (stores.length > 1) {
    error(
      stores[1]!.id,
      'Two separate Redis stores hold the board: use one (cluster mode shards it) or put a shard router in front of several.',
    );
  }
  const store = stores[0] ?? null;
  let router: TopologyNode | null = null;
  let shards: string[] = [];
  let sharding: ShardingMode = 'range';
  let replicatedShards = false;
  let shardFloors: number[] | null = null;
  if (store?.kind === 'shard-router') {
    router = store;
    const behind = outs(store.id, (f) => f !== 'replication').filter((n) => n.kind === 'redis');
    if (behind.length === 0) error(store.id, 'This shard router has no Redis shards behind it.');
    for (const b of behind) {
      if (paramOf(b, 'mode') === 'cluster') {
        error(
          b.id,
          'A shard behind a router is one instance: set its mode to standalone or replicated.',
        );
      }
    }
    shards = behind.map((b) => b.id);
    sharding = paramOf(store, 'sharding');
    if (sharding === 'range') {
      const cut = rangeFloors(behind, (message) => error(store.id, message));
      if (cut) {
        shards = cut.shards;
        shardFloors = cut.floors;
      }
    }
    replicatedShards =
      behind.length > 0 &&
      behind.every(
        (b) =>
          paramOf(b, 'mode') === 'replicated' ||
          ins(b.id, (f) => f === 'replication').length > 0 ||
          outs(b.id, (f) => f === 'replication').length > 0,
      );
  } else if (store?.kind === 'redis') {
    const mode = paramOf(store, 'mode');
    const count = mode === 'cluster' ? paramOf(store, 'shards') : 1;
    if (mode === 'cluster' && count < 2) {
      warn(store.id, 'A cluster of one shard is a single instance: give it 2 or more shards.');
    }
    shards = Array.from({ length: count }, () => store.id);
    sharding = mode === 'cluster' ? paramOf(store, 'sharding') : 'range';
    replicatedShards =
      mode === 'replicated' ||
      (mode === 'cluster' && paramOf(store, 'replicated')) ||
      outs(store.id, (f) => f === 'replication').length > 0;
  }

  const apiToCache = apiWrites.some(isStore);
  const consumersToCache = consumersTo(isStore);
  const apiToTruth = apiWrites.some((n) => n.kind === 'postgres');
  const consumersToTruth = consumersTo((n) => n.kind === 'postgres');
  if (writeApi && !log && !apiToCache && !apiToTruth) {
    error(writeApi.id, 'Score events stop here: draw a write arrow to Kafka, Redis or PostgreSQL.');
  }
  if (apiToCache && consumersToCache) {
    error(
      writeApi!.id,
      'The API and the consumers both write Redis: every event would be applied twice.',
    );
  }
  if (apiToTruth && consumersToTruth) {
    error(
      writeApi!.id,
      'The API and the consumers both write PostgreSQL: every event would be applied twice.',
    );
  }

  // Reads: the store, PostgreSQL (primary or replica), possibly both (then PostgreSQL is the
  // fallback while a shard is down).
  const readsStore = readStores.some(isStore);
  const pgReads = readStores.filter((n) => n.kind === 'postgres' || n.kind === 'pg-replica');
  const readsHistogram = readStores.some((n) => n.kind === 'histogram' || n.kind === 'board');
  const histogramNode = readTargets.find((n) => n.kind === 'histogram') ?? null;
  if (readApi && !readsStore && pgReads.length === 0 && !readsHistogram) {
    error(
      readApi.id,
      'Reads reach no store: draw a read arrow to Redis, PostgreSQL or a cache in front of one.',
    );
  }
  for (const p of pgReads) {
    const primary = p.kind === 'postgres' ? p : ins(p.id, (f) => f === 'replication')[0];
    if (!truth || primary !== truth) {
      error(p.id, 'Reads go to a database that the write path never writes.');
    }
  }
  if (readsStore && !store) error(readApi?.id ?? null, 'Reads reach no Redis store.');
  for (const c of ofKind('topk-cache')) {
    if (outs(c.id, carriesReads).length === 0) {
      error(c.id, 'This cache has nothing behind it to refresh from.');
    }
  }
  // The cache the simulation models: one the API reads that refreshes from the board.
  const topKCache =
    readTargets.find(
      (n) => n.kind === 'topk-cache' && outs(n.id, carriesReads).some((b) => b === store),
    ) ?? null;
  const population = topology.population ?? null;
  if (population) checkPopulation(population, (message) => error(null, message));
  if (store && !apiToCache && !consumersToCache) {
    error(store.id, 'Nothing writes this Redis: its board would stay empty.');
  }

  const truthReplicas = truth
    ? paramOf(truth, 'replicas') + outs(truth.id, (f) => f === 'replication').length
    : 0;

  const structural = new Set<string>([
    ...(clients ? [clients.id] : []),
    ...write.front,
    ...read.front,
    ...(writeApi ? [writeApi.id] : []),
    ...(readApi ? [readApi.id] : []),
    ...(log ? [log.id] : []),
    ...consumerNodes.map((c) => c.id),
    ...(truth ? [truth.id] : []),
    ...(router ? [router.id] : []),
    ...(histogramNode ? [histogramNode.id] : []),
    ...(topKCache ? [topKCache.id] : []),
    ...shards,
  ]);
  if (issues.some((i) => i.severity === 'error') || !clients || !writeApi || !readApi) {
    return { plan: null, issues };
  }
  const consumers = consumerNodes.flatMap((c) =>
    Array.from({ length: paramOf(c, 'consumers') }, () => c.id),
  );
  const truthNode = pgReads[0]?.id ?? null;
  const plan: SimPlan = {
    clients: clients.id,
    writeFront: write.front,
    readFront: read.front,
    writeApi: writeApi.id,
    readApi: readApi.id,
    log: log?.id ?? null,
    partitions: log ? paramOf(log, 'partitions') : 0,
    consumers,
    truth: truth?.id ?? null,
    truthReplicas,
    truthSynchronous: truth !== null && truthReplicas > 0 && paramOf(truth, 'synchronous'),
    router: router?.id ?? null,
    shards,
    sharding,
    replicatedShards,
    shardFloors,
    population: population ? [...population].sort((a, b) => a.minScore - b.minScore) : null,
    writes: {
      apiToLog: !!log && !outbox,
      outbox,
      apiToTruth,
      apiToCache,
      consumersToTruth,
      consumersToCache,
      apiIdempotent: paramOf(writeApi, 'idempotent'),
      consumersIdempotent:
        consumerNodes.length > 0 && consumerNodes.every((c) => paramOf(c, 'idempotent')),
    },
    reads: {
      fromCache: readsStore,
      fromTruth: pgReads.length === 0 ? 'none' : readsStore ? 'fallback' : 'primary',
      truthNode,
      histogramNode: histogramNode?.id ?? null,
      topKCache: topKCache
        ? { node: topKCache.id, ttlSeconds: paramOf(topKCache, 'ttlSeconds') }
        : null,
    },
    passive: nodes.filter((n) => !structural.has(n.id)).map((n) => n.id),
  };
  return { plan, issues };
}

/** Node id of consumer `i` in the default topology. */
export const defaultConsumerNode = (i: number): string => `consumer-${i}`;
/** Node id of Redis shard `k` in the default topology (shard 0 holds the lowest scores). */
export const defaultShardNode = (k: number): string => `redis-shard-${k}`;

/**
 * The sharded pipeline the simulation runs when it is given no topology, the guide's design:
 * clients → API → PostgreSQL, whose outbox a relay publishes to Kafka → a consumer group →
 * Redis range shards behind a router; reads from the shards, with the histogram's approximate
 * rank for a player whose shard is lost. The guide's fourth stage is this topology.
 * @returns a topology with `consumers` consumer nodes and `shards` shard nodes. O(c + s).
 */
export function pipelineTopology(sizes: {
  partitions: number;
  consumers: number;
  shards: number;
}): Topology {
  const consumers = Array.from({ length: sizes.consumers }, (_, i) => defaultConsumerNode(i));
  const shards = Array.from({ length: sizes.shards }, (_, k) => defaultShardNode(k));
  const group = 'score-writers';
  return {
    nodes: [
      { id: 'clients', kind: 'clients' },
      { id: 'api', kind: 'api', params: { idempotent: true } },
      { id: 'kafka', kind: 'kafka', params: { partitions: sizes.partitions } },
      ...consumers.map((id): TopologyNode => ({
        id,
        kind: 'consumers',
        params: { consumers: 1, group, idempotent: true },
      })),
      { id: 'postgres', kind: 'postgres', params: { replicas: 0 } },
      { id: 'shard-router', kind: 'shard-router', params: { sharding: 'range' } },
      ...shards.map((id): TopologyNode => ({ id, kind: 'redis', params: { mode: 'standalone' } })),
      { id: 'histogram', kind: 'histogram' },
    ],
    edges: [
      { source: 'clients', target: 'api', flow: 'read-write' },
      { source: 'api', target: 'postgres', flow: 'write' },
      { source: 'postgres', target: 'kafka', flow: 'outbox' },
      ...consumers.map((c): TopologyEdge => ({ source: 'kafka', target: c, flow: 'write' })),
      ...consumers.map((c): TopologyEdge => ({ source: c, target: 'shard-router', flow: 'write' })),
      { source: 'api', target: 'shard-router', flow: 'read' },
      ...shards.map((s): TopologyEdge => ({
        source: 'shard-router',
        target: s,
        flow: 'read-write',
      })),
      { source: 'kafka', target: 'shard-router', flow: 'recovery' },
      { source: 'postgres', target: 'shard-router', flow: 'recovery' },
      { source: 'api', target: 'histogram', flow: 'read' },
      { source: 'shard-router', target: 'histogram', flow: 'recovery' },
    ],
  };
}
