import type { SkipListLayout, TraceFrame } from '@/lib/engine/skip-list-layout';

/** Nodes drawn at most; the rest of a larger set is summarised as "+N". */
export const DRAWN = 64;

/**
 * Which way the list runs. `across`: the classic picture, one column per node and the
 * levels stacked upwards, for a frame at least ACROSS_FROM wide. `down`: one row per node
 * and the levels side by side, for a phone, where a dozen rows fit and a dozen columns do not.
 */
export type Orientation = 'across' | 'down';

/** Frame width (px) from which the picture runs across: Tailwind's `@xl` container size. */
export const ACROSS_FROM = 576;

/** Geometry, in SVG units (px at scale 1). */
const ACROSS = { column: 46, row: 30, top: 16, labels: 44, pad: 8 } as const;
const DOWN = { row: 32, level: 40, labels: 84, top: 8, pad: 8 } as const;
/** A box per node and level. */
const BOX = { width: 24, height: 20 } as const;

const levelsOf = (layout: SkipListLayout) => Math.max(layout.levels, 4);

/** The drawing's size in SVG units for a layout. */
export function drawingSize(
  layout: SkipListLayout,
  orientation: Orientation,
): { width: number; height: number } {
  const levels = levelsOf(layout);
  return orientation === 'across'
    ? {
        width: layout.columns * ACROSS.column + 2 * ACROSS.pad,
        height: ACROSS.top + levels * ACROSS.row + ACROSS.labels,
      }
    : {
        width: DOWN.labels + levels * DOWN.level + DOWN.pad,
        height: DOWN.top + layout.columns * DOWN.row + DOWN.pad,
      };
}

/**
 * Where node column `column` lies along the list's own axis (x across, y down), in SVG
 * units: the extent of its boxes, which the view keeps in sight.
 */
export function columnExtent(column: number, orientation: Orientation): [number, number] {
  const centre =
    orientation === 'across'
      ? ACROSS.pad + column * ACROSS.column + ACROSS.column / 2
      : DOWN.top + column * DOWN.row + DOWN.row / 2;
  const half = (orientation === 'across' ? BOX.width : BOX.height) / 2;
  return [centre - half, centre + half];
}

/**
 * The skip list as an SVG: one column (or row) per node, one box per level, forward
 * pointers with their spans, and a search step highlighted (`frame`). Pure drawing from
 * engine data, so the server draws the placeholder with it and the live picture redraws it
 * per step. `viewBox` picks the part shown; `width` and `height` its size on screen.
 */
export function SkipListDrawing({
  layout,
  length,
  frame,
  target,
  descId,
  orientation,
  width,
  height,
  viewBox,
  className = 'block',
}: {
  layout: SkipListLayout;
  /** Members in the set (the drawing shows the first DRAWN). */
  length: number;
  frame: TraceFrame | null;
  /** The member whose rank is traced, marked green. */
  target: string | null;
  descId: string;
  orientation: Orientation;
  /** Drawn size, px (default: the drawing's own size). */
  width?: number;
  height?: number;
  /** The part of the drawing shown, in SVG units (default: all of it). */
  viewBox?: string;
  className?: string;
}) {
  const levels = levelsOf(layout);
  const full = drawingSize(layout, orientation);
  const across = orientation === 'across';
  /** Centre of the box of (column, level). */
  const at = (column: number, level: number) => {
    const [a, b] = columnExtent(column, orientation);
    const along = (a + b) / 2;
    const up = across
      ? ACROSS.top + (levels - 1 - level) * ACROSS.row + ACROSS.row / 2
      : DOWN.labels + level * DOWN.level + DOWN.level / 2;
    return across ? { x: along, y: up } : { x: up, y: along };
  };
  /** Where a node's member and score are written. */
  const labelAt = (column: number) => {
    const { x, y } = at(column, 0);
    return across
      ? {
          member: { x, y: ACROSS.top + levels * ACROSS.row + 14, anchor: 'middle' as const },
          score: { x, y: ACROSS.top + levels * ACROSS.row + 30, anchor: 'middle' as const },
        }
      : {
          member: { x: DOWN.pad, y: y + 4, anchor: 'start' as const },
          score: { x: DOWN.labels - 10, y: y + 4, anchor: 'end' as const },
        };
  };
  const nil = labelAt(layout.columns - 1).member;
  return (
    <svg
      width={width ?? full.width}
      height={height ?? full.height}
      viewBox={viewBox ?? `0 0 ${full.width} ${full.height}`}
      role="img"
      aria-labelledby={descId}
      className={className}
      data-orientation={orientation}
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
        const from = at(edge.fromColumn, edge.level);
        const to = at(edge.toColumn, edge.level);
        const line = across
          ? { x1: from.x + BOX.width / 2, y1: from.y, x2: to.x - BOX.width / 2 - 2, y2: to.y }
          : { x1: from.x, y1: from.y + BOX.height / 2, x2: to.x, y2: to.y - BOX.height / 2 - 2 };
        const label = across
          ? { x: (line.x1 + line.x2) / 2, y: line.y1 - 5, anchor: 'middle' as const }
          : { x: line.x1 + 5, y: (line.y1 + line.y2) / 2 + 4, anchor: 'start' as const };
        return (
          <g key={edge.key}>
            <line
              {...line}
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
              x={label.x}
              y={label.y}
              textAnchor={label.anchor}
              className={`text-[10px] ${hot ? 'fill-accent-700 font-bold dark:fill-accent-300' : 'fill-zinc-500 dark:fill-zinc-400'}`}
            >
              {edge.span}
            </text>
          </g>
        );
      })}
      {layout.nodes.map((node) => {
        const isTarget = target !== null && node.member === target;
        const text = labelAt(node.column);
        return (
          <g key={node.id}>
            {Array.from({ length: node.height }, (_, level) => {
              const here = frame !== null && frame.at.node === node.id && frame.at.level === level;
              const box = at(node.column, level);
              return (
                <rect
                  key={level}
                  x={box.x - BOX.width / 2}
                  y={box.y - BOX.height / 2}
                  width={BOX.width}
                  height={BOX.height}
                  rx={4}
                  data-here={here ? '' : undefined}
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
              x={text.member.x}
              y={text.member.y}
              textAnchor={text.member.anchor}
              className="fill-zinc-800 text-[11px] font-semibold dark:fill-zinc-100"
            >
              {node.member ?? 'HEAD'}
            </text>
            <text
              x={text.score.x}
              y={text.score.y}
              textAnchor={text.score.anchor}
              className="fill-zinc-500 text-[10px] dark:fill-zinc-400"
            >
              {node.score ?? ''}
            </text>
          </g>
        );
      })}
      <text
        x={nil.x}
        y={nil.y}
        textAnchor={nil.anchor}
        className="fill-zinc-500 text-[11px] dark:fill-zinc-400"
      >
        {length > DRAWN ? `+${length - DRAWN}` : 'NIL'}
      </text>
    </svg>
  );
}
