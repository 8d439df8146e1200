/**
 * The design ledger as readers see it: content/design-ledger.ts grouped, labelled, with units
 * and the section that argues each figure. The recap page renders it (`<DesignLedger />`), its
 * Markdown export prints it, and the AI-prep ledger-check template sends readers to it. Every
 * value below is read from the ledger or computed from it here; none is typed.
 */
import type { LedgerTableGroup } from '@/lib/content/ledger-table';
import { chapters, type Chapter } from './chapters';
import {
  boardWritesPerUpdate,
  boards,
  compositeScore,
  costMicros,
  eventLog,
  fleet,
  formatBytes,
  guildTotals,
  histogram,
  memory,
  memoryTable,
  operations,
  peakBoardWritesPerSecond,
  peakOpsPerSecond,
  rangeShards,
  rankRead,
  ranking,
  readMix,
  reads,
  readsAtPeak,
  redisDataBytes,
  redisProcesses,
  replay,
  scale,
  sharding,
  social,
  threadTime,
  topShardWritesPerSecond,
  traffic,
  writePath,
} from './design-ledger';

const n = (x: number) => x.toLocaleString('en-US');
/** 100,000,000 → "100M", 17,500,000 → "17.5M", 2,400,000 → "2.4M". */
const millions = (x: number) => `${n(x / 1e6)}M`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const gb = (bytes: number) => formatBytes(bytes);
const us = (micros: number) => `${micros} µs`;

const ESTIMATES = '/leaderboard-design/estimates/';
const SORTED_SETS = '/leaderboard-design/sorted-sets/';
const WRITE_PATH = '/leaderboard-design/write-path/';
const READS = '/leaderboard-design/reads/';
const SHARDING = '/leaderboard-design/sharding/';
const APPROX = '/leaderboard-design/approximate-ranking/';
const SOCIAL = '/leaderboard-design/social-boards/';
const OPERATIONS = '/leaderboard-design/operations/';
const INTRO = '/leaderboard-design/';

const shardBand = (i: number) => {
  const s = rangeShards[i]!;
  const above = rangeShards[i - 1];
  return above ? `${n(s.minScore)}–${n(above.minScore - 1)} pts` : `≥ ${n(s.minScore)} pts`;
};

