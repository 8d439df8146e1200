/**
 * The five stages of the leaderboard design as the guide draws and explains them: one canvas,
 * fixed positions, so a node keeps its place from stage to stage and a reader sees exactly
 * what each step added. Each stage is also a topology (`lib/flow/topology.ts`) that the
 * event-flow simulation runs, so a stage's diagram animates the design it shows. Node ids are
 * the simulation's (`clients`, `api`, `kafka`, `consumer-0`, `postgres`, `shard-router`,
 * `redis-shard-3`, …), so flights and throughput map straight onto the picture.
 *
 * The prose here (titles, summaries, descriptions, node panels) is the guide's text; links
 * into the guide come from `content/chapters.ts`.
 *
 * Figures at 100M players are the design ledger's (content/design-ledger.ts, checked by
 * content/ledger.test.ts). The simulation runs a scale model (a thousand players in the
 * ledger's score bands, six partitions, three consumers, and four of the design's eight
 * shards: S1 as it is, the bands below merged); where the model differs from the design, the
 * text says which is which.
 */

import type { DrillId } from '@/lib/flow/drills';
import type { DiagramLayout, RouteSpec } from '@/lib/flow/diagram-geometry';
import {
  edgeLoad as projectedEdgeLoad,
  nodeLive as projectedNodeLive,
  type FlightPaths,
  type NodeLive,
} from '@/lib/flow/diagram-live';
import { edgeCurve } from '@/lib/flow/diagram-geometry';
import type {
  ComponentKind,
  ComponentParams,
  FlowKind,
  Topology,
  TopologyNode,
} from '@/lib/flow/topology';
import type { FlowView } from '@/lib/flow/view';
import { sectionHref } from '@/lib/content/navigation';
import { chapters } from './chapters';
import {
  cachedPageReadsPerSecond,
  memory,
  memoryTable,
  rangeShards,
  reads,
  readsAtPeak,
  scale,
  sharding,
  topShardWritesPerSecond,
  traffic,
  type RangeShard,
} from './design-ledger';

/** Bytes → GB with one decimal, as the chapters print them (16.3). */
const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
/** 250000 → "250,000". */
const num = (n: number) => n.toLocaleString('en-US');
/** 17500000 → "17.5M". */
const millions = (n: number) => `${num(n / 1e6)}M`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/*
 * The scale model of the design's range shards (DESIGN-DECISIONS 5 and 6), derived here, once,
 * from the ledger's `rangeShards`. The diagram draws four shards where the design has eight:
 * the top one is S1 itself (250,000 points and above, the top 1% of players) and each one
 * below merges neighbouring ledger shards, so every band edge is one of the design's. Players
 * sit in the ledger's eight bands in the ledger's proportions; S1's players play so much more
 * that S1 takes `sharding.topShardWriteShare` (15%) of the updates, and everyone else plays in
 * proportion to their numbers, as the sharding chapter assumes.
 */
const SHARD_GROUPS: readonly (readonly string[])[] = [
  ['S7', 'S8'],
  ['S5', 'S6'],
  ['S2', 'S3', 'S4'],
  ['S1'],
];
const ledgerShard = (name: string): RangeShard => {
  const found = rangeShards.find((r) => r.name === name);
  if (!found) throw new Error(`flow-stages: no ledger shard ${name}`);
  return found;
};
const topLedgerShard = rangeShards.reduce((a, b) => (b.minScore > a.minScore ? b : a));
const largestLedgerShard = Math.max(...rangeShards.map((r) => r.members));
const otherWritesPerMember =
  (1 - sharding.topShardWriteShare) / (scale.registeredPlayers - topLedgerShard.members);

/** One drawn shard of the model: the ledger shards it merges, its band, players and writes. */
export interface ModelShard {
  readonly id: string;
  readonly names: string;
  readonly minScore: number;
  /** Lowest score of the band above, or null for the top shard. */
  readonly maxScore: number | null;
  readonly members: number;
  /** Share of the design's score updates this band takes at peak. */
  readonly writeShare: number;
}

/** The four drawn shards, lowest band first (`redis-shard-0` … `redis-shard-3`). */
export const modelShards: readonly ModelShard[] = SHARD_GROUPS.map((group, k) => {
  const merged = group.map(ledgerShard);
  const minScore = Math.min(...merged.map((m) => m.minScore));
  const members = merged.reduce((sum, m) => sum + m.members, 0);
  const above = SHARD_GROUPS[k + 1];
  return {
    id: `redis-shard-${k}`,
    names: group.length > 1 ? `${group[0]}–${group[group.length - 1]}` : (group[0] ?? ''),
    minScore,
    maxScore: above ? Math.min(...above.map((n) => ledgerShard(n).minScore)) : null,
    members,
    writeShare: group.includes(topLedgerShard.name)
      ? sharding.topShardWriteShare
      : members * otherWritesPerMember,
  };
});

/** Who plays, in the model: the ledger's eight bands, with S1's players the most active. */
export const modelPopulation = [...rangeShards]
  .sort((a, b) => a.minScore - b.minScore)
  .map((r) => {
    const share = r.members / scale.registeredPlayers;
    const writes =
      r.name === topLedgerShard.name
        ? sharding.topShardWriteShare
        : r.members * otherWritesPerMember;
    return { minScore: r.minScore, share, activity: writes / share };
  });

