'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { SearchIcon } from './icons';

// The dialog and the Pagefind client load only when a reader first opens search.
const SearchDialog = dynamic(() => import('./search-dialog').then((m) => m.SearchDialog), {
  ssr: false,
});

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The header's search button; also opens on `/` and on Ctrl/Cmd-K. */
export function SearchButton() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const modK = (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' && !event.metaKey && !event.ctrlKey && !isTypingTarget(event.target);
      if (modK || slash) {
        event.preventDefault();
        setUsed(true);
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    // Lets tests (and curious readers) know the shortcuts are live.
    document.documentElement.dataset.searchReady = 'true';
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        className="group inline-flex h-10 items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 sm:w-64 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-600 dark:hover:text-white"
        aria-label="Search the guide"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
      >
        <SearchIcon width={18} height={18} />
        <span className="hidden sm:inline">Search the guide</span>
        <kbd className="ml-auto hidden rounded border border-zinc-300 px-1.5 font-sans text-xs text-zinc-500 sm:inline dark:border-zinc-600 dark:text-zinc-400">
          /
        </kbd>
      </button>
      {used ? <SearchDialog open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
