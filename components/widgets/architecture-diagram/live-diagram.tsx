'use client';

import '@xyflow/react/dist/base.css';
import {
  Handle,
  Position,
  ReactFlow,
  ViewportPortal,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import {
  diagramCanvas,
  diagramNodeSize,
  edgeLoad,
  guideLayout,
  nodeLive,
  stageGraph,
  stageNodeFor,
  stagePaths,
  stageTopology,
  type DiagramEdgeKind,
  type DiagramNode,
} from '@/content/flow-stages';
import { FlowController } from '@/lib/flow';
import { nodeInDirection, readingOrder, type Direction } from '@/lib/flow';
import { compact, FlightAnimator, FrameBudget, type NodeLive } from '@/lib/flow';
import { findDrill } from '@/lib/flow';
import type { Flight } from '@/lib/flow';
import type { FlowView } from '@/lib/flow';
import {
  CanvasBox,
  Controls,
  DiagramCard,
  DiagramHeader,
  DrillButtons,
  Legend,
  StatsLine,
  boxLabel,
  kindStripe,
  labelSize,
  type RebuildChoice,
} from './frame';
import { EdgeMarkers, EdgeShape } from './picture';
import { NodePanel } from './node-panel';
import { DrillReport } from './drill-report';

interface ArchNodeData extends Record<string, unknown> {
  node: DiagramNode;
  added: boolean;
  live: NodeLive | null;
  selected: boolean;
  tabbable: boolean;
  panelId: string;
  onOpen: (id: string) => void;
  onKey: (id: string, event: KeyboardEvent<HTMLButtonElement>) => void;
}
type ArchNode = Node<ArchNodeData, 'arch'>;

interface ArchEdgeData extends Record<string, unknown> {
  source: string;
  target: string;
  kind: DiagramEdgeKind;
  label: string | null;
  active: boolean;
  markerPrefix: string;
}
type ArchEdge = Edge<ArchEdgeData, 'arch'>;

const toneText: Record<NodeLive['tone'], string> = {
  normal: 'text-zinc-600 dark:text-zinc-300',
  warn: 'font-semibold text-amber-700 dark:text-amber-300',
  down: 'font-semibold text-rose-700 dark:text-rose-300',
};

/** Partition depth at which a bar under the Kafka node is full. */
const FULL_BAR = 400;

const hiddenHandle = '!pointer-events-none !opacity-0';

/** One component of the architecture: a button that opens its panel. */
const ArchNodeView = memo(function ArchNodeView({ data }: NodeProps<ArchNode>) {
  const { node, added, live, selected, tabbable } = data;
  const { width, height } = diagramNodeSize;
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className={hiddenHandle}
      />
      <button
        type="button"
        data-node={node.id}
        tabIndex={tabbable ? 0 : -1}
        aria-expanded={selected}
        aria-controls={selected ? data.panelId : undefined}
        onClick={() => data.onOpen(node.id)}
        onKeyDown={(e) => data.onKey(node.id, e)}
        style={{ width, height }}
        className={`relative flex flex-col justify-center rounded-[10px] pr-2 pl-[17px] text-left shadow-sm focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${
          added
            ? 'border-[2.5px] border-accent-500 bg-accent-50 dark:border-accent-400 dark:bg-accent-950'
            : 'border-[1.5px] border-zinc-300 bg-white dark:border-zinc-600 dark:bg-zinc-800'
        } ${selected ? 'ring-[5px] ring-accent-500/50 dark:ring-accent-300/50' : ''} ${
          live?.tone === 'down' ? '!border-rose-500 dark:!border-rose-400' : ''
        }`}
      >
        <span
          aria-hidden="true"
          className={`absolute top-[10px] bottom-[10px] left-[5px] w-1 rounded ${kindStripe[node.kind].html}`}
        />
        <span
          className="truncate leading-[1.15] font-semibold text-zinc-900 dark:text-zinc-50"
          style={{ fontSize: labelSize(node.label) }}
        >
          {boxLabel(node.label)}
        </span>
        <span
          className={`mt-1 truncate text-[15px] leading-[1.2] tabular-nums ${live ? toneText[live.tone] : 'text-zinc-600 dark:text-zinc-300'}`}
          data-live={live ? node.id : undefined}
        >
          {live?.text ?? node.detail}
        </span>
        {added ? (
          <span className="absolute -top-[10px] right-1 rounded-full bg-accent-600 px-2 text-[11px] leading-[18px] font-bold text-white dark:bg-accent-400 dark:text-zinc-950">
            NEW<span className="sr-only"> in this stage</span>
          </span>
        ) : null}
      </button>
      {live?.bars ? (
        <span
          aria-hidden="true"
          className="absolute top-full left-2 mt-1.5 flex h-6 items-end gap-[3px]"
          title="Queue depth of each partition"
        >
          {live.bars.map((depth, i) => (
            <span
              key={i}
              className="flex h-full w-2 items-end rounded-sm bg-zinc-200 dark:bg-zinc-700"
            >
              <span
                className="w-full rounded-sm bg-amber-500 dark:bg-amber-400"
                style={{ height: `${Math.min(100, (depth / FULL_BAR) * 100)}%` }}
              />
            </span>
          ))}
        </span>
      ) : null}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className={hiddenHandle}
      />
    </>
  );
});

