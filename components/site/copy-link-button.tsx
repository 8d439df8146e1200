import { CheckIcon, LinkIcon } from './icons';

/**
 * The button beside a heading that copies the heading's absolute URL. Static HTML: the
 * page's inline script (site-controls.ts) does the copying and the "Link copied"
 * announcement, before and after hydration alike.
 */
export function CopyLinkButton({ id, label }: { id: string; label: string }) {
  return (
    <span className="no-print ml-2 inline-flex align-middle">
      <button
        type="button"
        className="group/copy inline-flex size-8 items-center justify-center rounded-md text-zinc-400 opacity-70 hover:bg-zinc-100 hover:text-zinc-700 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        aria-label={`Copy link to “${label}”`}
        data-copy-link={id}
      >
        <LinkIcon width={16} height={16} className="group-data-copied/copy:hidden" />
        <CheckIcon
          width={16}
          height={16}
          className="hidden text-emerald-600 group-data-copied/copy:block"
        />
      </button>
    </span>
  );
}
