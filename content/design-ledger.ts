/**
 * The design ledger: the one design the whole guide states, with every figure and decision
 * that more than one page repeats. Prose, speed-round cards, diagram panels and widget
 * defaults take their numbers from here or are checked against it (see content/AUTHORING.md,
 * "The design ledger"). Inputs are typed once; everything derived from them (10 GB, 45 GB,
 * primaries needed, replay sizes…) is computed below, never typed.
 *
 * Conventions: sizes in bytes, times in seconds unless a name says otherwise, rates per
 * second at peak unless a name says otherwise. `stated` values are the rounded figures the
 * prose says out loud; downstream arithmetic uses them, as a candidate at a whiteboard would.
 */

const GB = 1e9;
const MB = 1e6;
const KB = 1e3;

/** Rounds `x` to the nearest multiple of `step` (the guide's "about" figures). */
export function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

// ─── Requirements and traffic ────────────────────────────────────────────────────────────

export const scale = {
  /** Registered players: the interview prompt's number, and the size of the season board. */
  registeredPlayers: 100_000_000,
  /** Daily actives: sets the write rate and the size of a daily board. */
  dailyActives: 20_000_000,
  /** Weekly actives: an assumption between daily actives and registered players. */
  weeklyActives: 40_000_000,
  /** Matches an active player finishes per day; every finished match is one score update per player. */
  matchesPerActivePerDay: 10,
  /** Board reads per match (results screen, a look at the top, friends), spectators and web included. */
  readsPerMatch: 5,
  /** Peak over average: evenings and weekends for players spread over a few time zones. */
  peakFactor: 5,
  /** A tournament burst the interviewer may ask about: 20× average for ten minutes. */
  tournamentBurstFactor: 20,
  /** Seconds in a day (round to 10⁵ for a first pass, then correct). */
  secondsPerDay: 86_400,
} as const;

/** Score updates per day: player-match updates, not matches (every player in a match moves). */
const updatesPerDay = scale.dailyActives * scale.matchesPerActivePerDay;
const readsPerDay = updatesPerDay * scale.readsPerMatch;

export const traffic = {
  /** 20M × 10 = 200M player-match updates a day. */
  updatesPerDay,
  /** 200M × 5 = 1B board reads a day. */
  readsPerDay,
  /** 200M ÷ 86,400 ≈ 2,315, said as "about 2,300". */
  avgUpdatesPerSecond: roundTo(updatesPerDay / scale.secondsPerDay, 100),
  /** 2,315 × 5 ≈ 11,600, said as "12,000 at peak". */
  peakUpdatesPerSecond: roundTo((updatesPerDay / scale.secondsPerDay) * scale.peakFactor, 1000),
  /** 1B ÷ 86,400 ≈ 11,600. */
  avgReadsPerSecond: roundTo(readsPerDay / scale.secondsPerDay, 100),
  /** 11,574 × 5 ≈ 58,000 at peak. */
  peakReadsPerSecond: roundTo((readsPerDay / scale.secondsPerDay) * scale.peakFactor, 1000),
  /** A 20× tournament burst ≈ 46,000 updates per second for ten minutes. */
  tournamentUpdatesPerSecond: roundTo(
    (updatesPerDay / scale.secondsPerDay) * scale.tournamentBurstFactor,
    1000,
  ),
} as const;

/** Updates plus reads at peak: 12,000 + 58,000 = 70,000 operations per second. */
export const peakOpsPerSecond = traffic.peakUpdatesPerSecond + traffic.peakReadsPerSecond;

/**
 * The read mix at peak. One assumption for the whole guide, and it sums to 100%:
 * shared pages are what the one-second cache absorbs; personal rank reads and friend
 * boards reach Redis.
 */
export const readMix = {
  /** Shared, cacheable pages: global, regional and daily top pages, the web site, spectators. */
  sharedPages: 0.6,
  /** A player's own rank with their neighbourhood (results screen): personal, never cached. */
  ownRankAndNeighbours: 0.3,
  /** Friend boards: one read of about 200 friends' scores each. */
  friendBoards: 0.1,
} as const;

