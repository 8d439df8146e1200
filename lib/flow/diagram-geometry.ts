/**
 * Geometry of the architecture diagrams, shared by the static SVG placeholder and the live
 * React Flow canvas so both draw exactly the same picture: where each edge leaves and enters
 * its nodes, the cubic curve between them, points along it (for animated messages), and
 * which node the arrow keys move to.
 *
 * Every function takes a `DiagramLayout`: the canvas, the size of a node box, each node's
 * top-left corner and, optionally, hand-chosen routes for edges whose default would cross a
 * node. The guide's layout lives with its stages in `content/`; the practice room builds one
 * from a reader's canvas.
 */

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A cubic Bézier from `from` to `to` with control points `c1` and `c2`. */
export interface EdgeCurve {
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Where every node of a picture sits, in canvas units. */
export interface DiagramLayout {
  readonly canvas: Size;
  readonly nodeSize: Size;
  readonly positions: Readonly<Record<string, Point>>;
  /** Routes by edge id (`source->target`); other edges take the default route. */
  readonly routes?: Readonly<Record<string, RouteSpec>>;
}

export interface RouteSpec {
  /** Side of the source and where along it (0 = top/left end, 1 = bottom/right end). */
  readonly from: readonly [Side, number];
  readonly to: readonly [Side, number];
  /** How far the control points reach out from each end, along the side's normal. */
  readonly bend?: readonly [number, number];
}

const normals: Record<Side, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
};

/**
 * A point on one side of a node's box.
 * @returns canvas coordinates. O(1).
 */
export function anchorPoint(
  layout: Pick<DiagramLayout, 'nodeSize'>,
  node: Point,
  side: Side,
  at = 0.5,
): Point {
  const { width, height } = layout.nodeSize;
  switch (side) {
    case 'left':
      return { x: node.x, y: node.y + height * at };
    case 'right':
      return { x: node.x + width, y: node.y + height * at };
    case 'top':
      return { x: node.x + width * at, y: node.y };
    case 'bottom':
      return { x: node.x + width * at, y: node.y + height };
  }
}

/** The default route: out of the side facing the target, into the side facing the source. */
function defaultRoute(layout: DiagramLayout, a: Point, b: Point): RouteSpec {
  const { width, height } = layout.nodeSize;
  if (b.x >= a.x + width) return { from: ['right', 0.5], to: ['left', 0.5] };
  if (b.x + width <= a.x) return { from: ['left', 0.5], to: ['right', 0.5] };
  if (b.y >= a.y + height) return { from: ['bottom', 0.5], to: ['top', 0.5] };
  return { from: ['top', 0.5], to: ['bottom', 0.5] };
}

/**
 * The curve an edge is drawn along, from the source's anchor to the target's.
 * @returns null when either node is unknown. O(1).
 */
export function edgeCurve(layout: DiagramLayout, source: string, target: string): EdgeCurve | null {
  const a = layout.positions[source];
  const b = layout.positions[target];
  if (!a || !b) return null;
  const spec = layout.routes?.[`${source}->${target}`] ?? defaultRoute(layout, a, b);
  const from = anchorPoint(layout, a, spec.from[0], spec.from[1]);
  const to = anchorPoint(layout, b, spec.to[0], spec.to[1]);
  const na = normals[spec.from[0]];
  const nb = normals[spec.to[0]];
  // By default reach halfway along the axis the side faces, so S-curves stay smooth.
  const reach = (n: Point) =>
    Math.max(30, 0.5 * Math.abs(n.x !== 0 ? to.x - from.x : to.y - from.y));
  const [ka, kb] = spec.bend ?? [reach(na), reach(nb)];
  return {
    from,
    c1: { x: from.x + na.x * ka, y: from.y + na.y * ka },
    c2: { x: to.x + nb.x * kb, y: to.y + nb.y * kb },
    to,
  };
}

/**
 * The point at parameter t ∈ [0, 1] of a curve (t is not arc length, which is fine for
 * animation: messages slow slightly in the bends).
 * @returns canvas coordinates. O(1).
 */
export function pointOnCurve(c: EdgeCurve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return {
    x: a * c.from.x + b * c.c1.x + d * c.c2.x + e * c.to.x,
    y: a * c.from.y + b * c.c1.y + d * c.c2.y + e * c.to.y,
  };
}

/**
 * The SVG path data of a curve, rounded to tenths so server and client render the same text.
 * @returns a `d` attribute. O(1).
 */
export function curvePath(c: EdgeCurve): string {
  const r = (p: Point) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`;
  return `M${r(c.from)} C${r(c.c1)} ${r(c.c2)} ${r(c.to)}`;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node the arrow keys move to: the nearest node whose centre lies in that direction
 * (within a 45° cone on either side), preferring nodes straight ahead.
 * @returns a node id from `ids`, or null when none lies that way. O(n).
 */
export function nodeInDirection(
  layout: DiagramLayout,
  ids: readonly string[],
  fromId: string,
  direction: Direction,
): string | null {
  const from = layout.positions[fromId];
  if (!from) return ids[0] ?? null;
  const centre = (n: Point): Point => ({
    x: n.x + layout.nodeSize.width / 2,
    y: n.y + layout.nodeSize.height / 2,
  });
  const c0 = centre(from);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of ids) {
    const n = layout.positions[id];
    if (!n || id === fromId) continue;
    const c = centre(n);
    const dx = c.x - c0.x;
    const dy = c.y - c0.y;
    const ahead =
      direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0 || aside > ahead) continue;
    // Sideways distance counts double so a node straight ahead wins over a closer diagonal.
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

/**
 * Nodes in the order the data flows: column by column from left to right, top to bottom
 * within a column. The order screen readers meet them in, and where keyboard focus lands first.
 * @returns a new array of ids. O(n log n).
 */
export function readingOrder(layout: DiagramLayout, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => {
    const na = layout.positions[a];
    const nb = layout.positions[b];
    if (!na || !nb) return 0;
    return na.x - nb.x || na.y - nb.y;
  });
}

/** The canvas as an SVG viewBox. */
export const viewBoxOf = (layout: Pick<DiagramLayout, 'canvas'>): string =>
  `0 0 ${layout.canvas.width} ${layout.canvas.height}`;
