import { describe, expect, it } from 'vitest';
import { applyFlowCommand, createFlowState, tickFlow } from '@/lib/flow/simulation';
import {
  diagramCanvas,
  diagramEdges,
  diagramNodeSize,
  diagramNodes,
  diagramStages,
  stageEdgeFor,
  stageGraph,
  stageNodeFor,
} from './flow-stages';
import { edgeTraffic } from '@/lib/flow/view';

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
    expect(three?.removedEdges).toContain('api->postgres');
    expect(four?.removedNodes).toEqual(['redis']);
    expect(four?.addedNodes).toContain('shard-router');
    expect(five?.addedNodes).toEqual([
      'topk-cache',
      'pg-replica',
      'board-regional',
      'board-friends',
      'board-guild',
    ]);
    const graph = stageGraph(4);
    expect(graph?.edges.find((e) => e.id === 'api->postgres')).toMatchObject({
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
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.y).toBeGreaterThanOrEqual(0);
        expect(n.x + width).toBeLessThanOrEqual(diagramCanvas.width);
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
