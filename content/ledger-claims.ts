/**
 * How the guide states the ledger's figures in prose, and the superseded answers it must not
 * give. content/ledger.test.ts runs these over every chapter, the speed-round cards and the
 * diagrams' stage text; see content/AUTHORING.md, "The design ledger". A pattern should be
 * narrow enough that every match is the figure it names: when a chapter states a different
 * figure in a similar phrase (a self-check with 20,000 buckets), tighten the pattern rather
 * than widen `accept`.
 */
import { NUM, type LedgerClaim, type LedgerContradiction } from '@/lib/content/ledger-check';
import {
  compositeScore,
  costMicros,
  fleet,
  histogram,
  memory,
  memoryTable,
  operations,
  ranking,
  rangeShards,
  rankRead,
  readMix,
  reads,
  scale,
  sharding,
  traffic,
  writePath,
  boards,
} from './design-ledger';

const N = NUM;
const re = (source: string) => new RegExp(source, 'gi');
/** The figure and its usual spoken rounding ("12,000" and "12k" are the same number). */
const spoken = (...values: number[]) => values;
const pct = (share: number) => Math.round(share * 100);
const US = String.raw`(?:µs|microseconds)`;
/**
 * A command's measured time, in the orders prose uses: "ZADD about 6 µs", "| \`ZADD\` | 6.2 µs",
 * "ZADDs at 6 microseconds", "6.2 µs per ZADD", "5 microseconds of server time for a ZINCRBY".
 * Case-sensitive, so a command page's URL does not count as the command.
 */
const perCall = (cmd: string) => [
  new RegExp(String.raw`\b${cmd}\b\`?(?: \(one board\))?(?: \|)? (?:about |≈ )?${N} ?${US}`, 'g'),
  new RegExp(String.raw`\b${cmd}s?\`? (?:calls × |at (?:about |roughly )?)${N} ?${US}`, 'g'),
  new RegExp(String.raw`${N} ?${US}(?: of server time)? (?:per|for a) \`?${cmd}\b`, 'g'),
];

/** A figure in GB as prose rounds it: 4.08e9 → 4.1 (and 4). */
const gbSpoken = (bytes: number) => [Math.round(bytes / 1e8) / 10, Math.round(bytes / 1e9)];

/**
 * The range layout, shard by shard, as the sharding table (`| S2 | 120,000 – 249,999 |
 * 4,000,000 |`) and the mock's figure (` S2     120,000 – 249,999       4.0M`) state it: the
 * lower bound, the upper bound (the next shard's lower bound − 1) and the member count.
 */
const SHARD_ROW = (name: string) => String.raw`(?:\| ${name} \||^ ?${name}(?:–S\d)?\s{2,})`;
const shardClaims: LedgerClaim[] = rangeShards.flatMap((s, i) => {
  const above = rangeShards[i - 1];
  const row = SHARD_ROW(s.name);
  const claims: LedgerClaim[] = [
    {
      id: `rangeShards.${s.name}.minScore`,
      accept: [s.minScore],
      patterns: [new RegExp(String.raw`${row} *${N}(?= and above| *– *[\d,]+)`, 'gm')],
    },
    {
      id: `rangeShards.${s.name}.members`,
      accept: [s.members],
      patterns: [
        new RegExp(String.raw`${row} *[\d,]+(?: and above| *– *[\d,]+) *\|? *${N}`, 'gm'),
        // The mock's "S5–S8  below 30,000   4 × 17.5M": four shards of the same size.
        ...(s.name === 'S5' ? [new RegExp(String.raw`${row} *below [\d,]+ +\d × ${N}`, 'gm')] : []),
      ],
    },
  ];
  if (above)
    claims.push({
      id: `rangeShards.${s.name}.maxScore`,
      accept: [above.minScore - 1],
      patterns: [new RegExp(String.raw`${row} *[\d,]+ *– *${N}`, 'gm')],
    });
  return claims;
});

