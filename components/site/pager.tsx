import Link from 'next/link';
import type { PageRef } from '@/lib/content/navigation';
import { ArrowLeftIcon, ArrowRightIcon } from './icons';

/** Previous/next links in reading order, across chapter boundaries. */
export function Pager({ previous, next }: { previous?: PageRef; next?: PageRef }) {
  if (!previous && !next) return null;
  const card =
    'group flex flex-col gap-1 rounded-xl border border-zinc-200 p-4 hover:border-accent-400 hover:bg-accent-50/40 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-800 dark:hover:border-accent-500 dark:hover:bg-accent-900/20';
  return (
    <nav aria-label="Previous and next" className="no-print mt-16 grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={previous.href} className={card} rel="prev">
          <span className="flex items-center gap-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">
            <ArrowLeftIcon width={14} height={14} /> Previous
          </span>
          <span className="font-semibold text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">
            {previous.title}
          </span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <Link href={next.href} className={`${card} sm:items-end sm:text-right`} rel="next">
          <span className="flex items-center gap-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">
            Next <ArrowRightIcon width={14} height={14} />
          </span>
          <span className="font-semibold text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">
            {next.title}
          </span>
        </Link>
      ) : null}
    </nav>
  );
}
