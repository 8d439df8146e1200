import type { SkipListSnapshot, TraceHop } from './skip-list';

/**
 * Geometry for drawing a skip-list snapshot: one column per node (the header first),
 * one row per level, and an arrow per forward pointer with its span. Pure data, so the
 * picture widget only maps it to SVG, and tests can check it without a browser.
 */

export interface LayoutNode {
  readonly id: number;
  readonly column: number;
  readonly member: string | null;
  readonly score: number | null;
  readonly height: number;
}

export interface LayoutEdge {
  readonly fromColumn: number;
  /** Column of the target, or `columns` when it points past the drawn nodes (or to NIL). */
  readonly toColumn: number;
  readonly level: number;
  readonly span: number;
  /** The target is beyond the last drawn node. */
  readonly offscreen: boolean;
  readonly key: string;
}

export interface SkipListLayout {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  readonly levels: number;
  /** Columns drawn, the NIL column included. */
  readonly columns: number;
}

/** Lays out a snapshot. O(nodes × levels). */
export function layoutSkipList(snapshot: SkipListSnapshot): SkipListLayout {
  const columnOf = new Map<number, number>();
  snapshot.nodes.forEach((node, i) => columnOf.set(node.id, i));
  const nilColumn = snapshot.nodes.length;
  const nodes = snapshot.nodes.map((node, column) => ({
    id: node.id,
    column,
    member: node.member,
    score: node.score,
    height: node.levels.length,
  }));
  const edges: LayoutEdge[] = [];
  snapshot.nodes.forEach((node, column) => {
    node.levels.forEach((level, i) => {
      const target = level.forward === 0 ? undefined : columnOf.get(level.forward);
      edges.push({
        fromColumn: column,
        toColumn: target ?? nilColumn,
        level: i,
        span: level.span,
        offscreen: level.forward !== 0 && target === undefined,
        key: `${node.id}:${i}`,
      });
    });
  });
  return { nodes, edges, levels: Math.max(1, snapshot.level), columns: nilColumn + 1 };
}

export interface TraceFrame {
  /** Hops taken so far (the first `step` of the trace). */
  readonly step: number;
  /** Keys of the edges crossed so far (`nodeId:level`). */
  readonly crossed: ReadonlySet<string>;
  /** Where the search stands: node id and level. */
  readonly at: { readonly node: number; readonly level: number };
  /** Forward hops so far, and the running rank they add up to. */
  readonly forwardHops: number;
  readonly rank: number;
  /** A sentence describing the last hop, for the live region and the text alternative. */
  readonly narration: string;
}

/**
 * The state of a search after `step` hops of `hops`, for stepping forward and back.
 * `label` names a node id for the narration. O(step).
 */
export function traceFrame(
  hops: readonly TraceHop[],
  step: number,
  label: (id: number) => string,
): TraceFrame {
  const clamped = Math.max(0, Math.min(step, hops.length));
  const crossed = new Set<string>();
  let forwardHops = 0;
  let rank = 0;
  let at = { node: 0, level: hops[0]?.level ?? 0 };
  let narration = 'Start at the header, on the top level.';
  for (let i = 0; i < clamped; i++) {
    const hop = hops[i];
    if (!hop) break;
    if (hop.kind === 'forward') {
      crossed.add(`${hop.from}:${hop.level}`);
      forwardHops++;
      rank = hop.rank;
      narration = `Level ${hop.level + 1}: move from ${label(hop.from)} to ${label(hop.to)}, adding span ${hop.span}: ${label(hop.to)} is member ${hop.rank} counting from the lowest score.`;
    } else {
      narration = `The next node on level ${hop.level + 2} would overshoot: drop to level ${hop.level + 1} at ${label(hop.from)}.`;
    }
    rank = hop.rank;
    at = { node: hop.to, level: hop.level };
  }
  return { step: clamped, crossed, at, forwardHops, rank, narration };
}
