import {
  diagramNodeSize,
  guideLayout,
  stageGraph,
  type DiagramEdge,
  type DiagramEdgeKind,
  type DiagramNode,
} from '@/content/flow-stages';
import { curvePath, edgeCurve, viewBoxOf } from '@/lib/flow';
import { boxLabel, edgeStroke, kindStripe, labelSize } from './frame';

/*
 * SVG pieces of the picture, shared by the static placeholder and the live canvas so both
 * draw the same edges. No hooks: the placeholder is rendered on the server.
 */

const edgeKinds = Object.keys(edgeStroke) as DiagramEdgeKind[];

/** Arrowheads, one per edge kind (a marker cannot take its colour from the path using it). */
export function EdgeMarkers({ prefix }: { prefix: string }) {
  return (
    <defs>
      {edgeKinds.map((kind) => (
        <marker
          key={kind}
          id={`${prefix}-arrow-${kind}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className={edgeStroke[kind].marker} />
        </marker>
      ))}
    </defs>
  );
}

/** One edge: its curve, coloured by kind, bolder while it carries messages. */
export function EdgeShape({
  edge,
  markerPrefix,
  active = false,
}: {
  edge: Pick<DiagramEdge, 'source' | 'target' | 'kind' | 'label'>;
  markerPrefix: string;
  active?: boolean;
}) {
  const curve = edgeCurve(guideLayout, edge.source, edge.target);
  if (!curve) return null;
  const style = edgeStroke[edge.kind];
  return (
    <path
      d={curvePath(curve)}
      fill="none"
      className={`${style.className} transition-[stroke-width,opacity] duration-300`}
      strokeWidth={active ? 3.5 : 2}
      opacity={active ? 1 : 0.6}
      strokeDasharray={style.dash}
      markerEnd={`url(#${markerPrefix}-arrow-${edge.kind})`}
    >
      {edge.label ? <title>{edge.label}</title> : null}
    </path>
  );
}

const estimateWidth = (text: string, size: number) => text.length * size * 0.54;

/** One node box in SVG: the static placeholder's version of the live node. */
function NodeShape({ node, added }: { node: DiagramNode; added: boolean }) {
  const { width, height } = diagramNodeSize;
  const room = width - 26;
  const label = boxLabel(node.label);
  const size = labelSize(node.label);
  const detailSize = 15;
  const fits = (text: string, s: number) => estimateWidth(text, s) <= room;
  return (
    <g transform={`translate(${node.x} ${node.y})`}>
      <rect
        width={width}
        height={height}
        rx={10}
        className={
          added
            ? 'fill-accent-50 stroke-accent-500 dark:fill-accent-950 dark:stroke-accent-400'
            : 'fill-white stroke-zinc-300 dark:fill-zinc-800 dark:stroke-zinc-600'
        }
        strokeWidth={added ? 2.5 : 1.5}
      />
      <rect
        x={5}
        y={10}
        width={4}
        height={height - 20}
        rx={2}
        className={kindStripe[node.kind].svg}
      />
      <text
        x={17}
        y={28}
        fontSize={size}
        fontWeight={600}
        className="fill-zinc-900 dark:fill-zinc-50"
        textLength={fits(label, size) ? undefined : room}
        lengthAdjust="spacingAndGlyphs"
      >
        {label}
      </text>
      {node.detail ? (
        <text
          x={17}
          y={51}
          fontSize={detailSize}
          className="fill-zinc-600 dark:fill-zinc-300"
          textLength={fits(node.detail, detailSize) ? undefined : room}
          lengthAdjust="spacingAndGlyphs"
        >
          {node.detail}
        </text>
      ) : null}
      {added ? <NewBadge /> : null}
    </g>
  );
}

/** The "new" tag on the top-right corner of a node a stage added. */
export function NewBadge() {
  return (
    <g transform={`translate(${diagramNodeSize.width - 44} -10)`}>
      <rect width={40} height={18} rx={9} className="fill-accent-600 dark:fill-accent-400" />
      <text
        x={20}
        y={13}
        fontSize={11}
        fontWeight={700}
        textAnchor="middle"
        className="fill-white dark:fill-zinc-950"
      >
        NEW
      </text>
    </g>
  );
}

/**
 * The whole stage as one static SVG at the canvas's size: what readers see before the live
 * diagram loads, without JavaScript, and in print.
 */
export function StagePicture({ stage, idPrefix }: { stage: number; idPrefix: string }) {
  const graph = stageGraph(stage);
  if (!graph) return null;
  // Stage 1 adds everything; highlighting all of it would say nothing.
  const highlight = stage > 1;
  return (
    <svg
      viewBox={viewBoxOf(guideLayout)}
      className="absolute inset-0 h-full w-full"
      role="img"
      aria-label={`Stage ${stage}: ${graph.stage.title}. ${graph.nodes.map((n) => n.label).join(', ')}.`}
      data-static-picture={stage}
    >
      <EdgeMarkers prefix={idPrefix} />
      {graph.edges.map((e) => (
        <EdgeShape key={e.id} edge={e} markerPrefix={idPrefix} />
      ))}
      {graph.nodes.map((n) => (
        <NodeShape key={n.id} node={n} added={highlight && n.added} />
      ))}
    </svg>
  );
}
