'use client';

import { useEffect } from 'react';

/**
 * Closes the navigation drawer (the popover `navId`) when a link in it is followed, since
 * a client-side navigation keeps the element open, and when the window grows past the
 * `lg` breakpoint, where the same element is the sticky column. Renders nothing.
 */
export function NavDrawerCloser({ navId }: { navId: string }) {
  useEffect(() => {
    const nav = document.getElementById(navId);
    if (!nav) return;
    const close = () => {
      if (nav.matches(':popover-open')) nav.hidePopover();
    };
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('a')) close();
    };
    const wide = window.matchMedia('(min-width: 64rem)');
    nav.addEventListener('click', onClick);
    wide.addEventListener('change', close);
    return () => {
      nav.removeEventListener('click', onClick);
      wide.removeEventListener('change', close);
    };
  }, [navId]);
  return null;
}
