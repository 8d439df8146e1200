import type { ReactNode } from 'react';

/**
 * A self-check question whose answer opens on click. The `id` makes it linkable: the
 * page's HashOpener opens it when the URL names it.
 */
export function SelfCheck({
  id,
  question,
  children,
}: {
  id: string;
  question: string;
  children: ReactNode;
}) {
  return (
    <details
      id={id}
      className="self-check group not-prose my-4 scroll-mt-24 rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <summary className="flex cursor-pointer list-none items-start gap-3 rounded-xl px-5 py-4 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/60 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-bold text-accent-700 dark:bg-accent-900/60 dark:text-accent-200"
        >
          ?
        </span>
        <span className="flex-1">
          <span className="block font-semibold text-zinc-900 dark:text-zinc-100">{question}</span>
          <span className="mt-1 block text-sm text-accent-700 group-open:hidden dark:text-accent-400">
            Show the answer
          </span>
        </span>
        <a
          href={`#${id}`}
          className="text-sm text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
          aria-label={`Link to the question: ${question}`}
        >
          #
        </a>
      </summary>
      <div className="prose prose-zinc max-w-none border-t border-zinc-200 px-5 pt-3 pb-4 dark:border-zinc-800 dark:prose-invert">
        {children}
      </div>
    </details>
  );
}
