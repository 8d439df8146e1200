import { describe, expect, it } from 'vitest';
import {
  addComponent,
  connect,
  emptyHistory,
  moveComponent,
  nextNodeId,
  recordEdit,
  removeArrow,
  removeComponent,
  setParam,
  stepHistory,
  UNDO_DEPTH,
  type Design,
} from './design-edit';
import { describeEstimate, checkEstimate } from './estimates';
import { runTally, summariseRun } from './attempt';
import { compareRuns } from './review';
import { capacityRows, formatMs } from './capacity';
import { runDesign } from './run';
import { costs, load, naiveTopology, requirements } from './test-support';

const empty: Design = { topology: { nodes: [], edges: [] }, positions: {} };

describe('design editing', () => {
  it('names new components by kind and numbers repeats', () => {
    let d = empty;
    const ids: string[] = [];
    for (const kind of ['kafka', 'kafka', 'load-balancer', 'kafka'] as const) {
      const added = addComponent(d, kind);
      d = added.design;
      ids.push(added.id);
    }
    expect(ids).toEqual(['kafka', 'kafka-2', 'lb', 'kafka-3']);
    expect(nextNodeId(d.topology, 'load-balancer')).toBe('lb-2');
    // A 5-wide grid: the fourth component sits in the fourth column of the first row.
    expect(d.positions['kafka-3']).toEqual({ x: 720, y: 0 });
  });

  it('removes a component with its arrows, and replaces an arrow drawn twice', () => {
    let d = addComponent(
      addComponent(addComponent(empty, 'api').design, 'kafka').design,
      'redis',
    ).design;
    d = connect(d, 'api', 'kafka', 'write');
    d = connect(d, 'kafka', 'redis', 'write');
    d = connect(d, 'api', 'kafka', 'read-write');
    expect(connect(d, 'api', 'api', 'write')).toBe(d);
    expect(d.topology.edges).toEqual([
      { source: 'kafka', target: 'redis', flow: 'write' },
      { source: 'api', target: 'kafka', flow: 'read-write' },
    ]);
    expect(removeArrow(d, 'kafka', 'redis').topology.edges).toHaveLength(1);
    const gone = removeComponent(d, 'kafka');
    expect(gone.topology.nodes.map((n) => n.id)).toEqual(['api', 'redis']);
    expect(gone.topology.edges).toEqual([]);
    expect(Object.keys(gone.positions)).toEqual(['api', 'redis']);
    expect(moveComponent(d, 'api', { x: 5, y: 6 }).positions.api).toEqual({ x: 5, y: 6 });
    const p = setParam(d, 'kafka', 'partitions', 999_999);
    expect(p.topology.nodes.find((n) => n.id === 'kafka')?.params).toEqual({
      partitions: 999_999,
    });
  });

  it('undoes and redoes in order, forgets redo after an edit, and keeps at most UNDO_DEPTH', () => {
    const a = addComponent(empty, 'api').design;
    const b = addComponent(a, 'kafka').design;
    let h = recordEdit(recordEdit(emptyHistory, empty), a);
    const back = stepHistory(h, b, 'undo');
    expect(back?.design).toBe(a);
    const again = stepHistory(back!.history, a, 'redo');
    expect(again?.design).toBe(b);
    expect(stepHistory(emptyHistory, b, 'undo')).toBeNull();
    expect(stepHistory(emptyHistory, b, 'redo')).toBeNull();
    expect(recordEdit(back!.history, a).future).toEqual([]);
    for (let i = 0; i < UNDO_DEPTH + 20; i++) h = recordEdit(h, a);
    expect(h.past).toHaveLength(UNDO_DEPTH);
  });
});

describe('result text', () => {
  it('words a graded estimate', () => {
    expect(describeEstimate(checkEstimate(14_400, 12_000), 12_000)).toBe(
      'Good (1.2× the worked 12,000)',
    );
    expect(describeEstimate(checkEstimate(600, 12_000), 12_000)).toBe(
      'Wrong (0.05× the worked 12,000)',
    );
    expect(describeEstimate(null, 12_000)).toBe('No figure given (worked: 12,000)');
  });

  it('formats latencies, including a saturated one', () => {
    expect(formatMs(0.4219)).toBe('0.42 ms');
    expect(formatMs(1204.4)).toBe('1,204 ms');
    expect(formatMs(Infinity)).toBe('unbounded');
  });

  it('tabulates a run and compares it with the reference, check by check', () => {
    const result = runDesign({ topology: naiveTopology, load, requirements, costs, seed: 7 });
    expect(result.capacity).not.toBeNull();
    const rows = capacityRows(result.capacity!);
    expect(rows.map((r) => r.id)).toEqual(['api', 'redis']); // clients carry no load of their own
    expect(rows.filter((r) => r.bottleneck).map((r) => r.id)).toEqual(
      result.capacity!.bottleneck ? [result.capacity!.bottleneck] : [],
    );
    const summary = summariseRun(result, 1);
    const ran = summary.drills.filter((d) => !d.skipped);
    expect(runTally(summary)).toBe(
      `${summary.requirements.filter((r) => r.passed).length}/${summary.requirements.length} checks, ${ran.filter((d) => d.passed).length}/${ran.length} drills survived`,
    );
    expect(runTally(null)).toBe('not run');
    const compared = compareRuns(summary, result);
    expect(compared).toHaveLength(result.requirements.length + result.drills.length);
    expect(compared.every((r) => r.yours === r.reference)).toBe(true);
    expect(compareRuns(null, result).every((r) => r.yours === 'not run')).toBe(true);
  });
});
