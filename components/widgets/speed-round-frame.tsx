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
