import { initialTimerState, timerView } from '@/lib/practice/interview-plan';
import { widgetEntry } from './manifest';
import {
  TimerFace,
  chimeLabel,
  resetButton,
  startButton,
  timerButton,
} from './practice-timer-face';
import { WidgetPlaceholder } from './widget-placeholder';

/**
 * The practice timer before its code arrives: the same face at 45:00, as a timer nobody has
 * started shows it. A tap on Start is kept and replayed on the live button once it is there
 * (site-controls.ts); Reset and Chime are drawn as the live timer has them at rest.
 */
export function PracticeTimerPlaceholder() {
  return (
    <TimerFace
      placeholder
      view={timerView(initialTimerState, 0)}
      controls={
        <>
          <span
            className={`${timerButton} ${startButton} cursor-pointer data-queued:animate-pulse`}
            data-queue-control="Start"
          >
            Start
          </span>
          <button type="button" disabled tabIndex={-1} className={`${timerButton} ${resetButton}`}>
            Reset
          </button>
          <span className={chimeLabel} aria-hidden="true">
            <svg viewBox="0 0 16 16" className="size-4 rounded-sm bg-accent-600 text-white">
              <path d="M4 8.5l2.5 2.5L12 5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            Chime
          </span>
        </>
      }
    />
  );
}

/** The speed-round drill, which loads right after the page: a quiet box of its size. */
export function SpeedRoundPlaceholder() {
  return (
    <WidgetPlaceholder
      name="speed-round-drill"
      label="Speed-round drill"
      className={widgetEntry('SpeedRoundDrill').height}
    />
  );
}
