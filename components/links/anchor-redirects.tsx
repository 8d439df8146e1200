'use client';

import { useEffect } from 'react';
import { withBasePath, withoutBasePath } from '@/lib/site-config';

/**
 * Keeps old links working after a heading is renamed: when the URL names an anchor that
 * is no longer on the page but was redirected (content/link-registry.json), it moves to
 * the new anchor (on this page, or another). Only pages with redirects render it.
 */
export function AnchorRedirects({ redirects }: { redirects: Record<string, string> }) {
  useEffect(() => {
    function follow() {
      const anchor = decodeURIComponent(location.hash.slice(1));
      if (!anchor || document.getElementById(anchor)) return;
      const target = redirects[anchor];
      if (!target) return;
      const [path = '', hash = ''] = target.split('#');
      // Registry paths are root-relative; the page may be served under BASE_PATH.
      if (path === withoutBasePath(location.pathname)) {
        history.replaceState(history.state, '', `#${hash}`);
        // Lets the page open a self-check the new anchor names, and scroll to it.
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        document.getElementById(hash)?.scrollIntoView();
      } else location.replace(withBasePath(target));
    }
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [redirects]);
  return null;
}