export const readsAtPeak = {
  /** 60% of 58,000 = 34,800 shared-page reads per second, served from API-server memory. */
  sharedPages: Math.round(traffic.peakReadsPerSecond * readMix.sharedPages),
  /** 30% of 58,000 = 17,400 own-rank reads per second, each on the live board. */
  ownRank: Math.round(traffic.peakReadsPerSecond * readMix.ownRankAndNeighbours),
  /** 10% of 58,000 = 5,800 friend-board reads per second. */
  friendBoards: Math.round(traffic.peakReadsPerSecond * readMix.friendBoards),
} as const;

// ─── Boards ──────────────────────────────────────────────────────────────────────────────

export const boards = {
  /** Time windows kept live: season, weekly, daily. */
  windows: ['season', 'weekly', 'daily'] as const,
  /** Scopes written on every update: global and the player's region. */
  scopesPerUpdate: ['global', 'region'] as const,
  /** Home regions (na, sa, eu, mea, as, oc). */
  regions: 6,
  /** "Daily" and "weekly" roll over at 00:00 UTC (Monday for weeks), one instant for every player. */
  rolloverTimeZone: 'UTC',
  /** Season length in days: sets the composite score's time field. */
  seasonDays: 90,
  /** Last week's and yesterday's final boards stay live for "final results" pages. */
  keepPreviousWindow: true,
} as const;

/** 3 windows × 2 scopes = 6 sorted-set writes per score update. */
export const boardWritesPerUpdate = boards.windows.length * boards.scopesPerUpdate.length;
/** 12,000 × 6 = 72,000 sorted-set writes per second at peak. */
export const peakBoardWritesPerSecond = traffic.peakUpdatesPerSecond * boardWritesPerUpdate;

// ─── Memory (measured on Redis 7.0) ──────────────────────────────────────────────────────

export const memory = {
  /** Member names like `player:0000001`: 14 bytes. */
  memberNameBytes: 14,
  /**
   * Bytes per sorted-set member in skiplist encoding: MEMORY USAGE key SAMPLES 0 on 1M members
   * reports ≈ 101.7 MB (it varies by a few kB between runs: skip-list levels are random).
   */
  bytesPerMember: 102,
  /** Bytes per field of one big hash (hashtable encoding), 14-byte names, small integer values. */
  bytesPerHashField: 56,
  /** A 20-member guild board in listpack encoding, key included: measured ≈ 538 B. */
  guildBoardBytes: 538,
  /** Data per Redis instance we aim for: keeps fork, resync and rebuild small on a 16 GB machine. */
  instanceDataTargetBytes: 6 * GB,
  /** RAM of a board machine: data plus copy-on-write headroom plus buffers. */
  machineRamBytes: 16 * GB,
  /** Alert when memory passes this share of maxmemory: room for copy-on-write during a fork. */
  memoryAlertShare: 0.7,
} as const;

const b = memory.bytesPerMember;
const boardBytes = {
  globalSeason: scale.registeredPlayers * b,
  globalWeekly: scale.weeklyActives * b,
  globalDaily: scale.dailyActives * b,
};
const globalBoards = boardBytes.globalSeason + boardBytes.globalWeekly + boardBytes.globalDaily;
/** Regional boards partition the same players again. */
const regionalBoards = globalBoards;
/** Last week's and yesterday's boards, global and regional: (40M + 20M) × 2 scopes. */
const previousWindowBoards = (scale.weeklyActives + scale.dailyActives) * 2 * b;

export const guilds = {
  /** Share of players in a guild. */
  memberShare: 0.4,
  /** Mean guild size. */
  meanSize: 20,
} as const;
const guildMembers = scale.registeredPlayers * guilds.memberShare;
const guildCount = guildMembers / guilds.meanSize;

