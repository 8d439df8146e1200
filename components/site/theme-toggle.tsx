import { MoonIcon, SunIcon } from './icons';

/**
 * Flips the theme and stores the choice: plain HTML, given its behaviour by the page's inline
 * script (site-controls.ts), so it works before the page hydrates. Both icons are rendered;
 * CSS shows the one for the current theme.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle
      className="inline-flex size-10 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
      aria-label="Toggle dark mode"
      title="Toggle dark mode"
    >
      <SunIcon className="hidden dark:block" />
      <MoonIcon className="block dark:hidden" />
    </button>
  );
}