/** A drawn shard's label: the design shards it stands for and where its band starts, in points. */
const shardLabel = (m: ModelShard) => {
  const k = (n: number) => `${num(n / 1000)}k`;
  return `${m.names} · ${m.minScore === 0 && m.maxScore !== null ? `< ${k(m.maxScore)}` : `≥ ${k(m.minScore)}`}`;
};
/** The second line of a drawn shard (before the simulation runs): its players. */
const shardDetail = (m: ModelShard) =>
  `Redis · ${millions(m.members)} players (${pct(m.members / scale.registeredPlayers)})`;
const band = (m: ModelShard) =>
  m.maxScore === null
    ? `${num(m.minScore)} pts and above`
    : `${num(m.minScore)}–${num(m.maxScore - 1)} pts`;

/** How a node is drawn: the colour of the stripe on its box. */
export type DiagramNodeKind =
  'client' | 'service' | 'queue' | 'worker' | 'database' | 'cache' | 'router';

/** What an edge carries: the topology's flow kinds. */
export type DiagramEdgeKind = FlowKind;

export interface GuideLink {
  readonly href: string;
  readonly label: string;
}

/** What the panel opened by clicking a node says. */
export interface NodePanel {
  /** What the component does, in two or three sentences. */
  readonly role: string;
  /** Its numbers at 100M players. */
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  /** The trade-off it embodies. */
  readonly tradeOff: string;
  /** The guide section that discusses it first, then any others. */
  readonly links: readonly GuideLink[];
}

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** The component it is in the simulated topology. */
  readonly component: ComponentKind;
  readonly params?: ComponentParams;
  readonly label: string;
  /** Second line under the label (e.g. "6 partitions"), or null. */
  readonly detail: string | null;
  /** Top-left corner on the shared canvas, in canvas units. */
  readonly x: number;
  readonly y: number;
  readonly panel: NodePanel;
}

export interface DiagramEdge {
  /** `source->target`, the same ids the simulation counts messages under. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: DiagramEdgeKind;
  readonly label: string | null;
}

export interface DiagramStage {
  /** 1 to 5. */
  readonly number: number;
  readonly title: string;
  /** One line for the stage picker. */
  readonly summary: string;
  /** Plain-text description of the whole picture, for screen readers and print. */
  readonly description: string;
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  /** Nodes and edges new in this stage (everything, for stage 1): highlight these. */
  readonly addedNodes: readonly string[];
  readonly addedEdges: readonly string[];
  /** Nodes and edges of the previous stage that this one replaces. */
  readonly removedNodes: readonly string[];
  readonly removedEdges: readonly string[];
  /** Edges whose kind and label differ in this stage from `diagramEdges` (e.g. api->postgres). */
  readonly edgeRoles: Readonly<Record<string, Pick<DiagramEdge, 'kind' | 'label'>>>;
  /** The failure drills its diagram offers, in order. */
  readonly drills: readonly DrillId[];
  /** The stage as the simulation runs it. */
  readonly topology: Topology;
}

/** The shared canvas every stage is drawn on. */
export const diagramCanvas = { width: 1300, height: 740 } as const;
/** Size every node is laid out for (positions assume it). */
export const diagramNodeSize = { width: 170, height: 64 } as const;

/** A link to a section of Leaderboard Design, titled as the table of contents titles it. */
const guide = (slug: string): GuideLink => {
  const chapter = chapters.find((c) => c.slug === 'leaderboard-design');
  const section = chapter?.sections.find((s) => s.slug === slug);
  if (!chapter || !section) throw new Error(`flow-stages: no section leaderboard-design/${slug}`);
  return { href: sectionHref(chapter.slug, section.slug), label: section.title };
};
const SORTED_SETS = guide('sorted-sets');
const WRITE_PATH = guide('write-path');
const READS = guide('reads');
const SHARDING = guide('sharding');
const APPROXIMATE = guide('approximate-ranking');
const SOCIAL = guide('social-boards');
const OPERATIONS = guide('operations');

const PLAYERS = { label: 'Players', value: '100M (20M daily active)' };
const WRITES = { label: 'Score updates at peak', value: '≈ 12k/s' };
const READS_PEAK = { label: 'Leaderboard reads at peak', value: '≈ 58k/s' };

const shardPanel = (m: ModelShard): NodePanel => {
  const top = m.maxScore === null;
  return {
    role: top
      ? `The design’s S1: ${band(m)}, the top 1% of players. Every top-K read starts here, so it is the read-hot shard; it is small on purpose, so that its players, who play most, still send it no more writes than a big shard below. A player’s rank elsewhere is the cached member counts of the shards above plus one ZREVRANK in their own.`
      : `The design’s ${m.names} merged into one shard of this four-shard model: ${band(m)}. A player’s rank here is one ZREVRANK plus the member counts of the shards above, which the API caches. The design cuts eight range shards; the model keeps S1 as it is and merges the bands below it.`,
    figures: [
      {
        label: 'Members',
        value: `${millions(m.members)} (${pct(m.members / scale.registeredPlayers)} of players), ≈ ${gb(m.members * memory.bytesPerMember)} GB`,
      },
      {
        label: 'Share of the writes',
        value: top
          ? `≈ ${pct(m.writeShare)} (≈ ${num(topShardWritesPerSecond)}/s at peak): its players play about ${sharding.topPlayersActivityFactor}× as often`
          : `≈ ${pct(m.writeShare)} in this model (each ${millions(largestLedgerShard)} design shard ≈ ${pct(largestLedgerShard * otherWritesPerMember)})`,
      },
      {
        label: 'Reads',
        value: top
          ? `every top-K read: ≈ ${num(cachedPageReadsPerSecond)}/s per page with the ${reads.topKCacheTtlSeconds} s cache, every one without it`
          : 'its own players’ ranks (ZREVRANK ≈ 3.7 µs) and a ZCARD poll once a second',
      },
    ],
    tradeOff:
      'Range sharding keeps top-K on one shard and exact global ranks cheap (cached member counts), but bands balanced by members are not balanced by writes: the top band is cut small so the most active players do not overload it, and players move between shards as they climb.',
    links: [SHARDING, APPROXIMATE],
  };
};

