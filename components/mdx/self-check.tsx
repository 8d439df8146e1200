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
    <div className="relative my-4">
      <details
        id={id}
        className="self-check group rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/60"
      >
        <summary className="flex cursor-pointer pr-12 list-none items-start gap-3 rounded-xl px-5 py-4 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/60 [&::-webkit-details-marker]:hidden">
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
        </summary>
        <div className="border-t border-zinc-200 px-5 pt-3 pb-4 dark:border-zinc-800 [&>:first-child]:mt-0! [&>:last-child]:mb-0!">
          {children}
        </div>
      </details>
      <a
        href={`#${id}`}
        className="absolute top-3.5 right-3 inline-flex size-8 items-center justify-center rounded-md text-sm font-normal text-zinc-500 no-underline! hover:bg-zinc-100 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        aria-label={`Link to this question: ${question}`}
      >
        #
      </a>
    </div>
  );
}