export const memoryTable = {
  /** 100M × 102 B ≈ 10.2 GB: the global season board, the figure everyone quotes as "10 GB". */
  globalSeasonBoard: boardBytes.globalSeason,
  /** 40M × 102 B ≈ 4.1 GB. */
  globalWeeklyBoard: boardBytes.globalWeekly,
  /** 20M × 102 B ≈ 2.0 GB. */
  globalDailyBoard: boardBytes.globalDaily,
  /** 10.2 + 4.1 + 2.0 ≈ 16.3 GB for the three global windows. */
  globalBoards,
  /** The six regions' boards hold the same players again: ≈ 16.3 GB. */
  regionalBoards,
  /** 60M members twice ≈ 12.2 GB. */
  previousWindowBoards,
  /** All live sorted-set boards ≈ 45 GB. */
  allBoards: globalBoards + regionalBoards + previousWindowBoards,
  /**
   * The player → score lookup the range-sharded board needs costs nothing extra: it is ZSCORE
   * on the player's regional season board, which holds the same composite.
   */
  scoreLookup: 'ZSCORE on the regional season board',
  /** Guild ranking (2M guilds × 102 B ≈ 204 MB) plus 2M member boards (≈ 1.1 GB). */
  guildData: guildCount * b + guildCount * memory.guildBoardBytes,
} as const;

/** Everything in Redis: boards and guild data ≈ 46 GB. */
export const redisDataBytes = memoryTable.allBoards + memoryTable.guildData;

// ─── Fleet ───────────────────────────────────────────────────────────────────────────────

export const fleet = {
  /** Primaries: all Redis data ÷ 6 GB per instance, rounded up. */
  primaries: Math.ceil(redisDataBytes / memory.instanceDataTargetBytes),
  /** One replica per primary, for failover. */
  replicasPerPrimary: 1,
  /** Stateless API servers: about 1,450 requests per second each at peak. */
  apiServers: 40,
  /**
   * Day-one topology: the whole fleet from launch, because all Redis data together is ≈ 46 GB.
   * In the interview the design is presented as one sorted set first and sharded in a deep dive.
   */
  dayOne: 'all primaries from launch',
} as const;

/** Primaries plus replicas. */
export const redisProcesses = fleet.primaries * (1 + fleet.replicasPerPrimary);

// ─── Per-call costs (INFO commandstats, 1M members, Redis 7.0) ───────────────────────────

export const costMicros = {
  /** ZADD on one board. */
  zadd: 6.2,
  /** ZINCRBY: cheaper than ZADD here, but not idempotent. */
  zincrby: 4.9,
  /** ZREVRANK: the personal read. */
  zrevrank: 3.7,
  /** ZREVRANGE 0 9 WITHSCORES: the top-10 page. */
  zrevrangeTop10: 2.2,
} as const;

/** Measured with redis-benchmark on a small two-core VM, no pipelining: ZREVRANK calls per second. */
export const benchmarkZrevrankPerSecond = 90_000;

const ms = (calls: number, micros: number) => (calls * micros) / 1000;

export const threadTime = {
  /** 12,000 × 6.2 µs ≈ 74 ms per second: one board's writes. */
  oneBoardWritesMs: ms(traffic.peakUpdatesPerSecond, costMicros.zadd),
  /** 58,000 × 3.7 µs ≈ 215 ms per second if every read were a ZREVRANK. */
  allReadsAsRankMs: ms(traffic.peakReadsPerSecond, costMicros.zrevrank),
  /** 72,000 × 6.2 µs ≈ 446 ms per second: six boards' writes on one instance. */
  sixBoardWritesMs: ms(peakBoardWritesPerSecond, costMicros.zadd),
  /** 72,000 ÷ primaries ≈ 9,000 board writes per second per primary. */
  boardWritesPerPrimary: peakBoardWritesPerSecond / fleet.primaries,
  /** 100M × 6.2 µs ≈ 620 s of server time to reload the season board. */
  fullReloadSeconds: (scale.registeredPlayers * costMicros.zadd) / 1e6,
} as const;

// ─── The range-sharded season board ──────────────────────────────────────────────────────

