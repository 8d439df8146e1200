'use client';

import { useEffect, useRef, useState } from 'react';
import {
  initialTimerState,
  interviewPlan,
  parseTimerState,
  pause,
  reset,
  start,
  timerView,
  type TimerState,
} from '@/lib/practice/interview-plan';
import {
  TimerFace,
  chimeLabel,
  resetButton,
  startButton,
  timerButton,
} from './practice-timer-face';
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

  return (
    <TimerFace
      view={view}
      flash={flash}
      controls={
        <>
          {running ? (
            <button
              type="button"
              className={`${timerButton} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-white dark:text-zinc-900 dark:hover:bg-zinc-200`}
              onClick={() => setState((s) => pause(s, Date.now()))}
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className={`${timerButton} ${startButton}`}
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
            className={`${timerButton} ${resetButton}`}
            onClick={() => {
              lastPhase.current = null;
              setState(reset());
            }}
            disabled={view.status === 'idle'}
          >
            Reset
          </button>
          <label className={chimeLabel}>
            <input
              type="checkbox"
              checked={sound}
              onChange={(e) => setSound(e.target.checked)}
              className="size-4 accent-accent-600"
            />
            Chime
          </label>
        </>
      }
      announcement={announcement}
    />
  );
}