export const ledgerClaims: readonly LedgerClaim[] = [
  {
    id: 'scale.dailyActives',
    accept: [scale.dailyActives],
    patterns: [
      re(String.raw`${N} daily (?:actives?|active players|active)\b`),
      re(String.raw`registered, ${N} daily\b`),
      re(String.raw`${N} actives × ${N.replace('?<n>', '?:')} matches`),
    ],
  },
  {
    id: 'ranking.fixedBucketWidth',
    accept: [ranking.fixedBucketWidth],
    patterns: [re(String.raw`${N}-point buckets`), re(String.raw`buckets are ${N} points wide`)],
  },
  ...shardClaims,
  {
    id: 'memoryTable.globalWeeklyBoard',
    accept: gbSpoken(memoryTable.globalWeeklyBoard),
    patterns: [
      re(String.raw`Global weekly board \| [^|\n]+\| ${N} GB`),
      re(String.raw`about 40M and 20M members: ≈ ${N} GB`),
    ],
  },
  {
    id: 'memoryTable.globalDailyBoard',
    accept: gbSpoken(memoryTable.globalDailyBoard),
    patterns: [
      re(String.raw`Global daily board \| [^|\n]+\| ${N} GB`),
      re(String.raw`GB and ≈ ${N} GB per scope`),
    ],
  },
  {
    id: 'memoryTable.regionalBoards',
    accept: gbSpoken(memoryTable.regionalBoards),
    patterns: [
      re(String.raw`\(${boards.regions} regions together\) \| [^|\n]+\| ${N} GB`),
      re(String.raw`partitioned: ≈ ${N} GB in all`),
    ],
  },
  {
    id: 'regionalSeasonBoard.members',
    // 100M ÷ 6 regions, said as "about 16.7M".
    accept: [Math.round(scale.registeredPlayers / boards.regions / 1e5) * 1e5],
    patterns: [
      re(String.raw`about ${N} per region`),
      re(String.raw`regional season board holds about ${N}`),
    ],
  },
  {
    id: 'regionalSeasonBoard.bytes',
    accept: gbSpoken((scale.registeredPlayers / boards.regions) * memory.bytesPerMember),
    patterns: [
      re(String.raw`${N} GB per (?:regional )?season board`),
      re(String.raw`regional season board holds about [\d.]+M players, ${N} GB`),
    ],
  },
  {
    id: 'costMicros.zrevrangeTop10',
    accept: [costMicros.zrevrangeTop10, 2],
    patterns: [
      new RegExp(
        String.raw`ZREVRANGE [^\`\n]*0 9 WITHSCORES\`(?: \||,) (?:about )?${N} ?${US}`,
        'g',
      ),
      ...perCall('ZREVRANGE'),
    ],
  },
  {
    id: 'ranking.exactHead',
    accept: [ranking.exactHead],
    patterns: [
      re(String.raw`exact (?:ranks? )?(?:for )?(?:the )?top ${N}`),
      re(String.raw`top ${N} (?:ranks )?(?:are |stay |remain )?exact`),
      re(String.raw`exact head of ${N}`),
      re(String.raw`below the (?:exact )?top ${N}\b`),
    ],
  },
  {
    id: 'traffic.peakUpdatesPerSecond',
    accept: spoken(traffic.peakUpdatesPerSecond),
    patterns: [
      re(
        String.raw`${N} (?:score |player-match )?updates?(?:/s| per second| a second)? at (?:a 5× |the )?peak`,
      ),
      re(String.raw`peak of ${N} (?:score )?updates`),
      re(String.raw`${N}(?:/s| updates/s| updates per second| updates a second) at a 5× peak`),
    ],
  },
  {
    id: 'traffic.avgUpdatesPerSecond',
    // 2,315 is the unrounded quotient a worked answer shows before rounding.
    accept: spoken(traffic.avgUpdatesPerSecond, 2_315),
    patterns: [
      re(String.raw`${N} (?:score )?updates?(?: per second| a second|/s)\*{0,2} on average`),
      re(String.raw`(?:about|≈) ${N}/s on average`),
      re(String.raw`≈ ${N} per second on average`),
    ],
  },
  {
    id: 'traffic.avgReadsPerSecond',
    accept: spoken(traffic.avgReadsPerSecond, 11.6e3),
    patterns: [
      re(String.raw`${N}(?: board)? reads?(?: per second| a second|/s)\*{0,2} on average`),
      re(String.raw`reads a day, about ${N}(?:/s| a second| per second) on average`),
    ],
  },
  {
    id: 'traffic.peakReadsPerSecond',
    accept: spoken(traffic.peakReadsPerSecond),
    patterns: [
      re(String.raw`${N} (?:board )?reads?(?:/s| per second| a second) at (?:the |a 5× )?peak`),
      re(String.raw`peak of ${N} (?:board )?reads`),
    ],
  },
  {
    id: 'memory.bytesPerMember',
    accept: [memory.bytesPerMember, 100],
    patterns: [
      // Not the listpack cost of a small board, nor the whole process's used_memory.
      re(
        String.raw`(?<!(?:listpack|used_memory)[^.]{0,160})${N} ?(?:B|bytes) per (?:sorted-set )?member`,
      ),
      re(
        String.raw`(?<!AI tells you[^.]{0,30})(?:member|player) (?:costs|takes) (?:about |roughly )?${N} ?(?:B|bytes)`,
      ),
    ],
  },
  {
    id: 'memoryTable.globalSeasonBoard',
    accept: [10, 10.2],
    patterns: [
      re(
        String.raw`(?:100M|100 million) (?:members|players)[^.|]{0,40}?(?:is|=|≈|comes to) (?:about |roughly )?${N} ?(?:GB|gigabytes)`,
      ),
      re(String.raw`${N} ?GB for (?:one|the) (?:global )?board`),
    ],
  },
  {
    id: 'memoryTable.allBoards',
    accept: [Math.round(memoryTable.allBoards / 1e9), 46],
    patterns: [re(String.raw`(?:about|≈) ${N} GB of (?:boards|Redis data)`)],
  },
  {
    id: 'fleet.primaries',
    accept: [fleet.primaries],
    patterns: [re(String.raw`\b${N} primaries`)],
  },
  {
    id: 'fleet.apiServers',
    accept: [fleet.apiServers],
    patterns: [re(String.raw`\b${N} API (?:servers|instances)`)],
  },
  {
    id: 'sharding.rangeShardCount',
    accept: [sharding.rangeShardCount],
    patterns: [re(String.raw`\b${N} range shards`)],
  },
  {
    id: 'rankRead.rangeCallsPerRank',
    accept: [rankRead.rangeCallsPerRank],
    patterns: [
      re(String.raw`calls per rank \(${N} against`),
      re(String.raw`where the chapter's design sends ${N}`),
    ],
  },
  {
    id: 'rankRead.hashCallsPerRank',
    accept: [rankRead.hashCallsPerRank],
    patterns: [re(String.raw`calls per rank \([\d,]+ against ${N}\)`)],
  },
  {
    id: 'costMicros.zadd',
    accept: [costMicros.zadd, 6],
    patterns: perCall('ZADD'),
  },
  {
    id: 'costMicros.zincrby',
    accept: [costMicros.zincrby, 5],
    patterns: perCall('ZINCRBY'),
  },
  {
    id: 'costMicros.zrevrank',
    accept: [costMicros.zrevrank, 4],
    patterns: perCall('ZREVRANK'),
  },
  {
    id: 'reads.perPlayerRatePerSecond',
    accept: [reads.perPlayerRatePerSecond],
    patterns: [
      re(
        String.raw`per[- ]player[^.]{0,30}?(?:say |for example )?${N} (?:requests? )?(?:a|per) second`,
      ),
      re(String.raw`${N} requests? per second sustained`),
    ],
  },
  {
    id: 'reads.topKCacheTtlSeconds',
    accept: [reads.topKCacheTtlSeconds, 1],
    patterns: [re(String.raw`time-to-live of ${N}`)],
  },
  {
    id: 'writePath.retentionDays',
    accept: [writePath.retentionDays],
    patterns: [
      re(String.raw`Kafka keeps ${N} days`),
      re(String.raw`retention (?:is|of) ${N} days`),
      re(String.raw`${N} days of retention`),
    ],
  },
  {
    id: 'writePath.kafkaPartitions',
    accept: [writePath.kafkaPartitions],
    patterns: [re(String.raw`With ${N} partitions`), re(String.raw`against ${N} partitions`)],
  },
  {
    id: 'writePath.eventBytes',
    accept: [writePath.eventBytes],
    patterns: [
      re(String.raw`(?:event|events) of about ${N} ?B\b`),
      re(String.raw`about ${N} ?B per event`),
    ],
  },
  {
    id: 'operations.replayWindowSeconds',
    accept: [operations.replayWindowSeconds],
    scale: { s: 1, seconds: 1, minute: 60, minutes: 60 },
    patterns: [
      re(
        String.raw`(?:rewind|back)[^.]{0,60}?\bto ${N} (?<u>s|seconds|minutes?) before the failover`,
      ),
      re(String.raw`(?:rewind|back)[^.]{0,60}?(?:say|for example) ${N} (?<u>s|seconds|minutes?)`),
      re(String.raw`\b${N} (?<u>s|seconds|minutes?) before the failover`),
    ],
  },
  {
    id: 'readMix.sharedPages',
    accept: [pct(readMix.sharedPages)],
    patterns: [
      re(
        String.raw`${N}% (?:of (?:the )?(?:[\d,k]+ )?(?:peak )?reads (?:per second )?)?(?:are )?(?:such )?shared pages`,
      ),
    ],
  },
  {
    id: 'readMix.ownRankAndNeighbours',
    accept: [pct(readMix.ownRankAndNeighbours)],
    patterns: [
      re(String.raw`${N}% of the [\d,k]+ (?:peak )?reads (?:are|being) (?:rank lookups|own-rank)`),
      re(String.raw`${N}% a player's own rank`),
    ],
  },
  {
    id: 'readMix.friendBoards',
    accept: [pct(readMix.friendBoards)],
    patterns: [
      re(String.raw`${N}% of the [\d,k]+ (?:peak )?reads are friend boards`),
      re(String.raw`friend boards ${N}% of the`),
      re(String.raw`${N}% friend boards`),
    ],
  },
  {
    id: 'histogram.bucketPopulation',
    accept: [histogram.bucketPopulation],
    patterns: [re(String.raw`${N} (?:places|ranks|positions) out of 100M`)],
  },
  {
    id: 'histogram.counterBytes',
    accept: [histogram.counterBytes / 1000],
    patterns: [re(String.raw`(?<!to )${N} KB of counters`)],
  },
  {
    id: 'compositeScore.timeBits',
    accept: [compositeScore.timeBits],
    patterns: [
      re(String.raw`(?:score|points) (?:×|times) 2 ?(?:\^|to the) ?${N}`),
      re(String.raw`shifted left by (?:about )?${N} bits`),
    ],
  },
];

