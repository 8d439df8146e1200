/**
 * Editing a drawn design: each operation takes a design and returns a new one (designs are
 * immutable, so undo is a list of earlier designs), and an undo history of bounded length.
 * The practice room's canvas, inspector and keyboard all edit through these.
 */
import type {
  ComponentKind,
  ComponentParams,
  FlowKind,
  Point,
  Topology,
  TopologyNode,
} from '@/lib/flow';

/** A design as an attempt keeps it: the topology and where each component sits. */
export interface Design {
  readonly topology: Topology;
  readonly positions: Readonly<Record<string, Point>>;
}

/**
 * A unique id for a new component of a kind: "kafka", then "kafka-2", "kafka-3"…
 * (a load balancer is "lb"). O(nodes²) in the worst case; designs have ≤ 200 nodes.
 */
export function nextNodeId(t: Topology, kind: ComponentKind): string {
  const base = kind === 'load-balancer' ? 'lb' : kind;
  const taken = new Set(t.nodes.map((n) => n.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Adds a component with default parameters, placed in the next cell of a 5-wide grid.
 * @returns the design and the new component's id. O(nodes).
 */
export function addComponent(d: Design, kind: ComponentKind): { design: Design; id: string } {
  const id = nextNodeId(d.topology, kind);
  const count = d.topology.nodes.length;
  const at = { x: (count % 5) * 240, y: Math.floor(count / 5) * 130 };
  const node: TopologyNode = { id, kind };
  return {
    id,
    design: {
      topology: { ...d.topology, nodes: [...d.topology.nodes, node] },
      positions: { ...d.positions, [id]: at },
    },
  };
}

/** Removes a component and every arrow to or from it. O(nodes + edges). */
export function removeComponent(d: Design, id: string): Design {
  const { [id]: _gone, ...positions } = d.positions;
  return {
    topology: {
      nodes: d.topology.nodes.filter((n) => n.id !== id),
      edges: d.topology.edges.filter((e) => e.source !== id && e.target !== id),
    },
    positions,
  };
}

/** Moves a component on the canvas. O(nodes). */
export function moveComponent(d: Design, id: string, at: Point): Design {
  return { ...d, positions: { ...d.positions, [id]: at } };
}

/**
 * Draws an arrow, replacing any arrow already drawn from `source` to `target`; an arrow
 * from a component to itself is refused (the design comes back unchanged). O(edges).
 */
export function connect(d: Design, source: string, target: string, flow: FlowKind): Design {
  if (source === target) return d;
  const edges = d.topology.edges.filter((e) => !(e.source === source && e.target === target));
  return { ...d, topology: { ...d.topology, edges: [...edges, { source, target, flow }] } };
}

/** Removes the arrow from `source` to `target`. O(edges). */
export function removeArrow(d: Design, source: string, target: string): Design {
  return {
    ...d,
    topology: {
      ...d.topology,
      edges: d.topology.edges.filter((e) => !(e.source === source && e.target === target)),
    },
  };
}

/**
 * Sets one parameter of a component. The value is kept as given, out of range or not:
 * compileTopology reports a bad value on the component, where the reader can fix it.
 * O(nodes).
 */
export function setParam<K extends keyof ComponentParams>(
  d: Design,
  id: string,
  key: K,
  value: ComponentParams[K],
): Design {
  return {
    ...d,
    topology: {
      ...d.topology,
      nodes: d.topology.nodes.map((n) =>
        n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n,
      ),
    },
  };
}

/** Earlier designs (newest last) and undone ones (next first). */
export interface DesignHistory {
  readonly past: readonly Design[];
  readonly future: readonly Design[];
}

/** How many earlier designs undo keeps. */
export const UNDO_DEPTH = 100;

export const emptyHistory: DesignHistory = { past: [], future: [] };

/** The history after `current` is replaced by an edit: redo is forgotten. O(UNDO_DEPTH). */
export function recordEdit(h: DesignHistory, current: Design): DesignHistory {
  return { past: [...h.past.slice(-(UNDO_DEPTH - 1)), current], future: [] };
}

/**
 * One step back (`undo`) or forward (`redo`) from `current`.
 * @returns the design to show and the history after it, or null when there is nothing to
 * undo or redo. O(UNDO_DEPTH).
 */
export function stepHistory(
  h: DesignHistory,
  current: Design,
  direction: 'undo' | 'redo',
): { design: Design; history: DesignHistory } | null {
  if (direction === 'undo') {
    const design = h.past[h.past.length - 1];
    if (!design) return null;
    return { design, history: { past: h.past.slice(0, -1), future: [current, ...h.future] } };
  }
  const design = h.future[0];
  if (!design) return null;
  return { design, history: { past: [...h.past, current], future: h.future.slice(1) } };
}
