import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFlowCommand, createFlowState, tickFlow } from '@/lib/flow/simulation';
import {
  diagramCanvas,
  diagramEdges,
  diagramNodeSize,
  diagramNodes,
  diagramStages,
  modelShards,
  stageEdgeFor,
  stageGraph,
  stageNodeFor,
  stageTopology,
} from './flow-stages';
import { FlowController } from '@/lib/flow/controller';
import { edgeTraffic, readFlowView as flowView } from '@/lib/flow/view';
import { rangeShards, reads, scale, sharding } from './design-ledger';

const SLUGS = [
  'sorted-sets',
  'write-path',
  'reads',
  'sharding',
  'approximate-ranking',
  'social-boards',
  'operations',
];

describe('diagram stages', () => {
  it('has five stages, numbered, each described in plain text', () => {
    expect(diagramStages.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    for (const s of diagramStages) {
      expect(s.description.length).toBeGreaterThan(200);
      expect(s.description).not.toMatch(/[<>{}]/);
    }
  });

  it('only references nodes and edges that exist, and edges join nodes of the same stage', () => {
    for (const s of diagramStages) {
      for (const id of s.nodes) expect(diagramNodes[id], id).toBeDefined();
      for (const id of s.edges) {
        const e = diagramEdges[id];
        expect(e, id).toBeDefined();
        expect(s.nodes).toContain(e?.source);
        expect(s.nodes).toContain(e?.target);
        expect(e?.id).toBe(`${e?.source}->${e?.target}`);
      }
      expect(new Set(s.nodes).size).toBe(s.nodes.length);
      expect(new Set(s.edges).size).toBe(s.edges.length);
    }
  });

  it('every defined node and edge appears in some stage', () => {
    const nodes = new Set(diagramStages.flatMap((s) => s.nodes));
    const edges = new Set(diagramStages.flatMap((s) => s.edges));
    expect([...nodes].sort()).toEqual(Object.keys(diagramNodes).sort());
    expect([...edges].sort()).toEqual(Object.keys(diagramEdges).sort());
  });

  it('records what each stage adds and removes', () => {
    const [one, two, three, four, five] = diagramStages;
    expect(one?.addedNodes).toEqual(['clients', 'api', 'redis']);
    expect(two?.addedNodes).toEqual(['postgres']);
    expect(three?.addedNodes).toEqual(['kafka', 'consumer-0', 'consumer-1', 'consumer-2']);
    // Stage 3 keeps stage 2's arrows (API → Redis becomes a read) and adds the outbox relay.
    expect(three?.removedEdges).toEqual([]);
    expect(three?.addedEdges).toContain('postgres->kafka');
    expect(four?.removedNodes).toEqual(['redis']);
    expect(four?.addedNodes).toContain('shard-router');
    expect(four?.addedNodes).toContain('histogram');
    expect(five?.addedNodes).toEqual([
      'topk-cache',
      'pg-replica',
      'board-regional',
      'board-friends',
      'board-guild',
    ]);
    const graph = stageGraph(4);
    expect(graph?.edges.find((e) => e.id === 'api->postgres')).toMatchObject({
      kind: 'write',
      label: 'result + outbox row',
      added: false,
    });
    expect(graph?.edges.find((e) => e.id === 'api->histogram')).toMatchObject({
      kind: 'read',
      added: true,
    });
    expect(stageGraph(0)).toBeNull();
    expect(stageGraph(6)).toBeNull();
  });

  it('lays nodes out on one canvas without overlaps, within the canvas', () => {
    const { width, height } = diagramNodeSize;
    for (const s of diagramStages) {
      const nodes = s.nodes.map((id) => diagramNodes[id]!);
      for (const n of nodes) {
        // A margin on both sides: a node at x 0 touched the card's edge.
        expect(n.x).toBeGreaterThanOrEqual(10);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.x + width).toBeLessThanOrEqual(diagramCanvas.width - 10);
        expect(n.y + height).toBeLessThanOrEqual(diagramCanvas.height);
      }
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b) continue;
          const apart =
            a.x + width <= b.x || b.x + width <= a.x || a.y + height <= b.y || b.y + height <= a.y;
          expect(apart, `${a.id} overlaps ${b.id} in stage ${s.number}`).toBe(true);
        }
      }
    }
  });

  it('gives every node a panel with figures, a trade-off and a guide link', () => {
    for (const n of Object.values(diagramNodes)) {
      expect(n.panel.role.length).toBeGreaterThan(40);
      expect(n.panel.figures.length).toBeGreaterThan(0);
      expect(n.panel.tradeOff.length).toBeGreaterThan(40);
      expect(n.panel.links.length).toBeGreaterThan(0);
      for (const link of n.panel.links) {
        expect(SLUGS.map((s) => `/leaderboard-design/${s}/`)).toContain(link.href);
      }
    }
    const used = new Set(
      Object.values(diagramNodes).flatMap((n) => n.panel.links.map((l) => l.href)),
    );
    expect(used.size).toBe(SLUGS.length);
  });

  it('quotes the canonical figures', () => {
    const text = JSON.stringify(diagramNodes);
    for (const figure of ['100M', '20M', '12k', '58k', '102 B', '10 GB', '3.7 µs']) {
      expect(text).toContain(figure);
    }
  });

  it('has an edge in stage 4 for every edge the simulation animates', () => {
    const s = createFlowState({ seed: 4 });
    const seen = new Set<string>();
    const collect = () => Object.keys(edgeTraffic(s)).forEach((e) => seen.add(e));
    for (let t = 1; t <= 200; t++) {
      tickFlow(s);
      collect();
      if (t === 20) applyFlowCommand(s, { type: 'kill-shard', shard: 3 });
      if (t === 40) applyFlowCommand(s, { type: 'rebuild-shard', shard: 3, source: 'kafka' });
      if (t === 80) applyFlowCommand(s, { type: 'kill-shard', shard: 0 });
      if (t === 90) applyFlowCommand(s, { type: 'rebuild-shard', shard: 0, source: 'postgres' });
    }
    const stage4 = diagramStages[3]?.edges ?? [];
    expect(seen.size).toBeGreaterThan(15);
    for (const e of seen) expect(stage4, e).toContain(e);
  });
});

