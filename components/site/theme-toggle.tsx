'use client';

import { MoonIcon, SunIcon } from './icons';

/**
 * Flips the theme and stores the choice. The current theme is read from the class the
 * inline script set, so this component needs no state and renders the same on the
 * server and the client (both icons are rendered; CSS shows the right one).
 */
export function ThemeToggle() {
  function toggle() {
    const root = document.documentElement;
    const dark = !root.classList.contains('dark');
    root.classList.toggle('dark', dark);
    root.style.colorScheme = dark ? 'dark' : 'light';
    try {
      localStorage.setItem('theme', dark ? 'dark' : 'light');
    } catch {
      // Storage can be disabled; the toggle still works for this page view.
    }
  }
  return (
    <button
      type="button"
      onClick={toggle}
      className="inline-flex size-10 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
      aria-label="Toggle dark mode"
      title="Toggle dark mode"
    >
      <SunIcon className="hidden dark:block" />
      <MoonIcon className="block dark:hidden" />
    </button>
  );
}
