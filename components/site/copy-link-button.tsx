'use client';

import { useState } from 'react';
import { CheckIcon, LinkIcon } from './icons';

/**
 * Copies the absolute URL of a heading (the reader's own origin, path and `#id`) and
 * confirms it in a polite live region, so screen readers hear "Link copied" too.
 */
export function CopyLinkButton({ id, label }: { id: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    const url = `${window.location.origin}${window.location.pathname}#${id}`;
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  return (
    <span className="no-print ml-2 inline-flex align-middle">
      <button
        type="button"
        onClick={copy}
        className="inline-flex size-8 items-center justify-center rounded-md text-zinc-400 opacity-70 hover:bg-zinc-100 hover:text-zinc-700 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        aria-label={`Copy link to “${label}”`}
        data-copy-link={id}
      >
        {state === 'copied' ? (
          <CheckIcon width={16} height={16} className="text-emerald-600" />
        ) : (
          <LinkIcon width={16} height={16} />
        )}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy the link' : ''}
      </span>
    </span>
  );
}
