/**
 * The 45-minute plan of the Interview Skills chapter as data, and the pure state machine
 * of the practice timer that walks through it. The widget stores `TimerState` in
 * localStorage and derives everything it shows from it with `timerView`, so a reload
 * (or a tab left in the background) loses nothing: elapsed time is wall-clock based.
 */

export interface Phase {
  readonly id: string;
  readonly title: string;
  /** One or two words for the phase bar, where the title does not fit. */
  readonly short: string;
  /** What should be on the whiteboard when the phase ends. */
  readonly produce: string;
  readonly minutes: number;
}

export const interviewPlan: readonly Phase[] = [
  {
    id: 'clarify',
    short: 'Clarify',
    title: 'Clarify requirements',
    produce: 'A written list of requirements and non-goals',
    minutes: 5,
  },
  {
    id: 'estimate',
    short: 'Estimate',
    title: 'Estimate the scale',
    produce: 'Peak writes, reads and memory, with the arithmetic',
    minutes: 5,
  },
  {
    id: 'api',
    short: 'API',
    title: 'API and data model',
    produce: 'Three to five endpoints and the core records',
    minutes: 5,
  },
  {
    id: 'design',
    short: 'Design',
    title: 'High-level design',
    produce: 'A diagram that serves every requirement end to end',
    minutes: 10,
  },
  {
    id: 'deep-dive',
    short: 'Deep dives',
    title: 'Deep dives',
    produce: 'Two components taken to depth, with trade-offs',
    minutes: 15,
  },
  {
    id: 'wrap-up',
    short: 'Wrap-up',
    title: 'Wrap-up',
    produce: 'Bottlenecks, failure modes and what you would do next',
    minutes: 5,
  },
];

export type TimerStatus = 'idle' | 'running' | 'paused' | 'finished';

/** The persisted state: two numbers and a flag, enough to rebuild the view at any time. */
export interface TimerState {
  /** Milliseconds accumulated before the current run started. */
  readonly accumulatedMs: number;
  /** Wall-clock time (ms since epoch) the current run started, or null when not running. */
  readonly runningSince: number | null;
}

export const initialTimerState: TimerState = { accumulatedMs: 0, runningSince: null };

export function totalMs(plan: readonly Phase[]): number {
  return plan.reduce((sum, phase) => sum + phase.minutes * 60_000, 0);
}

/** Elapsed milliseconds at `now`, capped at the plan's length. */
export function elapsedMs(
  state: TimerState,
  now: number,
  plan: readonly Phase[] = interviewPlan,
): number {
  const running = state.runningSince === null ? 0 : Math.max(0, now - state.runningSince);
  return Math.min(totalMs(plan), state.accumulatedMs + running);
}

export function start(state: TimerState, now: number): TimerState {
  return state.runningSince === null ? { ...state, runningSince: now } : state;
}

export function pause(
  state: TimerState,
  now: number,
  plan: readonly Phase[] = interviewPlan,
): TimerState {
  return state.runningSince === null
    ? state
    : { accumulatedMs: elapsedMs(state, now, plan), runningSince: null };
}

export function reset(): TimerState {
  return initialTimerState;
}

export interface TimerView {
  readonly status: TimerStatus;
  readonly elapsedMs: number;
  /** Index into the plan of the current phase; the last phase once finished. */
  readonly phaseIndex: number;
  /** Milliseconds left in the current phase. */
  readonly phaseRemainingMs: number;
  readonly totalRemainingMs: number;
}

/**
 * Everything the widget shows, derived from the state at `now`. O(phases).
 * A running timer past the end reports `finished`; a paused one at zero reports `idle`.
 */
export function timerView(
  state: TimerState,
  now: number,
  plan: readonly Phase[] = interviewPlan,
): TimerView {
  const total = totalMs(plan);
  const elapsed = elapsedMs(state, now, plan);
  let status: TimerStatus;
  if (elapsed >= total) status = 'finished';
  else if (state.runningSince !== null) status = 'running';
  else status = elapsed === 0 ? 'idle' : 'paused';

  let phaseEnd = 0;
  let phaseIndex = plan.length - 1;
  for (let i = 0; i < plan.length; i++) {
    phaseEnd += (plan[i]?.minutes ?? 0) * 60_000;
    if (elapsed < phaseEnd) {
      phaseIndex = i;
      break;
    }
  }
  return {
    status,
    elapsedMs: elapsed,
    phaseIndex,
    phaseRemainingMs: Math.max(0, phaseEnd - elapsed),
    totalRemainingMs: total - elapsed,
  };
}

/**
 * Reads a stored state defensively: anything that is not a well-formed state (another
 * version's format, a hand-edited value, a clock in the future) becomes the initial state.
 */
export function parseTimerState(raw: string | null, now: number): TimerState {
  if (!raw) return initialTimerState;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return initialTimerState;
    const { accumulatedMs, runningSince } = value as Record<string, unknown>;
    if (typeof accumulatedMs !== 'number' || !Number.isFinite(accumulatedMs) || accumulatedMs < 0) {
      return initialTimerState;
    }
    if (runningSince === null) return { accumulatedMs, runningSince: null };
    if (typeof runningSince !== 'number' || !Number.isFinite(runningSince) || runningSince > now) {
      return initialTimerState;
    }
    return { accumulatedMs, runningSince };
  } catch {
    return initialTimerState;
  }
}

/**
 * `m:ss` for a duration. Time left rounds up, so a phase never shows 0:00 while time is
 * left; time elapsed rounds down (`'down'`), so elapsed plus left always reads as the total.
 */
export function formatClock(ms: number, round: 'up' | 'down' = 'up'): string {
  const exact = Math.max(0, ms / 1000);
  const seconds = round === 'up' ? Math.ceil(exact) : Math.floor(exact);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Moves the clock to the start of the next phase (a candidate who is done with a phase gives
 * up the rest of it, as in a real interview). A running clock keeps running from there.
 * @returns the new state; at the last phase, the end of the plan. O(phases).
 */
export function skipToNextPhase(
  state: TimerState,
  now: number,
  plan: readonly Phase[] = interviewPlan,
): TimerState {
  const elapsed = elapsedMs(state, now, plan);
  let end = 0;
  for (const phase of plan) {
    end += phase.minutes * 60_000;
    if (elapsed < end) break;
  }
  const target = Math.min(end, totalMs(plan));
  return state.runningSince === null
    ? { accumulatedMs: target, runningSince: null }
    : { accumulatedMs: target, runningSince: now };
}
