'use client';

import { useEffect, useState } from 'react';
import type { Heading } from '@/lib/content/headings';

/** Follows the scroll: the current heading is the last one just below the header. */
function spy(headings: readonly Heading[], setActiveId: (id: string | null) => void): () => void {
  let frame = 0;
  function update() {
    frame = 0;
    const offset = 120;
    let current: string | null = null;
    for (const heading of headings) {
      const element = document.getElementById(heading.id);
      if (element && element.getBoundingClientRect().top <= offset) current = heading.id;
    }
    const atBottom =
      window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
    if (atBottom) current = headings[headings.length - 1]?.id ?? current;
    setActiveId(current ?? headings[0]?.id ?? null);
  }
  function onScroll() {
    if (!frame) frame = requestAnimationFrame(update);
  }
  // The first measurement waits for a frame, outside the hydration task.
  frame = requestAnimationFrame(update);
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('hashchange', onScroll);
  return () => {
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('hashchange', onScroll);
    if (frame) cancelAnimationFrame(frame);
  };
}

/**
 * "On this page", with scroll-spy: the current heading is the last one whose top has
 * passed just below the header. One passive scroll listener, throttled to animation
 * frames; cheap enough for the longest chapter page.
 */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  const [activeId, setActiveId] = useState<string | null>(null);

  useEffect(() => {
    if (headings.length === 0) return;
    // The table of contents is hidden below the xl breakpoint: measuring every heading
    // there would only add layout work to the phone's first load.
    const wide = window.matchMedia('(min-width: 80rem)');
    let detach: (() => void) | null = null;
    const follow = () => {
      if (wide.matches && !detach) detach = spy(headings, setActiveId);
      else if (!wide.matches && detach) {
        detach();
        detach = null;
      }
    };
    follow();
    wide.addEventListener('change', follow);
    return () => {
      wide.removeEventListener('change', follow);
      detach?.();
    };
  }, [headings]);

  if (headings.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-3 text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
        On this page
      </p>
      <ul className="space-y-1 border-l border-zinc-200 dark:border-zinc-800">
        {headings.map((heading) => {
          const active = heading.id === activeId;
          return (
            <li key={heading.id}>
              <a
                href={`#${heading.id}`}
                aria-current={active ? 'location' : undefined}
                className={`-ml-px block border-l-2 py-1 leading-snug ${heading.depth === 3 ? 'pl-6' : 'pl-3'} ${
                  active
                    ? 'border-accent-600 font-medium text-accent-700 dark:border-accent-400 dark:text-accent-300'
                    : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
                }`}
              >
                {heading.text}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