/** One range shard of the global season board: a key, placed on one of the primaries. */
export interface RangeShard {
  readonly name: string;
  /** Lowest season total in the band (inclusive). */
  readonly minScore: number;
  readonly members: number;
}

/**
 * Eight range shards by score, boundaries drawn from quantiles of the member count, then
 * the top shard shrunk on purpose to the top 1%: it takes every top-K read, and its
 * most-active players' writes.
 */
export const rangeShards: readonly RangeShard[] = [
  { name: 'S1', minScore: 250_000, members: 1_000_000 },
  { name: 'S2', minScore: 120_000, members: 4_000_000 },
  { name: 'S3', minScore: 60_000, members: 10_000_000 },
  { name: 'S4', minScore: 30_000, members: 15_000_000 },
  { name: 'S5', minScore: 15_000, members: 17_500_000 },
  { name: 'S6', minScore: 6_000, members: 17_500_000 },
  { name: 'S7', minScore: 1_500, members: 17_500_000 },
  { name: 'S8', minScore: 0, members: 17_500_000 },
];

export const sharding = {
  /** Range shards of the season board (keys, not machines). */
  rangeShardCount: rangeShards.length,
  /** Largest shard ≈ 1.79 GB. */
  largestShardBytes: Math.max(...rangeShards.map((s) => s.members)) * b,
  /** Rebuilding the largest shard: 17.5M × 6.2 µs ≈ 108 s of server time. */
  largestShardReloadSeconds:
    (Math.max(...rangeShards.map((s) => s.members)) * costMicros.zadd) / 1e6,
  /** Higher shards' member counts: each API server polls every shard's ZCARD once a second. */
  countRefreshSeconds: 1,
  /** The top 1% play three times the average. */
  topPlayersActivityFactor: 3,
  /** S1's 1M players × 30 matches = 30M of the 200M daily updates: 15%. */
  topShardWriteShare:
    ((rangeShards[0]?.members ?? 0) * scale.matchesPerActivePerDay * 3) / updatesPerDay,
  /**
   * Which shard is hot: S1 is read-hot (every top-K read, absorbed by the cache); for writes
   * the small S1 is level with the big bottom shards (about 15% each). At season start the
   * bottom shard takes nearly every write, which is still only 74 ms of thread time a second.
   */
  hotShard: 'S1 for reads; writes roughly level by design',
} as const;

/** 15% of 12,000 ≈ 1,800 writes per second on S1 at peak. */
export const topShardWritesPerSecond = roundTo(
  traffic.peakUpdatesPerSecond * sharding.topShardWriteShare,
  100,
);

/**
 * Reading a rank on the range-sharded board takes two sequential round trips: the player's
 * score from the lookup (ZSCORE on their regional season board), then ZREVRANK on the shard
 * that owns that score; add the cached counts of the higher shards. Hash shards take a
 * ZSCORE, then a ZCOUNT on every shard in parallel. Right after a match the write response
 * already knows the score, so that rank is one read-only ZCOUNT.
 */
export const rankRead = {
  rangeRoundTrips: 2,
  rangeCallsPerRank: 2,
  hashRoundTrips: 2,
  /** ZSCORE plus one ZCOUNT per shard. */
  hashCallsPerRank: 1 + rangeShards.length,
  /** 17,400 own-rank reads × 8 ZCOUNT = 139,200 calls per second under hash sharding. */
  hashZcountPerSecond: readsAtPeak.ownRank * rangeShards.length,
} as const;

// ─── Exact head and the histogram ────────────────────────────────────────────────────────

