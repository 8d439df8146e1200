/**
 * One "Run" of a candidate's design: the capacity pass at the variant's full load, the
 * requirement checks, and every failure drill that applies, each run to its end on the
 * event-level scale model (1,000 players) with its consistency check. Pure: the practice
 * room calls it inside a Web Worker (lib/worker/practice-host.ts), a step at a time.
 */
import { FlowController } from '@/lib/flow/controller';
import { designDrills } from '@/lib/flow/drills';
import {
  compileTopology,
  type SimPlan,
  type Topology,
  type TopologyIssue,
} from '@/lib/flow/topology';
import { compareWithExpected } from '@/lib/flow/view';
import { capacityPass, type CapacityResult, type CostTable } from './capacity';
import { checkRequirements, type RequirementCheck } from './requirements';
import type { Load, Requirements } from './variant';

export interface DrillOutcome {
  readonly id: string;
  readonly title: string;
  /** Null when it ran; else why it does not apply to this design. */
  readonly skipped: string | null;
  readonly passed: boolean;
  readonly details: string;
  readonly narration: readonly string[];
  /** Players whose score is wrong or missing at the end (lost or double-counted). */
  readonly playersWrong: number;
  /** Simulated seconds the drill took from the failure to its check. */
  readonly seconds: number;
}

export interface RunResult {
  /** Null when the design cannot run (see `issues`). */
  readonly capacity: CapacityResult | null;
  readonly requirements: readonly RequirementCheck[];
  readonly drills: readonly DrillOutcome[];
  readonly issues: readonly TopologyIssue[];
  /** Players in the drills' scale model. */
  readonly scalePlayers: number;
}

export interface RunRequest {
  readonly topology: Topology;
  readonly load: Load;
  readonly requirements: Requirements;
  readonly costs: CostTable;
  /** Seed of the drills' traffic. */
  readonly seed?: number;
  /** Only these drills (all that apply by default). */
  readonly drills?: readonly string[];
}

/** Players in the event-level scale model the drills run on. */
export const SCALE_PLAYERS = 1000;

/** How far a run got: the capacity pass, then each drill in turn. */
export interface RunStep {
  readonly phase: 'capacity' | 'drills';
  readonly done: number;
  readonly total: number;
}

/**
 * Runs a design one step at a time: the capacity pass and checks, then one drill per step,
 * so a caller (the practice worker) can report progress and stop between drills.
 * @returns (as the generator's return value) capacity, checks and drill outcomes; a design
 * with an error gets only its issues.
 * Cost: the capacity pass is O(nodes × 600); each drill a few hundred to a few thousand
 * ticks of the scale model (tens of milliseconds).
 */
export function* runDesignSteps(request: RunRequest): Generator<RunStep, RunResult, void> {
  const compiled = compileTopology(request.topology);
  const plan = compiled.plan;
  if (!plan) {
    return {
      capacity: null,
      requirements: [],
      drills: [],
      issues: compiled.issues,
      scalePlayers: SCALE_PLAYERS,
    };
  }
  yield { phase: 'capacity', done: 0, total: 1 };
  const capacity = capacityPass(
    request.topology,
    plan,
    request.load,
    request.requirements,
    request.costs,
  );
  const requirements = checkRequirements(request.topology, plan, capacity, request.requirements);
  const players = Math.max(SCALE_PLAYERS, plan.shards.length);
  const chosen = designDrills.filter((d) => !request.drills || request.drills.includes(d.id));
  const drills: DrillOutcome[] = [];
  for (const d of chosen) {
    yield { phase: 'drills', done: drills.length, total: chosen.length };
    drills.push(runDrill(d, plan, request, players));
  }
  return { capacity, requirements, drills, issues: compiled.issues, scalePlayers: players };
}

/** One drill on the scale model, or why it does not apply. */
function runDrill(
  d: (typeof designDrills)[number],
  plan: SimPlan,
  request: RunRequest,
  players: number,
): DrillOutcome {
  const skipped = d.appliesTo(plan);
  if (skipped) {
    return {
      id: d.id,
      title: d.title,
      skipped,
      passed: false,
      details: '',
      narration: [],
      playersWrong: 0,
      seconds: 0,
    };
  }
  const sim = new FlowController({
    config: { seed: request.seed ?? 7, players },
    topology: request.topology,
    checkpointEvery: 1_000_000,
    maxCheckpoints: 1,
  });
  sim.startDrill(d.id);
  const start = sim.state.tick;
  const result = sim.runDrillToEnd(20_000) ?? {
    passed: false,
    details: 'The drill did not finish.',
  };
  return {
    id: d.id,
    title: d.title,
    skipped: null,
    passed: result.passed,
    details: result.details,
    narration: sim.state.drill?.narration ?? [],
    playersWrong: compareWithExpected(sim.state).mismatches,
    seconds: ((sim.state.tick - start) * sim.state.config.tickMs) / 1000,
  };
}

/**
 * Runs a design to its end (what `runDesignSteps` returns, without the steps).
 * Same result and cost.
 */
export function runDesign(request: RunRequest): RunResult {
  const steps = runDesignSteps(request);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
