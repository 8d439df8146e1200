'use client';

import { useEffect, useRef, useState } from 'react';
import {
  formatClock,
  initialTimerState,
  interviewPlan,
  parseTimerState,
  pause,
  reset,
  start,
  timerView,
  type TimerState,
} from '@/lib/practice/interview-plan';
import { useStoredState } from './use-stored-state';

const STORAGE_KEY = 'leaderboard-lab:practice-timer:v1';

/** A soft two-note chime through Web Audio; silent where audio is unavailable. */
function chime() {
  try {
    const AudioContextClass = window.AudioContext;
    const context = new AudioContextClass();
    [660, 880].forEach((frequency, i) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      oscillator.type = 'sine';
      const t = context.currentTime + i * 0.18;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.08, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.5);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(t);
      oscillator.stop(t + 0.55);
    });
    window.setTimeout(() => void context.close(), 1200);
  } catch {
    // No audio: the visual cue and the announcement still happen.
  }
}

/**
 * The 45-minute practice timer. All timing lives in lib/practice (wall-clock based), so
 * a reload, a background tab or a sleeping laptop loses nothing.
 */
export function PracticeTimer() {
  const [state, setState, loaded] = useStoredState<TimerState>(
    STORAGE_KEY,
    initialTimerState,
    (raw) => parseTimerState(raw, Date.now()),
  );
  const [sound, setSound] = useStoredState<boolean>(
    `${STORAGE_KEY}:sound`,
    true,
    (raw) => raw !== 'false',
  );
  const [now, setNow] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState(false);
  // The phase seen at the previous tick (-1 once finished); null until the first tick.
  const lastPhase = useRef<number | null>(null);

  const view = timerView(state, now);
  const running = view.status === 'running';

  useEffect(() => {
    if (!loaded) return;
    function tick() {
      const time = Date.now();
      setNow(time);
      const next = timerView(state, time);
      const key = next.status === 'finished' ? -1 : next.phaseIndex;
      const previous = lastPhase.current;
      lastPhase.current = key;
      if (
        previous === null ||
        previous === key ||
        next.status === 'idle' ||
        next.status === 'paused'
      )
        return;
      const phase = interviewPlan[next.phaseIndex];
      setAnnouncement(
        key === -1 || !phase
          ? 'Time is up: 45 minutes are over.'
          : `Phase ${next.phaseIndex + 1} of ${interviewPlan.length}: ${phase.title}, ${phase.minutes} minutes.`,
      );
      setFlash(true);
      window.setTimeout(() => setFlash(false), 1600);
      if (sound) chime();
    }
    const first = window.setTimeout(tick, 0);
    const interval = running ? window.setInterval(tick, 250) : undefined;
    return () => {
      window.clearTimeout(first);
      window.clearInterval(interval);
    };
  }, [loaded, running, state, sound]);

  const current = interviewPlan[view.phaseIndex];
  const buttonBase =
    'inline-flex h-10 items-center justify-center rounded-lg px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';

  return (
    <section
      aria-labelledby="practice-timer-title"
      data-widget="practice-timer"
      className="practice-timer not-prose my-8 flex h-[17.5rem] flex-col justify-between rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div>
        <div className="flex items-baseline justify-between gap-3">
          <h3
            id="practice-timer-title"
            className="text-xs font-semibold tracking-wider text-zinc-500 uppercase sm:text-sm dark:text-zinc-400"
          >
            <span className="hidden sm:inline">45-minute </span>practice timer
          </h3>
          <p
            className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
            data-testid="timer-elapsed"
          >
            {formatClock(view.elapsedMs, 'down')} elapsed · {formatClock(view.totalRemainingMs)}{' '}
            left
          </p>
        </div>
        <div className="mt-2 flex items-center justify-between gap-3">
          <p
            className={`min-w-0 truncate text-lg font-semibold transition-colors sm:text-xl ${flash ? 'text-accent-700 dark:text-accent-300' : 'text-zinc-900 dark:text-zinc-50'}`}
            data-testid="timer-phase"
          >
            {view.status === 'finished'
              ? 'Time is up'
              : `${view.phaseIndex + 1}. ${current?.title ?? ''}`}
          </p>
          <p
            className="shrink-0 font-mono text-3xl font-semibold text-zinc-900 tabular-nums sm:text-4xl dark:text-white"
            data-testid="timer-phase-remaining"
          >
            <span className="sr-only">Time left in this phase: </span>
            {formatClock(view.phaseRemainingMs)}
          </p>
        </div>
        <p className="mt-1 line-clamp-2 h-10 text-sm leading-5 text-zinc-600 dark:text-zinc-400">
          {view.status === 'finished'
            ? 'Summarize the bottlenecks you would fix next, then stop.'
            : `Produce: ${current?.produce ?? ''}.`}
        </p>
      </div>

      <ol className="flex gap-1" aria-label="Phases">
        {interviewPlan.map((phase, i) => {
          const done = i < view.phaseIndex || view.status === 'finished';
          const active =
            i === view.phaseIndex && view.status !== 'finished' && view.status !== 'idle';
          return (
            <li
              key={phase.id}
              style={{ flexGrow: phase.minutes }}
              className="min-w-0 basis-0"
              aria-current={active ? 'step' : undefined}
            >
              <div
                className={`h-2 rounded-full ${
                  active
                    ? 'bg-accent-600 dark:bg-accent-400'
                    : done
                      ? 'bg-accent-200 dark:bg-accent-900'
                      : 'bg-zinc-200 dark:bg-zinc-700'
                }`}
              />
              <p
                className={`mt-1.5 text-[0.7rem] leading-tight whitespace-nowrap ${active ? 'font-semibold text-zinc-900 dark:text-zinc-100' : 'text-zinc-500 dark:text-zinc-400'}`}
                title={`${phase.title} (${phase.minutes} min)`}
              >
                <span aria-hidden="true" className="sm:hidden">
                  {i + 1}
                </span>
                <span aria-hidden="true" className="hidden sm:inline">
                  {phase.short}
                </span>
                <span className="sr-only">
                  {phase.title}, {phase.minutes} minutes
                </span>
              </p>
            </li>
          );
        })}
      </ol>

      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <button
            type="button"
            className={`${buttonBase} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200`}
            onClick={() => setState((s) => pause(s, Date.now()))}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className={`${buttonBase} bg-accent-600 text-white hover:bg-accent-700`}
            onClick={() => {
              if (view.status === 'idle')
                setAnnouncement(`Started. Phase 1: ${interviewPlan[0]?.title ?? ''}.`);
              setState((s) => start(s, Date.now()));
            }}
            disabled={view.status === 'finished'}
          >
            {view.status === 'paused' ? 'Resume' : 'Start'}
          </button>
        )}
        <button
          type="button"
          className={`${buttonBase} border border-zinc-300 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800`}
          onClick={() => {
            lastPhase.current = null;
            setState(reset());
          }}
          disabled={view.status === 'idle'}
        >
          Reset
        </button>
        <label className="ml-auto inline-flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => setSound(e.target.checked)}
            className="size-4 accent-accent-600"
          />
          Chime
        </label>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
