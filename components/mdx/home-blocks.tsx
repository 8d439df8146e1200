import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Chapter } from '@/content/chapters';
import { sectionHref } from '@/lib/content/navigation';

/** The four chapters as cards, from the chapter list; an unwritten chapter is shown without a link. */
export function ChapterGrid({ chapters }: { chapters: readonly Chapter[] }) {
  return (
    <ol className="not-prose my-8 grid gap-4 sm:grid-cols-2">
      {chapters.map((chapter) => {
        const body = (
          <>
            <span className="flex items-center justify-between text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
              <span>Chapter {chapter.number}</span>
              {chapter.status === 'published' ? (
                <span className="text-zinc-500 dark:text-zinc-400">
                  {chapter.sections.length} sections
                </span>
              ) : (
                <span className="rounded-full bg-zinc-100 px-2 py-0.5 normal-case tracking-normal text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  coming soon
                </span>
              )}
            </span>
            <span className="mt-2 block text-lg font-semibold text-zinc-900 dark:text-zinc-50">
              {chapter.title}
            </span>
            <span className="mt-1.5 block text-[0.95rem] leading-relaxed text-zinc-600 dark:text-zinc-400">
              {chapter.summary}
            </span>
          </>
        );
        return (
          <li key={chapter.slug} className="flex">
            {chapter.status === 'published' ? (
              <Link
                prefetch={false}
                href={sectionHref(chapter.slug, '')}
                className="block w-full rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm transition hover:-translate-y-0.5 hover:border-accent-400 hover:shadow-md focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-accent-500"
              >
                {body}
              </Link>
            ) : (
              <div className="block w-full rounded-2xl border border-dashed border-zinc-300 p-5 dark:border-zinc-700">
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A reading path: who it is for, then the steps. */
export function ReadingPath({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-2xl border border-zinc-200 bg-zinc-50/70 p-5 dark:border-zinc-800 dark:bg-zinc-900/50">
      <p className="font-semibold text-zinc-900 dark:text-zinc-100">{title}</p>
      <div className="prose prose-zinc mt-2 max-w-none text-[0.95rem] dark:prose-invert prose-ol:my-2 prose-p:my-2">
        {children}
      </div>
    </div>
  );
}

export function ReadingPaths({ children }: { children: ReactNode }) {
  return <div className="not-prose my-8 grid gap-4 md:grid-cols-2">{children}</div>;
}