const consumerPanel = (n: number): NodePanel => ({
  role: `Consumer ${n} of the group. Each event it reads carries the total PostgreSQL committed; it writes that absolute score to Redis with ZADD GT, so a version Redis already holds changes nothing, and commits its offsets afterwards. The consumers are the only writers of the boards.`,
  figures: [
    { label: 'Share of the writes', value: '≈ 190 events/s each with 64 consumers (model: 3)' },
    {
      label: 'Work per event',
      value: '6 board writes (ZADD GT), plus a ZREM when the player changes range shard',
    },
  ],
  tradeOff:
    'At-least-once delivery is simple and loses nothing, but a consumer that dies between applying and committing gets its records delivered again; the per-player version makes that harmless.',
  links: [WRITE_PATH, OPERATIONS],
});

/** Each consumer is one instance of the group `score-writers`, applying versions once. */
const CONSUMER: ComponentParams = { consumers: 1, group: 'score-writers', idempotent: true };

/** Every node any stage shows, by id. */
export const diagramNodes: Readonly<Record<string, DiagramNode>> = Object.fromEntries(
  (
    [
      {
        id: 'clients',
        component: 'clients',
        kind: 'client',
        label: 'Game servers',
        detail: 'and players: 20M daily',
        x: 10,
        y: 330,
        panel: {
          role: 'Game servers report each match’s result, authenticated; players’ apps only read the boards. No client ever reports a score. Each result carries the match id the game server chose, so a retry can be recognised.',
          figures: [PLAYERS, WRITES, READS_PEAK],
          tradeOff:
            'The game server sends the match’s points; the record turns them into an absolute total, which is what travels to the boards: simple for the sender, and safe to apply twice.',
          links: [WRITE_PATH, READS],
        },
      },
      {
        id: 'api',
        component: 'api',
        // Writes carry the player's version (the design's PostgreSQL row version, decision
        // 15), and a stale one is skipped.
        params: { idempotent: true },
        kind: 'service',
        label: 'Score API',
        detail: 'stateless',
        x: 230,
        y: 330,
        panel: {
          role: 'Authenticates the game servers’ results, checks each for plausibility, and answers leaderboard reads. From stage 3 on it commits each result to PostgreSQL, where the player’s row takes its next version; the event the outbox publishes carries that version and the result’s event_id, so a consumer can tell a stale or repeated event. It holds no state, so it scales by adding instances.',
          figures: [
            { label: 'Requests at peak', value: '≈ 70k/s (≈ 12k writes + ≈ 58k reads)' },
            { label: 'Instances', value: '40, ≈ 1,450 requests/s each at peak' },
          ],
          tradeOff:
            'Acknowledging a result once it is durable (not once Redis shows it) gives fast, safe writes at the cost of a leaderboard that lags by a moment; the response carries the player’s new rank, read from the board.',
          links: [WRITE_PATH, READS],
        },
      },
      {
        id: 'redis',
        component: 'redis',
        kind: 'database',
        label: 'Redis sorted set',
        detail: 'ZADD · ZREVRANK · ZREVRANGE',
        x: 890,
        y: 330,
        panel: {
          role: 'One sorted set holds every player: ZINCRBY or ZADD on a score, ZREVRANGE for the top-K, ZREVRANK for a player’s rank. A skip list plus a hash table make each O(log n).',
          figures: [
            {
              label: 'Memory for one 100M board',
              value: '≈ 10 GB (≈ 102 B per member, Redis 7.0)',
            },
            { label: 'ZREVRANK', value: '≈ 3.7 µs server time' },
            { label: 'Reads at peak', value: '≈ 58k/s: ≈ 0.2 CPU-seconds per second' },
          ],
          tradeOff:
            'The simplest design that is fast enough, but memory is not a source of truth: lose the instance and the board is gone, and one instance is one failure domain.',
          links: [SORTED_SETS, READS],
        },
      },
      {
        id: 'postgres',
        component: 'postgres',
        params: { replicas: 0 },
        kind: 'database',
        label: 'PostgreSQL',
        detail: 'source of truth',
        x: 670,
        y: 560,
        panel: {
          role: 'The durable record of every player’s score and the last event version applied to it. From stage 3 on, the score service commits each result here together with an outbox row in one transaction, and a relay publishes the committed rows to Kafka. Redis can always be rebuilt from it; Redis is never rebuilt from Redis.',
          figures: [
            { label: 'Rows', value: '100M (player, score, version, updated_at)' },
            { label: 'Row updates at peak', value: '≈ 12k/s, single-row and indexed by player' },
          ],
          tradeOff:
            'Durable and queryable, but ranking in SQL (ORDER BY score with a count of higher rows) is far too slow at 58k reads/s, so it stores the truth and Redis serves the ranks.',
          links: [WRITE_PATH, OPERATIONS],
        },
      },
      {
        id: 'kafka',
        component: 'kafka',
        params: { partitions: 6 },
        kind: 'queue',
        label: 'Kafka: score-events',
        detail: 'keyed by player (model: 6 partitions)',
        x: 450,
        y: 150,
        panel: {
          role: 'A replayable log of score events, filled by the outbox relay from rows PostgreSQL has committed, so the log never holds a result the record does not. Keying by player id sends all of a player’s events to one partition, in order; consumers track their position with committed offsets.',
          figures: [
            { label: 'Events at peak', value: '≈ 12k/s (≈ 2.4 MB/s at ≈ 200 B per event)' },
            { label: 'Per partition', value: '≈ 190/s over 64 partitions' },
            { label: 'Retention', value: '7 days: ≈ 280 GB per copy, ≈ 840 GB with 3 replicas' },
          ],
          tradeOff:
            'Decouples the API from slow or failed writers and allows a replay, but only within retention: once offsets expire, recovery must come from PostgreSQL.',
          links: [WRITE_PATH, OPERATIONS],
        },
      },
      {
        id: 'consumer-0',
        component: 'consumers',
        params: CONSUMER,
        kind: 'worker',
        label: 'Consumer 0',
        detail: 'group score-writers',
        x: 670,
        y: 40,
        panel: consumerPanel(0),
      },
      {
        id: 'consumer-1',
        component: 'consumers',
        params: CONSUMER,
        kind: 'worker',
        label: 'Consumer 1',
        detail: 'group score-writers',
        x: 670,
        y: 150,
        panel: consumerPanel(1),
      },
      {
        id: 'consumer-2',
        component: 'consumers',
        params: CONSUMER,
        kind: 'worker',
        label: 'Consumer 2',
        detail: 'group score-writers',
        x: 670,
        y: 260,
        panel: consumerPanel(2),
      },
      {
        id: 'shard-router',
        component: 'shard-router',
        params: { sharding: 'range' },
        kind: 'router',
        label: 'Shard router',
        detail: 'score range → shard',
        x: 890,
        y: 330,
        panel: {
          role: 'Knows the score range each shard owns. Sends a write to the shard of the new score (and a ZREM to the old one when a player crosses a boundary) and fans a rank query out to the shards above.',
          figures: [
            { label: 'Operations routed at peak', value: '≈ 70k/s' },
            { label: 'Global rank', value: 'ZCARD of each higher shard + one ZREVRANK' },
          ],
          tradeOff:
            'A thin layer that makes the shards look like one board, but its range table must change as scores drift, and moving a boundary means moving members.',
          links: [SHARDING],
        },
      },
      {
        id: 'redis-shard-3',
        component: 'redis',
        kind: 'database',
        label: shardLabel(modelShards[3]!),
        params: { minScore: modelShards[3]!.minScore },
        detail: shardDetail(modelShards[3]!),
        x: 1120,
        y: 140,
        panel: shardPanel(modelShards[3]!),
      },
      {
        id: 'redis-shard-2',
        component: 'redis',
        kind: 'database',
        label: shardLabel(modelShards[2]!),
        params: { minScore: modelShards[2]!.minScore },
        detail: shardDetail(modelShards[2]!),
        x: 1120,
        y: 260,
        panel: shardPanel(modelShards[2]!),
      },
      {
        id: 'redis-shard-1',
        component: 'redis',
        kind: 'database',
        label: shardLabel(modelShards[1]!),
        params: { minScore: modelShards[1]!.minScore },
        detail: shardDetail(modelShards[1]!),
        x: 1120,
        y: 380,
        panel: shardPanel(modelShards[1]!),
      },
      {
        id: 'redis-shard-0',
        component: 'redis',
        kind: 'database',
        label: shardLabel(modelShards[0]!),
        params: { minScore: modelShards[0]!.minScore },
        detail: shardDetail(modelShards[0]!),
        x: 1120,
        y: 500,
        panel: shardPanel(modelShards[0]!),
      },
      {
        id: 'topk-cache',
        component: 'topk-cache',
        params: { ttlSeconds: reads.topKCacheTtlSeconds, topK: reads.maxPageSize },
        kind: 'cache',
        label: 'Top-K cache',
        detail: `top ${reads.maxPageSize}, ${reads.topKCacheTtlSeconds} s TTL`,
        x: 450,
        y: 450,
        panel: {
          role: `Keeps each shared page (the top ${reads.maxPageSize}) in every API server’s memory for ${reads.topKCacheTtlSeconds} s, with one refresh in flight per page, so the top shard sees one read per page per server per second. While the top shard is lost, it keeps serving the last list it has, marked with its age, until the shard serves again; ranks in the lost band come from the histogram meanwhile.`,
          figures: [
            {
              label: 'Reads it absorbs',
              value: `≈ ${num(readsAtPeak.sharedPages)}/s of ≈ ${num(traffic.peakReadsPerSecond)}/s (${pct(readsAtPeak.sharedPages / traffic.peakReadsPerSecond)}: the shared pages)`,
            },
            {
              label: 'Reads left for Redis',
              value: `≈ ${num(cachedPageReadsPerSecond)}/s per page (one per API server per second)`,
            },
            { label: 'Top shard lost', value: 'last list served, marked stale, until it is back' },
          ],
          tradeOff: `Takes the hottest read off the top shard, at the price of a top list up to ${reads.topKCacheTtlSeconds} s old, or older and marked while the top shard is rebuilt.`,
          links: [READS, OPERATIONS],
        },
      },
      {
        id: 'histogram',
        component: 'histogram',
        kind: 'cache',
        label: 'Histogram',
        detail: 'rebuilt every 10 s',
        x: 890,
        y: 490,
        panel: {
          role: 'Bucket boundaries of the season board: every 10 s a job reads the score at every 10,000th rank from the range shards (nothing is incremented, so a replay cannot skew it). While a shard is lost, players in its band get their rank estimated from the last snapshot, marked approximate; everyone else’s rank stays exact.',
          figures: [
            { label: 'Buckets', value: '10,000 of 10,000 players each, ≈ 80 KB' },
            { label: 'Error', value: 'at most 10,000 ranks: 0.01 percentile points' },
          ],
          tradeOff:
            'A cheap, always-available estimate for the tail and for a lost shard’s band; PostgreSQL is never the fallback, because a median rank there takes seconds.',
          links: [APPROXIMATE, OPERATIONS],
        },
      },
      {
        id: 'pg-replica',
        component: 'pg-replica',
        kind: 'database',
        label: 'PostgreSQL replica',
        detail: 'read-only',
        x: 890,
        y: 640,
        panel: {
          role: 'Streaming replicas of the source of truth. They serve profile and history reads and shard reloads, so none of that load lands on the primary. (Ranks are not among those reads: a median rank in SQL takes seconds.)',
          figures: [
            { label: 'Replication lag', value: 'typically well under a second' },
            { label: 'Shard reload', value: '≈ 17.5M rows for the largest of eight range shards' },
          ],
          tradeOff:
            'Scales reads and protects the primary, but a replica is slightly behind: a reload from it must be followed by the writes that arrived meanwhile, replayed from Kafka offsets noted before the export began.',
          links: [OPERATIONS, READS],
        },
      },
      {
        id: 'board-regional',
        component: 'board',
        kind: 'database',
        label: 'Regional boards',
        detail: 'one sorted set per region',
        x: 890,
        y: 20,
        panel: {
          role: 'A sorted set per region and window, written by the same consumers in the same step as the global board. Each player is in exactly one region, so the regional season board is also the player → score lookup the range shards need.',
          figures: [
            {
              label: 'Memory',
              value: `≈ ${gb(memoryTable.regionalBoards)} GB for season, week and day (100M + 40M + 20M members across 6 regions)`,
            },
            { label: 'Writes', value: '≈ 12k/s per window, one per score event' },
          ],
          tradeOff:
            'Exact regional ranks for one more ZADD per event and a second copy of every member.',
          links: [SOCIAL],
        },
      },
      {
        id: 'board-friends',
        component: 'board',
        kind: 'cache',
        label: 'Friend boards',
        detail: 'built at read time',
        x: 1120,
        y: 20,
        panel: {
          role: 'Built when asked: the player’s friend list (about 200 ids) is looked up with ZMSCORE on the regional season boards, friends grouped by region, and sorted in the API, then cached briefly.',
          figures: [
            { label: 'Work per read', value: 'ZMSCORE of ≈ 200 members, usually one call' },
            { label: 'Memory', value: 'none per player beyond a short-lived cache entry' },
          ],
          tradeOff:
            'No sorted set per player (100M of them would be costly to keep current); each read does a little more work instead.',
          links: [SOCIAL],
        },
      },
      {
        id: 'board-guild',
        component: 'board',
        kind: 'database',
        label: 'Guild boards',
        detail: 'small sorted sets',
        x: 1120,
        y: 640,
        panel: {
          role: 'One small sorted set per guild, plus the guild ranking. One script per event applies ZADD GT to the member board and adds the difference to the guild total only if the board changed, so a replay never counts a match twice. Under 128 members Redis stores a board as a compact listpack.',
          figures: [
            { label: 'Sets', value: '≈ 2M guilds of about 20 members, ≈ 1.3 GB in all' },
            { label: 'Writes', value: '≈ 4.8k script calls/s at peak' },
          ],
          tradeOff:
            'Cheap, exact and safe to replay, at the cost of keeping every guild key in one slot (one primary) so the script can touch them together.',
          links: [SOCIAL],
        },
      },
    ] satisfies DiagramNode[]
  ).map((n) => [n.id, n]),
);

