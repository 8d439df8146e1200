'use client';

import { useEffect } from 'react';

/**
 * Opens the collapsible block a URL fragment points at (a self-check answer, a deep
 * dive), so a shared `#id` link shows what it names. Renders nothing.
 */
export function HashOpener() {
  useEffect(() => {
    // A hashchange reads the fragment from the event: the router may already have written
    // the URL back without it (see site-controls.ts, which also puts it back).
    function open(event?: HashChangeEvent) {
      const hash = event ? new URL(event.newURL).hash : window.location.hash;
      const id = decodeURIComponent(hash.slice(1));
      if (!id) return;
      const target = document.getElementById(id);
      const details = target?.closest('details');
      if (details && !details.open) {
        details.open = true;
        target?.scrollIntoView();
      }
    }
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  return null;
}
