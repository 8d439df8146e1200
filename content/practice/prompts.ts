/**
 * The practice room's prompts: the leaderboard as the guide poses it, and three variants built
 * from the same parts, each with its own numbers, a requirement change the interviewer
 * announces mid-round, and a reference design. Where a variant's figures overlap the guide's
 * they come from the design ledger, never typed twice.
 */
import type { Point } from '@/lib/flow/diagram-geometry';
import type { Topology, TopologyEdge, TopologyNode } from '@/lib/flow/topology';
import type { ClarifyFact, KeyQuestion, Variant } from '@/lib/practice/variant';
import {
  boardWritesPerUpdate,
  fleet,
  memory,
  memoryTable,
  operations,
  ranking,
  readMix,
  reads,
  redisDataBytes,
  scale,
  traffic,
  writePath,
} from '../design-ledger';

const GB = 1e9;
const fmt = (n: number) => n.toLocaleString('en-US');

/** The guide's key clarifying questions (Interview Skills, "Clarifying questions"). */
const keyQuestions: readonly KeyQuestion[] = [
  {
    id: 'scale',
    question: 'How many players, and how many are active each day?',
    keywords: [['player', 'user', 'active', 'dau', 'scale', 'how many', 'viewer']],
    why: 'Sets memory and throughput, and whether you shard at all.',
  },
  {
    id: 'exact',
    question: 'Does every player need an exact rank?',
    keywords: [['exact', 'approximate', 'precise', 'percentile', 'accurate']],
    why: 'Decides between a sorted set for everyone and a histogram for the long tail.',
  },
  {
    id: 'freshness',
    question: 'How fresh must a rank be after a score changes?',
    keywords: [
      [
        'fresh',
        'stale',
        'real time',
        'realtime',
        'delay',
        'latency',
        'how soon',
        'immediately',
        'lag',
      ],
    ],
    why: 'Decides whether writes are synchronous or buffered through a log.',
  },
  {
    id: 'reads',
    question: 'What do people read most: the top, their own rank, or friends?',
    keywords: [['read', 'view', 'look', 'top', 'around', 'page', 'open']],
    why: 'A read-heavy top page is cached; personal reads hit the board.',
  },
  {
    id: 'score',
    question: 'Is the score a best, a total, or the latest?',
    keywords: [
      ['best', 'total', 'sum', 'cumulative', 'highest', 'latest', 'score type', 'how is the score'],
    ],
    why: 'Total scores make idempotence essential; best scores use ZADD GT.',
  },
  {
    id: 'windows',
    question: 'Which time windows: all-time, season, weekly, daily?',
    keywords: [
      ['window', 'daily', 'weekly', 'season', 'reset', 'all time', 'all-time', 'week', 'month'],
    ],
    why: 'Each window is another board to write and hold in memory.',
  },
  {
    id: 'social',
    question: 'Are there friend, regional or guild boards?',
    keywords: [['friend', 'region', 'country', 'guild', 'city', 'social', 'local']],
    why: 'Each scope multiplies writes or moves work to read time.',
  },
  {
    id: 'ties',
    question: 'How are ties broken?',
    keywords: [['tie', 'same score', 'equal']],
    why: 'Ties need a tie-breaker folded into the score.',
  },
];

/** A fact matched by any of the stems in each group. */
const fact = (id: string, keywords: string[][], answer: string): ClarifyFact => ({
  id,
  keywords,
  answer,
});

const n = (
  id: string,
  kind: TopologyNode['kind'],
  params?: TopologyNode['params'],
): TopologyNode => (params ? { id, kind, params } : { id, kind });
const e = (source: string, target: string, flow: TopologyEdge['flow']): TopologyEdge => ({
  source,
  target,
  flow,
});

/** Lays a reference design out on a grid: columns 230 units apart, rows 110. */
const grid = (cells: Record<string, [number, number]>): Record<string, Point> =>
  Object.fromEntries(Object.entries(cells).map(([id, [c, r]]) => [id, { x: c * 230, y: r * 110 }]));