const edge = (
  source: string,
  target: string,
  kind: DiagramEdgeKind,
  label: string | null = null,
): DiagramEdge => ({ id: `${source}->${target}`, source, target, kind, label });

const CONSUMERS = ['consumer-0', 'consumer-1', 'consumer-2'];
const SHARDS = ['redis-shard-0', 'redis-shard-1', 'redis-shard-2', 'redis-shard-3'];

/** Every edge any stage shows, by id (`source->target`). */
export const diagramEdges: Readonly<Record<string, DiagramEdge>> = Object.fromEntries(
  [
    edge('clients', 'api', 'read-write', 'match results, reads'),
    edge('api', 'redis', 'read-write', 'ZINCRBY, ZREVRANGE'),
    edge('api', 'postgres', 'write', 'UPDATE first'),
    edge('postgres', 'kafka', 'outbox', 'outbox relay'),
    ...CONSUMERS.map((c) => edge('kafka', c, 'write')),
    ...CONSUMERS.map((c) => edge(c, 'redis', 'write')),
    ...CONSUMERS.map((c) => edge(c, 'shard-router', 'write')),
    edge('api', 'shard-router', 'read', 'top-K, around-me'),
    ...SHARDS.map((s) => edge('shard-router', s, 'read-write')),
    edge('kafka', 'shard-router', 'recovery', 'replay'),
    edge('postgres', 'shard-router', 'recovery', 'reload'),
    edge('api', 'topk-cache', 'read'),
    edge('topk-cache', 'shard-router', 'read', 'refresh'),
    edge('postgres', 'pg-replica', 'replication', 'WAL stream'),
    edge('api', 'pg-replica', 'read', 'profile, history'),
    edge('shard-router', 'board-regional', 'write'),
    edge('shard-router', 'board-guild', 'write'),
    edge('api', 'board-friends', 'read'),
    edge('board-friends', 'shard-router', 'read', 'ZMSCORE'),
    edge('api', 'histogram', 'read', 'lost shard: approximate rank'),
    edge('shard-router', 'histogram', 'recovery', 'rebuilt every 10 s'),
  ].map((e) => [e.id, e]),
);

