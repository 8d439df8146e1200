'use client';

import { useEffect, useState } from 'react';

/**
 * Becomes true the first time the element comes within a screen of the viewport, and
 * stays true. A playground loads its world only then: one further down the page must not
 * spend the reader's CPU while they read the opening paragraphs.
 */
export function useNearViewport(): [(el: Element | null) => void, boolean] {
  const [el, setEl] = useState<Element | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!el || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, near]);
  return [setEl, near];
}
