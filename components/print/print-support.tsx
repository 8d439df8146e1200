'use client';

import { useEffect } from 'react';
import './print.css';

/** "redis-console" → "Redis console". */
function label(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Readies the page for printing: writes each prose link's absolute target and each
 * widget's name and address into attributes the print stylesheet shows, and prints in
 * the light theme. Runs when the browser is idle and again just before printing (a widget
 * may have replaced its placeholder since). Renders nothing.
 */
export function PrintSupport() {
  useEffect(() => {
    function annotate() {
      const page = `${location.origin}${location.pathname}`;
      for (const widget of document.querySelectorAll<HTMLElement>('[data-widget]')) {
        const name = widget.dataset.widget ?? 'widget';
        widget.dataset.printLabel =
          widget.getAttribute('aria-label')?.replace(/: loading$/, '') ?? label(name);
        const heading = [
          ...document.querySelectorAll<HTMLElement>('article h2[id], article h3[id]'),
        ]
          .filter((h) => h.compareDocumentPosition(widget) & Node.DOCUMENT_POSITION_FOLLOWING)
          .at(-1);
        widget.dataset.printUrl = heading ? `${page}#${heading.id}` : page;
      }
      for (const link of document.querySelectorAll<HTMLAnchorElement>(
        '.prose-guide a[href^="/"]',
      )) {
        if (!link.classList.contains('heading-anchor')) link.dataset.printHref = link.href;
      }
    }
    // Chromium may announce one print twice (a PDF export does): remember the theme once, on
    // <html> itself, so a remount of this component between the two events cannot lose it.
    const root = document.documentElement;
    function before() {
      annotate();
      if (root.dataset.printTheme) return;
      root.dataset.printTheme = root.classList.contains('dark') ? 'dark' : 'light';
      root.classList.remove('dark');
    }
    function after() {
      const theme = root.dataset.printTheme;
      if (!theme) return;
      delete root.dataset.printTheme;
      if (theme === 'dark') root.classList.add('dark');
    }
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(annotate, { timeout: 3000 })
        : window.setTimeout(annotate, 500);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      window.clearTimeout(idle);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return null;
}