interface StageSpec {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  /** Edges that play another role in this stage than their default record says. */
  readonly edgeRoles?: Readonly<Record<string, Pick<DiagramEdge, 'kind' | 'label'>>>;
  /** Parameters a node takes in this stage only. */
  readonly nodeParams?: Readonly<Record<string, ComponentParams>>;
  readonly drills: readonly DrillId[];
}

/** Every drill, for the stages that have shards to kill. */
const ALL_DRILLS: readonly DrillId[] = [
  'shard-dies',
  'consumer-dies',
  'duplicate-delivery',
  'retention-too-short',
  'hot-shard',
];

/** The sharded design of stages 4 and 5: PostgreSQL first, the outbox, the histogram. */
const SHARDED_NODES = [
  'clients',
  'api',
  'kafka',
  ...CONSUMERS,
  'postgres',
  'shard-router',
  ...SHARDS,
  'histogram',
];
const SHARDED_EDGES = [
  'clients->api',
  'api->postgres',
  'postgres->kafka',
  ...CONSUMERS.map((c) => `kafka->${c}`),
  ...CONSUMERS.map((c) => `${c}->shard-router`),
  'api->shard-router',
  ...SHARDS.map((s) => `shard-router->${s}`),
  'kafka->shard-router',
  'postgres->shard-router',
  'api->histogram',
  'shard-router->histogram',
];

