import { SITE_CONTROL_IDS } from './site-ids';
import { SearchIcon } from './icons';

/**
 * The header's search button. Plain HTML: the page's inline script opens the dialog on a
 * click, `/` or Ctrl/Cmd-K (site-controls.ts), so it works before the page hydrates.
 */
export function SearchButton() {
  return (
    <button
      type="button"
      data-open-search
      className="group inline-flex h-10 items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 sm:w-52 md:w-64 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-600 dark:hover:text-white"
      aria-label="Search the guide"
      aria-haspopup="dialog"
      aria-controls={SITE_CONTROL_IDS.search}
      aria-keyshortcuts="/ Control+K Meta+K"
    >
      <SearchIcon width={18} height={18} />
      <span className="hidden sm:inline">Search the guide</span>
      <kbd className="ml-auto hidden rounded border border-zinc-300 px-1.5 font-sans text-xs text-zinc-500 sm:inline dark:border-zinc-600 dark:text-zinc-400">
        /
      </kbd>
    </button>
  );
}
