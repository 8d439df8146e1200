import { describe, expect, it } from 'vitest';
import {
  anchorPoint,
  curvePath,
  edgeCurve,
  nodeInDirection,
  pointOnCurve,
  readingOrder,
} from '@/lib/flow/diagram-geometry';
import {
  diagramCanvas,
  diagramNodeSize,
  diagramNodes,
  diagramStages,
  guideLayout,
  stageGraph,
} from './flow-stages';

const inside = (p: { x: number; y: number }, id: string, margin: number): boolean => {
  const n = diagramNodes[id];
  if (!n) return false;
  return (
    p.x > n.x + margin &&
    p.x < n.x + diagramNodeSize.width - margin &&
    p.y > n.y + margin &&
    p.y < n.y + diagramNodeSize.height - margin
  );
};

describe('edge curves', () => {
  it('start and end on the boxes of their own nodes', () => {
    const c = edgeCurve(guideLayout, 'clients', 'api');
    expect(c).not.toBeNull();
    if (!c) return;
    expect(pointOnCurve(c, 0)).toEqual(anchorPoint(guideLayout, diagramNodes.clients!, 'right'));
    expect(pointOnCurve(c, 1)).toEqual(anchorPoint(guideLayout, diagramNodes.api!, 'left'));
    expect(curvePath(c)).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('is null for an unknown node', () => {
    expect(edgeCurve(guideLayout, 'clients', 'nowhere')).toBeNull();
  });

  // The picture is only readable if no edge runs through a box it does not connect.
  for (const stage of diagramStages) {
    it(`stage ${stage.number}: no edge passes through another node or leaves the canvas`, () => {
      const graph = stageGraph(stage.number);
      const problems: string[] = [];
      for (const e of graph?.edges ?? []) {
        const c = edgeCurve(guideLayout, e.source, e.target);
        if (!c) {
          problems.push(`${e.id}: no curve`);
          continue;
        }
        for (let i = 0; i <= 100; i++) {
          const p = pointOnCurve(c, i / 100);
          if (p.x < 0 || p.y < 0 || p.x > diagramCanvas.width || p.y > diagramCanvas.height) {
            problems.push(`${e.id}: leaves the canvas at t=${i / 100}`);
            break;
          }
          const hit = stage.nodes.find(
            (id) => id !== e.source && id !== e.target && inside(p, id, -4),
          );
          if (hit) {
            problems.push(`${e.id}: crosses ${hit} at t=${i / 100}`);
            break;
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('keeps every node inside the canvas', () => {
    for (const n of Object.values(diagramNodes)) {
      expect(n.x + diagramNodeSize.width).toBeLessThanOrEqual(diagramCanvas.width);
      expect(n.y + diagramNodeSize.height).toBeLessThanOrEqual(diagramCanvas.height);
    }
  });
});

describe('keyboard navigation', () => {
  const stage4 = diagramStages[3]!.nodes;

  it('moves along the flow with the arrow keys', () => {
    expect(nodeInDirection(guideLayout, stage4, 'clients', 'right')).toBe('api');
    expect(nodeInDirection(guideLayout, stage4, 'consumer-0', 'down')).toBe('consumer-1');
    expect(nodeInDirection(guideLayout, stage4, 'consumer-1', 'up')).toBe('consumer-0');
    expect(nodeInDirection(guideLayout, stage4, 'redis-shard-3', 'down')).toBe('redis-shard-2');
    expect(nodeInDirection(guideLayout, stage4, 'shard-router', 'right')).not.toBeNull();
  });

  it('returns null at an edge of the picture and ignores nodes of other stages', () => {
    expect(nodeInDirection(guideLayout, stage4, 'clients', 'left')).toBeNull();
    expect(nodeInDirection(guideLayout, diagramStages[0]!.nodes, 'api', 'right')).toBe('redis');
  });

  it('orders nodes column by column', () => {
    const order = readingOrder(guideLayout, stage4);
    expect(order[0]).toBe('clients');
    expect(order[1]).toBe('api');
    expect(order.indexOf('consumer-0')).toBeLessThan(order.indexOf('consumer-1'));
    expect(order).toHaveLength(stage4.length);
  });
});
