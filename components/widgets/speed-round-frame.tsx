import { widgetEntry } from './manifest';

/**
 * The drill's size and frame, shared with its lazy placeholder through the widget manifest so both
 * take exactly the same space: the page never jumps when the drill loads or changes card.
 * The longest card's model answer fits the panel at 360 px wide.
 */
export const drillHeightClass = widgetEntry('SpeedRoundDrill').height;

export const drillFrameClass = `speed-round-drill not-prose my-8 flex ${drillHeightClass} flex-col rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900`;

export const drillTitleClass =
  'text-sm font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400';

export const buttonBase =
  'inline-flex h-10 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';
export const smallButton =
  'inline-flex h-8 items-center justify-center rounded-md border border-zinc-300 px-3 text-xs font-semibold text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800';
const kbd =
  'rounded border border-current/30 px-1.5 py-px font-mono text-[0.7rem] leading-none font-medium';

export function Key({ children, className = '' }: { children: string; className?: string }) {
  return (
    <kbd aria-hidden="true" className={`${kbd} ${className}`}>
      {children}
    </kbd>
  );
}

/** What the drill says before a round, with its round size and countdown. */
export const drillIntro = (roundSize: number, seconds: number) =>
  `${roundSize} cards a round, ${seconds} seconds each. A missed card comes back a few cards later, and missed and shaky cards lead the next round. Progress stays in this browser.`;
