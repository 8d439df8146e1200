'use client';

import '@xyflow/react/dist/base.css';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  Handle,
  Position,
} from '@xyflow/react';
import { memo, useCallback, useMemo, type KeyboardEvent } from 'react';
import {
  nodeInDirection,
  readingOrder,
  type DiagramLayout,
  type Direction,
  type Point,
  componentSpecs,
  paramOf,
  type ComponentKind,
  type Topology,
  type TopologyIssue,
  type TopologyNode,
} from '@/lib/flow';
import type { CapacityResult, NodeCapacity } from '@/lib/practice/capacity';

export const NODE_SIZE = { width: 190, height: 76 } as const;

const stripe: Record<ComponentKind, string> = {
  clients: 'bg-zinc-400',
  cdn: 'bg-cyan-500',
  'load-balancer': 'bg-sky-400',
  api: 'bg-sky-600',
  kafka: 'bg-amber-500',
  consumers: 'bg-violet-500',
  postgres: 'bg-emerald-600',
  'pg-replica': 'bg-emerald-400',
  redis: 'bg-rose-500',
  'shard-router': 'bg-indigo-500',
  'topk-cache': 'bg-pink-400',
  histogram: 'bg-lime-500',
  board: 'bg-rose-300',
};

const flowColour: Record<string, string> = {
  write: '#2563eb',
  read: '#059669',
  'read-write': '#0284c7',
  replication: '#71717a',
  recovery: '#d97706',
};

/** The parameters that matter most on a node, in a few words for its box. */
export function paramSummary(n: TopologyNode): string {
  switch (n.kind) {
    case 'api':
    case 'load-balancer':
      return `${paramOf(n, 'instances')} instances`;
    case 'kafka':
      return `${paramOf(n, 'partitions')} partitions · ${paramOf(n, 'retentionHours')} h`;
    case 'consumers':
      return `${paramOf(n, 'consumers')} consumers${paramOf(n, 'idempotent') ? ' · versioned' : ''}`;
    case 'redis': {
      const mode = paramOf(n, 'mode');
      return mode === 'cluster'
        ? `${paramOf(n, 'shards')} ${paramOf(n, 'sharding')} shards${paramOf(n, 'replicated') ? ' + replicas' : ''}`
        : `${mode} · ${paramOf(n, 'memoryGb')} GB`;
    }
    case 'postgres':
      return `${paramOf(n, 'replicas')} replica${paramOf(n, 'replicas') === 1 ? '' : 's'}`;
    case 'topk-cache':
    case 'cdn':
      return `TTL ${paramOf(n, 'ttlSeconds')} s`;
    case 'histogram':
      return `${paramOf(n, 'buckets').toLocaleString('en-US')} buckets`;
    default:
      return componentSpecs[n.kind].label;
  }
}

const pct = (x: number) => (x >= 10 ? '>999%' : `${Math.round(x * 100)}%`);
const msText = (x: number) =>
  Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : '∞';

/** One line of capacity numbers for a node's box. */
export function capacityLine(c: NodeCapacity): string {
  const parts = [`${pct(c.utilisation)} busy`];
  if (c.p99Ms > 0) parts.push(`p99 ${msText(c.p99Ms)}`);
  if (c.memoryBytes !== null && c.memoryLimitBytes)
    parts.push(`${Math.round((c.memoryBytes / c.memoryLimitBytes) * 100)}% mem`);
  if (c.backlogPerSecond > 0)
    parts.push(`+${Math.round(c.backlogPerSecond).toLocaleString('en-US')}/s backlog`);
  return parts.join(' · ');
}

interface DesignNodeData extends Record<string, unknown> {
  node: TopologyNode;
  issues: readonly TopologyIssue[];
  capacity: NodeCapacity | null;
  bottleneck: boolean;
  selected: boolean;
  tabbable: boolean;
  reference: boolean;
  /** Arrows leave at the bottom and enter at the top (a top-to-bottom layout). */
  vertical: boolean;
  onSelect: (id: string) => void;
  onKey: (id: string, event: KeyboardEvent<HTMLButtonElement>) => void;
}
type DesignNode = Node<DesignNodeData, 'design'>;

const hidden = '!pointer-events-none !opacity-0';