describe('projecting the simulation onto earlier stages', () => {
  it('maps simulated hops onto the edges each stage draws', () => {
    expect(stageEdgeFor(4, 'consumer-1', 'shard-router')).toBe('consumer-1->shard-router');
    expect(stageEdgeFor(3, 'consumer-1', 'shard-router')).toBe('consumer-1->redis');
    expect(stageEdgeFor(3, 'shard-router', 'redis-shard-2')).toBeNull();
    expect(stageEdgeFor(2, 'consumer-0', 'postgres')).toBe('api->postgres');
    expect(stageEdgeFor(2, 'api', 'kafka')).toBeNull();
    expect(stageEdgeFor(1, 'consumer-2', 'shard-router')).toBe('api->redis');
    expect(stageEdgeFor(1, 'consumer-2', 'postgres')).toBeNull();
    expect(stageNodeFor(1, 'redis-shard-3')).toBe('redis');
    expect(stageNodeFor(5, 'redis-shard-3')).toBe('redis-shard-3');
    expect(stageNodeFor(9, 'api')).toBeNull();
  });

  it('every write the simulation makes reaches Redis on every stage', () => {
    for (let stage = 1; stage <= 5; stage++) {
      const writes = stage < 3 ? ['clients->api', 'api->redis'] : [];
      for (const e of writes) expect(diagramStages[stage - 1]?.edges).toContain(e);
      expect(stageEdgeFor(stage, 'clients', 'api')).toBe('clients->api');
      const redis = stage < 4 ? 'redis' : 'shard-router';
      const writer = stage < 3 ? 'api' : 'consumer-0';
      expect(stageEdgeFor(stage, 'consumer-0', 'shard-router')).toBe(`${writer}->${redis}`);
    }
  });
});

/** The widget's default seed: the pinned claims are about what a reader sees first. */
const SEED = 7;
const page = (slug: string) =>
  readFileSync(join(__dirname, 'leaderboard-design', `${slug}.mdx`), 'utf8');
/** A stage's diagram after `ticks` ticks of its default run. */
const simulate = (stage: number, ticks: number) => {
  const c = new FlowController({ config: { seed: SEED }, topology: stageTopology(stage)! });
  for (let i = 0; i < ticks; i++) c.step();
  return c;
};

/*
 * Pinned: what the seeded diagrams on write-path.mdx (stage 3) and sharding.mdx (stage 4)
 * show, with the widget's default seed (7). The guide states one design: PostgreSQL first,
 * a transactional outbox relayed to Kafka, consumers that write only Redis, and a lost
 * shard's band answered from the histogram, never from PostgreSQL (DESIGN-DECISIONS 11, 17).
 */
