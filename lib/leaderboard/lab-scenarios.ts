import {
  ApproximateBoard,
  exactRanker,
  measureError,
  memoryComparison,
  populationProbes,
  syntheticPopulation,
  type ErrorStats,
} from './approximate';
import { paginationUnderChurn } from './churn';
import { CostLedger, type LedgerEntry } from './cost-ledger';
import { GlobalBoard } from './global-board';
import { HashShardedBoard } from './hash-sharded';
import { ScoreHistogram, type BucketKind } from './histogram';
import { RangeShardedBoard, evenBoundaries } from './range-sharded';
import type { KeyLayout, RedisLike } from './redis-like';
import { loadPairs, sortByScore } from './bulk-load';
import { FriendBoards } from './social';
import { createFriendGraph, createMatchStream, createWorld, type ScoreDistribution } from './world';

/**
 * The lab's scenarios: each loads a seeded world into a backend, runs a
 * stream of operations one at a time, and reports throughput, latency
 * percentiles, rank error and the cost ledger. Pure (no Node APIs): the
 * lab runner (scripts/lab.ts) drives them in Node against the engine, a
 * redis-server or a cluster, and a playground can drive them in a worker.
 */

export const SCENARIOS = {
  global: 'one sorted set: keep-best submits, every 4th op a rank (the baseline)',
  sharding:
    'range shards: each op a submit (one set too), every 4th a rank (local + higher shards), every 10th a top-10; then a rebalance',
  hash: 'hash shards: same mix; scatter-gather top-10 and ranks by ZCOUNT over every shard',
  approx: 'histogram ranks against exact ranks (error and memory), exact head of 100',
  approx100m: 'histogram-only population of --players (default 100M): rank estimates and error',
  fanout: 'friend boards: fan-out on read vs write vs hybrid, write amplification and read cost',
  churn: 'offset vs cursor pages while scores change between pages',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** Options shared by every scenario. */
export interface LabOptions {
  seed: number;
  players: number;
  /** Operations to time after loading. */
  ops: number;
  shards: number;
  distribution: ScoreDistribution;
  buckets: number;
  bucketKind: BucketKind;
  /** Key layout for sharded boards on a cluster. */
  layout?: KeyLayout;
  /** Key prefix (a hash tag is added per design). Default 'lab'. */
  prefix?: string;
  /** Progress: may await (to yield) or throw (to cancel). */
  onProgress?: (phase: string, done: number, total: number) => void | Promise<void>;
}

/** What a scenario measured. Plain data. */
export interface LabReport {
  scenario: ScenarioName;
  players: number;
  loadMs: number;
  ops: number;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Rank error against exact ranks (zero for the exact designs), or null when not measured. */
  rankError: ErrorStats | null;
  /** Scenario-specific numbers (shard sizes, write amplification, memory…). */
  extra: Record<string, number | string>;
  ledger: LedgerEntry[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** p-quantile of a sample (sorted in place). */
function quantile(xs: Float64Array, q: number): number {
  xs.sort();
  return xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0;
}

/** Times `count` calls of `op(i)` one after another. */
async function timeOps(
  count: number,
  op: (i: number) => Promise<unknown>,
  progress: LabOptions['onProgress'],
): Promise<{ opsPerSec: number; p50Ms: number; p99Ms: number }> {
  const lat = new Float64Array(count);
  const t0 = now();
  const step = Math.max(1, Math.floor(count / 50));
  for (let i = 0; i < count; i++) {
    const t = now();
    await op(i);
    lat[i] = now() - t;
    if (progress && (i % step === step - 1 || i === count - 1))
      await progress('operations', i + 1, count);
  }
  const total = now() - t0;
  return {
    opsPerSec: count / (total / 1000 || 1e-9),
    p50Ms: quantile(lat, 0.5),
    p99Ms: quantile(lat, 0.99),
  };
}

/** Exact ordinal ranks must match exactly; summarise |diff| as an ErrorStats. */
function exactness(diffs: number[], exact: number[]): ErrorStats {
  const scores = diffs.map((_, i) => i);
  return measureError(
    scores,
    (i) => exact[i]! + diffs[i]!,
    (i) => exact[i]!,
  );
}

/**
 * Runs one scenario on `client` and returns its report. Creates keys under
 * `prefix` and deletes them at the end. O(players log players + ops · cost
 * of the design's operation).
 */
export async function runScenario(
  name: ScenarioName,
  client: RedisLike,
  options: LabOptions,
): Promise<LabReport> {
  const { seed, players, ops, onProgress } = options;
  const prefix = options.prefix ?? 'lab';
  const ledger = new CostLedger();
  const report = (r: Omit<LabReport, 'scenario' | 'players' | 'ledger'>): LabReport => ({
    scenario: name,
    players,
    ledger: ledger.snapshot(),
    ...r,
  });

  if (name === 'approx100m') {
    const t = now();
    const pop = syntheticPopulation({
      players,
      distribution: options.distribution,
      maxScore: 1_000_000,
      kind: options.bucketKind,
      buckets: options.buckets,
    });
    const loadMs = now() - t;
    const probes = populationProbes(options.distribution, 1_000_000, Math.max(1, ops));
    let sink = 0;
    const timing = await timeOps(
      probes.length,
      async (i) => {
        sink += pop.histogram.estimateRank(probes[i]!);
      },
      onProgress,
    );
    const t2 = now();
    for (let i = 0; i < probes.length; i++) sink += pop.histogram.estimateRank(probes[i]!);
    const usPerRank = ((now() - t2) * 1000) / probes.length;
    const err = measureError(
      probes,
      (s) => pop.histogram.estimateRank(s),
      pop.exactRank,
      (s) => pop.histogram.errorBound(s),
    );
    return report({
      loadMs,
      ops: probes.length,
      ...timing,
      rankError: err,
      extra: {
        usPerRank: Number(usPerRank.toFixed(3)),
        histogramBytes: pop.histogram.bytes,
        exactBytes: memoryComparison(players, pop.histogram, 0).exactBytes,
        checksum: sink > 0 ? 1 : 0,
      },
    });
  }

  const world = createWorld({ seed, players, distribution: options.distribution });
  const stream = createMatchStream({ seed, players });
  const load = (phase: string) => (done: number, total: number) => onProgress?.(phase, done, total);

  if (name === 'global' || name === 'sharding' || name === 'hash') {
    const oracle = new GlobalBoard(client, { key: `{${prefix}}:global`, mode: 'best', ledger });
    const t = now();
    // The one-set oracle (and baseline) is loaded in Redis order for speed.
    const order = sortByScore(world.scores, world.id);
    for (let s = 0; s < players; s += 50_000) {
      const idx = order.subarray(s, Math.min(players, s + 50_000));
      await loadPairs(
        client,
        oracle.key,
        Array.from(idx, (i) => world.scores[i]!),
        Array.from(idx, (i) => world.id(i)),
        players,
      );
      await onProgress?.('loading one set', Math.min(players, s + 50_000), players);
    }
    let loadMs = now() - t;
    const extra: Record<string, number | string> = { oneSetLoadMs: Math.round(loadMs) };
    let design: RangeShardedBoard | HashShardedBoard | null = null;
    if (name === 'sharding') {
      design = new RangeShardedBoard(client, {
        name: prefix,
        boundaries: evenBoundaries(options.shards, world.maxScore),
        mode: 'best',
        layout: options.layout ?? 'one-slot',
        ledger,
      });
    } else if (name === 'hash') {
      design = new HashShardedBoard(client, {
        name: prefix,
        shards: options.shards,
        mode: 'best',
        layout: options.layout ?? 'spread',
        ledger,
      });
    }
    if (design) {
      const t2 = now();
      await design.loadPlayers(
        world.id,
        world.scores,
        load(`loading ${options.shards} shards`),
        25_000,
        order,
      );
      loadMs = now() - t2;
    }
    let moved = 0;
    const timing = await timeOps(
      ops,
      async (i) => {
        const r = stream();
        const id = world.id(r.player);
        const score = Math.min(world.maxScore, world.scores[r.player]! + r.points * 100);
        world.scores[r.player] = Math.max(world.scores[r.player]!, score);
        await oracle.submit(id, score);
        if (design) {
          const res = await design.submit(id, score);
          if ('moved' in res.result && res.result.moved) moved++;
          if (i % 4 === 0) await design.rank(id);
          if (i % 50 === 0) await design.topK(10);
        } else if (i % 4 === 0) await oracle.rank(id);
      },
      onProgress,
    );
    // Rank error: sampled players, the design's rank against the one set's.
    const diffs: number[] = [];
    const exact: number[] = [];
    if (design) {
      for (let j = 0; j < 200; j++) {
        const id = world.id(Math.floor((j * players) / 200));
        const e = (await oracle.rank(id)).result;
        const d = (await design.rank(id)).result;
        if (e && d) {
          diffs.push(d.rank - e.rank);
          exact.push(e.rank);
        }
      }
      const stats = await design.stats();
      extra.shardSizes = stats.map((s) => s.size).join(' ');
      extra.shardLoad = stats.map((s) => s.load).join(' ');
      if (design instanceof RangeShardedBoard) {
        extra.boundaryMoves = moved;
        const rb = await design.rebalance();
        extra.rebalanceMoved = rb.result.moved;
        extra.shardSizesAfterRebalance = rb.result.sizesAfter.join(' ');
      }
      await design.clear();
    }
    await client.del(oracle.key);
    return report({
      loadMs,
      ops,
      ...timing,
      rankError: design ? exactness(diffs, exact) : null,
      extra,
    });
  }

  if (name === 'approx') {
    const h = new ScoreHistogram({
      kind: options.bucketKind,
      buckets: options.buckets,
      min: 0,
      max: world.maxScore,
      sample: world.scores,
    });
    const approx = new ApproximateBoard(client, {
      histogram: h,
      headSize: 100,
      key: `{${prefix}}:head`,
      ledger,
    });
    const t = now();
    for (let i = 0; i < players; i++) h.add(world.scores[i]!);
    const order = sortByScore(world.scores, world.id);
    const head = Array.from(order.subarray(Math.max(0, players - 100)))
      .reverse()
      .map((i) => ({ member: world.id(i), score: world.scores[i]! }));
    await approx.seedHead(head);
    const loadMs = now() - t;
    const timing = await timeOps(
      ops,
      async () => {
        const r = stream();
        const old = world.scores[r.player]!;
        const score = Math.min(world.maxScore, old + r.points * 100);
        world.scores[r.player] = score;
        await approx.submit(
          world.id(r.player),
          old,
          score,
          head[head.length - 1]?.score ?? -Infinity,
        );
        await approx.rank(world.id(r.player), score);
      },
      onProgress,
    );
    const exact = exactRanker(world.scores);
    // The design answers exactly inside the head (top 100) and from the histogram below it.
    const designRank = (s: number) => (exact(s) <= 100 ? exact(s) : h.estimateRank(s));
    const err = measureError(world.scores, designRank, exact, (s) => h.errorBound(s));
    const histogramOnly = measureError(world.scores, (s) => h.estimateRank(s), exact);
    const mem = memoryComparison(players, h, 100);
    await client.del(approx.key);
    return report({
      loadMs,
      ops,
      ...timing,
      rankError: err,
      extra: {
        exactBytes: mem.exactBytes,
        approximateBytes: mem.approximateBytes,
        histogramBytes: mem.histogramBytes,
        histogramOnlyMaxRel: Number(histogramOnly.maxRel.toFixed(4)),
      },
    });
  }

  if (name === 'fanout') {
    const graphPlayers = Math.min(players, 20_000);
    const graph = createFriendGraph({
      seed,
      players: graphPlayers,
      meanFollows: 20,
      celebrities: 3,
      celebrityReach: 0.2,
    });
    const extra: Record<string, number | string> = { graphPlayers, edges: graph.edges };
    const t = now();
    const boards = (['read', 'write', 'hybrid'] as const).map(
      (mode) =>
        new FriendBoards(client, graph, world.id, {
          mode,
          name: `${prefix}:${mode}`,
          ledger,
          celebrityFollowers: 500,
        }),
    );
    for (const b of boards) await b.load(world.scores, load(`loading feeds (${b.mode})`));
    const loadMs = now() - t;
    const timing = await timeOps(
      ops,
      async (i) => {
        const r = stream();
        const p = r.player % graphPlayers;
        for (const b of boards) await b.submit(p, world.scores[p]! + r.points);
        for (const b of boards) await b.board((i * 7919) % graphPlayers, 10);
      },
      onProgress,
    );
    for (const b of boards) {
      const w = ledger.entry(`friends:${b.mode}:submit`);
      const rd = ledger.entry(`friends:${b.mode}:read`);
      extra[`${b.mode}.writeAmplification`] = Number(
        (w.total.membersWritten / Math.max(1, w.count)).toFixed(2),
      );
      extra[`${b.mode}.readScanned`] = Number(
        (rd.total.membersScanned / Math.max(1, rd.count)).toFixed(2),
      );
      const storm = await b.submit(0, 1);
      extra[`${b.mode}.celebrityWrites`] = storm.cost.membersWritten;
    }
    for (const b of boards) await b.clear();
    return report({ loadMs, ops, ...timing, rankError: null, extra });
  }

  // churn
  const t = now();
  const result = await paginationUnderChurn(client, {
    seed,
    players: Math.min(players, 5000),
    pageSize: 20,
    changesPerPage: 10,
    key: `{${prefix}}:churn`,
    ledger,
  });
  const ms = now() - t;
  await client.del(`{${prefix}}:churn`);
  return {
    ...report({
      loadMs: 0,
      ops: result.pages.length,
      opsPerSec: result.pages.length / (ms / 1000 || 1e-9),
      p50Ms: ms / Math.max(1, result.pages.length),
      p99Ms: ms / Math.max(1, result.pages.length),
      rankError: null,
      extra: {
        offsetRepeated: result.offset.repeated,
        offsetSkipped: result.offset.skipped,
        offsetUnchangedRepeated: result.offset.unchangedRepeated,
        offsetUnchangedSkipped: result.offset.unchangedSkipped,
        cursorRepeated: result.cursor.repeated,
        cursorSkipped: result.cursor.skipped,
        cursorUnchangedRepeated: result.cursor.unchangedRepeated,
        cursorUnchangedSkipped: result.cursor.unchangedSkipped,
      },
    }),
    players: result.players,
  };
}
