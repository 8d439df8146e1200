/**
 * The per-operation costs the practice room's capacity pass computes with. Redis costs, the
 * event size, Kafka's replication and the consumer group's replay rate come from the design
 * ledger, so the room's arithmetic is the guide's. Figures the ledger does not state are
 * assumptions, each marked below and listed on screen with every run.
 */
import type { CostTable } from '@/lib/practice/capacity';
import {
  benchmarkZrevrankPerSecond,
  costMicros,
  fleet,
  memory,
  operations,
  rangeShards,
  reads,
  traffic,
  writePath,
} from '../design-ledger';

const largestShare =
  Math.max(...rangeShards.map((s) => s.members)) /
  (rangeShards.reduce((s, r) => s + r.members, 0) / rangeShards.length);

export const practiceCosts: CostTable = {
  redis: {
    zaddMicros: costMicros.zadd,
    zrevrankMicros: costMicros.zrevrank,
    topPageMicros: costMicros.zrevrangeTop10,
    // Assumption: ZSCORE and a ZCOUNT cost about what ZREVRANK costs (all O(log N) walks).
    pointMicros: costMicros.zrevrank,
    // Assumption: ZMSCORE is a hash lookup per member, about 0.4 µs each.
    perMemberMicros: 0.4,
    // The ledger's redis-benchmark figure: 90,000 ZREVRANK/s on a small VM, so the work around
    // a call is 1/90,000 s minus the 3.7 µs of the command.
    overheadMicros: 1e6 / benchmarkZrevrankPerSecond - costMicros.zrevrank,
    bytesPerMember: memory.bytesPerMember,
    rangeSkew: Number(largestShare.toFixed(2)),
  },
  kafka: {
    eventBytes: writePath.eventBytes,
    replicas: writePath.kafkaReplicas,
    // Assumption: 10 MB/s into one partition is comfortable: 50,000 events of 200 B.
    eventsPerPartitionPerSecond: 10e6 / writePath.eventBytes,
    // Assumption: acks from every in-sync replica in one data centre.
    produceMs: 5,
  },
  // The ledger's replay rate spread over its 64 partitions: what one consumer applies.
  consumerEventsPerSecond: Math.round(operations.replayEventsPerSecond / writePath.kafkaPartitions),
  postgres: {
    // Assumption: consumers batch their row updates (multi-row upserts, group commit).
    writesPerSecond: 50_000,
    cores: 16,
    // Assumption: a rank by COUNT over about 50M index entries takes seconds (ledger decision 11).
    rankReadMs: 2_000,
    topPageMs: 1,
  },
  api: {
    // The ledger's 40 servers carry 70,000 requests/s at peak; assume they run at 60%.
    requestsPerSecond: Math.round(
      (traffic.peakUpdatesPerSecond + traffic.peakReadsPerSecond) / fleet.apiServers / 0.6,
    ),
    serviceMs: 0.5,
  },
  // Assumption: one load-balancer instance forwards 100,000 requests/s.
  loadBalancerRequestsPerSecond: 100_000,
  // Assumption: about 100 hot shared pages, fetched by 50 edge locations.
  cdn: { hotPages: 100, edgeLocations: 50 },
  // Assumption: a rank estimate is a binary search in 10,000 counters: 200,000/s per instance.
  histogramReadsPerSecond: 200_000,
  friendsPerPlayer: reads.friendsPerPlayer,
  // Assumption: a round trip inside one data centre.
  networkRttMs: 0.25,
};

/** The assumptions above, for the screen and the exports. */
export const costAssumptions: readonly string[] = [
  `Redis: ZADD ${costMicros.zadd} µs, ZREVRANK ${costMicros.zrevrank} µs, top-10 page ${costMicros.zrevrangeTop10} µs, plus ${practiceCosts.redis.overheadMicros.toFixed(1)} µs around every call (from ${benchmarkZrevrankPerSecond.toLocaleString('en-US')} calls/s measured); ${memory.bytesPerMember} B per member. From the design ledger.`,
  `Kafka: ${writePath.eventBytes} B per event, ${writePath.kafkaReplicas} replicas; a consumer applies ${practiceCosts.consumerEventsPerSecond} events/s (the ledger's ${operations.replayEventsPerSecond.toLocaleString('en-US')}/s replay over ${writePath.kafkaPartitions} partitions).`,
  'Assumed, not measured: PostgreSQL 50,000 batched row updates/s per primary and about 2 s per rank by SQL; an API instance serves about 2,900 requests/s; a partition takes 50,000 events/s; a ZMSCORE member costs 0.4 µs.',
];