describe('what the seeded stage 3 and 4 diagrams show', () => {
  it('stage 3 draws PostgreSQL → outbox relay → Kafka, and consumers that write only Redis', () => {
    const graph = stageGraph(3)!;
    const drawn = Object.fromEntries(graph.edges.map((e) => [e.id, e]));
    expect(drawn['api->postgres']).toMatchObject({ kind: 'write', label: 'result + outbox row' });
    expect(drawn['postgres->kafka']).toMatchObject({ kind: 'outbox', label: 'outbox relay' });
    expect(drawn['api->redis']).toMatchObject({ kind: 'read' });
    expect(graph.edges.filter((e) => e.target === 'kafka').map((e) => e.source)).toEqual([
      'postgres',
    ]);
    expect(graph.edges.filter((e) => e.target === 'postgres').map((e) => e.source)).toEqual([
      'api',
    ]);
    // The text says the same, and no longer apologises for a different model.
    expect(graph.stage.description).toMatch(/outbox row, in one transaction/);
    expect(graph.stage.description).not.toMatch(/instead|Either way|this model .* lets the API/i);
    expect(page('write-path')).not.toMatch(/simplifies one thing/);
  });

  it('stage 3 runs that path: every event crosses PostgreSQL before Kafka, and Redis matches', () => {
    const c = simulate(3, 40);
    const traffic = edgeTraffic(c.state);
    const sent = traffic['api->postgres'] ?? 0;
    expect(sent).toBeGreaterThan(0);
    expect(traffic['postgres->kafka']).toBe(sent);
    expect(traffic['api->kafka']).toBeUndefined();
    for (const consumer of ['consumer-0', 'consumer-1', 'consumer-2']) {
      expect(traffic[`${consumer}->postgres`], consumer).toBeUndefined();
    }
    // Drained, Redis holds exactly PostgreSQL's totals.
    c.setEventRate(0);
    for (let i = 0; i < 200; i++) c.step();
    const s = c.state;
    for (let p = 0; p < s.config.players; p++) {
      expect(s.shards[0]?.score[p] ?? 0).toBe(s.postgres.score[p] ?? 0);
    }
  });

  it('stage 4: a dead top shard leaves other bands exact and estimates its own from the histogram', () => {
    const c = simulate(4, 20);
    const before = c.state.totals.aroundMe.served;
    applyFlowCommand(c.state, { type: 'kill-shard', shard: 3 });
    let toHistogram = 0;
    let toPostgres = 0;
    for (let i = 0; i < 20; i++) {
      c.step();
      const traffic = edgeTraffic(c.state);
      toHistogram += traffic['api->histogram'] ?? 0;
      toPostgres += traffic['api->postgres'] ?? 0;
    }
    const { aroundMe, topK } = c.state.totals;
    expect(aroundMe.served).toBeGreaterThan(before);
    expect(aroundMe.fallback).toBeGreaterThan(0);
    expect(aroundMe.failed).toBe(0);
    expect(topK.fallback).toBe(0);
    // The histogram answered; PostgreSQL saw only the API's writes (one per score event).
    expect(toHistogram).toBe(aroundMe.fallback);
    expect(toPostgres).toBe(20 * 50); // 20 ticks of 100 ms at 500 events/s
    expect(page('sharding')).toMatch(/approximate rank from the \[histogram\]/);
  });
});

/*
 * Pinned: the small top shard (DESIGN-DECISIONS 5, 6, 17) and the top-K cache (operations.mdx,
 * "Serving while you rebuild") as the seeded stage 4 and 5 diagrams run them, seed 7.
 */
