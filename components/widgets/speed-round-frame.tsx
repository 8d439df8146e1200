import type { ReactNode } from 'react';

/**
 * The drill's outer frame, shared by the widget and its lazy placeholder so both take
 * exactly the same space: the page never jumps when the drill loads or changes card.
 */
export const drillFrameClass =
  'speed-round-drill not-prose my-8 flex h-[44rem] flex-col rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:h-[34rem] sm:p-6 dark:border-zinc-800 dark:bg-zinc-900';

export const drillTitleClass =
  'text-sm font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400';

/** What the page shows until the drill's code has loaded: the frame, the title, a note. */
export function SpeedRoundDrillPlaceholder({ children }: { children?: ReactNode }) {
  return (
    <section aria-label="Speed-round drill" aria-busy="true" className={drillFrameClass}>
      <h3 className={drillTitleClass}>Speed-round drill</h3>
      <div className="flex flex-1 items-center justify-center text-sm text-zinc-500 dark:text-zinc-400">
        {children ?? 'Loading the drill…'}
      </div>
    </section>
  );
}
