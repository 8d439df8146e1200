import { describe, expect, it } from 'vitest';
import {
  formatClock,
  initialTimerState,
  interviewPlan,
  parseTimerState,
  pause,
  skipToNextPhase,
  start,
  timerView,
  totalMs,
} from './interview-plan';

const minute = 60_000;

describe('interview plan', () => {
  it('adds up to 45 minutes', () => {
    expect(totalMs(interviewPlan)).toBe(45 * minute);
  });
});

describe('practice timer', () => {
  it('walks through the phases on wall-clock time', () => {
    const t0 = 1_000_000;
    const running = start(initialTimerState, t0);
    expect(timerView(running, t0).status).toBe('running');
    expect(timerView(running, t0 + 4 * minute).phaseIndex).toBe(0);
    expect(timerView(running, t0 + 5 * minute).phaseIndex).toBe(1);
    const design = timerView(running, t0 + 17 * minute);
    expect(design.phaseIndex).toBe(3);
    expect(design.phaseRemainingMs).toBe(8 * minute);
    expect(timerView(running, t0 + 50 * minute)).toMatchObject({
      status: 'finished',
      phaseIndex: 5,
      totalRemainingMs: 0,
    });
  });

  it('pauses, resumes and keeps the time accumulated', () => {
    const t0 = 0;
    let state = start(initialTimerState, t0);
    state = pause(state, t0 + 3 * minute);
    expect(timerView(state, t0 + 30 * minute)).toMatchObject({
      status: 'paused',
      elapsedMs: 3 * minute,
    });
    state = start(state, t0 + 30 * minute);
    expect(timerView(state, t0 + 33 * minute).elapsedMs).toBe(6 * minute);
    expect(start(state, t0 + 40 * minute)).toBe(state);
  });

  it('survives a round trip through storage and rejects garbage', () => {
    const state = start(initialTimerState, 500);
    expect(parseTimerState(JSON.stringify(state), 1000)).toEqual(state);
    expect(parseTimerState('{"accumulatedMs":-5,"runningSince":null}', 1000)).toEqual(
      initialTimerState,
    );
    expect(parseTimerState('{"accumulatedMs":0,"runningSince":9999}', 1000)).toEqual(
      initialTimerState,
    );
    expect(parseTimerState('not json', 1000)).toEqual(initialTimerState);
    expect(parseTimerState(null, 1000)).toEqual(initialTimerState);
  });

  it('formats clocks rounding up', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(5 * minute)).toBe('5:00');
    expect(formatClock(61_500)).toBe('1:02');
  });

  // Reader defect 9: both clocks rounded up, so 1.5 s in read 0:02 elapsed, 44:59 left.
  it('rounds elapsed down, so elapsed plus left is always the whole plan', () => {
    const total = totalMs(interviewPlan);
    const secs = (clock: string) => {
      const [m, s] = clock.split(':').map(Number);
      return (m ?? 0) * 60 + (s ?? 0);
    };
    for (const ms of [0, 1, 999, 1_500, 61_250, 600_999, total - 600, total]) {
      const sum = secs(formatClock(ms, 'down')) + secs(formatClock(total - ms));
      expect(sum, `${ms} ms`).toBe(total / 1000);
    }
    expect(formatClock(1_999, 'down')).toBe('0:01');
  });
});

describe('skipping to the next phase', () => {
  it('jumps to the next phase start, paused or running, and stops at the end', () => {
    const paused = { accumulatedMs: 2 * minute + 10, runningSince: null };
    expect(skipToNextPhase(paused, 0)).toEqual({ accumulatedMs: 5 * minute, runningSince: null });
    const running = { accumulatedMs: 0, runningSince: 1_000 };
    expect(skipToNextPhase(running, 1_000 + 16 * minute)).toEqual({
      accumulatedMs: 25 * minute,
      runningSince: 1_000 + 16 * minute,
    });
    expect(
      skipToNextPhase({ accumulatedMs: 44 * minute, runningSince: null }, 0).accumulatedMs,
    ).toBe(45 * minute);
  });
});
