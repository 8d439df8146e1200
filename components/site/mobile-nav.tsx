'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CloseIcon, MenuIcon } from './icons';

/**
 * The navigation drawer for narrow screens: a modal <dialog>, so focus is trapped and
 * Escape closes it natively. It closes itself when a link inside it is followed.
 */
export function MobileNav({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="-ml-2 inline-flex size-10 items-center justify-center rounded-lg text-zinc-700 hover:bg-zinc-100 lg:hidden dark:text-zinc-200 dark:hover:bg-zinc-800"
        aria-label="Open navigation"
        aria-haspopup="dialog"
      >
        <MenuIcon />
      </button>
      <dialog
        ref={ref}
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === ref.current) setOpen(false);
          else if (e.target instanceof Element && e.target.closest('a')) setOpen(false);
        }}
        aria-label="Navigation"
        className="m-0 h-dvh max-h-none w-[min(20rem,85vw)] max-w-none bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 lg:hidden dark:bg-zinc-950 dark:text-zinc-100"
      >
        <div className="flex h-(--header-height) items-center justify-between border-b border-zinc-200 px-4 dark:border-zinc-800">
          <span className="font-semibold">Contents</span>
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="inline-flex size-10 items-center justify-center rounded-lg hover:bg-zinc-100 dark:hover:bg-zinc-800"
            aria-label="Close navigation"
          >
            <CloseIcon />
          </button>
        </div>
        <div className="px-4 py-5">{children}</div>
      </dialog>
    </>
  );
}
