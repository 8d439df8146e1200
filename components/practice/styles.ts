/** Class names the practice room's panels share, so every button and card looks alike. */
export const btn =
  'inline-flex h-10 items-center justify-center gap-1.5 rounded-lg border px-3.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';
export const primary = `${btn} border-accent-600 bg-accent-600 text-white hover:bg-accent-700 dark:border-accent-500`;
export const quiet = `${btn} border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`;
export const field =
  'h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';
export const card =
  'rounded-2xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900';
export const h2 = 'text-lg font-semibold text-zinc-900 dark:text-zinc-50';
export const h3 = 'text-base font-semibold text-zinc-900 dark:text-zinc-50';
export const muted = 'text-sm text-zinc-600 dark:text-zinc-400';
export const good = 'text-emerald-700 dark:text-emerald-300';
export const bad = 'text-rose-700 dark:text-rose-300';
export const warn = 'text-amber-700 dark:text-amber-300';
export const textarea =
  'w-full rounded-lg border border-zinc-300 bg-white p-3 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';
