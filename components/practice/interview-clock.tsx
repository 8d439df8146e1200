import type { Attempt } from '@/lib/practice/attempt';
import { formatClock, interviewPlan, timerView } from '@/lib/practice/interview-plan';
import type { Variant } from '@/lib/practice/variant';
import { card, primary, quiet } from './styles';

/** The 45-minute clock: the phase, the time used and left, and its controls. */
export function InterviewClock({
  variant,
  attempt,
  now,
  onStart,
  onPause,
  onNext,
}: {
  variant: Variant;
  attempt: Attempt;
  now: number;
  onStart: () => void;
  onPause: () => void;
  onNext: () => void;
}) {
  const v = timerView(attempt.timer, now);
  const phase = interviewPlan[v.phaseIndex];
  return (
    <div className={`${card} flex flex-wrap items-center gap-x-6 gap-y-3`} data-clock>
      <div className="min-w-0 flex-1 basis-64">
        <p className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
          {variant.title}
        </p>
        <p
          className="mt-1 text-base font-semibold text-zinc-900 dark:text-zinc-50"
          data-clock-phase
        >
          {attempt.status === 'complete'
            ? 'Finished'
            : v.status === 'finished'
              ? 'Time is up: review your attempt'
              : `${v.phaseIndex + 1}. ${phase?.title ?? ''}`}
        </p>
        <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" data-clock-time>
          {formatClock(v.elapsedMs, 'down')} elapsed · {formatClock(v.totalRemainingMs)} left ·{' '}
          {formatClock(v.phaseRemainingMs)} left in this phase
        </p>
      </div>
      {attempt.status === 'complete' ? null : (
        <div className="flex flex-wrap gap-2">
          {v.status === 'running' ? (
            <button type="button" className={quiet} onClick={onPause} data-action="pause-clock">
              Pause clock
            </button>
          ) : (
            <button
              type="button"
              className={primary}
              onClick={onStart}
              disabled={v.status === 'finished'}
              data-action="start-clock"
            >
              {v.status === 'paused' ? 'Resume clock' : 'Start the clock'}
            </button>
          )}
          <button
            type="button"
            className={quiet}
            onClick={onNext}
            disabled={v.status === 'finished'}
            data-action="next-phase"
          >
            Next phase
          </button>
        </div>
      )}
    </div>
  );
}