const stageSpecs: readonly StageSpec[] = [
  {
    title: 'One Redis sorted set behind an API',
    summary: 'The whole board is one sorted set; the API writes and reads it directly.',
    description:
      'Game servers send match results, and players’ apps send leaderboard reads, to a stateless Score API. The API applies each score to a single Redis sorted set with ZINCRBY and answers top-K and around-me reads with ZREVRANGE and ZREVRANK. At 100 million players the set takes about 10 GB and a rank query about 3.7 microseconds, but Redis is the only copy of the scores.',
    nodes: ['clients', 'api', 'redis'],
    edges: ['clients->api', 'api->redis'],
    // Redis is the only store and the API adds points with ZINCRBY: nothing to check a
    // version against.
    nodeParams: { api: { idempotent: false } },
    // Before Kafka there is no log to recover from.
    drills: [],
  },
  {
    title: 'PostgreSQL as the source of truth',
    summary: 'Scores are written to PostgreSQL first; Redis becomes a rebuildable index.',
    description:
      'The API now writes each score to PostgreSQL first, where it is durable, and then to the Redis sorted set. PostgreSQL holds 100 million rows of player, score and version; Redis still serves every ranked read. If Redis is lost it can be reloaded from PostgreSQL, but the API must complete two writes per event and a crash between them leaves Redis behind.',
    nodes: ['clients', 'api', 'redis', 'postgres'],
    edges: ['clients->api', 'api->postgres', 'api->redis'],
    drills: [],
  },
  {
    title: 'The write path through Kafka',
    summary:
      'Results commit to PostgreSQL first; an outbox relay feeds a partitioned log, and a consumer group writes the boards.',
    description:
      'The score service commits each result to PostgreSQL together with an outbox row, in one transaction, and answers once it is durable. A relay publishes the committed rows to the Kafka topic score-events, keyed by player id so one player’s events stay in order; each event carries the player’s new total. A consumer group writes those totals to Redis and commits its offsets afterwards. The log never holds a result PostgreSQL does not, the consumers are the only writers of Redis, and a consumer failure only delays the boards. This scale model runs six partitions and three consumers.',
    nodes: ['clients', 'api', 'kafka', ...CONSUMERS, 'postgres', 'redis'],
    edges: [
      'clients->api',
      'api->postgres',
      'postgres->kafka',
      ...CONSUMERS.map((c) => `kafka->${c}`),
      ...CONSUMERS.map((c) => `${c}->redis`),
      'api->redis',
    ],
    // The API only reads Redis now; the consumers write it.
    edgeRoles: {
      'api->postgres': { kind: 'write', label: 'result + outbox row' },
      'api->redis': { kind: 'read', label: 'top-K, around-me' },
    },
    // No shards yet: the drills about the log and the consumers.
    drills: ['consumer-dies', 'duplicate-delivery'],
  },
  {
    title: 'Redis sharded by score range',
    summary: 'A shard router splits the board over Redis shards, each owning a score range.',
    description: `The single sorted set is replaced by a shard router in front of Redis shards, each holding one score range, the highest range at the top. The design cuts eight; this model draws four: the top one is the design’s small S1, ${num(topLedgerShard.minScore)} points and above, the top ${pct(topLedgerShard.members / scale.registeredPlayers)} of players, and each one below merges neighbouring design shards. Consumers write through the router, which moves a player to another shard when their score crosses a boundary. A top-K read starts at the top shard, which makes it the read-hot one; because it is small, its players, who play most, send it about ${pct(sharding.topShardWriteShare)} of the writes, no more than the shards below. A player’s rank is the cached member count of every higher shard plus their rank within their own. A lost shard is rebuilt by replaying Kafka or reloading its range from PostgreSQL. While it is down, players in its range get an approximate rank from the histogram, which is rebuilt every 10 seconds from the shards; everyone else’s rank stays exact, because the counts of the shards above are cached.`,
    nodes: SHARDED_NODES,
    edges: SHARDED_EDGES,
    edgeRoles: { 'api->postgres': { kind: 'write', label: 'result + outbox row' } },
    drills: ALL_DRILLS,
  },
  {
    title: 'The full system',
    summary:
      'Regional, friend and guild boards, a top-K cache in front of the shards, and PostgreSQL read replicas.',
    description:
      'The full system adds four things to the sharded design. Regional and guild boards are sorted sets the router updates with every score event. Friend boards are built at read time by looking up a player’s friends’ scores on the regional season boards. A top-K cache in the API tier answers nearly all top-K reads and refreshes from the top shard once a second; while the top shard is lost it keeps serving its last list, marked stale, until the shard is back. PostgreSQL streams to read replicas that serve profile and history reads and shard reloads, keeping that load off the primary.',
    nodes: [
      ...SHARDED_NODES,
      'topk-cache',
      'pg-replica',
      'board-regional',
      'board-friends',
      'board-guild',
    ],
    edges: [
      ...SHARDED_EDGES,
      'api->topk-cache',
      'topk-cache->shard-router',
      'postgres->pg-replica',
      'api->pg-replica',
      'shard-router->board-regional',
      'shard-router->board-guild',
      'api->board-friends',
      'board-friends->shard-router',
    ],
    edgeRoles: { 'api->postgres': { kind: 'write', label: 'result + outbox row' } },
    drills: ALL_DRILLS,
  },
];

