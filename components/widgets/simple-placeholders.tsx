import { formatClock, initialTimerState, timerView } from '@/lib/practice/interview-plan';
import { DEFAULT_ROUND_SIZE, DEFAULT_SECONDS } from '@/lib/practice/speed-round';
import {
  TimerFace,
  chimeLabel,
  resetButton,
  startButton,
  timerButton,
} from './practice-timer-face';
import type { SpeedRoundDrillProps } from './speed-round-drill';
import {
  Key,
  buttonBase,
  drillFrameClass,
  drillIntro,
  drillTitleClass,
  smallButton,
} from './speed-round-frame';

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

/**
 * The speed-round drill before its code arrives: its frame, countdown and the words it
 * says before a round, with the round's controls drawn at rest. The reader's own deck and
 * the card filter appear inside the same panel once the drill has read the progress store.
 */
export function SpeedRoundPlaceholder({
  cards,
  seconds = DEFAULT_SECONDS,
  roundSize = DEFAULT_ROUND_SIZE,
}: SpeedRoundDrillProps) {
  return (
    <section
      aria-labelledby="speed-round-drill-title-static"
      data-widget="speed-round-drill"
      data-placeholder=""
      className={drillFrameClass.replace('speed-round-drill ', '')}
    >
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h3 id="speed-round-drill-title-static" className={drillTitleClass}>
            Speed-round drill
          </h3>
          <p className="mt-1 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
            {cards.length} cards · {roundSize} a round
          </p>
        </div>
        <p className="shrink-0 text-right font-mono text-2xl font-semibold text-zinc-500 tabular-nums sm:text-3xl dark:text-zinc-400">
          {formatClock(seconds * 1000)}
          <span className="block h-4" />
        </p>
      </div>
      <div
        className="mt-2 h-1.5 rounded-full bg-accent-600 dark:bg-accent-400"
        aria-hidden="true"
      />
      <div className="mt-4 min-h-0 flex-1 rounded-xl bg-zinc-50 p-4 sm:p-5 dark:bg-zinc-950/60">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{drillIntro(roundSize, seconds)}</p>
      </div>
      <div className="mt-4 grid h-10 grid-cols-3 gap-2" aria-hidden="true">
        <span className={`${buttonBase} col-span-3 bg-accent-600 text-white`}>
          Start a round <Key>Enter</Key>
        </span>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Keys while the drill has focus: Space reveals, 1 got it, 2 shaky, 3 missed, Enter starts a
          round.
        </p>
        <div className="flex gap-2" aria-hidden="true">
          <span className={smallButton}>Export for Anki</span>
          <span className={smallButton}>Reset progress</span>
        </div>
      </div>
    </section>
  );
}
