'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { shortDate } from '@/lib/progress/dates';
import { markSection, openSelfCheck, reachSectionEnd } from '@/lib/progress/operations';
import { useProgress } from './use-progress';
import { withBasePath } from '@/lib/site-config';

/** Time on a page before reaching its end counts as having read it. */
const MIN_READ_MS = 10_000;

/**
 * The end of a section: whether the reader has read it, a button to mark it read or
 * unread, and a link to the progress page. It also records progress on the page: the
 * section counts as read once this bar has been on screen after the reader spent
 * MIN_READ_MS on the page, and each self-check answer opened is recorded.
 */
export function SectionProgress({ path }: { path: string }) {
  const { progress, loaded, update } = useProgress();
  const bar = useRef<HTMLDivElement>(null);
  const flag = progress.sections[path];
  const read = flag?.on ?? false;

  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const opened = performance.now();
    let timer: number | undefined;
    const reach = () => update((p, at) => reachSectionEnd(p, path, at));
    const observer = new IntersectionObserver(([entry]) => {
      window.clearTimeout(timer);
      if (!entry?.isIntersecting) return;
      const wait = MIN_READ_MS - (performance.now() - opened);
      if (wait <= 0) reach();
      else timer = window.setTimeout(reach, wait);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [path, update]);

  useEffect(() => {
    // `toggle` does not bubble: listen in the capture phase for every self-check on the page.
    function onToggle(event: Event) {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open) return;
      if (!details.classList.contains('self-check') || !details.id) return;
      update((p, at) => openSelfCheck(p, `${path}#${details.id}`, at));
    }
    document.addEventListener('toggle', onToggle, true);
    return () => document.removeEventListener('toggle', onToggle, true);
  }, [path, update]);

  return (
    <div
      ref={bar}
      className="not-prose no-print mt-12 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
      data-pagefind-ignore="all"
    >
      <p className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {!loaded
          ? 'Your progress stays in this browser.'
          : read
            ? `Read${flag && flag.at > 0 ? ` (${flag.how === 'marked' ? 'marked' : 'finished'} ${shortDate(flag.at)})` : ''}.`
            : 'Not marked as read yet.'}{' '}
        <Link
          prefetch={false}
          href="/progress/"
          className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
        >
          Your progress
        </Link>
        {' · '}
        <a
          href={withBasePath(`${path}index.md`)}
          type="text/markdown"
          className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
          title="This page as plain Markdown, to read offline or hand to an AI assistant"
        >
          Markdown
        </a>
        {' · '}
        <Link
          prefetch={false}
          href={`/print/${path.split('/')[1]}/`}
          className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
        >
          Print the chapter
        </Link>
      </p>
      <button
        type="button"
        disabled={!loaded}
        aria-pressed={read}
        onClick={() => update((p, at) => markSection(p, path, !read, at))}
        className="inline-flex h-9 items-center gap-2 rounded-lg border border-zinc-300 px-3 font-semibold text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-60 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        <span
          aria-hidden="true"
          className={`inline-flex size-4 items-center justify-center rounded border text-[0.7rem] ${read ? 'border-emerald-600 bg-emerald-600 text-white' : 'border-zinc-400'}`}
        >
          {read ? '✓' : ''}
        </span>
        Mark as read
      </button>
    </div>
  );
}
