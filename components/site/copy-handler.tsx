'use client';

import { useEffect, useState } from 'react';

/** How long a copy button shows its "copied" state, ms. */
const COPIED_MS = 2000;

/**
 * The one script behind every copy button on a page, so a long chapter hydrates one
 * component instead of one per heading and code block. Buttons are server-rendered:
 * - `data-copy-link="<id>"` copies the absolute URL of the heading `#id`;
 * - `data-copy-text` copies the first <pre> inside the nearest `[data-copy-scope]`,
 *   exactly as written in the chapter (shiki's spans joined by their newlines).
 * A copied button gets `data-copied` for two seconds (its CSS swaps icon and label), and
 * the result is announced in a polite live region.
 */
export function CopyHandler() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    async function onClick(event: MouseEvent) {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLElement>('[data-copy-link], [data-copy-text]')
          : null;
      if (!button) return;
      const id = button.dataset.copyLink;
      const text =
        id !== undefined
          ? `${window.location.origin}${window.location.pathname}#${id}`
          : (button.closest('[data-copy-scope]')?.querySelector('pre')?.textContent ?? '');
      try {
        await navigator.clipboard.writeText(text);
        button.setAttribute('data-copied', '');
        setMessage(id !== undefined ? 'Link copied' : 'Copied to the clipboard');
      } catch {
        setMessage(id !== undefined ? 'Could not copy the link' : 'Could not copy');
      }
      window.setTimeout(() => {
        button.removeAttribute('data-copied');
        setMessage('');
      }, COPIED_MS);
    }
    document.addEventListener('click', onClick);
    // Lets tests know the copy buttons are live (the page hydrates after its first paint).
    document.documentElement.dataset.copyReady = 'true';
    return () => document.removeEventListener('click', onClick);
  }, []);
  return (
    <span role="status" aria-live="polite" className="sr-only">
      {message}
    </span>
  );
}