/** An edge drawn along the shared curve (React Flow's handle positions are ignored). */
const ArchEdgeView = memo(function ArchEdgeView({ data }: EdgeProps<ArchEdge>) {
  if (!data) return null;
  return <EdgeShape edge={data} markerPrefix={data.markerPrefix} active={data.active} />;
});

const nodeTypes = { arch: ArchNodeView };
const edgeTypes = { arch: ArchEdgeView };

const dotClass: Record<Flight['kind'], string> = {
  write: 'fill-accent-600 dark:fill-accent-300',
  read: 'fill-emerald-600 dark:fill-emerald-300',
  duplicate: 'fill-rose-600 dark:fill-rose-400',
  redelivery: 'fill-rose-600 dark:fill-rose-400',
  replay: 'fill-amber-500 dark:fill-amber-300',
  reload: 'fill-amber-500 dark:fill-amber-300',
  fallback: 'fill-orange-600 dark:fill-orange-400',
};
const DOTS = 48;

function subscribeReducedMotion(onChange: () => void) {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const reducedMotionNow = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const arrowKeys: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Most simulation work per animation frame, running or skipping a drill to its end. */
const SIM_BUDGET_MS = 6;
/** How often the numbers on screen are refreshed while running. */
const REFRESH_MS = 100;

/** A simulation of one stage's design (its own topology), seeded. */
const simulate = (stage: number, seed: number, eventRate?: number): FlowController =>
  new FlowController({
    config: { seed },
    settings: eventRate === undefined ? {} : { eventRate },
    topology: stageTopology(stage) ?? undefined,
  });

/**
 * The live architecture diagram: React Flow draws the stage, the event-flow simulation runs
 * the stage's own design on requestAnimationFrame (a tick costs about 50 µs, at most 20 ticks
 * a frame), and the controls, node panels and failure drills drive it. Switching stage starts
 * that stage's design afresh, with the same seed, speed and event rate. Loaded lazily by
 * `DiagramLoader`.
 */
export function LiveDiagram({
  initialStage,
  seed,
  onReady,
}: {
  initialStage: number;
  /** Seed of the simulated traffic: the same seed and the same clicks give the same run. */
  seed: number;
  onReady: () => void;
}) {
  const id = useId().replace(/:/g, '');
  const [stage, setStage] = useState(initialStage);
  const [sim, setSim] = useState(() => simulate(initialStage, seed));
  const [animator] = useState(() => new FlightAnimator(stagePaths(initialStage)));
  const [budget] = useState(() => new FrameBudget(SIM_BUDGET_MS));
  const [view, setView] = useState<FlowView>(() => sim.view());
  const [paused, setPaused] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [rebuild, setRebuild] = useState<RebuildChoice>('kafka');
  const [skipping, setSkipping] = useState(false);
  const [zoom, setZoom] = useState(0);
  const [onScreen, setOnScreen] = useState(true);
  const reducedMotion = useSyncExternalStore(subscribeReducedMotion, reducedMotionNow, () => false);

  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const dotsRef = useRef<SVGSVGElement>(null);
  const skipRef = useRef(false);
  const readyRef = useRef(false);

  const graph = useMemo(() => stageGraph(stage), [stage]);
  const stageNodes = useMemo(() => readingOrder(guideLayout, graph?.stage.nodes ?? []), [graph]);
  const refresh = useCallback(() => setView(sim.view()), [sim]);

  // The canvas always shows the whole stage: zoom is the box's width over the canvas's.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setZoom(box.clientWidth / diagramCanvas.width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // Off screen the loop stops: no frames, no simulation, no battery.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const observer = new IntersectionObserver((entries) =>
      setOnScreen(entries.some((e) => e.isIntersecting)),
    );
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!onScreen) return;
    let raf = 0;
    let last = performance.now();
    let lastRefresh = 0;
    let dirty = false;
    let frames = 0;
    let overBudget = 0;
    let worst = 0;
    let circles: SVGCircleElement[] = [];
    const frame = (now: number) => {
      // The dot layer mounts with React Flow's viewport, possibly after this loop starts.
      if (circles.length === 0)
        circles = Array.from(dotsRef.current?.querySelectorAll('circle') ?? []);
      const elapsed = now - last;
      last = now;
      let changed = false;
      const start = performance.now();
      if (skipRef.current) {
        while (performance.now() - start < SIM_BUDGET_MS && !sim.state.drill?.done) sim.step();
        if (!sim.state.drill || sim.state.drill.done) {
          skipRef.current = false;
          setSkipping(false);
        }
        animator.skip(sim.state.flights);
        changed = true;
      } else {
        const ticks = sim.advance(budget.clip(elapsed, sim.speed, sim.state.config.tickMs));
        budget.record(ticks, performance.now() - start);
        changed = ticks > 0;
      }
      // Exposed for the browser tests: frames run, frames whose simulation work took more than
      // a 60 Hz frame, and the longest.
      const work = performance.now() - start;
      frames++;
      if (work > 16) overBudget++;
      worst = Math.max(worst, work);
      rootRef.current?.setAttribute(
        'data-sim-frames',
        `${frames} ${overBudget} ${worst.toFixed(1)}`,
      );
      if (reducedMotion) {
        animator.skip(sim.state.flights);
      } else {
        animator.ingest(sim.state.flights, now);
      }
      const dots = reducedMotion ? [] : animator.dots(now);
      circles.forEach((c, i) => {
        const d = dots[i];
        if (!d) {
          c.setAttribute('visibility', 'hidden');
          return;
        }
        c.setAttribute('visibility', 'visible');
        c.setAttribute('cx', d.x.toFixed(1));
        c.setAttribute('cy', d.y.toFixed(1));
        c.setAttribute('class', dotClass[d.kind]);
      });
      // Numbers refresh at most every REFRESH_MS, but the last change is always shown.
      dirty ||= changed;
      if (dirty && now - lastRefresh >= REFRESH_MS) {
        dirty = false;
        lastRefresh = now;
        refresh();
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [onScreen, sim, animator, budget, reducedMotion, refresh]);

  const selectStage = useCallback(
    (n: number) => {
      if (n === stage) return;
      const next = simulate(n, seed, sim.state.settings.eventRate);
      next.setSpeed(sim.speed);
      if (sim.paused) next.pause();
      skipRef.current = false;
      setSkipping(false);
      setSim(next);
      setView(next.view());
      setStage(n);
      animator.setPaths(stagePaths(n));
      animator.reset();
      // A component the new stage replaces stays selected as what replaces it.
      const keep = (id: string | null) => (id ? stageNodeFor(n, id) : null);
      setSelected(keep);
      setFocusId(keep);
    },
    [animator, seed, sim, stage],
  );

  const openNode = useCallback((nodeId: string) => {
    setSelected(nodeId);
    setFocusId(nodeId);
  }, []);

  const onKey = useCallback(
    (nodeId: string, event: KeyboardEvent<HTMLButtonElement>) => {
      let next: string | null = null;
      const dir = arrowKeys[event.key];
      if (dir) next = nodeInDirection(guideLayout, stageNodes, nodeId, dir);
      else if (event.key === 'Home') next = stageNodes[0] ?? null;
      else if (event.key === 'End') next = stageNodes[stageNodes.length - 1] ?? null;
      else if (event.key === 'Escape') {
        setSelected(null);
        return;
      } else return;
      event.preventDefault();
      if (!next) return;
      setFocusId(next);
      rootRef.current?.querySelector<HTMLButtonElement>(`[data-node="${next}"]`)?.focus();
    },
    [stageNodes],
  );

  const panelId = `${id}-panel`;
  const tabStop = focusId && stageNodes.includes(focusId) ? focusId : stageNodes[0];
  const live = useMemo(() => nodeLive(view, stage), [view, stage]);
  const load = useMemo(() => edgeLoad(view, stage), [view, stage]);

  // Handle positions are declared, not measured, so edges never wait for a measurement (and
  // never blink) when the nodes are rebuilt with fresh numbers.
  const nodes: ArchNode[] = useMemo(() => {
    const { width, height } = diagramNodeSize;
    return (graph?.nodes ?? []).map((n) => ({
      id: n.id,
      type: 'arch',
      position: { x: n.x, y: n.y },
      width,
      height,
      measured: { width, height },
      handles: [
        { type: 'target', position: Position.Left, x: 0, y: height / 2, width: 1, height: 1 },
        { type: 'source', position: Position.Right, x: width, y: height / 2, width: 1, height: 1 },
      ],
      draggable: false,
      selectable: false,
      data: {
        node: n,
        added: stage > 1 && n.added,
        live: live[n.id] ?? null,
        selected: selected === n.id,
        tabbable: tabStop === n.id,
        panelId,
        onOpen: openNode,
        onKey,
      },
    }));
  }, [graph, stage, live, selected, tabStop, panelId, openNode, onKey]);

  const edges: ArchEdge[] = useMemo(
    () =>
      (graph?.edges ?? []).map((e) => ({
        id: e.id,
        type: 'arch',
        source: e.source,
        target: e.target,
        selectable: false,
        focusable: false,
        data: {
          source: e.source,
          target: e.target,
          kind: e.kind,
          label: e.label,
          active: (load[e.id] ?? 0) > 0,
          markerPrefix: id,
        },
      })),
    [graph, load, id],
  );

  const onInit = useCallback(() => {
    // Reveal the live card one frame after React Flow has drawn, so it never flashes empty.
    requestAnimationFrame(() => {
      if (readyRef.current) return;
      readyRef.current = true;
      onReady();
    });
  }, [onReady]);

  const togglePause = () => {
    if (sim.paused) sim.resume();
    else sim.pause();
    setPaused(sim.paused);
    refresh();
  };
  const step = () => {
    sim.pause();
    setPaused(true);
    sim.step();
    refresh();
  };
  const stepBack = () => {
    sim.pause();
    setPaused(true);
    sim.stepBack();
    animator.skip(sim.state.flights);
    refresh();
  };
  const startDrill = (drillId: string) => {
    sim.startDrill(drillId, drillId === 'shard-dies' ? { source: rebuild, fromOffset: 0 } : {});
    sim.resume();
    setPaused(false);
    skipRef.current = false;
    setSkipping(false);
    animator.reset();
    refresh();
  };
  const skipToEnd = () => {
    skipRef.current = true;
    setSkipping(true);
  };

  const reads = view.totals.topK;
  const around = view.totals.aroundMe;
  const drillDef = view.drill ? findDrill(view.drill.id) : undefined;

  return (
    <div ref={rootRef}>
      <DiagramCard titleId={`${id}-title`} descriptionId={`${id}-description`} stage={stage}>
        <DiagramHeader stage={stage} titleId={`${id}-title`} onSelect={selectStage} />
        <CanvasBox
          label={`Diagram of stage ${stage}: Tab to a component, arrow keys to move, Enter to open`}
        >
          <div ref={boxRef} className="absolute inset-0">
            <svg aria-hidden="true" className="absolute h-0 w-0">
              <EdgeMarkers prefix={id} />
            </svg>
            {zoom > 0 ? (
              <ReactFlow<ArchNode, ArchEdge>
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                viewport={{ x: 0, y: 0, zoom }}
                minZoom={0.1}
                maxZoom={2}
                onInit={onInit}
                // React Flow gives nodes pointer events only when something handles them.
                onNodeClick={(_, n) => openNode(n.id)}
                nodesDraggable={false}
                nodesConnectable={false}
                nodesFocusable={false}
                edgesFocusable={false}
                elementsSelectable={false}
                panOnDrag={false}
                panOnScroll={false}
                zoomOnScroll={false}
                zoomOnPinch={false}
                zoomOnDoubleClick={false}
                preventScrolling={false}
                disableKeyboardA11y
                proOptions={{ hideAttribution: false }}
                className="!bg-transparent [&_.react-flow\_\_attribution]:!bg-white/80 dark:[&_.react-flow\_\_attribution]:!bg-zinc-900/80 [&_.react-flow\_\_attribution_a]:!text-zinc-700 dark:[&_.react-flow\_\_attribution_a]:!text-zinc-300"
                aria-label={`Live diagram of stage ${stage}`}
              >
                <ViewportPortal>
                  <svg
                    ref={dotsRef}
                    aria-hidden="true"
                    width={diagramCanvas.width}
                    height={diagramCanvas.height}
                    className="pointer-events-none absolute top-0 left-0 overflow-visible"
                  >
                    {Array.from({ length: DOTS }, (_, i) => (
                      <circle key={i} r={6} visibility="hidden" />
                    ))}
                  </svg>
                </ViewportPortal>
              </ReactFlow>
            ) : null}
          </div>
        </CanvasBox>
        <Legend stage={stage} />
        <Controls
          paused={paused}
          canStepBack={sim.historyTicks > 0}
          speed={speed}
          eventRate={view.settings.eventRate}
          idPrefix={id}
          onTogglePause={togglePause}
          onStep={step}
          onStepBack={stepBack}
          onSpeed={(s) => {
            sim.setSpeed(s);
            setSpeed(s);
          }}
          onEventRate={(r) => {
            sim.setEventRate(r);
            refresh();
          }}
        />
        <StatsLine>
          t = {(view.timeMs / 1000).toFixed(1)} s
          {stage >= 3 ? <> · Kafka lag {compact(view.totalLag)}</> : null} · reads{' '}
          {compact(reads.served + around.served)} {view.topKCache ? 'exact' : 'from Redis'},{' '}
          {compact(around.fallback + (view.topKCache ? 0 : reads.fallback))} approximate
          (histogram),{' '}
          {view.topKCache ? <>{compact(reads.fallback)} stale top-K (cache), </> : null}
          {compact(reads.failed + around.failed)} failed
        </StatsLine>
        {selected ? (
          <NodePanel
            id={panelId}
            nodeId={selected}
            stage={stage}
            view={view}
            onClose={() => {
              setSelected(null);
              rootRef.current
                ?.querySelector<HTMLButtonElement>(`[data-node="${selected}"]`)
                ?.focus();
            }}
          />
        ) : null}
        <DrillButtons
          stage={stage}
          idPrefix={id}
          running={view.drill && !view.drill.done ? view.drill.id : null}
          rebuild={rebuild}
          onStart={startDrill}
          onRebuild={setRebuild}
        />
        {view.drill && drillDef ? (
          <DrillReport
            title={drillDef.title}
            steps={drillDef.steps.length}
            drill={view.drill}
            skipping={skipping}
            onSkip={skipToEnd}
          />
        ) : null}
      </DiagramCard>
    </div>
  );
}