export const ledgerContradictions: readonly LedgerContradiction[] = [
  {
    id: 'failover.boundedLoss',
    pattern: re(String.raw`loses? at most the last few hundred milliseconds`),
    because: 'asynchronous replication gives no bound on what a promoted replica is missing',
  },
  {
    id: 'failover.replayFromCommitted',
    pattern: re(
      String.raw`replay(?:s)? (?:Kafka )?from (?:their|the|its|the consumers'?) (?:last )?committed offsets?`,
    ),
    because:
      'the lost writes sit before the committed offsets: rewind the group by timestamp to 5 minutes before the failover',
  },
  {
    id: 'failover.persistence',
    pattern: re(String.raw`persistence can lose recent writes on failover`),
    because: 'failover loss comes from asynchronous replication, not persistence',
  },
  {
    id: 'reads.deepOffsetCost',
    pattern: re(
      String.raw`(?:skip the first [\d,.]+ ?(?:million|M)? entries,?"?,? which is expensive|deep offsets are costly)`,
    ),
    because:
      'a rank range is O(log N + M) in a sorted set; the reason for a cursor is drift, not cost',
  },
  {
    id: 'ties.lowIds',
    pattern: re(String.raw`favou?r(?:s)? low player ids`),
    because: 'ties go to the byte-wise larger member under ZREVRANK/ZREVRANGE',
  },
  {
    id: 'writePath.dedupeThenZincrby',
    pattern: re(
      String.raw`(?:deduplicat\w+ on match id before (?:the )?\`?ZINCRBY|\`?ZINCRBY\`? with the match's points)`,
    ),
    because:
      'season totals travel as absolute values and land with ZADD GT; duplicates die in PostgreSQL',
  },
  {
    id: 'guilds.eventIdRecord',
    pattern: re(
      String.raw`(?:record of applied event ids|by event id or sequence number|ids of events already applied)`,
    ),
    because: 'guild totals: a Lua script whose member board is the idempotency record',
  },
  {
    id: 'readYourWrites.secondWriter',
    pattern: re(
      String.raw`(?:writes the player's own board synchronously|score the client supplies|pipelined round trip to the player's shard: \`ZADD)`,
    ),
    because:
      'read-your-writes: return the committed total and a read-only ZCOUNT rank; only consumers write boards',
  },
  {
    id: 'input.trustOnly',
    pattern: re(String.raw`Trust the input; validate only`),
    because: 'trusted servers still pass plausibility checks',
  },
  {
    id: 'histogram.consumerCounters',
    pattern: re(
      String.raw`(?:moves one player from the old bucket to the new one|decrements the old bucket and increments the new one)`,
    ),
    because:
      'counters moved by an at-least-once consumer double-count: rebuild from the shards every 10 s, or checkpoint counters with offsets',
  },
  {
    id: 'histogram.oneConsumer',
    pattern: re(String.raw`one consumer sees every update`),
    because: '64 partitions: no single board writer sees every update',
  },
  {
    id: 'skiplist.levels',
    pattern: re(String.raw`\b2[67](?:\.\d)? levels`),
    because: 'at p = 1/4 a skip list of 10⁸ has about 13 levels and about 2·log₂N comparisons',
  },
  {
    id: 'composite.otherEncoding',
    pattern: re(
      String.raw`(?:2\^32|2³²|seconds remaining until the season ends|seasonEnd − reachedAt)`,
    ),
    because: `composite = ${compositeScore.formula}, t = seconds since the window started`,
  },
  {
    id: 'sharding.equalPopulation',
    pattern: re(
      String.raw`(?:so each shard holds about the same number of (?:players|members)|about a quarter of the players)`,
    ),
    because:
      'quantile boundaries, then the top shard shrunk on purpose (1M, 4M, 10M, 15M, 17.5M × 4)',
  },
  {
    id: 'sharding.writeHotShard',
    pattern: re(
      String.raw`(?:top (?:shard|one) tak(?:es|ing) most (?:of the )?writes|The shard I'd actually worry about is the lowest one)`,
    ),
    because: sharding.hotShard,
  },
  {
    id: 'sharding.powersOfTwo',
    pattern: re(String.raw`powers of two make the routing`),
    because: 'range boundaries are a sorted list; any shard count works',
  },
  {
    id: 'lostShard.postgresReads',
    pattern: re(String.raw`reads? (?:fall|falls|fell) back to PostgreSQL`),
    because:
      'a lost shard band is served from the histogram; PostgreSQL takes seconds per median rank',
  },
  {
    id: 'hotkeys.lfu',
    pattern: re(String.raw`sample with \`redis-cli --hotkeys\``),
    because: '--hotkeys needs an LFU maxmemory policy; boards run noeviction',
  },
  {
    id: 'scale.matchesNotUpdates',
    pattern: re(String.raw`200M matches|200 million matches`),
    because: '200M a day are player-match updates, not matches',
  },
  {
    id: 'regional.small',
    pattern: re(String.raw`each regional set is small`),
    because: 'a regional season board holds about 16.7M members, 1.7 GB',
  },
  {
    id: 'topology.onePrimaryAtLaunch',
    pattern: re(
      String.raw`(?:launch[^.]{0,60}on one (?:Redis )?primary|runs on one Redis primary|Start on one primary)`,
    ),
    because: `${fleet.primaries} primaries from day one: all boards together are about 46 GB`,
  },
];
