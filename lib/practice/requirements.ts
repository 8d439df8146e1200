/**
 * Requirement checks on a run: each passes or fails with the reason, in the candidate's
 * numbers. Freshness, read latency and memory come from the capacity pass; exact rank from
 * where rank reads are answered; durability from what a single node's death would lose.
 */
import { componentSpecs, type SimPlan, type Topology } from '@/lib/flow/topology';
import type { CapacityResult } from './capacity';
import type { Requirements } from './variant';

export type RequirementId = 'freshness' | 'read-latency' | 'exact-rank' | 'durability' | 'memory';

export interface RequirementCheck {
  readonly id: RequirementId;
  readonly title: string;
  readonly passed: boolean;
  readonly reason: string;
  /** Nodes the reason is about (to highlight). */
  readonly nodes: readonly string[];
}

const ms = (x: number) =>
  Number.isFinite(x)
    ? `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms`
    : 'unbounded';
const gb = (b: number) => `${(b / 1e9).toFixed(1)} GB`;

/**
 * What each single component's death would lose for good, per the design's structure.
 * @returns node id → a sentence, only for components whose loss loses acknowledged scores.
 * O(nodes).
 */
export function singleFailureLosses(topology: Topology, plan: SimPlan): Record<string, string> {
  const out: Record<string, string> = {};
  const sources = plan.truth !== null || plan.log !== null;
  for (const id of new Set(plan.shards)) {
    if (!sources) {
      out[id] = plan.replicatedShards
        ? 'its replica is promoted without the writes still in flight, and nothing holds them'
        : 'every score on it: nothing else holds the board';
    }
  }
  if (plan.truth && plan.truthReplicas > 0 && !plan.log) {
    out[plan.truth] =
      'a promoted replica lacks the last committed rows, and the API wrote them nowhere else';
  }
  return out;
}

/**
 * The requirement checks for one run.
 * @returns one check per requirement, in a fixed order. O(nodes).
 */
export function checkRequirements(
  topology: Topology,
  plan: SimPlan,
  capacity: CapacityResult,
  requirements: Requirements,
): RequirementCheck[] {
  const checks: RequirementCheck[] = [];
  const nodes = Object.values(capacity.nodes);
  const label = (id: string) => {
    const n = topology.nodes.find((x) => x.id === id);
    return n ? `${componentSpecs[n.kind].label} (${id})` : id;
  };

  const behind = nodes.filter((n) => n.backlogPerSecond > 0);
  const writeNodes = new Set([
    plan.writeApi,
    plan.log,
    ...plan.consumers,
    plan.truth,
    ...plan.shards,
    ...plan.writeFront,
  ]);
  const writeBehind = behind.filter((n) => writeNodes.has(n.id));
  const limitS = requirements.freshnessSeconds;
  checks.push(
    writeBehind.length
      ? {
          id: 'freshness',
          title: `Scores show within ${limitS} s`,
          passed: false,
          reason: `${writeBehind.map((n) => `${label(n.id)} falls behind by ${Math.round(n.backlogPerSecond).toLocaleString('en-US')}/s`).join('; ')}: after 60 s of peak a score is ${capacity.freshnessAfter60s.toFixed(0)} s late, and later every second.`,
          nodes: writeBehind.map((n) => n.id),
        }
      : {
          id: 'freshness',
          title: `Scores show within ${limitS} s`,
          passed: capacity.writePathP99Ms <= limitS * 1000,
          reason: `Nothing on the write path backs up; a score reaches the board in about ${ms(capacity.writePathP99Ms)} at p99.`,
          nodes: [],
        },
  );

  const readP99 = capacity.rankReadP99Ms;
  checks.push({
    id: 'read-latency',
    title: `Rank reads under ${requirements.readP99Ms} ms at p99`,
    passed: readP99 <= requirements.readP99Ms,
    reason:
      capacity.rankSource === 'none'
        ? 'No store answers a rank read.'
        : capacity.rankSource === 'postgres'
          ? `Ranks come from PostgreSQL: counting the higher scores takes about ${ms(readP99)} at p99.`
          : `A rank read takes about ${ms(readP99)} at p99 (${capacity.rankSource === 'histogram' ? 'a histogram estimate' : 'Redis'}).`,
    nodes: capacity.rankSource === 'postgres' && plan.truth ? [plan.truth] : [],
  });

  const exact = requirements.exactRank;
  const exactNeeded =
    exact === 'all'
      ? 'every player'
      : exact === 'approximate'
        ? null
        : `the top ${exact.top.toLocaleString('en-US')}`;
  const rankSource = capacity.rankSource;
  const exactOk =
    exactNeeded === null ||
    rankSource === 'postgres' ||
    (rankSource === 'redis' && plan.shards.length > 0);
  checks.push({
    id: 'exact-rank',
    title: exactNeeded ? `Exact rank for ${exactNeeded}` : 'Approximate rank is enough',
    passed: exactOk,
    reason:
      exactNeeded === null
        ? 'The prompt accepts an approximate rank.'
        : exactOk
          ? rankSource === 'postgres'
            ? 'PostgreSQL computes exact ranks (slowly: see the read latency).'
            : `A sorted set holds ${exact === 'all' ? 'every player' : 'the head'} and answers exact ranks.`
          : rankSource === 'histogram'
            ? `Only a histogram answers rank reads: its ranks are estimates, but ${exactNeeded} need an exact rank.`
            : 'No sorted set answers rank reads.',
    nodes: [],
  });

  const losses = singleFailureLosses(topology, plan);
  const lossIds = Object.keys(losses);
  checks.push({
    id: 'durability',
    title: 'No single failure loses an acknowledged score',
    passed: lossIds.length === 0,
    reason: lossIds.length
      ? lossIds.map((id) => `if ${label(id)} dies: ${losses[id]}`).join('; ') + '.'
      : `Every score is kept ${[plan.truth ? 'in PostgreSQL' : null, plan.log ? 'in the Kafka log (within retention)' : null].filter(Boolean).join(' and ')}, so any single store can be rebuilt.`,
    nodes: lossIds,
  });

  const share = requirements.memoryHeadroom;
  const full = nodes.filter(
    (n) =>
      n.memoryBytes !== null &&
      n.memoryLimitBytes !== null &&
      n.memoryBytes > n.memoryLimitBytes * share,
  );
  const fullest = nodes
    .filter((n) => n.memoryBytes !== null && n.memoryLimitBytes)
    .sort(
      (a, b) =>
        (b.memoryBytes ?? 0) / (b.memoryLimitBytes ?? 1) -
        (a.memoryBytes ?? 0) / (a.memoryLimitBytes ?? 1),
    )[0];
  checks.push({
    id: 'memory',
    title: `Redis data under ${Math.round(share * 100)}% of memory`,
    passed: full.length === 0 && fullest !== undefined,
    reason: !fullest
      ? 'The design keeps no board in Redis.'
      : full.length
        ? full
            .map(
              (n) =>
                `${label(n.id)} holds ${gb(n.memoryBytes ?? 0)} on a ${gb(n.memoryLimitBytes ?? 0)} instance (${Math.round(((n.memoryBytes ?? 0) / (n.memoryLimitBytes ?? 1)) * 100)}%)`,
            )
            .join('; ') + ': no room for a fork’s copy-on-write or growth.'
        : `The fullest instance holds ${gb(fullest.memoryBytes ?? 0)} of ${gb(fullest.memoryLimitBytes ?? 0)} (${Math.round(((fullest.memoryBytes ?? 0) / (fullest.memoryLimitBytes ?? 1)) * 100)}%).`,
    nodes: full.map((n) => n.id),
  });
  return checks;
}
