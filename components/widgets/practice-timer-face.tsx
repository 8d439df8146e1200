import type { ReactNode } from 'react';
import { formatClock, interviewPlan, type TimerView } from '@/lib/practice/interview-plan';

/**
 * The practice timer's face: clock, phase, what to produce, the phase bar, and a row of
 * controls. No state and no hooks, so the server draws the same face as the timer's
 * placeholder (simple-placeholders.tsx) that the live timer (practice-timer.tsx) then
 * renders with its state.
 */

export const timerButton =
  'inline-flex h-10 items-center justify-center rounded-lg px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';
export const startButton = 'bg-accent-600 text-white hover:bg-accent-700';
export const resetButton =
  'border border-zinc-300 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800';
export const chimeLabel =
  'ml-auto inline-flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400';

export function TimerFace({
  view,
  flash = false,
  controls,
  announcement,
  placeholder = false,
}: {
  view: TimerView;
  flash?: boolean;
  controls: ReactNode;
  announcement?: string;
  /** Drawn by the server before the timer's code arrives. */
  placeholder?: boolean;
}) {
  const current = interviewPlan[view.phaseIndex];
  const titleId = placeholder ? 'practice-timer-title-static' : 'practice-timer-title';
  return (
    <section
      aria-labelledby={titleId}
      data-widget="practice-timer"
      data-placeholder={placeholder ? '' : undefined}
      className={`${placeholder ? '' : 'practice-timer '}not-prose my-8 flex h-[17.5rem] flex-col justify-between rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900`}
    >
      <div>
        <div className="flex items-baseline justify-between gap-3">
          <h3
            id={titleId}
            className="text-xs font-semibold tracking-wider text-zinc-500 uppercase sm:text-sm dark:text-zinc-400"
          >
            <span className="hidden sm:inline">45-minute </span>practice timer
          </h3>
          <p
            className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
            data-testid={placeholder ? undefined : 'timer-elapsed'}
          >
            {formatClock(view.elapsedMs, 'down')} elapsed · {formatClock(view.totalRemainingMs)}{' '}
            left
          </p>
        </div>
        <div className="mt-2 flex items-center justify-between gap-3">
          <p
            className={`min-w-0 truncate text-lg font-semibold transition-colors sm:text-xl ${flash ? 'text-accent-700 dark:text-accent-300' : 'text-zinc-900 dark:text-zinc-50'}`}
            data-testid={placeholder ? undefined : 'timer-phase'}
          >
            {view.status === 'finished'
              ? 'Time is up'
              : `${view.phaseIndex + 1}. ${current?.title ?? ''}`}
          </p>
          <p
            className="shrink-0 font-mono text-3xl font-semibold text-zinc-900 tabular-nums sm:text-4xl dark:text-white"
            data-testid={placeholder ? undefined : 'timer-phase-remaining'}
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

      <div className="flex flex-wrap items-center gap-2">{controls}</div>
      {announcement !== undefined && (
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
      )}
    </section>
  );
}
