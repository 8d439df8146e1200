/**
 * Drives a simulation for a widget: play/pause, speed, single step, step back, reset, and the
 * commands a reader issues, all recorded so that history can be replayed.
 *
 * Step back works by deterministic replay: a checkpoint (a cheap clone; Kafka logs are
 * shared) is kept every `checkpointEvery` ticks in a ring of `maxCheckpoints`, and the
 * commands issued since the oldest checkpoint are logged with their tick. Going back to tick
 * T restores the last checkpoint at or before T and re-runs the ticks up to T, re-applying
 * the logged commands. With the defaults (10 × 60) a reader can go back 600 ticks: one
 * simulated minute at 100 ms per tick.
 */
import { findDrill, progressDrill, startDrill } from './drills';
import { applyFlowCommand, cloneFlowState, createFlowState, tickFlow } from './simulation';
import type { Topology } from './topology';
import type { DrillOptions, FlowCommand, FlowConfig, FlowSettings, FlowState } from './types';
import { readFlowView, type FlowView } from './view';

export interface FlowControllerOptions {
  readonly config?: Partial<FlowConfig>;
  readonly settings?: Partial<FlowSettings>;
  /** The design to simulate; the guide's sharded pipeline (stage 4) when absent. */
  readonly topology?: Topology;
  /** Ticks between checkpoints (default 10): the most ticks a step back re-runs. */
  readonly checkpointEvery?: number;
  /** Checkpoints kept (default 60); the step-back horizon is their product. */
  readonly maxCheckpoints?: number;
  /** Most ticks one `advance` call runs, so a background tab cannot stall the page (default 20). */
  readonly maxTicksPerAdvance?: number;
}

interface LoggedCommand {
  readonly tick: number;
  readonly command: FlowCommand;
}

interface Checkpoint {
  readonly tick: number;
  readonly state: FlowState;
}

/**
 * A simulation with controls and history. The state it exposes is live: read it (or its
 * `view()`), never mutate it; every change goes through a method so it can be replayed.
 */
export class FlowController {
  private current: FlowState;
  private checkpoints: Checkpoint[] = [];
  private commands: LoggedCommand[] = [];
  private carryMs = 0;
  private readonly config: Partial<FlowConfig>;
  private readonly settings: Partial<FlowSettings>;
  private readonly topology: Topology | undefined;
  private readonly checkpointEvery: number;
  private readonly maxCheckpoints: number;
  private readonly maxTicksPerAdvance: number;
  /** True while paused: `advance` does nothing, `step` and `stepBack` still work. */
  paused = false;
  /** Simulated time per real time (1 = real time, 0.25 = slow motion). */
  speed = 1;

  constructor(options: FlowControllerOptions = {}) {
    this.config = { ...options.config };
    this.settings = { ...options.settings };
    this.topology = options.topology;
    this.checkpointEvery = Math.max(1, Math.floor(options.checkpointEvery ?? 10));
    this.maxCheckpoints = Math.max(1, Math.floor(options.maxCheckpoints ?? 60));
    this.maxTicksPerAdvance = Math.max(1, Math.floor(options.maxTicksPerAdvance ?? 20));
    this.current = createFlowState(this.config, this.settings, this.topology);
    this.saveCheckpoint();
  }

  /** The live state (read-only by convention). O(1). */
  get state(): Readonly<FlowState> {
    return this.current;
  }

  /** Everything the diagram shows now. O(P + C + S + window × nodes + log). */
  view(): FlowView {
    return readFlowView(this.current);
  }

  /** How many ticks back `stepBack` can currently go. O(1). */
  get historyTicks(): number {
    const oldest = this.checkpoints[0];
    return oldest ? this.current.tick - oldest.tick : 0;
  }

  /** Most ticks of history ever kept: checkpointEvery × maxCheckpoints. */
  get historyLimitTicks(): number {
    return this.checkpointEvery * this.maxCheckpoints;
  }

  /**
   * Runs exactly one tick, paused or not, re-applying commands logged for the tick it lands
   * on (after a step back).
   * @returns the new tick. Cost: one tick, plus an O(players) checkpoint every
   * `checkpointEvery` ticks.
   */
  step(): number {
    const s = this.current;
    tickFlow(s);
    progressDrill(s);
    if (s.tick % this.checkpointEvery === 0) this.saveCheckpoint();
    for (const logged of this.commands) {
      if (logged.tick === s.tick) this.applyCommand(logged.command);
    }
    return s.tick;
  }