// ─── The guide's leaderboard ─────────────────────────────────────────────────────────────

const guideReference: Topology = {
  nodes: [
    n('clients', 'clients'),
    n('lb', 'load-balancer', { instances: 2 }),
    n('api', 'api', { instances: fleet.apiServers, idempotent: true }),
    n('kafka', 'kafka', {
      partitions: writePath.kafkaPartitions,
      retentionHours: writePath.retentionDays * 24,
    }),
    n('writers', 'consumers', { consumers: 32, idempotent: true }),
    n('postgres', 'postgres', { replicas: 1, synchronous: true }),
    n('redis', 'redis', {
      mode: 'cluster',
      shards: fleet.primaries,
      sharding: 'range',
      replicated: true,
      memoryGb: memory.machineRamBytes / GB,
    }),
    n('topk', 'topk-cache', { ttlSeconds: reads.topKCacheTtlSeconds, topK: reads.maxPageSize }),
    n('histogram', 'histogram', { buckets: ranking.buckets }),
  ],
  edges: [
    e('clients', 'lb', 'read-write'),
    e('lb', 'api', 'read-write'),
    e('api', 'postgres', 'write'),
    e('postgres', 'kafka', 'outbox'),
    e('kafka', 'writers', 'write'),
    e('writers', 'redis', 'write'),
    e('api', 'topk', 'read'),
    e('topk', 'redis', 'read'),
    e('api', 'redis', 'read'),
    e('api', 'histogram', 'read'),
  ],
};