const DesignNodeView = memo(function DesignNodeView({ data }: NodeProps<DesignNode>) {
  const { node, issues, capacity, bottleneck, selected, tabbable } = data;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const hot = bottleneck && capacity && capacity.utilisation >= 0.5;
  return (
    <>
      <Handle
        type="target"
        position={data.vertical ? Position.Top : Position.Left}
        isConnectable={false}
        className={hidden}
      />
      <button
        type="button"
        data-design-node={node.id}
        data-reference={data.reference ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        aria-pressed={selected}
        aria-label={`${componentSpecs[node.kind].label} ${node.id}: ${paramSummary(node)}${errors.length ? `. ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.message).join(' ')}` : ''}${capacity ? `. ${capacityLine(capacity)}` : ''}${hot ? '. Bottleneck.' : ''}`}
        onClick={() => data.onSelect(node.id)}
        onKeyDown={(e) => data.onKey(node.id, e)}
        style={{ width: NODE_SIZE.width, minHeight: NODE_SIZE.height }}
        className={`relative flex flex-col justify-center rounded-xl border-2 bg-white py-2 pr-2 pl-4 text-left shadow-sm focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-zinc-800 ${
          errors.length
            ? 'border-rose-500 dark:border-rose-400'
            : selected
              ? 'border-accent-600 dark:border-accent-400'
              : data.reference
                ? 'border-dashed border-zinc-400 dark:border-zinc-500'
                : 'border-zinc-300 dark:border-zinc-600'
        } ${hot ? 'shadow-[0_0_0_6px_rgba(245,158,11,0.45)] dark:shadow-[0_0_0_6px_rgba(251,191,36,0.4)]' : ''}`}
      >
        <span
          aria-hidden="true"
          className={`absolute top-2 bottom-2 left-1.5 w-1 rounded ${stripe[node.kind]}`}
        />
        <span className="truncate text-sm leading-tight font-semibold text-zinc-900 dark:text-zinc-50">
          {componentSpecs[node.kind].label}
        </span>
        <span className="truncate text-xs text-zinc-600 dark:text-zinc-300">
          {node.id} · {paramSummary(node)}
        </span>
        {capacity ? (
          <span
            className={`truncate text-xs font-medium tabular-nums ${capacity.utilisation >= 1 ? 'text-rose-700 dark:text-rose-300' : capacity.utilisation >= 0.7 ? 'text-amber-700 dark:text-amber-300' : 'text-emerald-700 dark:text-emerald-300'}`}
            data-capacity={node.id}
          >
            {capacityLine(capacity)}
          </span>
        ) : null}
        {hot ? (
          <span className="absolute -top-3 right-2 rounded-full bg-amber-500 px-2 text-[11px] leading-5 font-bold text-zinc-950">
            bottleneck
          </span>
        ) : null}
        {errors.length ? (
          <span
            className="mt-1 line-clamp-2 text-xs leading-tight text-rose-700 dark:text-rose-300"
            data-node-error={node.id}
          >
            {errors[0]?.message}
          </span>
        ) : warnings.length ? (
          <span className="mt-1 line-clamp-2 text-xs leading-tight text-amber-700 dark:text-amber-300">
            {warnings[0]?.message}
          </span>
        ) : null}
      </button>
      <Handle
        type="source"
        position={data.vertical ? Position.Bottom : Position.Right}
        isConnectable={false}
        className={hidden}
      />
    </>
  );
});

const nodeTypes = { design: DesignNodeView };

const arrowKeys: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export interface DesignCanvasProps {
  topology: Topology;
  positions: Readonly<Record<string, Point>>;
  issues?: readonly TopologyIssue[];
  capacity?: CapacityResult | null;
  selected?: string | null;
  onSelect?: (id: string | null) => void;
  /** Removes a node (keyboard Delete); absent when the canvas is view-only. */
  onDelete?: (id: string) => void;
  /** A node was dragged to a new place. */
  onMove?: (id: string, at: Point) => void;
  /** A second design drawn to the right, dashed (the reference in the review). */
  beside?: {
    topology: Topology;
    positions: Readonly<Record<string, Point>>;
    capacity?: CapacityResult | null;
  } | null;
  label: string;
  descriptionId: string;
  height?: string;
  /** Changing it fits the view again (after a tidy layout). */
  layoutKey?: number;
}

