/// <reference lib="webworker" />
/**
 * The service worker (Serwist, Workbox's maintained successor). It is not part of the Next
 * bundle: the last post-build step (scripts/service-worker.ts) bundles this file with
 * esbuild into out/sw.js and injects the precache manifest of the finished export, so the
 * worker lists exactly the files of the deployment it belongs to, each with its revision.
 *
 * - Precache: every page, its Markdown, the search index, every script chunk (widgets,
 *   workers), the Lua VM's wasm, styles and fonts. After one visit the guide works offline.
 * - One deployment at a time: a new deployment is a new sw.js. It installs beside the old
 *   one and waits; the old one keeps serving the old HTML with the old scripts until the
 *   reader accepts the "update available" prompt (SKIP_WAITING), so no page ever gets the
 *   new HTML with the old scripts or the reverse. Only then are the old files dropped.
 * - Query strings are state (embeds, playground links), not different files.
 * - Everything else (Next's RSC payloads for client-side navigation, other origins) goes to
 *   the network untouched; offline, Next falls back to loading the page, which is cached.
 */
import { Serwist, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    ignoreURLParametersMatching: [/.*/],
    // Fewer parallel downloads than the default leave the reader's own requests room.
    concurrency: 4,
    // A page the export does not have, asked for offline or not, is the site's 404 page.
    navigateFallback: '404.html',
    navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
  },
  // The first install takes the open page at once (nothing older to mix with); an update
  // waits for the reader (see above).
  clientsClaim: true,
  skipWaiting: false,
  navigationPreload: false,
  disableDevLogs: true,
});

// Turbopack starts a Web Worker from one bootstrap script with its chunk list in the query
// (`turbopack-worker-….js#params=…`, or `?params=`), and the worker reads it back from its own
// location. A worker's location is the URL of the response it runs; a precached response
// carries the cached URL, without the hash or query, so the worker would start without it. This
// listener, added before Serwist's, answers with a copy of the cached script that has no
// URL of its own, so the worker keeps the URL it asked for.
const WORKER_BOOTSTRAP = /\/_next\/static\/chunks\/turbopack-worker-[^/]+\.js$/;
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !WORKER_BOOTSTRAP.test(url.pathname)) return;
  event.respondWith(
    (async () => {
      const cached = await serwist.matchPrecache(url.origin + url.pathname);
      if (!cached) return fetch(event.request);
      return new Response(cached.body, {
        status: cached.status,
        statusText: cached.statusText,
        headers: cached.headers,
      });
    })(),
  );
});

serwist.addEventListeners();