const guide: Variant = {
  id: 'global-game',
  title: 'A global game leaderboard',
  summary: `The guide's problem: ${fmt(scale.registeredPlayers / 1e6)}M players, exact ranks for the top ${fmt(ranking.exactHead)}.`,
  prompt:
    'Design the leaderboard for our online game. Players finish matches all day, all over the world, and want to see where they stand.',
  load: {
    players: scale.registeredPlayers,
    dailyActives: scale.dailyActives,
    peakWritesPerSecond: traffic.peakUpdatesPerSecond,
    peakReadsPerSecond: traffic.peakReadsPerSecond,
    readMix: {
      sharedPages: readMix.sharedPages,
      ownRank: readMix.ownRankAndNeighbours,
      friendBoards: readMix.friendBoards,
    },
    boardWritesPerUpdate,
    boardBytes: redisDataBytes,
    updatesPerDay: traffic.updatesPerDay,
  },
  requirements: {
    freshnessSeconds: operations.lagAlertSeconds,
    readP99Ms: operations.p99AlertMs,
    exactRank: { top: ranking.exactHead },
    memoryHeadroom: memory.memoryAlertShare,
  },
  facts: [
    fact(
      'players',
      [['player', 'user', 'active', 'dau', 'scale', 'how many']],
      `${fmt(scale.registeredPlayers / 1e6)}M registered players, ${fmt(scale.dailyActives / 1e6)}M active each day, each finishing about ${scale.matchesPerActivePerDay} matches a day.`,
    ),
    fact(
      'peak',
      [['peak', 'spike', 'burst', 'evening', 'traffic']],
      `Evenings run about ${scale.peakFactor}× the daily average; a tournament can reach ${scale.tournamentBurstFactor}× for ten minutes.`,
    ),
    fact(
      'reads',
      [['read', 'view', 'look', 'open', 'check']],
      `About ${scale.readsPerMatch} board reads per match: mostly the shared top pages, then a player's own rank with neighbours, then friends.`,
    ),
    fact(
      'exact',
      [['exact', 'approximate', 'precise', 'percentile', 'accurate']],
      `The top ${fmt(ranking.exactHead)} must be exact (prizes). Below that, "about 18,230,000th" and a percentile are fine.`,
    ),
    fact(
      'freshness',
      [['fresh', 'stale', 'real time', 'realtime', 'delay', 'how soon', 'immediately', 'lag']],
      `A player should see their new rank within a few seconds of the match ending; ${operations.lagAlertSeconds} s is the limit.`,
    ),
    fact(
      'score',
      [['best', 'total', 'sum', 'cumulative', 'highest', 'score type', 'how is the score']],
      'Season totals: each match adds points. There are also weekly and daily boards.',
    ),
    fact(
      'windows',
      [['window', 'daily', 'weekly', 'season', 'reset', 'all time', 'week']],
      `Season (${90} days), weekly and daily boards, global and per region; daily and weekly roll over at 00:00 UTC.`,
    ),
    fact(
      'social',
      [['friend', 'region', 'guild', 'social']],
      `Regional boards for ${6} regions; a friends board of up to ${reads.friendsPerPlayer} friends; guilds of about 20.`,
    ),
    fact('ties', [['tie', 'same score', 'equal']], 'Whoever reached the score first ranks higher.'),
    fact(
      'cheat',
      [['cheat', 'trust', 'valid', 'fraud', 'security']],
      'Only our authenticated game servers post results, but a buggy server must not be able to wreck the board.',
    ),
  ],
  keyQuestions,
  estimates: [
    {
      id: 'writes',
      label: 'Score updates at peak',
      unit: 'per second',
      worked: traffic.peakUpdatesPerSecond,
      derivation: `${fmt(scale.dailyActives)} daily actives × ${scale.matchesPerActivePerDay} matches = ${fmt(traffic.updatesPerDay)} updates a day; ÷ ${fmt(scale.secondsPerDay)} s ≈ ${fmt(traffic.avgUpdatesPerSecond)}/s; × ${scale.peakFactor} at peak ≈ ${fmt(traffic.peakUpdatesPerSecond)}/s.`,
    },
    {
      id: 'reads',
      label: 'Board reads at peak',
      unit: 'per second',
      worked: traffic.peakReadsPerSecond,
      derivation: `${fmt(traffic.updatesPerDay)} updates × ${scale.readsPerMatch} reads = ${fmt(traffic.readsPerDay)} a day ≈ ${fmt(traffic.avgReadsPerSecond)}/s; × ${scale.peakFactor} ≈ ${fmt(traffic.peakReadsPerSecond)}/s.`,
    },
    {
      id: 'memory',
      label: 'Memory for the global season board',
      unit: 'GB',
      worked: Number((memoryTable.globalSeasonBoard / GB).toFixed(1)),
      derivation: `${fmt(scale.registeredPlayers)} members × ${memory.bytesPerMember} B ≈ ${(memoryTable.globalSeasonBoard / GB).toFixed(1)} GB. All boards (3 windows × global and regional, plus last period's) ≈ ${Math.round(memoryTable.allBoards / GB)} GB.`,
    },
    {
      id: 'shards',
      label: 'Redis primaries',
      unit: 'shards',
      worked: fleet.primaries,
      derivation: `About ${Math.round(redisDataBytes / GB)} GB of Redis data at ${memory.instanceDataTargetBytes / GB} GB per instance (small forks, fast resyncs) → ${fleet.primaries} primaries, each with a replica.`,
    },
  ],
  change: {
    minute: 18,
    title: 'Per-country boards',
    text: 'Product just asked for a board per country as well: season, weekly and daily, live from launch. Every score update now lands on a third scope.',
    load: {
      boardWritesPerUpdate: boardWritesPerUpdate + 3,
      boardBytes: redisDataBytes + memoryTable.regionalBoards,
    },
  },
  reference: {
    topology: guideReference,
    positions: grid({
      clients: [0, 2],
      lb: [1, 2],
      api: [2, 2],
      kafka: [3, 0],
      writers: [4, 0],
      postgres: [5, 0],
      redis: [5, 2],
      topk: [3, 3],
      histogram: [3, 4],
    }),
    notes: [
      'Writes go through Kafka so a slow or dead store only delays them; consumers write PostgreSQL (the truth) and then Redis, skipping versions already applied.',
      `Redis holds every board in ${fleet.primaries} range-sharded primaries with replicas; the top-K cache absorbs shared pages, the histogram answers ranks below the top ${fmt(ranking.exactHead)}.`,
    ],
  },
};