export const ranking = {
  /** Ranks 1–10,000 are shown exactly; below, a rounded rank and a percentile. */
  exactHead: 10_000,
  /** Histogram buckets (equal population). */
  buckets: 10_000,
  /** Bytes per counter or boundary. */
  counterBytes: 8,
  /** Fixed-width example: buckets 100 points wide... */
  fixedBucketWidth: 100,
  /** ...while 35% of players hold fewer than 1,000 points. */
  shareUnder1000Points: 0.35,
  /**
   * Where the histogram comes from in this design: every 10 s a job reads the score at every
   * 10,000th rank from the range shards (ZRANGE … WITHSCORES, one O(log N) call per boundary).
   * Nothing is incremented, so a replayed event cannot move a player twice.
   */
  histogramRebuildSeconds: 10,
  /** What a reader of a lost shard's band sees: the last histogram snapshot, marked approximate. */
  lostShardReads: 'histogram estimate',
  /** The player's own score while their shard is lost: from the lookup (regional season board). */
  lostShardOwnScore: 'regional season board',
} as const;

export const histogram = {
  /** 100M ÷ 10,000 = 10,000 players per bucket: the worst-case rank error. */
  bucketPopulation: scale.registeredPlayers / ranking.buckets,
  /** 10,000 ÷ 100M = 0.01 percentile points. */
  errorPercentilePoints:
    (scale.registeredPlayers / ranking.buckets / scale.registeredPlayers) * 100,
  /** 10,000 counters × 8 B = 80 KB. */
  counterBytes: ranking.buckets * ranking.counterBytes,
  /** The exact head as a sorted set, in the board-less variant: 10,000 × 102 B ≈ 1 MB. */
  headSetBytes: ranking.exactHead * b,
  /** 35M players in ten 100-point buckets: 3.5M per bucket. */
  fixedWidthCrowding: (scale.registeredPlayers * ranking.shareUnder1000Points) / 10,
} as const;

// ─── Write path ──────────────────────────────────────────────────────────────────────────

export const compositeScore = {
  /** Bits for time: seconds since the window started, 90 days = 7,776,000 s < 2^23. */
  timeBits: 23,
  /** composite = score × 2^23 + (2^23 − 1 − t), t = seconds since the window started. */
  formula: 'score × 2^23 + (2^23 − 1 − t)',
  /** Each window (season, week, day) measures t from its own start. */
  timeOrigin: 'start of the window, in seconds',
  /** Largest score: 2^30 − 1 = 1,073,741,823; the largest composite is 2^53 − 1. */
  maxScore: 2 ** 30 - 1,
  /** Worked example: 1,500 points at t = 3,600 → 12,591,297,007. */
  example: { score: 1500, t: 3600, composite: 1500 * 2 ** 23 + (2 ** 23 - 1 - 3600) },
} as const;

export const writePath = {
  /** Where duplicates die for good: PRIMARY KEY (match_id, player_id) in PostgreSQL. */
  dedupe: 'PostgreSQL unique key on (match_id, player_id)',
  /** Season, weekly and daily totals travel as absolute values and land with ZADD GT. */
  seasonTotals: 'absolute totals, ZADD GT',
  /** A best time is lower-is-better: ZADD LT. */
  bestTime: 'ZADD LT',
  /** Corrections (anti-cheat, refunds) are their own event, applied with a plain ZADD in order. */
  corrections: 'plain ZADD, same ordered consumer',
  /** A bug that inflated scores is repaired by a reload, or a plain-ZADD replay into a fresh key. */
  inflatedScoreRepair: 'reload or plain-ZADD replay into a fresh key',
  /** Only the board consumers write sorted sets: one ordered writer per player. */
  boardWriters: 'consumers only',
  /** Cheater removal and account deletion travel as events on the same partition. */
  removals: 'events on the player partition',
  /** Kafka partitions of score-events, keyed by player id. */
  kafkaPartitions: 64,
  /** Event size on the log. */
  eventBytes: 200,
  /** Retention of score-events. */
  retentionDays: 7,
  /** Kafka replication factor. */
  kafkaReplicas: 3,
  /** Order: write Redis, then commit offsets (at-least-once). */
  commitOrder: 'write, then commit',
  /** The outbox relay (CDC on the write-ahead log) publishes only committed results. */
  outbox: true,
} as const;