  /**
   * Goes back one tick by restoring the nearest checkpoint and re-running up to the previous
   * tick. Commands issued later stay logged, so stepping forward replays the same history.
   * @returns false at the start of the kept history. Cost: at most `checkpointEvery` ticks.
   */
  stepBack(): boolean {
    const target = this.current.tick - 1;
    let index = -1;
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      if ((this.checkpoints[i]?.tick ?? Infinity) <= target) {
        index = i;
        break;
      }
    }
    const checkpoint = this.checkpoints[index];
    if (!checkpoint) return false;
    this.checkpoints.length = index + 1;
    // A working copy: the logs it shares with the checkpoint are only read below its `end`.
    this.current = cloneFlowState(checkpoint.state);
    for (const logged of this.commands) {
      if (logged.tick === checkpoint.tick) this.applyCommand(logged.command);
    }
    while (this.current.tick < target) this.step();
    this.carryMs = 0;
    return true;
  }

  /**
   * Advances by real elapsed time (call it from requestAnimationFrame with the frame delta).
   * @returns ticks run: 0 while paused; at most `maxTicksPerAdvance`, dropping the rest so a
   * slow frame or a background tab never triggers a catch-up storm.
   */
  advance(realMs: number): number {
    if (this.paused || !(realMs > 0)) return 0;
    this.carryMs += realMs * this.speed;
    const tickMs = this.current.config.tickMs;
    let n = Math.floor(this.carryMs / tickMs);
    this.carryMs -= n * tickMs;
    if (n > this.maxTicksPerAdvance) {
      n = this.maxTicksPerAdvance;
      this.carryMs = 0;
    }
    for (let i = 0; i < n; i++) this.step();
    return n;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /** Sets the speed multiplier, clamped to [0.05, 50]. */
  setSpeed(multiplier: number): void {
    this.speed = Math.min(50, Math.max(0.05, Number.isFinite(multiplier) ? multiplier : 1));
  }

  /**
   * Issues a command now (between ticks) and logs it. Commands logged for later ticks (left
   * from before a step back) are discarded: a new command starts a new branch of history.
   * `start-drill` with `fresh` (the default) resets the run first, so a drill always starts
   * from the same healthy system and its check is reproducible.
   */
  dispatch(command: FlowCommand): void {
    if (command.type === 'start-drill' && command.options?.fresh !== 0) {
      this.reset(this.current.config.seed);
    }
    const tick = this.current.tick;
    this.commands = this.commands.filter((c) => c.tick <= tick);
    this.checkpoints = this.checkpoints.filter((c) => c.tick <= tick);
    this.commands.push({ tick, command });
    this.applyCommand(command);
  }

  /** Score events per simulated second (≥ 0). */
  setEventRate(perSecond: number): void {
    this.dispatch({ type: 'set-event-rate', perSecond });
  }

  /** Reads per simulated second (≥ 0). */
  setReadRate(perSecond: number): void {
    this.dispatch({ type: 'set-read-rate', perSecond });
  }

  /**
   * Starts a failure drill (see `drills`); drive it with `step`/`advance` and read its
   * narration and result from `view().drill`. Options: `shard`, `consumer`, `source`
   * ('kafka' | 'postgres'), `fromOffset`, `count`, and `fresh: 0` to run on the current state.
   * @returns false for an unknown drill id.
   */
  startDrill(id: string, options: DrillOptions = {}): boolean {
    if (!findDrill(id)) return false;
    this.dispatch({ type: 'start-drill', drill: id, options });
    return true;
  }

  /**
   * Runs ticks until the running drill has its result (for a "skip to the end" button and
   * tests). @returns the result, or null if no drill is running or `maxTicks` ran out.
   */
  runDrillToEnd(maxTicks = 10_000): { passed: boolean; details: string } | null {
    for (let i = 0; i < maxTicks; i++) {
      const drill = this.current.drill;
      if (!drill) return null;
      if (drill.done) return drill.result;
      this.step();
    }
    return this.current.drill?.result ?? null;
  }

  /**
   * Starts over at tick 0 with a seed (default: the current one), keeping config, settings
   * given at construction, speed and pause state. Clears the history.
   */
  reset(seed: number = this.current.config.seed): void {
    this.current = createFlowState({ ...this.config, seed }, this.settings, this.topology);
    this.checkpoints = [];
    this.commands = [];
    this.carryMs = 0;
    this.saveCheckpoint();
  }

  private applyCommand(command: FlowCommand): void {
    if (command.type === 'start-drill') startDrill(this.current, command.drill, command.options);
    else applyFlowCommand(this.current, command);
  }

  private saveCheckpoint(): void {
    const tick = this.current.tick;
    if (this.checkpoints.some((c) => c.tick === tick)) return;
    this.checkpoints.push({ tick, state: cloneFlowState(this.current) });
    if (this.checkpoints.length > this.maxCheckpoints) this.checkpoints.shift();
    const oldest = this.checkpoints[0]?.tick ?? 0;
    if (this.commands.length && (this.commands[0]?.tick ?? 0) < oldest) {
      this.commands = this.commands.filter((c) => c.tick >= oldest);
    }
  }
}