// ─── An esports final ────────────────────────────────────────────────────────────────────

const esportsPlayers = 10_000;
const esportsViewers = 2_000_000;
const esports: Variant = {
  id: 'esports-final',
  title: 'Esports final: a live top 100',
  summary: `${fmt(esportsViewers / 1e6)}M viewers watch a live top 100 of ${fmt(esportsPlayers)} competitors.`,
  prompt:
    'We stream the final of our battle-royale tournament. Viewers watch a live leaderboard of the competitors beside the stream. Design it.',
  load: {
    players: esportsPlayers,
    dailyActives: esportsPlayers,
    peakWritesPerSecond: 5_000,
    peakReadsPerSecond: esportsViewers / 2,
    readMix: { sharedPages: 0.97, ownRank: 0.03, friendBoards: 0 },
    boardWritesPerUpdate: 1,
    boardBytes: esportsPlayers * memory.bytesPerMember,
    updatesPerDay: esportsPlayers * 360,
  },
  requirements: {
    freshnessSeconds: 2,
    readP99Ms: operations.p99AlertMs,
    exactRank: 'all',
    memoryHeadroom: memory.memoryAlertShare,
  },
  facts: [
    fact(
      'players',
      [['player', 'competitor', 'team', 'how many compet']],
      `${fmt(esportsPlayers)} competitors in the final day, each scoring about once every 10 s, five times that in a firefight.`,
    ),
    fact(
      'viewers',
      [['viewer', 'audience', 'watch', 'user', 'how many', 'scale']],
      `About ${fmt(esportsViewers)} concurrent viewers; the page refreshes the top 100 every 2 s.`,
    ),
    fact(
      'exact',
      [['exact', 'approximate', 'precise', 'accurate']],
      'Every competitor has an exact rank: it decides prize money.',
    ),
    fact(
      'freshness',
      [['fresh', 'stale', 'real time', 'realtime', 'delay', 'how soon', 'live', 'lag']],
      'The board may trail the stream by at most 2 s.',
    ),
    fact(
      'reads',
      [['read', 'view', 'look', 'top', 'page']],
      'Nearly every read is the same top-100 page; competitors check their own rank between rounds.',
    ),
    fact(
      'score',
      [['best', 'total', 'sum', 'cumulative', 'score type']],
      'Total points in the final: eliminations and placement.',
    ),
  ],
  keyQuestions,
  estimates: [
    {
      id: 'writes',
      label: 'Score updates at peak',
      unit: 'per second',
      worked: 5_000,
      derivation: `${fmt(esportsPlayers)} competitors × one event per 10 s = 1,000/s; × 5 in a firefight = 5,000/s.`,
    },
    {
      id: 'reads',
      label: 'Board reads at peak',
      unit: 'per second',
      worked: esportsViewers / 2,
      derivation: `${fmt(esportsViewers)} viewers ÷ a 2 s refresh = ${fmt(esportsViewers / 2)} reads/s, nearly all of one page.`,
    },
    {
      id: 'memory',
      label: 'Memory for the board',
      unit: 'GB',
      worked: Number(((esportsPlayers * memory.bytesPerMember) / GB).toFixed(4)),
      derivation: `${fmt(esportsPlayers)} × ${memory.bytesPerMember} B ≈ ${((esportsPlayers * memory.bytesPerMember) / 1e6).toFixed(1)} MB: memory is not the problem, the read fan-in is.`,
    },
    {
      id: 'shards',
      label: 'Redis primaries',
      unit: 'shards',
      worked: 1,
      derivation:
        'One primary (with a replica) holds the board; the million reads a second are a caching problem, not a sharding one.',
    },
  ],
  change: {
    minute: 20,
    title: 'A prediction game for every viewer',
    text: 'The broadcaster adds a prediction game: each of the 2M viewers gets points after every round and wants their own rank. Round ends are bursts: all 2M scores land within a minute.',
    load: {
      players: esportsPlayers + esportsViewers,
      peakWritesPerSecond: 40_000,
      readMix: { sharedPages: 0.8, ownRank: 0.2, friendBoards: 0 },
      boardBytes: (esportsPlayers + esportsViewers) * memory.bytesPerMember,
    },
    requirements: { freshnessSeconds: 60, exactRank: { top: 10_000 } },
  },
  reference: {
    topology: {
      nodes: [
        n('clients', 'clients'),
        n('cdn', 'cdn', { ttlSeconds: 1 }),
        n('api', 'api', { instances: 24, idempotent: true }),
        n('kafka', 'kafka', { partitions: 64 }),
        n('writers', 'consumers', { consumers: 64, idempotent: true }),
        n('postgres', 'postgres', { replicas: 1, synchronous: true }),
        n('redis', 'redis', { mode: 'replicated', memoryGb: 16 }),
        n('topk', 'topk-cache', { ttlSeconds: 1, topK: 100 }),
      ],
      edges: [
        e('clients', 'cdn', 'read'),
        e('cdn', 'api', 'read'),
        e('clients', 'api', 'write'),
        e('api', 'postgres', 'write'),
        e('postgres', 'kafka', 'outbox'),
        e('kafka', 'writers', 'write'),
        e('writers', 'redis', 'write'),
        e('api', 'topk', 'read'),
        e('topk', 'redis', 'read'),
        e('api', 'redis', 'read'),
      ],
    },
    positions: grid({
      clients: [0, 2],
      cdn: [1, 3],
      api: [2, 2],
      kafka: [3, 0],
      writers: [4, 0],
      postgres: [5, 0],
      redis: [5, 2],
      topk: [3, 3],
    }),
    notes: [
      'A CDN with a 1 s TTL serves the top-100 page: two million viewers become a few thousand origin fetches a second, and a top-K cache in the API takes those to one Redis read per instance per second.',
      'One Redis primary with a replica holds 10,000 competitors; writes go through Kafka so a round-end burst queues instead of failing.',
    ],
  },
};