/** A stage's nodes and edges as the topology the simulation runs. */
function topologyOf(spec: StageSpec): Topology {
  return {
    // The same players in every stage: the ledger's bands (see `modelPopulation`).
    population: modelPopulation,
    nodes: spec.nodes.flatMap((id): TopologyNode[] => {
      const n = diagramNodes[id];
      if (!n) return [];
      const params = { ...n.params, ...spec.nodeParams?.[id] };
      return [{ id, kind: n.component, ...(Object.keys(params).length ? { params } : {}) }];
    }),
    edges: spec.edges.flatMap((id) => {
      const e = diagramEdges[id];
      if (!e) return [];
      return [{ source: e.source, target: e.target, flow: spec.edgeRoles?.[id]?.kind ?? e.kind }];
    }),
  };
}

/** The five stages, each with what it added to and removed from the one before. */
export const diagramStages: readonly DiagramStage[] = stageSpecs.map((spec, i) => {
  const before = stageSpecs[i - 1];
  const minus = (a: readonly string[], b: readonly string[] = []) =>
    a.filter((x) => !b.includes(x));
  const { nodeParams: _nodeParams, ...rest } = spec;
  return {
    number: i + 1,
    ...rest,
    topology: topologyOf(spec),
    edgeRoles: spec.edgeRoles ?? {},
    addedNodes: minus(spec.nodes, before?.nodes),
    addedEdges: minus(spec.edges, before?.edges),
    removedNodes: before ? minus(before.nodes, spec.nodes) : [],
    removedEdges: before ? minus(before.edges, spec.edges) : [],
  };
});

/**
 * The nodes and edges of one stage, resolved, with a flag on what the stage added.
 * @returns null for a stage number outside 1–5. O(nodes + edges).
 */
export function stageGraph(stage: number): {
  readonly stage: DiagramStage;
  readonly nodes: readonly (DiagramNode & { readonly added: boolean })[];
  readonly edges: readonly (DiagramEdge & { readonly added: boolean })[];
} | null {
  const s = diagramStages[stage - 1];
  if (!s) return null;
  const nodes = s.nodes.flatMap((id) => {
    const n = diagramNodes[id];
    return n ? [{ ...n, added: s.addedNodes.includes(id) }] : [];
  });
  const edges = s.edges.flatMap((id) => {
    const e = diagramEdges[id];
    return e ? [{ ...e, ...s.edgeRoles[id], added: s.addedEdges.includes(id) }] : [];
  });
  return { stage: s, nodes, edges };
}

/**
 * The node of a stage that stands for a node of the full sharded design (stage 4's ids):
 * before stage 4 the router and the shards are the single sorted set, and before stage 3
 * Kafka and the consumers are the API itself. A node the stage has stands for itself. The
 * diagram uses it to keep a reader's selection when they switch stage, and to draw another
 * stage's simulation on this stage's picture.
 * @returns a node id of that stage, or null if the stage has nothing to stand for it. O(nodes).
 */
export function stageNodeFor(stage: number, simNode: string): string | null {
  const s = diagramStages[stage - 1];
  if (!s) return null;
  let node = simNode;
  if (stage < 4 && (node === 'shard-router' || node.startsWith('redis-shard-'))) node = 'redis';
  if (stage < 3 && (node === 'kafka' || node.startsWith('consumer-'))) node = 'api';
  return s.nodes.includes(node) ? node : null;
}

