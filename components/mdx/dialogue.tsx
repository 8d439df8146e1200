import type { ReactNode } from 'react';
import { StopwatchIcon } from '@/components/site/icons';

function Turn({ who, tone, children }: { who: string; tone: string; children: ReactNode }) {
  return (
    <div className="my-4 grid gap-1 sm:grid-cols-[7.5rem_1fr] sm:gap-4">
      <p className={`m-0! pt-1 text-xs font-bold tracking-wider uppercase ${tone}`}>{who}</p>
      <div className="min-w-0 [&>:first-child]:mt-0! [&>:last-child]:mb-0! [&_p]:my-2!">
        {children}
      </div>
    </div>
  );
}

/** One turn by the interviewer in a mock interview. */
export function Interviewer({ children }: { children: ReactNode }) {
  return (
    <Turn who="Interviewer" tone="text-zinc-500 dark:text-zinc-400">
      {children}
    </Turn>
  );
}

/** One turn by the candidate in a mock interview. */
export function Candidate({ children }: { children: ReactNode }) {
  return (
    <Turn who="Candidate" tone="text-accent-700 dark:text-accent-400">
      {children}
    </Turn>
  );
}

/** A side note on the turn above it: why it works, the weaker answer, the signal it sends. */
export function Annotation({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <aside
      aria-label={title ? `Annotation: ${title}` : 'Annotation'}
      className="my-5 rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-4 py-3 text-[0.925rem] sm:ml-[8.5rem] dark:border-zinc-700 dark:bg-zinc-900/60"
    >
      <p className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
        Why this works{title ? ` · ${title}` : ''}
      </p>
      <div className="mt-1 [&>:first-child]:mt-0! [&>:last-child]:mb-0! [&_li]:my-0.5! [&_p]:my-1.5!">
        {children}
      </div>
    </aside>
  );
}

/** The mock-interview clock under a phase heading. */
export function Elapsed({ from, to }: { from: string; to: string }) {
  return (
    <p className="not-prose -mt-2 mb-5">
      <span className="inline-flex items-center gap-2 rounded-full bg-zinc-900 px-3 py-1 font-mono text-xs font-medium text-white tabular-nums dark:bg-zinc-100 dark:text-zinc-900">
        <StopwatchIcon width={14} height={14} strokeWidth={2} />
        <span>
          <span className="sr-only">Elapsed time: </span>
          {from} – {to}
        </span>
      </span>
    </p>
  );
}