// ─── A fitness app's weekly friends board ────────────────────────────────────────────────

const fitnessUsers = 50_000_000;
const fitnessDaily = 10_000_000;
const weeklyActive = 25_000_000;
const fitness: Variant = {
  id: 'fitness-friends',
  title: 'A fitness app’s weekly friends board',
  summary: `${fmt(fitnessUsers / 1e6)}M users compare this week’s workouts with their friends.`,
  prompt:
    'Our fitness app wants a weekly leaderboard so people can compete with their friends. Design it.',
  load: {
    players: weeklyActive,
    dailyActives: fitnessDaily,
    peakWritesPerSecond: 600,
    peakReadsPerSecond: 1_700,
    readMix: { sharedPages: 0.1, ownRank: 0.1, friendBoards: 0.8 },
    boardWritesPerUpdate: 1,
    boardBytes: weeklyActive * memory.bytesPerMember,
    updatesPerDay: fitnessDaily,
  },
  requirements: {
    freshnessSeconds: 10,
    readP99Ms: operations.p99AlertMs,
    exactRank: 'approximate',
    memoryHeadroom: memory.memoryAlertShare,
  },
  facts: [
    fact(
      'players',
      [['user', 'player', 'active', 'dau', 'scale', 'how many', 'member']],
      `${fmt(fitnessUsers / 1e6)}M users, ${fmt(fitnessDaily / 1e6)}M active each day, about ${fmt(weeklyActive / 1e6)}M in a week; one workout a day each.`,
    ),
    fact(
      'friends',
      [['friend', 'social', 'follow', 'connection']],
      `Up to ${reads.friendsPerPlayer} friends each; the friends board is what people open most.`,
    ),
    fact(
      'reads',
      [['read', 'view', 'look', 'open', 'check']],
      'Users open the board about three times a day, mostly the friends tab.',
    ),
    fact(
      'windows',
      [['window', 'weekly', 'week', 'reset', 'monday', 'daily']],
      'A weekly board, resetting Monday 00:00 in each user’s time zone… or UTC if that is much simpler.',
    ),
    fact(
      'exact',
      [['exact', 'approximate', 'precise', 'percentile', 'accurate']],
      'Among friends, exact. Across everyone, a percentile is fine.',
    ),
    fact(
      'freshness',
      [['fresh', 'stale', 'real time', 'realtime', 'delay', 'how soon', 'immediately']],
      'A workout should show within 10 seconds of syncing.',
    ),
    fact(
      'score',
      [['score', 'point', 'measure', 'metric', 'total']],
      'Active minutes this week, summed.',
    ),
  ],
  keyQuestions,
  estimates: [
    {
      id: 'writes',
      label: 'Workout updates at peak',
      unit: 'per second',
      worked: 600,
      derivation: `${fmt(fitnessDaily)} workouts a day ÷ ${fmt(scale.secondsPerDay)} s ≈ 116/s; × ${scale.peakFactor} at the morning and evening peaks ≈ 600/s.`,
    },
    {
      id: 'reads',
      label: 'Board reads at peak',
      unit: 'per second',
      worked: 1_700,
      derivation: `${fmt(fitnessDaily)} × 3 opens = 30M a day ≈ 350/s; × ${scale.peakFactor} ≈ 1,700/s.`,
    },
    {
      id: 'memory',
      label: 'Memory for the weekly board',
      unit: 'GB',
      worked: Number(((weeklyActive * memory.bytesPerMember) / GB).toFixed(2)),
      derivation: `${fmt(weeklyActive)} weekly actives × ${memory.bytesPerMember} B ≈ ${((weeklyActive * memory.bytesPerMember) / GB).toFixed(2)} GB; friend boards are built on read, so they cost nothing to keep.`,
    },
    {
      id: 'shards',
      label: 'Redis primaries',
      unit: 'shards',
      worked: 1,
      derivation:
        'One primary with a replica: 2.6 GB and 600 writes a second are far inside one instance.',
    },
  ],
  change: {
    minute: 22,
    title: 'City boards, exact',
    text: 'Marketing wants a city board: each user’s exact rank among everyone in their city this week, about 3,000 cities.',
    load: {
      boardWritesPerUpdate: 2,
      boardBytes: 2 * weeklyActive * memory.bytesPerMember,
      readMix: { sharedPages: 0.1, ownRank: 0.3, friendBoards: 0.6 },
    },
    requirements: { exactRank: 'all' },
  },
  reference: {
    topology: {
      nodes: [
        n('clients', 'clients'),
        n('api', 'api', { instances: 4, idempotent: true }),
        n('kafka', 'kafka', { partitions: 6 }),
        n('writers', 'consumers', { consumers: 3, idempotent: true }),
        n('postgres', 'postgres', { replicas: 1, synchronous: true }),
        n('redis', 'redis', { mode: 'replicated', memoryGb: 16 }),
      ],
      edges: [
        e('clients', 'api', 'read-write'),
        e('api', 'postgres', 'write'),
        e('postgres', 'kafka', 'outbox'),
        e('kafka', 'writers', 'write'),
        e('writers', 'redis', 'write'),
        e('api', 'redis', 'read'),
      ],
    },
    positions: grid({
      clients: [0, 2],
      api: [1, 2],
      kafka: [2, 0],
      writers: [3, 0],
      postgres: [4, 0],
      redis: [4, 2],
    }),
    notes: [
      'The weekly board is one sorted set in one replicated Redis; a friends board is a ZMSCORE of up to 200 friends, sorted in the API.',
      'Workouts go through Kafka to PostgreSQL (the truth) and Redis, so a Redis loss is a reload, not a lost week.',
    ],
  },
};

