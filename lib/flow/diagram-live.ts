/**
 * What the live diagram draws on top of a stage, derived from a `FlowView`: one line of
 * numbers per node, how busy each edge is, and the sampled messages moving along edges.
 * Pure: the widget only copies these numbers into the page.
 */
import { edgeCurve, pointOnCurve, type EdgeCurve } from './diagram-geometry';
import { drills, type DrillId } from './drills';
import type { Flight } from './types';
import { diagramStages, stageEdgeFor, stageNodeFor } from './stages';
import type { FlowView } from './view';

/** How a node's live line should look. */
export type NodeTone = 'normal' | 'warn' | 'down';

export interface NodeLive {
  /** One short line of numbers under the label. */
  readonly text: string;
  readonly tone: NodeTone;
  /** Kafka only: each partition's queue depth, in partition order, for a bar chart. */
  readonly bars?: readonly number[];
}

/**
 * Formats a rate or count compactly: 950, 1.2k, 12k, 1.5M.
 * @returns a short string. O(1).
 */
export function compact(n: number): string {
  const v = Math.round(n);
  if (Math.abs(v) < 1000) return String(v);
  if (Math.abs(v) < 10_000) return `${(v / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (Math.abs(v) < 1_000_000) return `${Math.round(v / 1000)}k`;
  return `${(v / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * The live line of every node of a stage that the simulation models. Before stage 4 the
 * single Redis node stands for all shards, and before stage 3 the API stands for Kafka and
 * the consumers (see `stageNodeFor`). Nodes the simulation does not model (stage 5's boards,
 * cache and replica) are left out: the diagram shows their fixed detail instead.
 * @returns a record keyed by node id. O(nodes + partitions).
 */
export function nodeLive(view: FlowView, stage: number): Record<string, NodeLive> {
  const s = diagramStages[stage - 1];
  if (!s) return {};
  const out: Record<string, NodeLive> = {};
  const rate = (id: string) => view.throughput[id] ?? 0;
  const has = (id: string) => s.nodes.includes(id);

  out.clients = { text: `${compact(view.settings.eventRate)} scores/s`, tone: 'normal' };
  out.api = { text: `${compact(rate('api'))} msg/s`, tone: 'normal' };

  if (has('kafka')) {
    const depth = view.partitions.reduce((sum, p) => sum + p.queueDepth, 0);
    out.kafka = {
      text: `depth ${compact(depth)} · lag ${compact(view.totalLag)}`,
      tone: view.partitions.some((p) => p.stalled || p.owner < 0) ? 'warn' : 'normal',
      bars: view.partitions.map((p) => p.queueDepth),
    };
    for (const c of view.consumers) {
      if (!has(c.node)) continue;
      out[c.node] = !c.alive
        ? { text: `down · lag ${compact(c.lag)}`, tone: 'down' }
        : view.rebalancing
          ? { text: 'rebalancing…', tone: 'warn' }
          : {
              text: `lag ${compact(c.lag)} · ${compact(c.perSecond)}/s`,
              tone: c.partitions.length === 0 ? 'warn' : 'normal',
            };
    }
  }
  if (has('postgres'))
    out.postgres = { text: `${compact(rate('postgres'))} writes/s`, tone: 'normal' };

  if (has('shard-router')) {
    out['shard-router'] = { text: `${compact(rate('shard-router'))} ops/s`, tone: 'normal' };
    for (const sh of view.shards) {
      if (!has(sh.node)) continue;
      out[sh.node] =
        sh.status === 'down'
          ? { text: 'down', tone: 'down' }
          : sh.status === 'empty'
            ? { text: 'restarted, empty', tone: 'warn' }
            : sh.status === 'rebuilding'
              ? { text: `rebuilding ${pct(sh.rebuild?.fraction ?? 0)}`, tone: 'warn' }
              : { text: `${compact(sh.size)} · ${pct(sh.writeShare)} writes`, tone: 'normal' };
    }
  } else if (has('redis')) {
    const ops = view.shards.reduce((sum, sh) => sum + sh.perSecond, 0);
    const notUp = view.shards.filter((sh) => sh.status !== 'up');
    out.redis = notUp.length
      ? {
          text: `part ${notUp.some((sh) => sh.status === 'down') ? 'down' : 'rebuilding'}`,
          tone: 'warn',
        }
      : { text: `${compact(ops)} ops/s`, tone: 'normal' };
  }
  return out;
}

/**
 * Ids of the stage's edges that carried messages during the last tick, with how many.
 * Simulated hops are mapped onto the stage (several may land on one drawn edge).
 * @returns a record keyed by the stage's edge ids. O(edges).
 */
export function edgeLoad(view: FlowView, stage: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(view.edges)) {
    const [from, to] = id.split('->');
    if (!from || !to) continue;
    const drawn = stageEdgeFor(stage, from, to);
    if (drawn) out[drawn] = (out[drawn] ?? 0) + n;
  }
  return out;
}

/** One message dot on its way along an edge. */
export interface MovingDot {
  readonly seq: number;
  readonly x: number;
  readonly y: number;
  readonly kind: Flight['kind'];
}

interface ActiveFlight {
  readonly seq: number;
  readonly kind: Flight['kind'];
  readonly curve: EdgeCurve;
  readonly startMs: number;
}

/**
 * Turns the simulation's sampled hops into dots moving along a stage's edges, in real time:
 * each hop takes `durationMs` whatever the simulation speed, so fast runs stay legible (they
 * simply show a sample). Hops the stage has no edge for are skipped.
 */
export class FlightAnimator {
  private active: ActiveFlight[] = [];
  private lastSeq = -1;

  /**
   * @param stage the stage whose edges the dots follow.
   * @param durationMs how long one hop takes on screen.
   * @param capacity most dots on screen at once; the oldest give way.
   */
  constructor(
    private stage: number,
    private readonly durationMs = 900,
    private readonly capacity = 48,
  ) {}

  /** Switches to another stage's edges and drops the dots in flight. */
  setStage(stage: number): void {
    this.stage = stage;
    this.active = [];
  }

  /** Forgets every dot and which hops were seen (after a reset or a step back). */
  reset(): void {
    this.active = [];
    this.lastSeq = -1;
  }

  /**
   * Marks every hop so far as seen without drawing it (after a step back or a jump, so the
   * history does not replay as a burst of dots). O(flights).
   */
  skip(flights: readonly Flight[]): void {
    this.active = [];
    for (const f of flights) this.lastSeq = Math.max(this.lastSeq, f.seq);
  }

  /**
   * Starts a dot for every hop newer than the last one seen. Hops of one batch are spread
   * over a few frames so they do not move as one clump.
   * @returns how many dots started. O(flights).
   */
  ingest(flights: readonly Flight[], nowMs: number): number {
    let started = 0;
    for (const f of flights) {
      if (f.seq <= this.lastSeq) continue;
      this.lastSeq = f.seq;
      const id = stageEdgeFor(this.stage, f.from, f.to);
      if (!id) continue;
      const a = stageNodeFor(this.stage, f.from);
      const b = stageNodeFor(this.stage, f.to);
      const curve = a && b ? edgeCurve(a, b) : null;
      if (!curve) continue;
      this.active.push({ seq: f.seq, kind: f.kind, curve, startMs: nowMs + (started % 5) * 40 });
      started++;
    }
    if (this.active.length > this.capacity)
      this.active.splice(0, this.active.length - this.capacity);
    return started;
  }

  /**
   * Where every dot is now; finished dots are dropped.
   * @returns dots in start order. O(dots).
   */
  dots(nowMs: number): MovingDot[] {
    this.active = this.active.filter((f) => nowMs - f.startMs < this.durationMs);
    const out: MovingDot[] = [];
    for (const f of this.active) {
      const t = (nowMs - f.startMs) / this.durationMs;
      if (t < 0) continue;
      const p = pointOnCurve(f.curve, t);
      out.push({ seq: f.seq, x: p.x, y: p.y, kind: f.kind });
    }
    return out;
  }
}

/**
 * The drills that make sense on a stage's picture: none before Kafka exists (stage 3), only
 * the consumer drills before there are shards (stage 4).
 * @returns drill ids in the order the page offers them. O(1).
 */
export function drillsForStage(stage: number): readonly DrillId[] {
  if (stage < 3) return [];
  if (stage < 4) return ['consumer-dies', 'duplicate-delivery'];
  return drills.map((d) => d.id);
}

/**
 * Keeps the simulation's share of each animation frame under a budget. It learns what a tick
 * costs on this machine (a moving average, so one slow frame lowers the next frame's work)
 * and clips the real time handed to `FlowController.advance`, so a heavy setting (high event
 * rate at 50×) runs slower than asked instead of producing long tasks.
 */
export class FrameBudget {
  private costPerTick = 0.1;

  /** @param budgetMs most milliseconds of simulation per frame. */
  constructor(private readonly budgetMs = 6) {}

  /** Ticks one frame may run at the current cost estimate (at least 1). */
  get maxTicks(): number {
    return Math.max(1, Math.floor(this.budgetMs / this.costPerTick));
  }

  /**
   * The real time to pass to `advance`: the elapsed time, clipped to what `maxTicks` ticks
   * cover at this speed. O(1).
   */
  clip(elapsedMs: number, speed: number, tickMs: number): number {
    return Math.min(elapsedMs, (this.maxTicks * tickMs) / Math.max(speed, 1e-9));
  }

  /** Records what the frame's ticks cost, in milliseconds. O(1). */
  record(ticks: number, ms: number): void {
    if (ticks <= 0 || !Number.isFinite(ms)) return;
    this.costPerTick = Math.max(0.01, 0.7 * this.costPerTick + 0.3 * (ms / ticks));
  }
}