/**
 * The edge of a stage along which a simulated message should be drawn (see `stageNodeFor`).
 * @returns an edge id of that stage, or null when the hop is internal to one node of the
 * stage or has no edge there (then do not animate it). O(nodes + edges).
 */
export function stageEdgeFor(stage: number, from: string, to: string): string | null {
  const a = stageNodeFor(stage, from);
  const b = stageNodeFor(stage, to);
  if (!a || !b || a === b) return null;
  const id = `${a}->${b}`;
  return diagramStages[stage - 1]?.edges.includes(id) ? id : null;
}

/**
 * The stage as the simulation runs it (see `topologyOf`).
 * @returns null for a stage number outside 1–5. O(1).
 */
export function stageTopology(stage: number): Topology | null {
  return diagramStages[stage - 1]?.topology ?? null;
}

/**
 * The drills a stage's diagram offers: none before Kafka exists (stage 3), only the consumer
 * drills before there are shards (stage 4).
 * @returns drill ids in the order the page offers them. O(1).
 */
export function drillsForStage(stage: number): readonly DrillId[] {
  return diagramStages[stage - 1]?.drills ?? [];
}

/**
 * Routes for edges whose default (right side to left side) would cross another node. Each was
 * chosen by hand and is checked by the "no edge crosses a node" test for every stage.
 */
const routes: Readonly<Record<string, RouteSpec>> = {
  // Edges into one node meet at one point, so they read as a bundle with one arrowhead.
  'consumer-0->redis': { from: ['right', 0.5], to: ['left', 0.3] },
  'consumer-1->redis': { from: ['right', 0.5], to: ['left', 0.3] },
  'consumer-2->redis': { from: ['right', 0.5], to: ['left', 0.3] },
  'consumer-0->shard-router': { from: ['right', 0.5], to: ['left', 0.3] },
  'consumer-1->shard-router': { from: ['right', 0.5], to: ['left', 0.3] },
  'consumer-2->shard-router': { from: ['right', 0.5], to: ['left', 0.3] },
  'api->redis': { from: ['right', 0.5], to: ['left', 0.7] },
  'api->shard-router': { from: ['right', 0.5], to: ['left', 0.7] },
  // The outbox relay climbs from PostgreSQL to the topic left of the consumers' column.
  'postgres->kafka': { from: ['top', 0.15], to: ['bottom', 0.8], bend: [80, 80] },
  'api->histogram': { from: ['right', 0.85], to: ['left', 0.5], bend: [200, 80] },
  'shard-router->histogram': { from: ['bottom', 0.65], to: ['top', 0.65], bend: [30, 30] },
  'api->postgres': { from: ['bottom', 0.7], to: ['left', 0.5], bend: [120, 80] },
  'api->topk-cache': { from: ['bottom', 0.85], to: ['left', 0.5], bend: [40, 30] },
  'api->pg-replica': { from: ['bottom', 0.4], to: ['bottom', 0.3], bend: [300, 60] },
  'api->board-friends': { from: ['top', 0.3], to: ['top', 0.3], bend: [360, 40] },
  // Recovery paths run below the consumers and arrive under the router.
  'kafka->shard-router': { from: ['bottom', 0.5], to: ['bottom', 0.2], bend: [150, 60] },
  'postgres->shard-router': { from: ['top', 0.5], to: ['bottom', 0.5], bend: [40, 60] },
  'topk-cache->shard-router': { from: ['right', 0.5], to: ['bottom', 0.8], bend: [120, 70] },
  'postgres->pg-replica': { from: ['bottom', 0.5], to: ['left', 0.5], bend: [40, 40] },
  'shard-router->board-regional': { from: ['top', 0.3], to: ['bottom', 0.3], bend: [60, 60] },
  'shard-router->board-guild': { from: ['right', 0.85], to: ['left', 0.5], bend: [40, 40] },
  'board-friends->shard-router': { from: ['left', 0.8], to: ['top', 0.8], bend: [40, 100] },
};

/** The guide's one canvas: every node's place and the hand-chosen routes. */
export const guideLayout: DiagramLayout = {
  canvas: diagramCanvas,
  nodeSize: diagramNodeSize,
  positions: Object.fromEntries(Object.values(diagramNodes).map((n) => [n.id, { x: n.x, y: n.y }])),
  routes,
};

/**
 * The live line of every node of a stage the simulation models, from a view of that stage's
 * simulation (or of a richer one: its nodes are projected with `stageNodeFor`).
 * @returns a record keyed by node id. O(nodes + partitions).
 */
export function nodeLive(view: FlowView, stage: number): Record<string, NodeLive> {
  const s = diagramStages[stage - 1];
  if (!s) return {};
  const drawn = s.nodes.flatMap((id) => {
    const n = diagramNodes[id];
    return n ? [{ id, component: n.component }] : [];
  });
  return projectedNodeLive(view, drawn, (node) => stageNodeFor(stage, node));
}

/**
 * Ids of the stage's edges that carried messages during the last tick, with how many.
 * @returns a record keyed by the stage's edge ids. O(edges).
 */
export function edgeLoad(view: FlowView, stage: number): Record<string, number> {
  return projectedEdgeLoad(view, (from, to) => stageEdgeFor(stage, from, to));
}

/** The edges a stage's moving messages follow, for `FlightAnimator`. */
export function stagePaths(stage: number): FlightPaths {
  return {
    project: (from, to) => stageEdgeFor(stage, from, to),
    curve: (id) => {
      const e = diagramEdges[id];
      return e ? edgeCurve(guideLayout, e.source, e.target) : null;
    },
  };
}