// ─── A mobile puzzle game, where exact rank arrives late ─────────────────────────────────

const puzzlePlayers = 300_000_000;
const puzzle: Variant = {
  id: 'puzzle-percentiles',
  title: 'A puzzle game: exact rank arrives late',
  summary: `${fmt(puzzlePlayers / 1e6)}M players see a percentile; then prizes need exact ranks.`,
  prompt:
    'Our mobile puzzle game shows players how they compare with everyone else after each level. Design the ranking.',
  load: {
    players: puzzlePlayers,
    dailyActives: 60_000_000,
    peakWritesPerSecond: 17_500,
    peakReadsPerSecond: 35_000,
    readMix: { sharedPages: 0.5, ownRank: 0.5, friendBoards: 0 },
    boardWritesPerUpdate: 1,
    boardBytes: puzzlePlayers * memory.bytesPerMember,
    updatesPerDay: 300_000_000,
  },
  requirements: {
    freshnessSeconds: 60,
    readP99Ms: operations.p99AlertMs,
    exactRank: 'approximate',
    memoryHeadroom: memory.memoryAlertShare,
  },
  facts: [
    fact(
      'players',
      [['player', 'user', 'active', 'dau', 'scale', 'how many']],
      `${fmt(puzzlePlayers / 1e6)}M players, 60M active a day, about 5 levels each.`,
    ),
    fact(
      'exact',
      [['exact', 'approximate', 'precise', 'percentile', 'accurate']],
      '"Top 3%" is what we show. Nobody needs their exact position today.',
    ),
    fact(
      'reads',
      [['read', 'view', 'look', 'open', 'check', 'top']],
      'After each level: the player’s percentile, and a global top page.',
    ),
    fact(
      'freshness',
      [['fresh', 'stale', 'real time', 'realtime', 'delay', 'how soon', 'immediately']],
      'Within a minute is fine.',
    ),
    fact(
      'score',
      [['best', 'total', 'sum', 'cumulative', 'highest', 'score type']],
      'Total stars collected, all-time.',
    ),
  ],
  keyQuestions,
  estimates: [
    {
      id: 'writes',
      label: 'Score updates at peak',
      unit: 'per second',
      worked: 17_500,
      derivation: `60M × 5 levels = 300M a day ≈ 3,500/s; × ${scale.peakFactor} ≈ 17,500/s.`,
    },
    {
      id: 'reads',
      label: 'Reads at peak',
      unit: 'per second',
      worked: 35_000,
      derivation: 'Two reads per level: 600M a day ≈ 7,000/s; × 5 ≈ 35,000/s.',
    },
    {
      id: 'memory',
      label: 'Memory for an exact board of everyone',
      unit: 'GB',
      worked: Number(((puzzlePlayers * memory.bytesPerMember) / GB).toFixed(1)),
      derivation: `${fmt(puzzlePlayers)} × ${memory.bytesPerMember} B ≈ ${((puzzlePlayers * memory.bytesPerMember) / GB).toFixed(1)} GB, against 80 KB for a ${fmt(ranking.buckets)}-bucket histogram.`,
    },
    {
      id: 'shards',
      label: 'Redis primaries for that board',
      unit: 'shards',
      worked: Math.ceil((puzzlePlayers * memory.bytesPerMember) / memory.instanceDataTargetBytes),
      derivation: `${((puzzlePlayers * memory.bytesPerMember) / GB).toFixed(1)} GB ÷ ${memory.instanceDataTargetBytes / GB} GB per instance → ${Math.ceil((puzzlePlayers * memory.bytesPerMember) / memory.instanceDataTargetBytes)} primaries, if you keep everyone exact.`,
    },
  ],
  change: {
    minute: 25,
    title: `Exact rank for the top ${fmt(ranking.exactHead)}`,
    text: `The season will end with prizes for the top ${fmt(ranking.exactHead)}: their ranks must now be exact, and visible to them live.`,
    requirements: { exactRank: { top: ranking.exactHead } },
  },
  reference: {
    topology: {
      nodes: [
        n('clients', 'clients'),
        n('lb', 'load-balancer', { instances: 2 }),
        n('api', 'api', { instances: 24, idempotent: true }),
        n('kafka', 'kafka', { partitions: 32 }),
        n('writers', 'consumers', { consumers: 32, idempotent: true }),
        n('postgres', 'postgres', { replicas: 1, synchronous: true }),
        n('redis', 'redis', {
          mode: 'cluster',
          shards: 8,
          sharding: 'range',
          replicated: true,
          memoryGb: 16,
        }),
        n('topk', 'topk-cache', { ttlSeconds: 1, topK: 100 }),
        n('histogram', 'histogram', { buckets: ranking.buckets }),
      ],
      edges: [
        e('clients', 'lb', 'read-write'),
        e('lb', 'api', 'read-write'),
        e('api', 'postgres', 'write'),
        e('postgres', 'kafka', 'outbox'),
        e('kafka', 'writers', 'write'),
        e('writers', 'redis', 'write'),
        e('api', 'topk', 'read'),
        e('topk', 'redis', 'read'),
        e('api', 'histogram', 'read'),
        e('api', 'redis', 'read'),
      ],
    },
    positions: grid({
      clients: [0, 2],
      lb: [1, 2],
      api: [2, 2],
      kafka: [3, 0],
      writers: [4, 0],
      postgres: [5, 0],
      redis: [5, 2],
      topk: [3, 3],
      histogram: [3, 4],
    }),
    notes: [
      'A histogram of 10,000 buckets answers every percentile in microseconds; the range-sharded sorted set keeps the exact head once prizes arrive.',
      'Kafka absorbs the evening peak; PostgreSQL is the truth a lost shard is reloaded from.',
    ],
  },
};

