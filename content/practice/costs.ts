/**
 * The per-operation costs the practice room's capacity pass computes with. Every figure comes
 * from the design ledger: Redis costs, the event size and Kafka's replication from the
 * guide's design, and the throughput figures from `capacity`, each marked measured, derived
 * or assumed there with its basis. The assumed ones are listed on screen with every run.
 */
import type { CostTable } from '@/lib/practice/capacity';
import {
  benchmarkZrevrankPerSecond,
  capacity,
  costMicros,
  memory,
  operations,
  rangeShards,
  reads,
  writePath,
  type SourcedFigure,
} from '../design-ledger';

const largestShare =
  Math.max(...rangeShards.map((s) => s.members)) /
  (rangeShards.reduce((s, r) => s + r.members, 0) / rangeShards.length);

export const practiceCosts: CostTable = {
  redis: {
    zaddMicros: costMicros.zadd,
    zrevrankMicros: costMicros.zrevrank,
    topPageMicros: costMicros.zrevrangeTop10,
    // ZSCORE and ZCOUNT are O(log N) walks like ZREVRANK: the same cost.
    pointMicros: costMicros.zrevrank,
    perMemberMicros: capacity.zmscorePerMemberMicros.value,
    // The ledger's redis-benchmark figure: 90,000 ZREVRANK/s on a small VM, so the work around
    // a call is 1/90,000 s minus the 3.7 µs of the command.
    overheadMicros: 1e6 / benchmarkZrevrankPerSecond - costMicros.zrevrank,
    bytesPerMember: memory.bytesPerMember,
    rangeSkew: Number(largestShare.toFixed(2)),
  },
  kafka: {
    eventBytes: writePath.eventBytes,
    replicas: writePath.kafkaReplicas,
    eventsPerPartitionPerSecond: capacity.kafkaEventsPerPartitionPerSecond.value,
    produceMs: capacity.kafkaProduceMs.value,
  },
  // The ledger's replay rate spread over its 64 partitions: what one consumer applies.
  consumerEventsPerSecond: Math.round(operations.replayEventsPerSecond / writePath.kafkaPartitions),
  postgres: {
    writesPerSecond: capacity.postgresRowUpdatesPerSecond.value,
    cores: capacity.postgresCores.value,
    rankReadMs: capacity.sqlMedianRankMs.value,
    topPageMs: capacity.sqlTopPageMs.value,
  },
  api: {
    requestsPerSecond: capacity.apiRequestsPerInstance.value,
    serviceMs: capacity.apiServiceMs.value,
  },
  loadBalancerRequestsPerSecond: capacity.loadBalancerRequestsPerSecond.value,
  cdn: { hotPages: capacity.cdnHotPages.value, edgeLocations: capacity.cdnEdgeLocations.value },
  histogramReadsPerSecond: capacity.histogramReadsPerSecond.value,
  friendsPerPlayer: reads.friendsPerPlayer,
  networkRttMs: capacity.networkRttMs.value,
};

const fmt = (f: SourcedFigure) => `${f.value.toLocaleString('en-US')} ${f.unit}`;
const figures: readonly SourcedFigure[] = Object.values(capacity);

/** Where the room's numbers come from, for the screen and the exports: one line per source. */
export const costAssumptions: readonly string[] = [
  `Redis: ZADD ${costMicros.zadd} µs, ZREVRANK ${costMicros.zrevrank} µs, top-10 page ${costMicros.zrevrangeTop10} µs, plus ${practiceCosts.redis.overheadMicros.toFixed(1)} µs around every call (from ${benchmarkZrevrankPerSecond.toLocaleString('en-US')} calls/s measured); ${memory.bytesPerMember} B per member. From the design ledger.`,
  `Kafka: ${writePath.eventBytes} B per event, ${writePath.kafkaReplicas} replicas; a consumer applies ${practiceCosts.consumerEventsPerSecond} events/s (the ledger's ${operations.replayEventsPerSecond.toLocaleString('en-US')}/s replay over ${writePath.kafkaPartitions} partitions).`,
  ...figures
    .filter((f) => f.source !== 'assumed')
    .map((f) => `${f.label}: ${fmt(f)} (${f.source}: ${f.basis}).`),
  `Assumed, not measured (design ledger, "capacity"): ${figures
    .filter((f) => f.source === 'assumed')
    .map((f) => `${f.label} ${fmt(f)}`)
    .join('; ')}.`,
];
