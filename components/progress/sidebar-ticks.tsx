'use client';

import { useEffect } from 'react';
import { readSections } from '@/lib/progress/operations';
import './progress.css';
import { withoutBasePath } from '@/lib/site-config';

/** Runs `work` when the browser is idle (or soon, where it has no idle callback). */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback.
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}

/**
 * Ticks the sections the reader has read in the chapter navigation (`navId`). The
 * navigation is server-rendered HTML; this marks its links with `data-read` once the
 * browser is idle after hydration, and again whenever progress changes in any tab.
 * Renders nothing.
 */
export function SidebarTicks({ navId }: { navId: string }) {
  useEffect(() => {
    let unsubscribe = () => {};
    let cancelled = false;
    const cancel = whenIdle(() => {
      // The store's code is fetched only now, after the page is idle.
      void import('./browser-store').then(({ browserProgress }) => {
        if (cancelled) return;
        const store = browserProgress();
        const apply = () => {
          const read = readSections(store.getSnapshot());
          const links = document.querySelectorAll<HTMLAnchorElement>(`#${navId} a.nav-link`);
          for (const link of links) {
            const on = read.has(withoutBasePath(new URL(link.href).pathname));
            if (on !== link.hasAttribute('data-read')) link.toggleAttribute('data-read', on);
          }
        };
        apply();
        unsubscribe = store.subscribe(apply);
      });
    });
    return () => {
      cancelled = true;
      cancel();
      unsubscribe();
    };
  }, [navId]);
  return null;
}
