import type { Topology } from '@/lib/flow/topology';
import type { CostTable } from './capacity';
import type { Load, Requirements } from './variant';

/** Fixtures the practice model's tests share: the guide's load and requirements. */

/**
 * Fixed costs, so these tests do not move when the ledger does (tests of the room's real
 * figures use `practiceCosts` from content/practice/costs.ts).
 */
export const costs: CostTable = {
  redis: {
    zaddMicros: 6.2,
    zrevrankMicros: 3.7,
    topPageMicros: 2.2,
    pointMicros: 3.7,
    perMemberMicros: 0.4,
    overheadMicros: 7.4,
    bytesPerMember: 102,
    rangeSkew: 1.4,
  },
  kafka: { eventBytes: 200, replicas: 3, eventsPerPartitionPerSecond: 50_000, produceMs: 5 },
  consumerEventsPerSecond: 781,
  postgres: { writesPerSecond: 50_000, cores: 16, rankReadMs: 2000, topPageMs: 1 },
  api: { requestsPerSecond: 2900, serviceMs: 0.5 },
  loadBalancerRequestsPerSecond: 100_000,
  cdn: { hotPages: 100, edgeLocations: 50 },
  histogramReadsPerSecond: 200_000,
  friendsPerPlayer: 200,
  networkRttMs: 0.25,
};
export const load: Load = {
  players: 100_000_000,
  dailyActives: 20_000_000,
  peakWritesPerSecond: 12_000,
  peakReadsPerSecond: 58_000,
  readMix: { sharedPages: 0.6, ownRank: 0.3, friendBoards: 0.1 },
  boardWritesPerUpdate: 6,
  boardBytes: 46e9,
  updatesPerDay: 200_000_000,
};
export const requirements: Requirements = {
  freshnessSeconds: 5,
  readP99Ms: 5,
  exactRank: { top: 10_000 },
  memoryHeadroom: 0.7,
};

/** The smallest design that runs: clients → API → one Redis, no log, no source of truth. */
export const naiveTopology: Topology = {
  nodes: [
    { id: 'clients', kind: 'clients' },
    { id: 'api', kind: 'api' },
    { id: 'redis', kind: 'redis' },
  ],
  edges: [
    { source: 'clients', target: 'api', flow: 'read-write' },
    { source: 'api', target: 'redis', flow: 'read-write' },
  ],
};