describe('what the seeded stage 4 and 5 diagrams show: a small top shard, a top-K cache', () => {
  const run = simulate;

  it('draws the ledger’s bands: the top shard is S1, the ones below merge whole ledger shards', () => {
    const floors = rangeShards.map((r) => r.minScore);
    for (const m of modelShards) expect(floors).toContain(m.minScore);
    const top = modelShards[modelShards.length - 1]!;
    const s1 = rangeShards.find((r) => r.name === 'S1')!;
    expect(top).toMatchObject({ names: 'S1', minScore: s1.minScore, members: s1.members });
    expect(modelShards.reduce((sum, m) => sum + m.members, 0)).toBe(scale.registeredPlayers);
    expect(top.writeShare).toBe(sharding.topShardWriteShare);
    // Not equal quarters: the top band holds 1% of the players in the model too.
    const c = run(4, 0);
    const players = c.state.config.players;
    expect(c.state.shards.map((sh) => sh.size)).toEqual(
      modelShards.map((m) => Math.round((m.members / scale.registeredPlayers) * players)),
    );
    expect(c.state.shards.map((sh) => sh.lo)).toEqual(modelShards.map((m) => m.minScore));
    expect(diagramNodes['redis-shard-3']).toMatchObject({
      label: 'S1 · ≥ 250k',
      detail: 'Redis · 1M players (1%)',
    });
  });

  it('stage 4: the top shard is read-hot, and takes the smallest share of the writes', () => {
    const view = flowView(run(4, 100).state);
    const [top, ...below] = [...view.shards].reverse();
    for (const sh of below) {
      expect(top!.readShare).toBeGreaterThan(sh.readShare);
      expect(top!.writeShare).toBeLessThan(sh.writeShare);
    }
    expect(top!.readShare).toBeGreaterThan(0.5);
    expect(Math.round(top!.writeShare * 100)).toBe(Math.round(sharding.topShardWriteShare * 100));
    expect(page('sharding')).toMatch(
      /S1 takes about 15% of the writes, less than any shard below it, and most of the reads/,
    );
  });

  it('stage 4: the hot-shard drill passes on the small top shard, and fails on equal populations', () => {
    const c = run(4, 0);
    c.startDrill('hot-shard');
    const small = c.runDrillToEnd();
    expect(small?.passed, small?.details).toBe(true);
    const four = stageTopology(4)!;
    const equal = {
      ...four,
      nodes: four.nodes.map((n) => (n.kind === 'redis' ? { ...n, params: {} } : n)),
    };
    const e = new FlowController({ config: { seed: SEED }, topology: equal });
    e.startDrill('hot-shard');
    const naive = e.runDrillToEnd();
    expect(naive?.passed).toBe(false);
    const share = Number(/took (\d+)% of the shard writes/.exec(naive?.details ?? '')?.[1]);
    // "the top one would take the most writes, about a third"
    expect(share).toBeGreaterThanOrEqual(30);
    expect(share).toBeLessThanOrEqual(40);
    expect(page('sharding')).toMatch(/the top one would take the most writes, about a third/);
  });

  it('stage 5: the top-K cache answers top-K reads, refreshing once per TTL', () => {
    const c = run(5, 100);
    const cache = flowView(c.state).topKCache!;
    expect(cache).not.toBeNull();
    // 10 s of simulated time at a TTL of 1 s: one refresh per TTL, the rest hits.
    const ttl = reads.topKCacheTtlSeconds;
    expect(cache.refreshes).toBe((100 * c.state.config.tickMs) / 1000 / ttl);
    const topKPerTtl = (cache.hits + cache.refreshes) / cache.refreshes;
    expect(cache.hitRatio).toBeCloseTo(1 - 1 / topKPerTtl, 6);
    expect(cache.hitRatio).toBeGreaterThan(0.95);
    // The top shard now sees a few reads a second, not every top-K read.
    const view = flowView(c.state);
    expect(view.shards[3]!.readShare).toBeLessThan(0.1);
  });

  it('stage 5: while the top shard is lost the cache serves its last list, stale, until it is back', () => {
    for (const [stage, cached] of [
      [4, false],
      [5, true],
    ] as const) {
      const c = run(stage, 20);
      applyFlowCommand(c.state, { type: 'kill-shard', shard: 3 });
      for (let i = 0; i < 60; i++) c.step();
      const { topK } = c.state.totals;
      if (!cached) {
        // Without a cache, top-K reads that need the lost shard fail.
        expect(topK.failed).toBeGreaterThan(0);
        continue;
      }
      expect(topK.failed).toBe(0);
      expect(topK.fallback).toBeGreaterThan(0);
      const during = flowView(c.state).topKCache!;
      expect(during.serving).toBe('stale');
      expect(during.stale).toBe(topK.fallback);
      expect(during.ageMs).toBeGreaterThanOrEqual(60 * c.state.config.tickMs);
      // Rebuilt: the cache refreshes again and stops serving the stale list.
      applyFlowCommand(c.state, { type: 'restart-shard', shard: 3 });
      applyFlowCommand(c.state, { type: 'rebuild-shard', shard: 3, source: 'postgres' });
      for (let i = 0; i < 60; i++) c.step();
      const after = flowView(c.state).topKCache!;
      expect(c.state.shards[3]!.status).toBe('up');
      expect(after.serving).toBe('fresh');
      const stale = after.stale;
      for (let i = 0; i < 20; i++) c.step();
      expect(flowView(c.state).topKCache!.stale).toBe(stale);
      expect(c.state.totals.topK.failed).toBe(0);
    }
    // The chapter says the same.
    expect(page('operations')).toMatch(
      /top-K cache keeps serving the last good top list, marked with its age, until the shard serves again/,
    );
    expect(page('social-boards')).toMatch(
      /the cache keeps answering top-K reads with its last list, marked stale, until the shard is back/,
    );
    expect(diagramNodes['topk-cache']?.panel.role).toMatch(
      /keeps serving the last list it has, marked with its age, until the shard serves again/,
    );
  });
});
