'use client';

import { useEffect, useState } from 'react';

/** Runs `work` once the page has loaded and the browser is idle; returns a cancel function. */
function afterLoadAndIdle(work: () => void): () => void {
  let cancelIdle = () => {};
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(work, { timeout: 5000 });
      cancelIdle = () => window.cancelIdleCallback(handle);
    } else {
      // Safari has no requestIdleCallback.
      const handle = setTimeout(work, 1000);
      cancelIdle = () => clearTimeout(handle);
    }
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
  return () => {
    window.removeEventListener('load', idle);
    cancelIdle();
  };
}

type Update = { apply: () => void } | null;

/**
 * The guide's offline support, seen from the page: registers the service worker after load,
 * when the browser is idle (nothing before the first paint), then shows a small "Available
 * offline" note (in the footer) and, when a new deployment is waiting, an "update
 * available" prompt. The reader decides when the page reloads; their progress, console
 * history and settings are kept in the browser, so a reload loses nothing.
 */
export function OfflineStatus() {
  const [ready, setReady] = useState(false);
  const [online, setOnline] = useState(true);
  const [update, setUpdate] = useState<Update>(null);

  useEffect(() => {
    // `next dev` has no service worker: post-build writes it into the export.
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    const cancel = afterLoadAndIdle(() => {
      void import('./register')
        .then(({ registerServiceWorker }) =>
          registerServiceWorker({
            onOfflineReady: () => !cancelled && setReady(true),
            onUpdate: (apply) => !cancelled && setUpdate({ apply }),
          }),
        )
        .catch(() => {
          // No service worker (a private window, a host that blocks it): the site still works
          // online, and the note simply never appears.
        });
    });
    const sync = () => setOnline(navigator.onLine);
    sync();
    window.addEventListener('online', sync);
    window.addEventListener('offline', sync);
    return () => {
      cancelled = true;
      cancel();
      window.removeEventListener('online', sync);
      window.removeEventListener('offline', sync);
    };
  }, []);

  return (
    <>
      {ready && (
        <p
          className="mt-4 inline-flex items-center gap-1.5 rounded-full border border-emerald-600/30 bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 dark:border-emerald-400/30 dark:bg-emerald-950/60 dark:text-emerald-300"
          data-testid="offline-ready"
          title="Every page, the search and the widgets are saved in this browser"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
            <path d="M6.2 11.6 2.9 8.3l1.1-1.1 2.2 2.2 5.8-5.8 1.1 1.1z" />
          </svg>
          {online ? 'Available offline' : 'Offline: reading the saved copy'}
        </p>
      )}
      {update && (
        <div
          role="status"
          data-testid="update-prompt"
          className="fixed inset-x-3 bottom-3 z-50 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-800 shadow-lg sm:inset-x-auto sm:right-5 sm:bottom-5 sm:max-w-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        >
          <p className="min-w-0 flex-1">
            <span className="font-semibold text-zinc-900 dark:text-white">Update available.</span> A
            new version of the guide is ready. Your progress is kept.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => setUpdate(null)}
              className="rounded-lg px-3 py-1.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
            >
              Later
            </button>
            <button
              type="button"
              onClick={() => update.apply()}
              className="rounded-lg bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700"
            >
              Reload
            </button>
          </div>
        </div>
      )}
    </>
  );
}
