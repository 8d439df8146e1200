'use client';

import { useEffect, useState } from 'react';

/**
 * Becomes true the first time the element comes within a screen of the viewport, and
 * stays true (`immediate`: right after mount, wherever the element is). A widget loads
 * only then: one further down the page must not spend the reader's CPU while they read the
 * opening paragraphs. It starts false on the server and on the first client render alike,
 * so hydration matches.
 */
export function useNearViewport(immediate = false): [(el: Element | null) => void, boolean] {
  const [el, setEl] = useState<Element | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    if (immediate || typeof IntersectionObserver === 'undefined') {
      // Mount is the moment: the server cannot know, and the first render must match it.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setNear(true);
      return;
    }
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, near, immediate]);
  return [setEl, near];
}
