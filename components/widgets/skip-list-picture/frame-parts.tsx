import type { ReactNode } from 'react';

/**
 * The picture's frame, shared by the live picture and its server-drawn placeholder so the
 * two have the same rows of the same heights at every width: the page does not move when
 * one replaces the other. The drawing's region takes the rest of the frame's height, never
 * less than a dozen nodes need (rows on a phone, columns from ACROSS_FROM).
 */

export const frameClass =
  'not-prose @container my-8 flex flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900';
export const toolbarClass =
  'flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800';
export const requestRowClass =
  'flex flex-wrap items-end gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800';
export const controlClass =
  'inline-flex h-9 items-center justify-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-50 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700';
export const traceClass =
  'inline-flex h-9 items-center rounded-lg bg-accent-600 px-4 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-50';
export const fieldLabelClass =
  'flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400';
/** Fixed widths, so the placeholder's stand-ins take exactly the selects' room. */
export const commandSelectClass =
  'h-9 w-44 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100';
export const memberSelectClass =
  'h-9 w-24 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100';
export const encodingClass = (encoding: string) =>
  `rounded-full px-2.5 py-0.5 text-xs font-semibold ${encoding === 'listpack' ? 'bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-200'}`;
export const INTRO =
  'Pick a command and a member, then trace the search to see the hops and the spans it adds.';

/** The drawing's region and the caption under it. */
export function PictureRegion({
  regionRef,
  caption,
  children,
}: {
  regionRef?: React.Ref<HTMLDivElement>;
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div
        ref={regionRef}
        className="relative min-h-[29rem] flex-1 overflow-hidden @xl:min-h-[17rem]"
        data-testid="skiplist-region"
      >
        {/* Out of the flow: the drawing is scaled to the region and must not size it. */}
        <div className="absolute inset-0 flex items-center justify-center">{children}</div>
      </div>
      <p
        className="m-0 h-5 truncate px-4 text-xs text-zinc-500 dark:text-zinc-400"
        data-testid="skiplist-caption"
      >
        {caption}
      </p>
    </>
  );
}

/** The answer line and the narration under the drawing. */
export function PictureFooter({
  answer,
  status,
  live = false,
}: {
  answer: ReactNode;
  status: ReactNode;
  live?: boolean;
}) {
  return (
    <div className="border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <p
        className="m-0 min-h-5 font-medium text-zinc-900 dark:text-zinc-100"
        data-testid={live ? 'skiplist-answer' : undefined}
      >
        {answer}
      </p>
      {status}
    </div>
  );
}