const groups: readonly LedgerTableGroup[] = [
  {
    id: 'traffic',
    title: 'Traffic',
    rows: [
      {
        label: 'Registered players',
        value: millions(scale.registeredPlayers),
        unit: 'players',
        where: `${INTRO}#the-assumptions-this-chapter-uses`,
      },
      {
        label: 'Daily / weekly actives',
        value: `${millions(scale.dailyActives)} / ${millions(scale.weeklyActives)}`,
        unit: 'players',
        where: `${INTRO}#the-assumptions-this-chapter-uses`,
      },
      {
        label: 'Score updates',
        value: `${millions(traffic.updatesPerDay)} a day; ${n(traffic.avgUpdatesPerSecond)} avg, ${n(traffic.peakUpdatesPerSecond)} peak`,
        unit: 'player-match updates/s',
        note: `${millions(scale.dailyActives)} × ${scale.matchesPerActivePerDay} matches, peak ×${scale.peakFactor}`,
        where: `${ESTIMATES}#score-updates-per-second`,
      },
      {
        label: 'Board reads',
        value: `${n(traffic.readsPerDay / 1e9)}B a day; ${n(traffic.avgReadsPerSecond)} avg, ${n(traffic.peakReadsPerSecond)} peak`,
        unit: 'reads/s',
        note: `${scale.readsPerMatch} reads per match`,
        where: `${ESTIMATES}#board-reads-per-second`,
      },
      {
        label: 'Read mix at peak',
        value: `${pct(readMix.sharedPages)} shared pages (${n(readsAtPeak.sharedPages)}), ${pct(readMix.ownRankAndNeighbours)} own rank (${n(readsAtPeak.ownRank)}), ${pct(readMix.friendBoards)} friend boards (${n(readsAtPeak.friendBoards)})`,
        unit: 'reads/s',
        where: `${ESTIMATES}#board-reads-per-second`,
      },
      {
        label: 'All operations at peak',
        value: n(peakOpsPerSecond),
        unit: 'ops/s',
        where: `${ESTIMATES}#board-reads-per-second`,
      },
    ],
  },
  {
    id: 'memory',
    title: 'Memory',
    rows: [
      {
        label: 'Sorted-set member',
        value: String(memory.bytesPerMember),
        unit: 'bytes',
        note: `${memory.memberNameBytes}-byte names, skiplist encoding, MEMORY USAGE on Redis 7.0`,
        where: `${ESTIMATES}#memory-per-sorted-set-member`,
      },
      {
        label: 'Global season / weekly / daily board',
        value: `${gb(memoryTable.globalSeasonBoard)} / ${gb(memoryTable.globalWeeklyBoard)} / ${gb(memoryTable.globalDailyBoard)}`,
        where: `${ESTIMATES}#memory-for-every-board`,
      },
      {
        label: 'Regional boards (6 regions, all windows)',
        value: gb(memoryTable.regionalBoards),
        note: 'the season boards double as the player → score lookup',
        where: `${SOCIAL}#regional-boards`,
      },
      {
        label: "Last week's and yesterday's boards",
        value: gb(memoryTable.previousWindowBoards),
        where: `${ESTIMATES}#memory-for-every-board`,
      },
      {
        label: 'Guild ranking and member boards',
        value: gb(memoryTable.guildData),
        note: `${millions(guildTotals.guildCount)} guilds`,
        where: `${SOCIAL}#guild-boards`,
      },
      {
        label: 'All Redis data',
        value: `≈ ${Math.round(redisDataBytes / 1e9)} GB`,
        note: `boards ≈ ${Math.round(memoryTable.allBoards / 1e9)} GB`,
        where: `${ESTIMATES}#memory-for-every-board`,
      },
    ],
  },
  {
    id: 'sharding',
    title: 'Sharding and fleet',
    rows: [
      {
        label: 'Redis primaries + replicas',
        value: `${fleet.primaries} + ${fleet.primaries * fleet.replicasPerPrimary} (${redisProcesses} processes), from day one`,
        note: `≈ ${Math.round(redisDataBytes / 1e9)} GB ÷ ${memory.instanceDataTargetBytes / 1e9} GB per instance`,
        where: `${ESTIMATES}#shards-needed`,
      },
      {
        label: 'Why shard when it fits',
        value: 'many boards, write headroom, small failovers and rebuilds',
        where: `${ESTIMATES}#what-pushes-you-to-shard-anyway`,
      },
      {
        label: 'Season board',
        value: `${sharding.rangeShardCount} range shards by score`,
        note: 'quantile boundaries, top shard shrunk on purpose',
        where: `${SHARDING}#range-based-sharding`,
      },
      ...rangeShards.map((s, i) => ({
        label: `Shard ${s.name}`,
        value: `${shardBand(i)}, ${millions(s.members)}`,
        unit: 'members',
        where: `${SHARDING}#range-based-sharding`,
      })),
      {
        label: 'Largest shard',
        // 1.785 GB, said as 1.79 (toFixed would print 1.78).
        value: `${(Math.round(sharding.largestShardBytes / 1e7) / 100).toFixed(2)} GB`,
        // 108.5 s, said as "about 108 s".
        note: `rebuilt in ≈ ${Math.floor(sharding.largestShardReloadSeconds)} s of server time`,
        where: `${SHARDING}#range-based-sharding`,
      },
      {
        label: 'Hot shard',
        value: `S1 for reads; S1 writes ≈ ${n(topShardWritesPerSecond)}/s (${pct(sharding.topShardWriteShare)})`,
        where: `${SHARDING}#the-hot-top-shard`,
      },
      {
        label: 'Rank on range shards',
        value: `${rankRead.rangeCallsPerRank} calls in ${rankRead.rangeRoundTrips} round trips (hash shards: ${rankRead.hashCallsPerRank} calls, ${n(rankRead.hashZcountPerSecond)} ZCOUNT/s)`,
        where: `${SHARDING}#global-rank-from-a-local-rank`,
      },
      {
        label: 'API servers',
        value: String(fleet.apiServers),
        unit: 'servers',
        note: `≈ ${n(Math.round(traffic.peakReadsPerSecond / fleet.apiServers / 50) * 50)} requests/s each at peak`,
        where: `${READS}#caching-the-top-of-the-board`,
      },
    ],
  },
  {
    id: 'ranking',
    title: 'Ranking',
    rows: [
      {
        label: 'Exact head',
        value: `top ${n(ranking.exactHead)}`,
        unit: 'ranks',
        note: 'below it, a rounded rank and a percentile',
        where: `${APPROX}#an-exact-head-with-an-approximate-tail`,
      },
      {
        label: 'Histogram',
        value: `${n(ranking.buckets)} equal-population buckets of ${n(histogram.bucketPopulation)} players, ${formatBytes(histogram.counterBytes)}`,
        note: `error ≤ ${n(histogram.bucketPopulation)} ranks = ${histogram.errorPercentilePoints} percentile points; rebuilt every ${ranking.histogramRebuildSeconds} s from the shards`,
        where: `${APPROX}#the-error-bound`,
      },
      {
        label: 'Fixed-width pitfall',
        value: `${ranking.fixedBucketWidth}-point buckets: ${millions(histogram.fixedWidthCrowding)} players each below 1,000 pts`,
        where: `${APPROX}#choosing-the-buckets`,
      },
      {
        label: 'Composite score',
        value: compositeScore.formula,
        note: `t = seconds since the window started; max score ${n(compositeScore.maxScore)}; ${n(compositeScore.example.score)} pts at t = ${n(compositeScore.example.t)} → ${n(compositeScore.example.composite)}`,
        where: `${SORTED_SETS}#breaking-ties-with-a-composite-score`,
      },
      {
        label: 'Per-call server time (1M members)',
        value: `ZADD ${us(costMicros.zadd)}, ZINCRBY ${us(costMicros.zincrby)}, ZREVRANK ${us(costMicros.zrevrank)}, ZREVRANGE top ${reads.topPageRows} ${us(costMicros.zrevrangeTop10)}`,
        where: `${ESTIMATES}#cpu-time-inside-redis`,
      },
      {
        label: 'Friend boards',
        value: `fan-out on read: ZMSCORE of ≈ ${reads.friendsPerPlayer} friends`,
        note: `fan-out on write would be ${millions(social.fanOutWritesPerSecond)} writes/s; hybrid threshold ${n(social.celebrityThreshold)} followers`,
        where: `${SOCIAL}#friend-boards`,
      },
    ],
  },
  {
    id: 'write-path',
    title: 'Write path',
    rows: [
      {
        label: 'Board writes per update',
        value: `${boardWritesPerUpdate} (${boards.windows.length} windows × global and region): ${n(peakBoardWritesPerSecond)}/s at peak`,
        note: `+ ${n(guildTotals.peakScriptCallsPerSecond)} guild script calls/s`,
        where: `${WRITE_PATH}#consumers-that-write-redis`,
      },
      {
        label: 'Season totals',
        value: 'absolute totals, ZADD GT; duplicates die in PostgreSQL (match_id, player_id)',
        where: `${WRITE_PATH}#make-every-board-write-idempotent`,
      },
      {
        label: 'Writers of the boards',
        value: 'board consumers only, one ordered writer per player',
        where: `${WRITE_PATH}#one-writer-per-player`,
      },
      {
        label: 'Kafka',
        value: `${writePath.kafkaPartitions} partitions, ≈ ${writePath.eventBytes} B/event, ${writePath.retentionDays} days × ${writePath.kafkaReplicas} copies = ${Math.round(eventLog.retainedBytesAllCopies / 1e9)} GB`,
        where: `${WRITE_PATH}#kafka-as-the-replayable-log`,
      },
      {
        label: 'Read-your-writes',
        value: 'the write returns the committed total and a read-only ZCOUNT rank',
        where: `${OPERATIONS}#consistency-a-player-can-notice`,
      },
    ],
  },
  {
    id: 'operations',
    title: 'Reads and operations',
    rows: [
      {
        label: 'Top-K cache',
        value: `${reads.topKCacheTtlSeconds} s per API server`,
        note: `a shared page costs Redis ${fleet.apiServers} reads/s`,
        where: `${READS}#caching-the-top-of-the-board`,
      },
      {
        label: 'Per-player read limit',
        value: `${reads.perPlayerRatePerSecond} requests/s, bursts of ${reads.perPlayerBurst}`,
        note: `pages ≤ ${reads.maxPageSize} rows, browsing stops at ${n(reads.maxBrowseDepth)}`,
        where: `${READS}#rate-limiting-and-bounding-the-expensive-reads`,
      },
      {
        label: 'Replay window after failover',
        value: `${operations.replayWindowSeconds / 60} minutes before the failover, by timestamp`,
        note: `${millions(replay.failoverEvents)} events, ≈ ${replay.failoverSeconds} s at ${n(operations.replayEventsPerSecond)}/s`,
        where: `${OPERATIONS}#a-primary-fails-and-its-replica-takes-over`,
      },
      {
        label: 'Full reload of the season board',
        value: `≈ ${Math.round(threadTime.fullReloadSeconds)} s of server time`,
        note: 'Kafka offsets noted before the PostgreSQL snapshot starts',
        where: `${WRITE_PATH}#recovery-replay-or-reload`,
      },
      {
        label: 'Alerts',
        value: `consumer lag > ${operations.lagAlertSeconds} s (${n(replay.lagAlertEvents)} events), p99 > ${operations.p99AlertMs} ms, memory > ${pct(memory.memoryAlertShare)}`,
        where: `${OPERATIONS}#monitoring`,
      },
    ],
  },
];

/** "/leaderboard-design/estimates/#x" → the section's sidebar name, "Estimates". */
function sectionLabel(where: string): string {
  const [, chapterSlug, sectionSlug = ''] = where.split('#')[0]!.split('/');
  const list: readonly Chapter[] = chapters;
  const section = list
    .find((c) => c.slug === chapterSlug)
    ?.sections.find((s) => s.slug === sectionSlug);
  if (!section) throw new Error(`design ledger: no section at ${where}`);
  return section.navTitle ?? section.title;
}

export const designLedgerGroups: readonly LedgerTableGroup[] = groups.map((group) => ({
  ...group,
  rows: group.rows.map((row) => ({ ...row, source: sectionLabel(row.where) })),
}));
