import type { SkipListLayout, TraceFrame } from '@/lib/engine/skip-list-layout';

/** Geometry of the drawing, in SVG units (px at scale 1). */
export const COLUMN = 66;
const ROW = 30;
const TOP = 16;
const LABELS = 44;
/** Nodes drawn at most; the rest of a larger set is summarised as "+N". */
export const DRAWN = 64;

/** The drawing's size in SVG units for a layout. */
export function drawingSize(layout: SkipListLayout): { width: number; height: number } {
  const levels = Math.max(layout.levels, 4);
  return { width: layout.columns * COLUMN + 16, height: TOP + levels * ROW + LABELS };
}

/** The x of a column's centre, in SVG units. */
export const columnX = (column: number) => 8 + column * COLUMN + COLUMN / 2;

/**
 * The skip list as an SVG: one column per node, one box per level, forward pointers with
 * their spans, and a search step highlighted (`frame`). Pure drawing from engine data, so
 * the server draws the placeholder with it and the live picture redraws it per step.
 */
export function SkipListDrawing({
  layout,
  length,
  frame,
  target,
  descId,
  width,
  height,
  viewBox,
}: {
  layout: SkipListLayout;
  /** Members in the set (the drawing shows the first DRAWN). */
  length: number;
  frame: TraceFrame | null;
  /** The member whose rank is traced, marked green. */
  target: string | null;
  descId: string;
  /** Drawn size, px. */
  width: number;
  height: number;
  /** The part of the drawing shown, in SVG units (default: all of it). */
  viewBox?: string;
}) {
  const levels = Math.max(layout.levels, 4);
  const full = drawingSize(layout);
  const yOf = (level: number) => TOP + (levels - 1 - level) * ROW + ROW / 2;
  const xOf = columnX;
  return (
    <svg
      width={width}
      height={height}
      viewBox={viewBox ?? `0 0 ${full.width} ${full.height}`}
      role="img"
      aria-labelledby={descId}
      className="block"
    >
      <desc id={descId}>
        {`A skip list of ${length} members in ascending score order with ${layout.levels} levels; the first ${Math.min(length, DRAWN)} are drawn.`}
      </desc>
      <defs>
        {(
          [
            [`${descId}-arrow`, 'fill-zinc-400 dark:fill-zinc-500'],
            [`${descId}-arrow-hot`, 'fill-accent-600 dark:fill-accent-400'],
          ] as const
        ).map(([markerId, fill]) => (
          <marker
            key={markerId}
            id={markerId}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" className={fill} />
          </marker>
        ))}
      </defs>
      {layout.edges.map((edge) => {
        const hot = frame?.crossed.has(edge.key) ?? false;
        const x1 = xOf(edge.fromColumn) + 12;
        const x2 = xOf(edge.toColumn) - 14;
        const y = yOf(edge.level);
        return (
          <g key={edge.key}>
            <line
              x1={x1}
              y1={y}
              x2={x2}
              y2={y}
              strokeWidth={hot ? 2.5 : 1.2}
              strokeDasharray={edge.offscreen ? '4 3' : undefined}
              markerEnd={`url(#${descId}-arrow${hot ? '-hot' : ''})`}
              className={
                hot
                  ? 'stroke-accent-600 dark:stroke-accent-400'
                  : 'stroke-zinc-300 dark:stroke-zinc-600'
              }
            />
            <text
              x={(x1 + x2) / 2}
              y={y - 5}
              textAnchor="middle"
              className={`text-[10px] ${hot ? 'fill-accent-700 font-bold dark:fill-accent-300' : 'fill-zinc-500 dark:fill-zinc-400'}`}
            >
              {edge.span}
            </text>
          </g>
        );
      })}
      {layout.nodes.map((node) => {
        const isTarget = target !== null && node.member === target;
        return (
          <g key={node.id}>
            {Array.from({ length: node.height }, (_, level) => {
              const here = frame !== null && frame.at.node === node.id && frame.at.level === level;
              return (
                <rect
                  key={level}
                  x={xOf(node.column) - 12}
                  y={yOf(level) - 10}
                  width={24}
                  height={20}
                  rx={4}
                  className={
                    here
                      ? 'fill-accent-600 stroke-accent-700 dark:fill-accent-400'
                      : isTarget
                        ? 'fill-emerald-100 stroke-emerald-600 dark:fill-emerald-400/20 dark:stroke-emerald-400'
                        : 'fill-zinc-100 stroke-zinc-400 dark:fill-zinc-800 dark:stroke-zinc-500'
                  }
                />
              );
            })}
            <text
              x={xOf(node.column)}
              y={TOP + levels * ROW + 14}
              textAnchor="middle"
              className="fill-zinc-800 text-[11px] font-semibold dark:fill-zinc-100"
            >
              {node.member ?? 'HEAD'}
            </text>
            <text
              x={xOf(node.column)}
              y={TOP + levels * ROW + 30}
              textAnchor="middle"
              className="fill-zinc-500 text-[10px] dark:fill-zinc-400"
            >
              {node.score ?? ''}
            </text>
          </g>
        );
      })}
      <text
        x={xOf(layout.columns - 1)}
        y={TOP + levels * ROW + 14}
        textAnchor="middle"
        className="fill-zinc-500 text-[11px] dark:fill-zinc-400"
      >
        {length > DRAWN ? `+${length - DRAWN}` : 'NIL'}
      </text>
    </svg>
  );
}