/** Fields of a score event. The old total lets one event both add to the new shard and leave the old one. */
export const eventFields = [
  'event_id',
  'kind',
  'player_id',
  'season_id',
  'region',
  'guild_id',
  'old_season_pts',
  'season_pts',
  'week_pts',
  'day_pts',
  'reached_at',
  'version',
] as const;

export const eventLog = {
  /** 12,000 × 200 B ≈ 2.4 MB/s at peak. */
  peakBytesPerSecond: traffic.peakUpdatesPerSecond * writePath.eventBytes,
  /** 200M × 200 B = 40 GB per day per copy. */
  bytesPerDay: updatesPerDay * writePath.eventBytes,
  /** 7 days ≈ 280 GB per copy. */
  retainedBytesPerCopy: updatesPerDay * writePath.eventBytes * writePath.retentionDays,
  /** ≈ 840 GB with three replicas. */
  retainedBytesAllCopies:
    updatesPerDay * writePath.eventBytes * writePath.retentionDays * writePath.kafkaReplicas,
} as const;

/**
 * Guild totals: one Lua script per member event reads the member's old total on the guild's
 * member board, applies ZADD GT, and adds the difference to the guild ranking only when the
 * score changed. The member board is the idempotency record; every guild key shares the hash
 * tag {guilds:s12}, so the script's keys sit in one slot on one primary.
 */
export const guildTotals = {
  mechanism: 'Lua: ZADD GT on the member board, ZINCRBY the difference only if it changed',
  hashTag: '{guilds:s12}',
  /** 40M ÷ 20 = 2M guilds. */
  guildCount,
  /** 40% of 12,000 = 4,800 script calls per second at peak. */
  peakScriptCallsPerSecond: traffic.peakUpdatesPerSecond * guilds.memberShare,
} as const;

// ─── Reads ───────────────────────────────────────────────────────────────────────────────

export const reads = {
  /** Shared pages live in each API server's memory for one second, with request coalescing. */
  topKCacheTtlSeconds: 1,
  /** Per-player token bucket: 2 requests per second sustained… */
  perPlayerRatePerSecond: 2,
  /** …with bursts of 10. */
  perPlayerBurst: 10,
  /** Largest page size. */
  maxPageSize: 100,
  /** Browsing stops at this position; below it, the neighbourhood and a percentile. */
  maxBrowseDepth: 10_000,
  /** Rows on each side of the player in "around me". */
  neighbours: 5,
  /** Friends per player. */
  friendsPerPlayer: 200,
  /**
   * Read-your-writes: the score service returns the committed total and the rank computed
   * read-only, ZCOUNT on the owning shard above the new composite plus the cached counts;
   * it never writes a board itself.
   */
  readYourWrites: 'committed total + read-only ZCOUNT rank in the write response',
  /** A cursor fetches page size + ZCOUNT(score, score) rows, so any number of ties is stepped over. */
  cursorExtraRows: 'ties at the cursor score',
  /** Live updates: clients poll the cached page every 5 s; only a live-event page is pushed, over SSE. */
  livePollSeconds: 5,
  livePush: 'SSE for live-event pages only',
} as const;

/** 1,450 requests per second per API server at peak (58,000 ÷ 40). */
export const readsPerApiServer = traffic.peakReadsPerSecond / fleet.apiServers;
/** Redis reads per shared page per second with the cache: one per API server. */
export const cachedPageReadsPerSecond = fleet.apiServers / reads.topKCacheTtlSeconds;

// ─── Operations ──────────────────────────────────────────────────────────────────────────

