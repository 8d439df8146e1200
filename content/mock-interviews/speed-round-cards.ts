/**
 * Speed-round cards for the Mock Interviews chapter. Each answer is a model answer of at
 * most three sentences, in plain text, and its `link` names the guide section that argues
 * it in full (the drill shows it after the reveal). Ids are permanent: the drill keys its
 * schedule in localStorage by id, so change a card's wording freely but never its id.
 *
 * speed-round-cards.test.ts checks every link against the pages' headings, and every number
 * a card states against content/design-ledger.ts: a card that states a figure must list it
 * there, with the ledger value it is.
 */

export interface SpeedRoundCard {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly tags: readonly string[];
  /**
   * Where the guide explains the answer: a root-relative page path with a heading anchor,
   * and that heading's text, exactly as the page shows it.
   */
  readonly link?: { readonly href: string; readonly title: string };
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
    link: {
      href: '/leaderboard-design/sorted-sets/#the-commands-a-leaderboard-needs',
      title: 'The commands a leaderboard needs',
    },
  },
  {
    id: 'sorted-set-internals',
    question: 'What data structures sit behind a large Redis sorted set?',
    answer:
      'A skip list ordered by score, plus a hash table from member to score. The skip list stores how many elements each forward pointer spans, which is what makes rank queries logarithmic. Small sets use a compact listpack instead and convert once they pass the size thresholds.',
    tags: ['redis'],
    link: {
      href: '/leaderboard-design/sorted-sets/#inside-a-sorted-set-a-skip-list-and-a-hash-table',
      title: 'Inside a sorted set: a skip list and a hash table',
    },
  },
  {
    id: 'skip-list-vs-balanced-tree',
    question: 'Why does Redis use a skip list rather than a balanced tree?',
    answer:
      'A skip list gives the same expected O(log N) search and insert with much simpler code and no rebalancing rotations. Range scans are a walk along the bottom level, which suits ZRANGE, and span counts on the pointers make rank lookup cheap.',
    tags: ['redis'],
    link: {
      href: '/leaderboard-design/sorted-sets/#working-out-a-rank-from-the-spans',
      title: 'Working out a rank from the spans',
    },
  },
  {
    id: 'core-command-complexities',
    question: 'Give the time complexity of ZADD, ZINCRBY, ZREVRANK, ZREVRANGE and ZSCORE.',
    answer:
      'ZADD, ZINCRBY and ZREVRANK are O(log N). ZREVRANGE is O(log N + M), where M is the number of elements returned. ZSCORE is O(1) because it reads the hash table.',
    tags: ['redis', 'ranking'],
    link: {
      href: '/leaderboard-design/sorted-sets/#the-commands-a-leaderboard-needs',
      title: 'The commands a leaderboard needs',
    },
  },
  {
    id: 'zadd-vs-zincrby',
    question: 'When would you write with ZADD instead of ZINCRBY for a cumulative score?',
    answer:
      "Whenever the path into Redis is at-least-once, as a Kafka consumer's is: a redelivered ZINCRBY adds the points again. Publish the absolute total from PostgreSQL and write it with ZADD GT. A replay then changes nothing, and a late, older total cannot overwrite a newer one.",
    tags: ['redis', 'kafka'],
    link: {
      href: '/leaderboard-design/write-path/#make-every-board-write-idempotent',
      title: 'Make every board write idempotent',
    },
  },
  {
    id: 'tie-breaking',
    question: 'Two players have the same score. How do you make the earlier one rank higher?',
    answer:
      'Equal scores fall back to byte order of the member name, and under ZREVRANK the larger name wins, which is neither fair nor numeric. Store score × 2^23 + (2^23 − 1 − t), with t the seconds since the season started. For equal points the earlier player has the larger low part, and scores up to 2^30 − 1 keep the value within the 53 bits a double holds exactly.',
    tags: ['redis', 'ranking'],
    link: {
      href: '/leaderboard-design/sorted-sets/#breaking-ties-with-a-composite-score',
      title: 'Breaking ties with a composite score',
    },
  },
  {
    id: 'why-not-sql-order-by',
    question: 'Why not compute rank with SQL ORDER BY score on an indexed column?',
    answer:
      'A B-tree index finds a score quickly but does not know how many rows sit above it, so rank means counting those rows, which is O(N) for a player deep in the board. At 100M rows and tens of thousands of rank reads a second that is far too slow. PostgreSQL stays the record and a sorted set serves the rank.',
    tags: ['storage', 'ranking'],
    link: {
      href: '/leaderboard-design/why-not-sql/#what-it-cannot-do-count-cheaply',
      title: 'What it cannot do: count cheaply',
    },
  },
  {
    id: 'source-of-truth',
    question: 'Why is Redis not the source of truth for scores?',
    answer:
      "Because Redis can lose acknowledged writes: replication is asynchronous, so a promoted replica may lack what the old primary accepted, and persistence trades durability for speed. PostgreSQL holds the durable record: each match result once, under a unique key, and every player's totals. Redis is a view rebuilt from it, with Kafka replay for recent changes.",
    tags: ['storage', 'operations'],
    link: {
      href: '/leaderboard-design/write-path/#why-the-cache-is-never-authoritative',
      title: 'Why the cache is never authoritative',
    },
  },
  {
    id: 'idempotent-write',
    question: 'How do you make the score write idempotent?',
    answer:
      "Use the match id as the idempotency key: the result table's primary key is (match id, player id), so a retried insert conflicts and changes nothing, and the total is only incremented when the insert succeeds, in the same transaction. Downstream, events carry absolute totals, so consumers can apply them twice with ZADD GT and the board does not change.",
    tags: ['storage', 'api'],
    link: {
      href: '/leaderboard-design/write-path/#postgresql-is-the-record',
      title: 'PostgreSQL is the record',
    },
  },
  {
    id: 'outbox-pattern',
    question:
      'Why use a transactional outbox instead of writing to PostgreSQL and then publishing to Kafka?',
    answer:
      'Writing to two systems without a shared transaction can commit the score and then crash before publishing, so the leaderboard never hears about it. The outbox row is written in the same transaction as the score, and a relay publishes it afterward. The event exists if and only if the score does.',
    tags: ['kafka', 'storage'],
    link: {
      href: '/leaderboard-design/write-path/#getting-events-out-the-transactional-outbox',
      title: 'Getting events out: the transactional outbox',
    },
  },
  {
    id: 'kafka-partition-key',
    question: 'What is the partition key for the score-updates topic, and why?',
    answer:
      "The player id, so every update for one player lands in one partition and is consumed in order. Ordering per player is all the leaderboard needs, since players' scores are independent. It also spreads load evenly across partitions.",
    tags: ['kafka'],
    link: {
      href: '/leaderboard-design/write-path/#kafka-as-the-replayable-log',
      title: 'Kafka as the replayable log',
    },
  },
  {
    id: 'kafka-replay',
    question: 'Why does a replayable log matter for the leaderboard?',
    answer:
      'After a failover the promoted replica can miss writes whose offsets are already committed: rewind the consumer group by timestamp, 5 minutes back, and reapply; idempotent writes make the overlap harmless. A bug that wrote scores too low is repaired the same way. Too high needs a reload or a plain-ZADD replay into a fresh key, because GT refuses lower values.',
    tags: ['kafka', 'operations'],
    link: {
      href: '/leaderboard-design/write-path/#recovery-replay-or-reload',
      title: 'Recovery: replay or reload',
    },
  },
  {
    id: 'estimate-write-rate',
    question:
      'Estimate peak score updates per second for 20M daily actives playing 10 matches a day.',
    answer:
      '20M times 10 is 200M updates a day. Divided by 86,400 seconds that is about 2,300 a second on average. At a 5x peak it is roughly 12,000 a second.',
    tags: ['estimates'],
    link: {
      href: '/leaderboard-design/estimates/#score-updates-per-second',
      title: 'Score updates per second',
    },
  },
  {
    id: 'estimate-read-rate',
    question: 'With about 5 reads per match, what is the peak read rate?',
    answer:
      '200M player-match updates times 5 is 1B reads a day, about 11,600 a second on average and roughly 58,000 at a 5x peak. About 60% are shared top pages, which a one-second cache on each API server absorbs. The 30% own-rank reads (17,400 a second) and 10% friend boards (5,800) reach Redis.',
    tags: ['estimates'],
    link: {
      href: '/leaderboard-design/estimates/#board-reads-per-second',
      title: 'Board reads per second',
    },
  },
  {
    id: 'estimate-memory',
    question: 'How much memory does one sorted set of 100M players take?',
    answer:
      'About 102 bytes per member on Redis 7.0 with 14-byte names, measured with MEMORY USAGE: the skip-list node, the hash entry and the string. 100M members is about 10 GB. Every window and scope together is about 45 GB of boards, and that total, not one board, sets how many instances you run.',
    tags: ['estimates', 'redis'],
    link: {
      href: '/leaderboard-design/estimates/#memory-for-every-board',
      title: 'Memory for every board',
    },
  },
  {
    id: 'estimate-cpu',
    question: 'Can one Redis node keep up with the peak load on CPU?',
    answer:
      'For one board, yes: 12,000 ZADDs at 6.2 µs is 74 ms of the thread per second and 58,000 ZREVRANKs at 3.7 µs 215 ms, under a third of one core before socket and protocol work. Writing all six boards on every update is 446 ms, one of the reasons to shard anyway.',
    tags: ['estimates', 'redis'],
    link: {
      href: '/leaderboard-design/estimates/#cpu-time-inside-redis',
      title: 'CPU time inside Redis',
    },
  },
  {
    id: 'when-to-shard',
    question: 'If 100M members fit in 10 GB on one node, why shard at all?',
    answer:
      "Because the product keeps many boards, not one: the six written on every update, last week's and yesterday's final boards and the guild boards come to about 46 GB in Redis. At about 6 GB per instance that is 8 primaries with a replica each from launch, which also keeps forks, resyncs and rebuilds small.",
    tags: ['sharding', 'operations'],
    link: {
      href: '/leaderboard-design/estimates/#what-pushes-you-to-shard-anyway',
      title: 'What pushes you to shard anyway',
    },
  },
  {
    id: 'hash-sharding-rank-cost',
    question: 'What goes wrong with rank queries under hash sharding by player id?',
    answer:
      "Higher scores can sit on any shard, so after reading the player's score, a global rank is a ZCOUNT on every shard in parallel, waiting for the slowest. With 8 shards the 17,400 own-rank reads a second at peak become 139,200 ZCOUNTs, and one lost shard stops every exact rank. Round trips are the same as range sharding's (two); calls and failure are not.",
    tags: ['sharding', 'ranking'],
    link: {
      href: '/leaderboard-design/sharding/#exact-rank-costs-every-shard',
      title: 'Exact rank costs every shard',
    },
  },
  {
    id: 'range-sharding-global-rank',
    question: 'How do you get a global rank under range-based sharding?',
    answer:
      "First the player's score: ZSCORE on their regional season board, which names the shard that owns it. Then ZREVRANK on that shard, plus the member counts of every higher shard, which each API server polls with ZCARD once a second. Two sequential calls; right after a match the score is already known and the rank is one ZCOUNT.",
    tags: ['sharding', 'ranking'],
    link: {
      href: '/leaderboard-design/sharding/#global-rank-from-a-local-rank',
      title: 'Global rank from a local rank',
    },
  },
  {
    id: 'range-sharding-boundaries',
    question: 'How do you choose the score boundaries of range shards?',
    answer:
      "From quantiles of the member count, not equal slices of the score range; then shrink the top shard on purpose to the top 1%, so its busiest players' writes stay level with the big shards. Move boundaries rarely, or build a new generation of shards from a snapshot and switch over. Any count works, not only powers of two: routing is a sorted list of boundaries.",
    tags: ['sharding', 'operations'],
    link: {
      href: '/leaderboard-design/sharding/#rebalancing-the-boundaries',
      title: 'Rebalancing the boundaries',
    },
  },
  {
    id: 'season-start-skew',
    question: 'Everyone starts a season at zero points. How does range sharding survive day one?',
    answer:
      'Players join the board with their first match of the season, so nobody is stored at zero and a player who has not played is shown as unranked. Until scores spread, nearly every write lands on the bottom shard. Even all 12,000 a second there is 12,000 × 6.2 µs ≈ 74 ms of its thread per second: uneven, not dangerous.',
    tags: ['sharding', 'ranking'],
    link: { href: '/leaderboard-design/sharding/#the-hot-top-shard', title: 'The hot top shard' },
  },
  {
    id: 'hot-top-shard',
    question:
      'The shard holding the top scores gets the most attention. Is it hot, and what do you do?',
    answer:
      "Hot for reads: every top-page read hits it, and a one-second cache on each of 40 API servers turns them into 40 Redis reads a second, which a replica can also take. For writes it is kept small on purpose, the top 1% of players, so their 15% of updates, about 1,800 a second, match each big bottom shard's share. Measure per-shard rates before splitting further.",
    tags: ['sharding', 'caching'],
    link: { href: '/leaderboard-design/sharding/#the-hot-top-shard', title: 'The hot top shard' },
  },
  {
    id: 'top-k-scatter-gather',
    question: 'How do you serve the global top 100 if the board is hash-sharded?',
    answer:
      'Ask each shard for its own top 100 and merge the sorted lists with a heap of their heads, popping 100 times: O(K log N) rather than sorting all 800 entries from 8 shards. The global top 100 must lie in the union of the per-shard top 100s. It costs one call per shard, so cache the merged page for a second.',
    tags: ['sharding', 'ranking'],
    link: {
      href: '/leaderboard-design/sharding/#top-k-by-scatter-gather',
      title: 'Top-K by scatter-gather',
    },
  },
  {
    id: 'approximate-rank-histogram',
    question: 'How do you compute an approximate rank for a player deep in the board?',
    answer:
      "Keep a histogram of scores in 10,000 equal-population buckets, with the count of players above each bucket. Find the player's bucket by binary search, take the count above it, and interpolate inside the bucket as if scores were spread evenly. It is small, 80 KB of counters and as much again for the boundaries, so every API server holds a copy and answers without Redis.",
    tags: ['ranking'],
    link: {
      href: '/leaderboard-design/approximate-ranking/#a-score-histogram',
      title: 'A score histogram',
    },
  },
  {
    id: 'approximate-rank-error',
    question: 'What is the worst-case error of the histogram approach?',
    answer:
      "One bucket's population, because the true rank and the estimate both lie inside the range of ranks the bucket covers. With 100M players in 10,000 equal-population buckets that is 10,000 ranks, 0.01 percentile points. As buckets drift apart in size the bound becomes the largest bucket's population, which is the number to monitor.",
    tags: ['ranking', 'estimates'],
    link: {
      href: '/leaderboard-design/approximate-ranking/#the-error-bound',
      title: 'The error bound',
    },
  },
  {
    id: 'exact-head-approximate-tail',
    question: 'Why keep an exact head alongside the approximate tail?',
    answer:
      'Near the top an error of 10,000 ranks would be the whole competitive range, and those players care about exact positions and prizes. So ranks 1 to 10,000 are exact, a ZREVRANK on the top shard; everyone below sees a rounded rank and a percentile, labelled approximate. Without a board at all, the head would be its own 10,000-member sorted set, about 1 MB.',
    tags: ['ranking'],
    link: {
      href: '/leaderboard-design/approximate-ranking/#an-exact-head-with-an-approximate-tail',
      title: 'An exact head with an approximate tail',
    },
  },
  {
    id: 'histogram-freshness',
    question: 'How does the score histogram stay current?',
    answer:
      'It is rebuilt, not incremented: every 10 s a job reads the score at every 10,000th rank from the range shards (ZREVRANGE … WITHSCORES, O(log N) per boundary). Counters moved by an at-least-once consumer would move a redelivered player twice. Without an exact board, checkpoint the counters atomically with their Kafka offsets and resume from that pair.',
    tags: ['ranking', 'kafka'],
    link: {
      href: '/leaderboard-design/approximate-ranking/#where-the-counters-live',
      title: 'Where the counters live',
    },
  },
  {
    id: 'offset-vs-cursor',
    question: 'Offset or cursor pagination for browsing the leaderboard?',
    answer:
      "A cursor of (score, member), because positions drift: between two page requests thousands of scores change, so offsets skip or repeat players who never moved. Cost is not the reason, since a deep ZREVRANGE is O(log N + M) thanks to the skip list's spans. Each page fetches its size plus the ties at the cursor's score, counted with ZCOUNT.",
    tags: ['api'],
    link: {
      href: '/leaderboard-design/reads/#pagination-offset-versus-cursor',
      title: 'Pagination: offset versus cursor',
    },
  },
  {
    id: 'around-me-query',
    question: 'How do you serve the players just above and below me?',
    answer:
      'ZREVRANK gives my position, then ZREVRANGE from position minus 5 to position plus 5 returns my neighbors. Both are logarithmic, plus the handful of members returned. Under range sharding, a window near a boundary may need a second call to the adjacent shard.',
    tags: ['redis', 'api'],
    link: {
      href: '/leaderboard-design/reads/#around-me-a-players-neighborhood',
      title: "Around me: a player's neighborhood",
    },
  },
  {
    id: 'read-your-writes',
    question: 'The write path is asynchronous. How does a player see their new score right away?',
    answer:
      'The score service returns the committed total and the rank that total has, computed read-only: ZCOUNT of everything above the new composite on the shard that owns it, plus the cached counts of higher shards. It never writes a board, so the consumer stays the one ordered writer. Everyone else can tolerate a second or two of staleness.',
    tags: ['api', 'caching'],
    link: {
      href: '/leaderboard-design/operations/#consistency-a-player-can-notice',
      title: 'Consistency a player can notice',
    },
  },
  {
    id: 'caching-top-of-board',
    question: 'What would you cache, and for how long?',
    answer:
      'The shared top pages, for one second: 60% of reads ask for the same few pages and a second of staleness is invisible. Individual ranks are not worth caching, because each is requested by one player. Shard member counts (polled every second) and the histogram (fetched every 10 s) also live in API-server memory.',
    tags: ['caching'],
    link: {
      href: '/leaderboard-design/reads/#caching-the-top-of-the-board',
      title: 'Caching the top of the board',
    },
  },
  {
    id: 'fan-out-read-vs-write',
    question: 'Fan-out on read or fan-out on write for a friends leaderboard?',
    answer:
      'Fan-out on read: group the 200 friends by region and read their scores with ZMSCORE on the regional season boards, usually one or two calls, then sort. Fan-out on write keeps a board per player, but every update becomes one write per follower: 12,000 × 200 = 2.4M writes a second. It only pays when reads vastly outnumber writes and follower counts stay small.',
    tags: ['social'],
    link: { href: '/leaderboard-design/social-boards/#friend-boards', title: 'Friend boards' },
  },
  {
    id: 'celebrity-problem',
    question:
      'A streamer with 5 million followers finishes a match. What happens under fan-out on write?',
    answer:
      "One score change becomes 5 million writes, about 31 seconds of server time at 6.2 µs each, and ten matches a day make a quarter of the game's daily updates. The hybrid fix: never fan out an account above a threshold such as 10,000 followers, and merge those scores in at read time with ZMSCORE. Regular players keep their precomputed boards.",
    tags: ['social'],
    link: { href: '/leaderboard-design/social-boards/#the-hybrid', title: 'The hybrid' },
  },
  {
    id: 'regional-boards',
    question: 'How do you add regional leaderboards?',
    answer:
      'One sorted set per region and window, written by the same consumer as the global board: three windows × two scopes is six writes per update, 72,000 a second at peak. A regional season board holds about 16.7M players, 1.7 GB, so it is not small. It doubles as the player → score lookup the range-sharded global board needs.',
    tags: ['redis', 'social'],
    link: {
      href: '/leaderboard-design/social-boards/#option-2-write-both-boards-on-every-update',
      title: 'Option 2: write both boards on every update',
    },
  },
  {
    id: 'season-reset',
    question: 'How do you reset the leaderboard at the end of a season?',
    answer:
      'Put the season in the key, so the new season simply starts writing new keys and nothing has to be deleted in a hurry. Cut over at a fixed timestamp so each match lands in exactly one season. Freeze and archive the old season, then expire its keys.',
    tags: ['redis', 'operations'],
    link: {
      href: '/leaderboard-design/operations/#season-and-day-rollover',
      title: 'Season and day rollover',
    },
  },
  {
    id: 'redis-recovery',
    question: 'A Redis primary dies. How do you recover, and how long does a full rebuild take?',
    answer:
      "Promote the replica, then rewind the consumer group by timestamp to 5 minutes before the failover and replay, about 72 s: the lost writes' offsets are already committed. If both copies are gone, note the Kafka offsets, reload from PostgreSQL into a new key and replay from them. The whole 100M board is about 620 s of server time; one 17.5M-member shard about 108 s.",
    tags: ['operations', 'redis'],
    link: {
      href: '/leaderboard-design/operations/#failures-and-recovery',
      title: 'Failures and recovery',
    },
  },
  {
    id: 'key-metrics',
    question: 'What are the first three metrics you would alert on?',
    answer:
      'Consumer lag in seconds, because that is the staleness players feel (alert past 5 s). The p99 latency of rank reads at the client, because that is the request players make most (alert past 5 ms). The age of the histogram snapshot, because a stuck rebuild silently freezes every percentile.',
    tags: ['operations'],
    link: { href: '/leaderboard-design/operations/#monitoring', title: 'Monitoring' },
  },
  {
    id: 'anti-cheat-placement',
    question: 'Where does anti-cheat sit in this design?',
    answer:
      'Scores come only from authenticated game servers, never from clients. The score service still runs plausibility checks before the transaction commits, such as points per match within the maximum and at most 15 matches an hour, because a buggy or compromised server is the realistic threat. Suspicious results stay off the public boards until reviewed.',
    tags: ['operations', 'api'],
    link: { href: '/leaderboard-design/operations/#anti-cheat', title: 'Anti-cheat' },
  },
];
