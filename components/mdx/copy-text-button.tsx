import { CheckIcon, CopyIcon } from '@/components/site/icons';

/**
 * Copies the text of the first <pre> inside the nearest `[data-copy-scope]`. Static
 * HTML: the page's inline script (components/site/site-controls.ts) does the copying and
 * the announcement, and sets `data-copied`, which swaps the icon and the label here.
 */
export function CopyTextButton({ label = 'Copy' }: { label?: string }) {
  return (
    <button
      type="button"
      data-copy-text
      className="group/copy inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2.5 text-xs font-medium text-zinc-700 hover:border-zinc-300 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:text-white"
    >
      <CopyIcon width={14} height={14} className="group-data-copied/copy:hidden" />
      <CheckIcon
        width={14}
        height={14}
        className="hidden text-emerald-600 group-data-copied/copy:block"
      />
      <span className="group-data-copied/copy:hidden">{label}</span>
      <span className="hidden group-data-copied/copy:inline">Copied</span>
    </button>
  );
}