export const operations = {
  /**
   * After a failover, rewind the consumer group by timestamp to 5 minutes before the failover.
   * Asynchronous replication gives no bound on what the old primary had not yet shipped, and
   * the lost writes' offsets are already committed, so resuming from committed offsets re-applies
   * nothing: rewind generously, replay is idempotent.
   */
  replayWindowSeconds: 5 * 60,
  /** Replay throughput of the consumer group. */
  replayEventsPerSecond: 50_000,
  /** Reload: note the Kafka offsets before the PostgreSQL snapshot starts, then replay from them. */
  reloadOffsets: 'noted before the snapshot starts',
  /** Scores come only from authenticated game servers, and still pass plausibility checks. */
  trustedInput: 'game servers only, authenticated, plausibility-checked',
  /** Shortest match: no player finishes more than 15 matches an hour. */
  minMatchMinutes: 4,
  /** Board instances never evict. */
  maxmemoryPolicy: 'noeviction',
  /** Consumer-lag alert: over 5 s behind for 2 minutes. */
  lagAlertSeconds: 5,
  /** p99 alert for rank and top-K reads at the client. */
  p99AlertMs: 5,
  /** One writer region; other regions read replicas and post results to the writer region. */
  multiRegion: 'one writer region, read replicas elsewhere',
} as const;

export const replay = {
  /** 5 min × 12,000/s = 3.6M events to re-apply after a failover. */
  failoverEvents: operations.replayWindowSeconds * traffic.peakUpdatesPerSecond,
  /** 3.6M ÷ 50,000/s = 72 s. */
  failoverSeconds:
    (operations.replayWindowSeconds * traffic.peakUpdatesPerSecond) /
    operations.replayEventsPerSecond,
  /** Lag alert in events: 5 s × 12,000/s = 60,000. */
  lagAlertEvents: operations.lagAlertSeconds * traffic.peakUpdatesPerSecond,
} as const;

// ─── Social boards ───────────────────────────────────────────────────────────────────────

export const social = {
  /**
   * Friend boards are built on read: ZMSCORE on the regional season boards, friends grouped
   * by region (usually one or two calls, at most six); no per-player board.
   */
  friendBoards: 'fan-out on read',
  /** Above this follower count a player is never fanned out (the hybrid's threshold). */
  celebrityThreshold: 10_000,
  /** The streamer in the examples. */
  celebrityFollowers: 5_000_000,
  /** Fan-out on write: 12,000 × 200 = 2.4M writes per second. */
  fanOutWritesPerSecond: traffic.peakUpdatesPerSecond * reads.friendsPerPlayer,
} as const;

// ─── Capacity figures (the practice room's cost model) ────────────────────────────────────

/**
 * A throughput or latency figure the practice room's capacity pass computes with, with where
 * it comes from. `measured`: the guide measured it (`basis` names the page and the test);
 * `derived`: computed here from other ledger figures (`basis` shows the arithmetic);
 * `assumed`: a round planning figure nobody measured here (`basis` says why it is plausible).
 * The room lists every `assumed` figure on screen with each run.
 */
export interface SourcedFigure {
  /** What it is, as the room's notes name it. */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly source: 'measured' | 'derived' | 'assumed';
  readonly basis: string;
}

/** Index entries PostgreSQL counts per second on one core (why-not-sql.mdx: 5M in 0.68 s). */
const sqlEntriesCountedPerSecond = 7_400_000;
const kafkaPartitionMegabytesPerSecond = 10;
const apiTargetUtilisation = 0.6;

