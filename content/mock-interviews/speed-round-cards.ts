/**
 * Speed-round cards for the Mock Interviews chapter. Each answer is a model answer of at
 * most three sentences, in plain text. Ids are permanent: the drill keys its schedule in
 * localStorage by id, so change a card's wording freely but never its id.
 */

export interface SpeedRoundCard {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly tags: readonly string[];
}

/** The fixed tag vocabulary; every card uses only these. */
export const speedRoundTags = [
  'redis',
  'sharding',
  'ranking',
  'kafka',
  'storage',
  'caching',
  'api',
  'estimates',
  'social',
  'operations',
] as const;

export type SpeedRoundTag = (typeof speedRoundTags)[number];

export const speedRoundCards: readonly SpeedRoundCard[] = [
  {
    id: 'why-sorted-set',
    question: 'Why is a Redis sorted set a natural fit for a leaderboard?',
    answer:
      'It keeps members ordered by score and answers both "what is my rank" and "who is in the top K" in logarithmic time. A hash table inside it gives constant-time score lookups by member. One structure covers writes, rank, top-K and around-me reads.',
    tags: ['redis', 'ranking'],
  },
  {
    id: 'sorted-set-internals',
    question: 'What data structures sit behind a large Redis sorted set?',
    answer:
      'A skip list ordered by score, plus a hash table from member to score. The skip list stores how many elements each forward pointer spans, which is what makes rank queries logarithmic. Small sets use a compact listpack instead and convert once they pass the size thresholds.',
    tags: ['redis'],
  },
  {
    id: 'skip-list-vs-balanced-tree',
    question: 'Why does Redis use a skip list rather than a balanced tree?',
    answer:
      'A skip list gives the same expected O(log N) search and insert with much simpler code and no rebalancing rotations. Range scans are a walk along the bottom level, which suits ZRANGE, and span counts on the pointers make rank lookup cheap.',
    tags: ['redis'],
  },
  {
    id: 'core-command-complexities',
    question: 'Give the time complexity of ZADD, ZINCRBY, ZREVRANK, ZREVRANGE and ZSCORE.',
    answer:
      'ZADD, ZINCRBY and ZREVRANK are O(log N). ZREVRANGE is O(log N + M), where M is the number of elements returned. ZSCORE is O(1) because it reads the hash table.',
    tags: ['redis', 'ranking'],
  },
  {
    id: 'zadd-vs-zincrby',
    question: 'When would you write with ZADD instead of ZINCRBY for a cumulative score?',
    answer:
      'When the pipeline into Redis is at-least-once, because a replayed ZINCRBY double-counts points. Writing the absolute total from the source of truth with ZADD makes a replay harmless. The GT flag stops a late, older total from overwriting a newer one.',
    tags: ['redis', 'kafka'],
  },
  {
    id: 'tie-breaking',
    question: 'Two players have the same score. How do you make the earlier one rank higher?',
    answer:
      'A sorted set orders equal scores by member name, so encode the time into the score instead. Shift the points left and add the seconds remaining until the season ends, keeping the total within the 53 bits a double represents exactly. Higher points still win, and for equal points the earlier player has more seconds remaining.',
    tags: ['redis', 'ranking'],
  },
  {
    id: 'why-not-sql-order-by',
    question: 'Why not compute rank with SQL ORDER BY score on an indexed column?',
    answer:
      'A B-tree index finds a score quickly but does not know how many rows sit above it, so rank means counting those rows, which is O(N) for a player deep in the board. At 100M rows and tens of thousands of rank reads a second that is far too slow. PostgreSQL stays the record and a sorted set serves the rank.',
    tags: ['storage', 'ranking'],
  },
  {
    id: 'source-of-truth',
    question: 'Why is Redis not the source of truth for scores?',
    answer:
      "Redis is in memory and its persistence can lose recent writes on failover, so it is an index you can rebuild. PostgreSQL holds the durable ledger of match results and each player's total. If Redis is lost, you rebuild it from PostgreSQL or replay Kafka.",
    tags: ['storage', 'operations'],
  },
  {
    id: 'idempotent-write',
    question: 'How do you make the score write idempotent?',
    answer:
      'Use the match id as the idempotency key: the ledger table has a primary key on match id and player id, so a retried insert conflicts and changes nothing. The total is only incremented when the insert succeeds, in the same transaction. Downstream, events carry absolute totals so consumers can apply them twice safely.',
    tags: ['storage', 'api'],
  },
  {
    id: 'outbox-pattern',
    question:
      'Why use a transactional outbox instead of writing to PostgreSQL and then publishing to Kafka?',
    answer:
      'Writing to two systems without a shared transaction can commit the score and then crash before publishing, so the leaderboard never hears about it. The outbox row is written in the same transaction as the score, and a relay publishes it afterward. The event exists if and only if the score does.',
    tags: ['kafka', 'storage'],
  },
  {
    id: 'kafka-partition-key',
    question: 'What is the partition key for the score-updates topic, and why?',
    answer:
      "The player id, so every update for one player lands in one partition and is consumed in order. Ordering per player is all the leaderboard needs, since players' scores are independent. It also spreads load evenly across partitions.",
    tags: ['kafka'],
  },
  {
    id: 'kafka-replay',
    question: 'Why does a replayable log matter for the leaderboard?',
    answer:
      'After a Redis failover or a consumer bug, you rewind the consumer group to an earlier offset and reapply the updates. Because the updates are absolute and idempotent, the replay converges on the right state. Without the log you could only rebuild from the database, which is slower.',
    tags: ['kafka', 'operations'],
  },
  {
    id: 'estimate-write-rate',
    question:
      'Estimate peak score updates per second for 20M daily actives playing 10 matches a day.',
    answer:
      '20M times 10 is 200M updates a day. Divided by 86,400 seconds that is about 2,300 a second on average. At a 5x peak it is roughly 12,000 a second.',
    tags: ['estimates'],
  },
  {
    id: 'estimate-read-rate',
    question: 'With about 5 reads per match, what is the peak read rate?',
    answer:
      '200M matches times 5 is 1B reads a day, about 11,600 a second on average. At a 5x peak that is roughly 58,000 reads a second. Reads outnumber writes about 5 to 1, so replicas and caching carry the read side.',
    tags: ['estimates'],
  },
  {
    id: 'estimate-memory',
    question: 'How much memory does one sorted set of 100M players take?',
    answer:
      'About 102 bytes per member in Redis 7 with 14-byte member names, covering the skip-list node, the hash entry and the string. 100M times 102 bytes is about 10 GB. That fits on one machine, so memory alone does not force sharding.',
    tags: ['estimates', 'redis'],
  },
  {
    id: 'estimate-cpu',
    question: 'Can one Redis node keep up with the peak load on CPU?',
    answer:
      "At about 4.9 microseconds per ZINCRBY, 12,000 writes a second is roughly 60 ms of work per second, and 58,000 ZREVRANKs at 3.7 microseconds is about 215 ms. Even doubled for a 100M set that is about half a core of command time. Network handling costs more than the commands, so the real limit is the single thread's request rate, which leaves little headroom.",
    tags: ['estimates', 'redis'],
  },
  {
    id: 'when-to-shard',
    question: 'If 100M members fit in 10 GB on one node, why shard at all?',
    answer:
      'For operations rather than capacity: a big single-threaded node has slow full resyncs, expensive snapshot forks and a blast radius covering every player. Sharding also buys headroom when the player base or read rate grows. Start on one primary with replicas and shard when those costs bite.',
    tags: ['sharding', 'operations'],
  },
  {
    id: 'hash-sharding-rank-cost',
    question: 'What goes wrong with rank queries under hash sharding by player id?',
    answer:
      'Every shard holds a random slice of players, so a global rank is the sum of a ZCOUNT of higher scores on every shard. A rank read becomes S Redis calls for S shards. At 58,000 reads a second and 16 shards that is nearly a million calls a second.',
    tags: ['sharding', 'ranking'],
  },
  {
    id: 'range-sharding-global-rank',
    question: 'How do you get a global rank under range-based sharding?',
    answer:
      "Take the player's local rank on the shard that owns their score range, then add the member counts of every shard holding higher scores. Those counts change slowly, so API servers cache them and refresh them about once a second. A rank read is one Redis call plus an addition.",
    tags: ['sharding', 'ranking'],
  },
  {
    id: 'range-sharding-boundaries',
    question: 'How do you choose the score boundaries of range shards?',
    answer:
      'By population, not by score: compute quantiles of the score distribution so each shard holds about the same number of players. Recompute them periodically, more often early in a season when scores move fast. Move the affected band with a copy, a dual-apply window and a routing flip.',
    tags: ['sharding', 'operations'],
  },
  {
    id: 'season-start-skew',
    question: 'Everyone starts a season at zero points. How does range sharding survive day one?',
    answer:
      'Leave players out of the board until their first match, so a player who has not played is shown as unranked. On day one that limits the board to the daily actives, and their scores spread out within hours. Ranging over the composite score with the time component splits any remaining ties across shards.',
    tags: ['sharding', 'ranking'],
  },
  {
    id: 'hot-top-shard',
    question: 'The shard holding the top scores gets the most reads. What do you do?',
    answer:
      'Cache the top-of-board response for about a second, which collapses thousands of identical reads into one per API instance. Rank lookups spread across shards by where players sit, and most sit in the middle. If the top shard is still hot, give it extra replicas.',
    tags: ['sharding', 'caching'],
  },
  {
    id: 'top-k-scatter-gather',
    question: 'How do you serve the global top 100 if the board is hash-sharded?',
    answer:
      'Ask every shard for its own top 100 and merge the lists, keeping the best 100. The global top 100 must be contained in the union of the per-shard top 100s. It costs one call per shard, so cache the merged result.',
    tags: ['sharding', 'ranking'],
  },
  {
    id: 'approximate-rank-histogram',
    question: 'How do you compute an approximate rank for a player deep in the board?',
    answer:
      "Keep a histogram of scores in equal-population buckets, with the count of players above each bucket. Find the player's bucket, take the count above it, and interpolate inside the bucket assuming scores are spread evenly. With 10,000 buckets the table is a few hundred kilobytes and lives in every API server's memory.",
    tags: ['ranking'],
  },
  {
    id: 'approximate-rank-error',
    question: 'What is the worst-case error of the histogram approach?',
    answer:
      "One bucket's population, because the true rank lies somewhere inside the bucket. With 100M players in 10,000 equal-population buckets that is 10,000 ranks. At rank 40M that is an error of about 0.025 percent.",
    tags: ['ranking', 'estimates'],
  },
  {
    id: 'exact-head-approximate-tail',
    question: 'Why keep an exact head alongside the approximate tail?',
    answer:
      'Near the top, an error of 10,000 ranks would be the whole competitive range, and those players care about exact positions and prizes. A small sorted set of the top 10,000 gives exact ranks cheaply. Everyone below gets the histogram estimate, labeled as approximate.',
    tags: ['ranking'],
  },
  {
    id: 'histogram-freshness',
    question: 'How does the score histogram stay current?',
    answer:
      'A consumer reads the score-updates stream, where each event carries the old and new total, and moves one player from the old bucket to the new one. It publishes a fresh snapshot every second or so. A periodic job recomputes the bucket boundaries as the distribution drifts.',
    tags: ['ranking', 'kafka'],
  },
  {
    id: 'offset-vs-cursor',
    question: 'Offset or cursor pagination for browsing the leaderboard?',
    answer:
      'A cursor that carries the last score and player id, because deep offsets are costly to skip and pages drift as scores change. The next page starts exactly after the last item seen. Offsets are acceptable only for the first few pages.',
    tags: ['api'],
  },
  {
    id: 'around-me-query',
    question: 'How do you serve the players just above and below me?',
    answer:
      'ZREVRANK gives my position, then ZREVRANGE from position minus 5 to position plus 5 returns my neighbors. Both are logarithmic, plus the handful of members returned. Under range sharding, a window near a boundary may need a second call to the adjacent shard.',
    tags: ['redis', 'api'],
  },
  {
    id: 'read-your-writes',
    question: 'The write path is asynchronous. How does a player see their new score right away?',
    answer:
      'The write API returns the new total from the committed transaction, and the client shows it immediately. A rank request can include that score so the rank is computed from it rather than from a lagging index. Everyone else can tolerate a few seconds of staleness.',
    tags: ['api', 'caching'],
  },
  {
    id: 'caching-top-of-board',
    question: 'What would you cache, and for how long?',
    answer:
      'The top-of-board response, for about one second, since every player requests the same page and a second of staleness is invisible. Individual ranks are not worth caching because each is requested by one player. Shard counts and the histogram are held in API memory and refreshed every second.',
    tags: ['caching'],
  },
  {
    id: 'fan-out-read-vs-write',
    question: 'Fan-out on read or fan-out on write for a friends leaderboard?',
    answer:
      'Fan-out on read by default: fetch the friend list and read their scores in one ZMSCORE call, then sort them. Fan-out on write keeps a precomputed board per player, but its write amplification equals the follower count. It only pays off when reads vastly outnumber writes and follower counts are small.',
    tags: ['social'],
  },
  {
    id: 'celebrity-problem',
    question:
      'A streamer with 2 million followers finishes a match. What happens under fan-out on write?',
    answer:
      'One score change becomes 2 million writes, which can back up the whole pipeline. The hybrid fix is to skip fan-out for accounts above a follower threshold and merge their scores in at read time. Regular players still get precomputed boards.',
    tags: ['social'],
  },
  {
    id: 'regional-boards',
    question: 'How do you add regional leaderboards?',
    answer:
      "Keep one sorted set per region per season, and have the consumer write each update to the global set and to the player's regional set. That doubles writes but each regional set is small. A player who changes region is removed from the old set and added to the new one.",
    tags: ['redis', 'social'],
  },
  {
    id: 'season-reset',
    question: 'How do you reset the leaderboard at the end of a season?',
    answer:
      'Put the season in the key, so the new season simply starts writing new keys and nothing has to be deleted in a hurry. Cut over at a fixed timestamp so each match lands in exactly one season. Freeze and archive the old season, then expire its keys.',
    tags: ['redis', 'operations'],
  },
  {
    id: 'redis-recovery',
    question: 'A Redis primary dies. How do you recover, and how long does a full rebuild take?',
    answer:
      "Promote a replica, then replay Kafka from the consumers' committed offsets to cover writes lost in replication lag. If all copies are gone, stream totals from PostgreSQL and pipeline ZADDs. At about 6 microseconds each, 100M members take roughly ten minutes of server time.",
    tags: ['operations', 'redis'],
  },
  {
    id: 'key-metrics',
    question: 'What are the first three metrics you would alert on?',
    answer:
      'Consumer lag in seconds, because that is the staleness players feel. The p99 latency of rank reads, because that is the request players make most. The age of the histogram snapshot, because a stuck snapshot silently freezes tail ranks.',
    tags: ['operations'],
  },
  {
    id: 'anti-cheat-placement',
    question: 'Where does anti-cheat sit in this design?',
    answer:
      'Scores come only from trusted game servers, never from clients. Before the transaction commits, the score API applies plausibility and rate checks on points per match. Suspicious results are held for review rather than written to the board.',
    tags: ['operations', 'api'],
  },
];
