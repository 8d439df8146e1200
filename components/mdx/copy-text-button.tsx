'use client';

import { useState } from 'react';
import { CheckIcon, CopyIcon } from '@/components/site/icons';

/**
 * Copies the text of the first <pre> inside the nearest `[data-copy-scope]`, exactly
 * as written in the chapter (shiki's spans joined by their newlines), and says so in a
 * live region.
 */
export function CopyTextButton({ label = 'Copy' }: { label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy(event: React.MouseEvent<HTMLButtonElement>) {
    const scope = event.currentTarget.closest('[data-copy-scope]');
    const text = scope?.querySelector('pre')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  }

  return (
    <>
      <button
        type="button"
        onClick={copy}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2.5 text-xs font-medium text-zinc-700 hover:border-zinc-300 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:text-white"
      >
        {state === 'copied' ? (
          <CheckIcon width={14} height={14} className="text-emerald-600" />
        ) : (
          <CopyIcon width={14} height={14} />
        )}
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy'
            : ''}
      </span>
    </>
  );
}