/** Every prompt, the guide's first. */
export const practiceVariants: readonly Variant[] = [guide, esports, fitness, puzzle];

/** Looks a prompt up by id. */
export function findVariant(id: string): Variant | undefined {
  return practiceVariants.find((v) => v.id === id);
}

/** The guide's figures a review prompt lets an AI check numbers against (from the ledger). */
export const ledgerFacts: readonly string[] = [
  `${fmt(scale.registeredPlayers)} registered players, ${fmt(scale.dailyActives)} daily actives, ${scale.matchesPerActivePerDay} matches a day, ${scale.readsPerMatch} reads per match, ${scale.peakFactor}× peak.`,
  `Peak: ${fmt(traffic.peakUpdatesPerSecond)} score updates/s and ${fmt(traffic.peakReadsPerSecond)} reads/s.`,
  `Redis sorted set: about ${memory.bytesPerMember} B per member (14-byte names, Redis 7.0); a 100M board ≈ ${(memoryTable.globalSeasonBoard / GB).toFixed(1)} GB.`,
  `Server time per call at 1M members: ZADD 6.2 µs, ZINCRBY 4.9 µs, ZREVRANK 3.7 µs, top-10 page 2.2 µs.`,
  `Kafka: ${writePath.kafkaPartitions} partitions, ${writePath.eventBytes} B events, ${writePath.retentionDays} days retention, ${writePath.kafkaReplicas} replicas.`,
  `Exact ranks for the top ${fmt(ranking.exactHead)}; a ${fmt(ranking.buckets)}-bucket histogram below (error ≤ ${fmt(scale.registeredPlayers / ranking.buckets)} ranks).`,
  `After a Redis failover, rewind the consumer group by timestamp to ${operations.replayWindowSeconds / 60} minutes before it; replay is idempotent.`,
];
