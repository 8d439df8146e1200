'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { CloseIcon, SearchIcon } from './icons';
import { basePath } from '@/lib/site-config';
import { SITE_CONTROL_IDS } from './site-ids';
import {
  SEARCH_CANDIDATE_PAGES,
  toHits,
  type SearchHit,
  type SearchPage,
} from '@/lib/content/search-rank';

interface Pagefind {
  options: (options: { baseUrl?: string }) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (
    query: string,
  ) => Promise<{ results: { id: string; data: () => Promise<SearchPage> }[] } | null>;
}

let pagefindPromise: Promise<Pagefind> | null = null;

/** Pagefind is a static file written by the build, not a bundled module. */
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const path = `${basePath}/pagefind/pagefind.js`;
    const module = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ path
    )) as Pagefind;
    // Pagefind's result URLs are the exported files' paths; under BASE_PATH they need its prefix.
    if (basePath) await module.options({ baseUrl: `${basePath}/` });
    await module.init();
    return module;
  })();
  pagefindPromise.catch(() => {
    pagefindPromise = null;
  });
  return pagefindPromise;
}

/**
 * The search dialog. Its HTML is in every page from the start, so the page's inline script
 * can open and close it before React hydrates (site-controls.ts); this component adds the
 * searching. The input is uncontrolled, so React never overwrites what a reader typed before
 * hydration: on mount the component searches for whatever the input already holds.
 */
export function SearchDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The query `hits` answer: the list says which (data-results-for), so a test can wait for it.
  const [hitsFor, setHitsFor] = useState('');
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const listId = useId();

  function onQuery(value: string) {
    setQuery(value);
    if (value.trim()) setStatus((s) => (s === 'error' ? s : 'loading'));
  }

  useEffect(() => {
    const typed = inputRef.current?.value ?? '';
    // What a reader typed before hydration.
    if (typed) onQuery(typed);
    // From here on the dialog searches as the reader types (tests wait for this).
    document.documentElement.dataset.searchLive = 'true';
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return;
    let cancelled = false;
    loadPagefind()
      .then(async (pagefind) => {
        const search = await pagefind.debouncedSearch(trimmed);
        if (!search || cancelled) return;
        const pages = await Promise.all(
          search.results.slice(0, SEARCH_CANDIDATE_PAGES).map((r) => r.data()),
        );
        if (cancelled) return;
        setHits(toHits(pages, trimmed));
        setHitsFor(trimmed);
        setActive(0);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, [query]);

  function go(hit: SearchHit | undefined) {
    if (!hit) return;
    dialogRef.current?.close();
    window.location.assign(hit.url);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(hits[active]);
    }
  }

  const trimmed = query.trim();
  const shown = trimmed ? hits : [];
  let message = '';
  if (status === 'error') message = 'Search is unavailable: the index is built by `npm run build`.';
  else if (trimmed && status === 'ready' && shown.length === 0)
    message = `No results for “${trimmed}”.`;
  else if (!trimmed)
    message = 'Type to search every chapter. ↑ ↓ to move, Enter to open, Esc to close.';

  return (
    <dialog
      ref={dialogRef}
      id={SITE_CONTROL_IDS.search}
      aria-label="Search the guide"
      className="m-0 mx-auto mt-[8vh] w-[min(40rem,calc(100vw-1.5rem))] max-w-none rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 backdrop:backdrop-blur-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center gap-2 border-b border-zinc-200 px-4 dark:border-zinc-700">
        <SearchIcon className="shrink-0 text-zinc-400" />
        <input
          ref={inputRef}
          // type="text", not "search": Chrome spends the first Escape clearing a search field.
          type="text"
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Search: sharding, clarifying questions, ZREVRANK…"
          className="h-14 w-full bg-transparent text-base outline-none placeholder:text-zinc-500"
          role="combobox"
          aria-label="Search query"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          spellCheck={false}
        />
        <button
          type="button"
          data-close-search
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          aria-label="Close search"
        >
          <CloseIcon />
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Search results"
        data-results-for={hitsFor}
        className="max-h-[60vh] overflow-y-auto p-2"
      >
        {shown.map((hit, i) => (
          <li
            key={hit.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseMove={() => setActive(i)}
            onClick={() => go(hit)}
            className={`cursor-pointer rounded-lg px-3 py-2.5 ${i === active ? 'bg-accent-50 dark:bg-accent-900/40' : ''}`}
          >
            <a href={hit.url} tabIndex={-1} className="block">
              <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">
                {hit.page}
              </span>
              <span className="block font-semibold text-zinc-900 dark:text-zinc-50">
                {hit.heading}
              </span>
              <span
                className="mt-0.5 block text-sm text-zinc-600 dark:text-zinc-300 [&_mark]:bg-transparent [&_mark]:font-semibold [&_mark]:text-accent-700 dark:[&_mark]:text-accent-400"
                dangerouslySetInnerHTML={{ __html: hit.excerpt }}
              />
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className="px-5 pb-4 text-sm text-zinc-500 empty:hidden dark:text-zinc-400">
        {message}
      </p>
    </dialog>
  );
}