export const capacity = {
  sqlEntriesCountedPerSecond: {
    label: 'PostgreSQL counting index entries',
    value: sqlEntriesCountedPerSecond,
    unit: 'entries/s per core',
    source: 'measured',
    basis:
      'why-not-sql.mdx: counting the 5M entries above the median of a 10M-row test table took about 0.68 s (index-only scan, fully cached, one core)',
  },
  sqlMedianRankMs: {
    label: 'A median rank by SQL',
    value: roundTo((scale.registeredPlayers / 2 / sqlEntriesCountedPerSecond) * 1000, 100),
    unit: 'ms',
    source: 'derived',
    basis: '50M entries above a median player ÷ 7.4M entries/s ≈ 6.8 s (why-not-sql.mdx)',
  },
  sqlTopPageMs: {
    label: 'A top page by SQL',
    value: 1,
    unit: 'ms',
    source: 'assumed',
    basis:
      'an index scan that stops after 10 rows is well under a millisecond (why-not-sql.mdx); 1 ms is the cautious round figure',
  },
  postgresRowUpdatesPerSecond: {
    label: 'PostgreSQL row updates',
    value: 50_000,
    unit: 'updates/s per primary',
    source: 'assumed',
    basis:
      'batched writes (group commit, multi-row upserts) on a 16-core primary; why-not-sql.mdx calls 12,000/s within reach of a well-provisioned primary',
  },
  postgresCores: {
    label: 'PostgreSQL primary cores',
    value: 16,
    unit: 'cores',
    source: 'assumed',
    basis: 'a common size for a primary that also serves reads',
  },
  apiTargetUtilisation: {
    label: 'API instance target utilisation',
    value: apiTargetUtilisation,
    unit: 'share of capacity',
    source: 'assumed',
    basis: 'headroom for a lost instance and for bursts; at peak the fleet runs at this share',
  },
  apiRequestsPerInstance: {
    label: 'API instance throughput',
    value: roundTo(peakOpsPerSecond / fleet.apiServers / apiTargetUtilisation, 100),
    unit: 'requests/s per instance',
    source: 'derived',
    basis: '70,000 requests/s at peak ÷ 40 servers ÷ 0.6 target utilisation ≈ 2,900',
  },
  apiServiceMs: {
    label: 'API time per request',
    value: 0.5,
    unit: 'ms',
    source: 'assumed',
    basis: 'authentication, one or two Redis calls and JSON, excluding network waits',
  },
  kafkaPartitionMegabytesPerSecond: {
    label: 'Kafka partition write rate',
    value: kafkaPartitionMegabytesPerSecond,
    unit: 'MB/s per partition',
    source: 'assumed',
    basis: 'a comfortable sustained rate for one partition leader on ordinary disks',
  },
  kafkaEventsPerPartitionPerSecond: {
    label: 'Kafka partition event rate',
    value: (kafkaPartitionMegabytesPerSecond * MB) / writePath.eventBytes,
    unit: 'events/s per partition',
    source: 'derived',
    basis: '10 MB/s ÷ 200 B per event = 50,000 events/s',
  },
  kafkaProduceMs: {
    label: 'Kafka produce with acks=all',
    value: 5,
    unit: 'ms',
    source: 'assumed',
    basis: 'every in-sync replica acknowledges, all in one data centre',
  },
  zmscorePerMemberMicros: {
    label: 'ZMSCORE per member',
    value: 0.4,
    unit: 'µs',
    source: 'assumed',
    basis: 'one hash lookup per member, an order of magnitude under a skip-list walk',
  },
  loadBalancerRequestsPerSecond: {
    label: 'Load balancer instance',
    value: 100_000,
    unit: 'requests/s',
    source: 'assumed',
    basis: 'a software load balancer forwarding small HTTP requests',
  },
  cdnHotPages: {
    label: 'Hot shared pages behind the CDN',
    value: 100,
    unit: 'pages',
    source: 'assumed',
    basis: 'global, regional and daily top pages for the current windows',
  },
  cdnEdgeLocations: {
    label: 'CDN edge locations fetching them',
    value: 50,
    unit: 'locations',
    source: 'assumed',
    basis: 'a mid-sized CDN footprint',
  },
  histogramReadsPerSecond: {
    label: 'Histogram rank estimates',
    value: 200_000,
    unit: 'estimates/s per instance',
    source: 'assumed',
    basis: 'a binary search over 10,000 counters held in memory',
  },
  networkRttMs: {
    label: 'Round trip inside one data centre',
    value: 0.25,
    unit: 'ms',
    source: 'assumed',
    basis: 'a typical same-zone round trip',
  },
} as const satisfies Record<string, SourcedFigure>;

/** Human-readable byte size with the guide's rounding (10.2 GB, 1.79 GB, 80 KB…). */
export function formatBytes(bytes: number, digits = 1): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(digits)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(digits)} MB`;
  return `${(bytes / KB).toFixed(0)} KB`;
}
