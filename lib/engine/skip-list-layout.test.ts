import { describe, expect, it } from 'vitest';
import { SkipList, seededRandom16 } from './skip-list';
import { layoutSkipList, traceFrame } from './skip-list-layout';

function build(n: number) {
  const list = new SkipList({ random16: seededRandom16(42) });
  for (let i = 0; i < n; i++) list.insert(i * 10, `m${String(i).padStart(2, '0')}`);
  return list;
}

describe('layoutSkipList', () => {
  it('draws one column per node plus NIL and an edge per level of each node', () => {
    const list = build(20);
    const snapshot = list.snapshot();
    const layout = layoutSkipList(snapshot);
    expect(layout.columns).toBe(22);
    const pointers = snapshot.nodes.reduce((sum, node) => sum + node.levels.length, 0);
    expect(layout.edges).toHaveLength(pointers);
    for (const edge of layout.edges) {
      expect(edge.toColumn).toBeGreaterThan(edge.fromColumn);
      if (edge.toColumn < 21) expect(edge.toColumn - edge.fromColumn).toBe(edge.span);
    }
  });

  it('marks pointers past the drawn nodes as offscreen', () => {
    const layout = layoutSkipList(build(200).snapshot(10));
    expect(layout.edges.some((e) => e.offscreen)).toBe(true);
    expect(layout.columns).toBe(12);
  });
});

describe('traceFrame', () => {
  it('adds spans up to the rank the trace reports', () => {
    const list = build(50);
    const trace = list.traceRank('m23');
    if (!trace) throw new Error('m23 is in the list');
    const end = traceFrame(trace.hops, trace.hops.length, (id) => `#${id}`);
    expect(end.rank).toBe(trace.rank);
    expect(end.rank).toBe(24);
    expect(end.forwardHops).toBe(trace.forwardHops);
    expect(traceFrame(trace.hops, 0, String).crossed.size).toBe(0);
    expect(traceFrame(trace.hops, 999, String).step).toBe(trace.hops.length);
  });
});
