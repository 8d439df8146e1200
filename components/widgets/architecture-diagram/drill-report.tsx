import type { FlowView } from '@/lib/flow';
import { buttonQuiet } from './frame';

/** The running drill: its narration step by step, then the ending check. */
export function DrillReport({
  title,
  steps,
  drill,
  skipping,
  onSkip,
}: {
  title: string;
  steps: number;
  drill: NonNullable<FlowView['drill']>;
  skipping: boolean;
  onSkip: () => void;
}) {
  const result = drill.result;
  return (
    <div
      className="mx-4 mt-4 rounded-xl border border-zinc-200 bg-zinc-50 p-4 sm:mx-5 dark:border-zinc-700 dark:bg-zinc-950/50 print:hidden"
      data-drill-report={drill.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          {title}
          <span className="ml-2 font-normal text-zinc-600 tabular-nums dark:text-zinc-400">
            {drill.done ? 'finished' : `step ${Math.min(drill.step + 1, steps)} of ${steps}`}
          </span>
        </p>
        {drill.done ? null : (
          <button
            type="button"
            className={buttonQuiet}
            onClick={onSkip}
            disabled={skipping}
            data-control="skip-drill"
          >
            {skipping ? 'Running…' : 'Run to the end'}
          </button>
        )}
      </div>
      <ol
        className="mt-3 list-decimal space-y-1.5 pl-5 text-sm leading-relaxed text-zinc-700 dark:text-zinc-300"
        aria-live="polite"
      >
        {drill.narration.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ol>
      <div aria-live="polite">
        {result ? (
          <p
            className={`mt-3 rounded-lg border-l-4 px-3 py-2 text-sm leading-relaxed ${
              result.passed
                ? 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950/40 dark:text-emerald-100'
                : 'border-rose-500 bg-rose-50 text-rose-950 dark:border-rose-400 dark:bg-rose-950/40 dark:text-rose-100'
            }`}
            data-drill-result={result.passed ? 'passed' : 'failed'}
          >
            <strong>{result.passed ? 'Check passed. ' : 'Check failed. '}</strong>
            {result.details}
          </p>
        ) : null}
      </div>
    </div>
  );
}
