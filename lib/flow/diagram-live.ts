/**
 * What a live diagram draws on top of its picture, derived from a `FlowView`: one line of
 * numbers per node, how busy each edge is, and the sampled messages moving along edges.
 * Pure: the widget only copies these numbers into the page.
 *
 * The picture need not be the simulated topology itself: a projection maps each simulated
 * node (or hop) to the drawn node (or edge) that stands for it, so a simple picture can show
 * a richer simulation (the guide's earlier stages do this). Unprojected, a node is itself.
 */
import { type EdgeCurve, pointOnCurve } from './diagram-geometry';
import type { ComponentKind } from './topology';
import type { Flight } from './types';
import type { FlowView } from './view';

/** The drawn node that stands for a simulated node, or null when none does. */
export type NodeProjection = (simNode: string) => string | null;
/** The drawn edge a simulated hop is shown on, or null when it is not shown. */
export type EdgeProjection = (from: string, to: string) => string | null;

/** A node of the picture: its id and what kind of component it is. */
export interface DrawnNode {
  readonly id: string;
  readonly component: ComponentKind;
}

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
 * The live line of every drawn node that stands for a simulated one. A Redis node standing for
 * several shards (a whole board, or a cluster's shards) shows their total operations; a
 * shard drawn on its own behind a router shows its shares of the writes and the reads. Nodes the
 * simulation does not model (caches, boards, replicas) are left out: the picture shows their
 * fixed detail instead. The top-K cache shows its hit ratio, or the age of the stale list it serves.
 * @returns a record keyed by drawn node id. O(nodes + partitions + consumers + shards).
 */
export function nodeLive(
  view: FlowView,
  drawn: readonly DrawnNode[],
  project: NodeProjection = (id) => id,
): Record<string, NodeLive> {
  const out: Record<string, NodeLive> = {};
  const rate = (id: string) => view.throughput[id] ?? 0;
  const kindOf = new Map(drawn.map((n) => [n.id, n.component]));
  const hasRouter = drawn.some((n) => n.component === 'shard-router');
  const of = (kind: ComponentKind) => drawn.filter((n) => n.component === kind);

  for (const n of of('clients')) {
    out[n.id] = { text: `${compact(view.settings.eventRate)} scores/s`, tone: 'normal' };
  }
  for (const n of of('api')) out[n.id] = { text: `${compact(rate(n.id))} msg/s`, tone: 'normal' };

  for (const n of of('kafka')) {
    if (view.partitions.length === 0) continue;
    const depth = view.partitions.reduce((sum, p) => sum + p.queueDepth, 0);
    out[n.id] = {
      text: `depth ${compact(depth)} · lag ${compact(view.totalLag)}`,
      tone: view.partitions.some((p) => p.stalled || p.owner < 0) ? 'warn' : 'normal',
      bars: view.partitions.map((p) => p.queueDepth),
    };
  }
  const consumersOf = new Map<string, FlowView['consumers'][number][]>();
  for (const c of view.consumers) {
    const id = project(c.node);
    if (!id || kindOf.get(id) !== 'consumers') continue;
    consumersOf.set(id, [...(consumersOf.get(id) ?? []), c]);
  }
  for (const [id, group] of consumersOf) {
    const lag = group.reduce((s, c) => s + c.lag, 0);
    const alive = group.filter((c) => c.alive);
    const one = group.length === 1 ? group[0] : undefined;
    out[id] =
      alive.length === 0
        ? { text: `down · lag ${compact(lag)}`, tone: 'down' }
        : view.rebalancing
          ? { text: 'rebalancing…', tone: 'warn' }
          : one
            ? {
                text: `lag ${compact(lag)} · ${compact(one.perSecond)}/s`,
                tone: one.partitions.length === 0 ? 'warn' : 'normal',
              }
            : {
                text: `${alive.length}/${group.length} up · lag ${compact(lag)}`,
                tone: alive.length < group.length ? 'warn' : 'normal',
              };
  }
  for (const n of of('postgres')) {
    out[n.id] =
      view.postgres.status === 'up'
        ? { text: `${compact(rate(n.id))} writes/s`, tone: 'normal' }
        : { text: view.postgres.status === 'failover' ? 'failing over' : 'down', tone: 'down' };
  }
  for (const n of of('shard-router')) {
    out[n.id] = { text: `${compact(rate(n.id))} ops/s`, tone: 'normal' };
  }
  const cache = view.topKCache;
  const cacheAt = cache ? project(cache.node) : null;
  if (cache && cacheAt && kindOf.get(cacheAt) === 'topk-cache') {
    out[cacheAt] =
      cache.serving === 'stale'
        ? { text: `stale, ${((cache.ageMs ?? 0) / 1000).toFixed(1)} s old`, tone: 'warn' }
        : {
            text: `hits ${pct(cache.hitRatio)} · ${compact(rate(cacheAt))}/s`,
            tone: 'normal',
          };
  }
  const shardsOf = new Map<string, FlowView['shards'][number][]>();
  for (const sh of view.shards) {
    const id = project(sh.node);
    if (!id || kindOf.get(id) !== 'redis') continue;
    shardsOf.set(id, [...(shardsOf.get(id) ?? []), sh]);
  }
  for (const [id, shards] of shardsOf) {
    const one = shards.length === 1 && hasRouter ? shards[0] : undefined;
    if (one) {
      out[id] =
        one.status === 'down' || one.status === 'failover'
          ? { text: one.status === 'failover' ? 'failing over' : 'down', tone: 'down' }
          : one.status === 'empty'
            ? { text: 'restarted, empty', tone: 'warn' }
            : one.status === 'rebuilding'
              ? { text: `rebuilding ${pct(one.rebuild?.fraction ?? 0)}`, tone: 'warn' }
              : {
                  // Shares of the shards' writes and reads; the panel spells them out.
                  text: `w ${pct(one.writeShare)} · r ${pct(one.readShare)}`,
                  tone: 'normal',
                };
      continue;
    }
    const ops = shards.reduce((sum, sh) => sum + sh.perSecond, 0);
    const notUp = shards.filter((sh) => sh.status !== 'up');
    const whole = notUp.length === shards.length;
    const dead = notUp.some((sh) => sh.status === 'down' || sh.status === 'failover');
    out[id] = notUp.length
      ? {
          text: `${whole ? '' : 'part '}${dead ? 'down' : notUp.some((sh) => sh.status === 'empty') ? 'empty' : 'rebuilding'}`,
          tone: whole && dead ? 'down' : 'warn',
        }
      : { text: `${compact(ops)} ops/s`, tone: 'normal' };
  }
  return out;
}

/**
 * Drawn edges that carried messages during the last tick, with how many. Simulated hops are
 * mapped onto the picture (several may land on one drawn edge).
 * @returns a record keyed by drawn edge ids. O(edges).
 */
export function edgeLoad(view: FlowView, project: EdgeProjection): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(view.edges)) {
    const [from, to] = id.split('->');
    if (!from || !to) continue;
    const drawn = project(from, to);
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

/** Where dots go: the drawn edge of each hop, and the curve of a drawn edge. */
export interface FlightPaths {
  readonly project: EdgeProjection;
  readonly curve: (edgeId: string) => EdgeCurve | null;
}

/**
 * Turns the simulation's sampled hops into dots moving along a picture's edges, in real time:
 * each hop takes `durationMs` whatever the simulation speed, so fast runs stay legible (they
 * simply show a sample). Hops the picture has no edge for are skipped.
 */
export class FlightAnimator {
  private active: ActiveFlight[] = [];
  private lastSeq = -1;

  /**
   * @param paths the edges the dots follow.
   * @param durationMs how long one hop takes on screen.
   * @param capacity most dots on screen at once; the oldest give way.
   */
  constructor(
    private paths: FlightPaths,
    private readonly durationMs = 900,
    private readonly capacity = 48,
  ) {}

  /** Switches to another picture's edges and drops the dots in flight. */
  setPaths(paths: FlightPaths): void {
    this.paths = paths;
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
      const id = this.paths.project(f.from, f.to);
      if (!id) continue;
      const curve = this.paths.curve(id);
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