/**
 * The design canvas: the candidate's components as buttons on a React Flow surface. Tab
 * reaches one node, the arrow keys move between nodes, Enter selects, Delete removes; adding,
 * connecting and parameters are in the panel beside it, so everything works without a mouse.
 */
export const DesignCanvas = memo(function DesignCanvas(p: DesignCanvasProps) {
  const offset = useMemo(() => {
    const xs = Object.values(p.positions).map((q) => q.x);
    return (xs.length ? Math.max(...xs) : 0) + NODE_SIZE.width + 200;
  }, [p.positions]);
  const layout: DiagramLayout = useMemo(
    () => ({ canvas: { width: 4000, height: 3000 }, nodeSize: NODE_SIZE, positions: p.positions }),
    [p.positions],
  );
  const order = useMemo(
    () =>
      readingOrder(
        layout,
        p.topology.nodes.map((n) => n.id),
      ),
    [layout, p.topology],
  );
  const tabStop = p.selected && order.includes(p.selected) ? p.selected : order[0];
  const { onSelect, onDelete } = p;

  const onKey = useCallback(
    (id: string, event: KeyboardEvent<HTMLButtonElement>) => {
      const dir = arrowKeys[event.key];
      let next: string | null = null;
      if (dir) next = nodeInDirection(layout, order, id, dir);
      else if (event.key === 'Home') next = order[0] ?? null;
      else if (event.key === 'End') next = order[order.length - 1] ?? null;
      else if ((event.key === 'Delete' || event.key === 'Backspace') && onDelete) {
        event.preventDefault();
        onDelete(id);
        return;
      } else if (event.key === 'Escape') {
        onSelect?.(null);
        return;
      } else return;
      event.preventDefault();
      if (!next) return;
      onSelect?.(next);
      const root = event.currentTarget.closest('.react-flow');
      root
        ?.querySelector<HTMLButtonElement>(`[data-design-node="${next}"]:not([data-reference])`)
        ?.focus();
    },
    [layout, order, onSelect, onDelete],
  );

  const issuesOf = useCallback(
    (id: string) => (p.issues ?? []).filter((i) => i.node === id),
    [p.issues],
  );
  const nodes: DesignNode[] = useMemo(() => {
    const at = Object.values(p.positions);
    const spread = (k: 'x' | 'y') =>
      at.length ? Math.max(...at.map((q) => q[k])) - Math.min(...at.map((q) => q[k])) : 0;
    const vertical = spread('y') > spread('x') * 1.2;
    const own = p.topology.nodes.map((n): DesignNode => ({
      id: n.id,
      type: 'design',
      position: p.positions[n.id] ?? { x: 0, y: 0 },
      draggable: !!p.onMove,
      selectable: false,
      data: {
        node: n,
        issues: issuesOf(n.id),
        capacity: p.capacity?.nodes[n.id] ?? null,
        bottleneck: p.capacity?.bottleneck === n.id,
        selected: p.selected === n.id,
        tabbable: tabStop === n.id,
        reference: false,
        vertical,
        onSelect: (id) => onSelect?.(id),
        onKey,
      },
    }));
    const ref = p.beside
      ? p.beside.topology.nodes.map((n): DesignNode => ({
          id: `ref:${n.id}`,
          type: 'design',
          position: {
            x: (p.beside?.positions[n.id]?.x ?? 0) + offset,
            y: p.beside?.positions[n.id]?.y ?? 0,
          },
          draggable: false,
          selectable: false,
          data: {
            node: n,
            issues: [],
            capacity: p.beside?.capacity?.nodes[n.id] ?? null,
            bottleneck: p.beside?.capacity?.bottleneck === n.id,
            selected: false,
            tabbable: false,
            reference: true,
            vertical: false,
            onSelect: () => {},
            onKey: () => {},
          },
        }))
      : [];
    return [...own, ...ref];
  }, [
    p.topology,
    p.positions,
    p.onMove,
    p.capacity,
    p.selected,
    p.beside,
    issuesOf,
    tabStop,
    onSelect,
    onKey,
    offset,
  ]);

  const edges: Edge[] = useMemo(() => {
    const make = (prefix: string, t: Topology): Edge[] =>
      t.edges.map((e) => ({
        id: `${prefix}${e.source}->${e.target}`,
        source: `${prefix}${e.source}`,
        target: `${prefix}${e.target}`,
        label: e.flow,
        focusable: false,
        selectable: false,
        style: {
          stroke: flowColour[e.flow],
          strokeWidth: 2,
          strokeDasharray: e.flow === 'replication' || e.flow === 'recovery' ? '6 5' : undefined,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: flowColour[e.flow] },
        labelStyle: { fontSize: 11 },
        labelBgPadding: [3, 1] as [number, number],
      }));
    return [...make('', p.topology), ...(p.beside ? make('ref:', p.beside.topology) : [])];
  }, [p.topology, p.beside]);

  return (
    <div
      className={`relative w-full overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950 ${p.height ?? 'h-[32rem]'}`}
      role="group"
      aria-label={p.label}
      aria-describedby={p.descriptionId}
    >
      {p.beside ? (
        <p className="pointer-events-none absolute top-2 right-3 z-10 rounded bg-white/90 px-2 text-xs font-semibold text-zinc-700 dark:bg-zinc-900/90 dark:text-zinc-200">
          Yours on the left · the reference, dashed, on the right
        </p>
      ) : null}
      <ReactFlow<DesignNode, Edge>
        key={`${p.topology.nodes.length}:${p.beside ? 'b' : ''}:${p.layoutKey ?? 0}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        disableKeyboardA11y
        onNodeClick={(_, n) => (n.id.startsWith('ref:') ? undefined : onSelect?.(n.id))}
        onNodeDragStop={(_, n) =>
          p.onMove?.(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) })
        }
        onPaneClick={() => onSelect?.(null)}
        proOptions={{ hideAttribution: false }}
        className="[&_.react-flow\_\_attribution]:!bg-white/80 dark:[&_.react-flow\_\_attribution]:!bg-zinc-900/80 [&_.react-flow\_\_attribution_a]:!text-zinc-700 dark:[&_.react-flow\_\_attribution_a]:!text-zinc-300 [&_.react-flow\_\_edge-text]:fill-zinc-700 dark:[&_.react-flow\_\_edge-text]:fill-zinc-200 [&_.react-flow\_\_edge-textbg]:fill-white dark:[&_.react-flow\_\_edge-textbg]:fill-zinc-900"
      >
        <Background gap={24} size={1} />
        <Controls
          showInteractive={false}
          className="[&_button]:!bg-white dark:[&_button]:!bg-zinc-800 [&_button]:!border-zinc-300 dark:[&_button]:!border-zinc-600 dark:[&_svg]:!fill-zinc-200"
        />
      </ReactFlow>
    </div>
  );
});

/**
 * Lays a design out with dagre (layered, edges as ranks), loaded on demand: left to right or
 * top to bottom, whichever fits a canvas of `aspect` (width ÷ height) at the larger scale.
 * @returns a position for every node.
 */
export async function tidyLayout(topology: Topology, aspect = 1.5): Promise<Record<string, Point>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const layout = (rankdir: 'LR' | 'TB') => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({
      rankdir,
      nodesep: 36,
      ranksep: rankdir === 'LR' ? 70 : 50,
      marginx: 20,
      marginy: 20,
    });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of topology.nodes)
      g.setNode(n.id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
    for (const e of topology.edges) {
      if (e.flow === 'replication' || e.flow === 'recovery') continue;
      g.setEdge(e.source, e.target);
    }
    dagre.layout(g);
    const out: Record<string, Point> = {};
    for (const n of topology.nodes) {
      const at = g.node(n.id);
      out[n.id] = at
        ? { x: Math.round(at.x - NODE_SIZE.width / 2), y: Math.round(at.y - NODE_SIZE.height / 2) }
        : { x: 0, y: 0 };
    }
    const xs = Object.values(out).map((p) => p.x);
    const ys = Object.values(out).map((p) => p.y);
    const w = Math.max(0, ...xs) - Math.min(0, ...xs) + NODE_SIZE.width;
    const h = Math.max(0, ...ys) - Math.min(0, ...ys) + NODE_SIZE.height;
    // The scale at which the drawing fits a canvas of this aspect (height 1).
    return { out, scale: Math.min(aspect / w, 1 / h) };
  };
  const lr = layout('LR');
  const tb = layout('TB');
  return (tb.scale > lr.scale * 1.1 ? tb : lr).out;
}
