import { Serwist } from '@serwist/window';
import { basePath } from '@/lib/site-config';

/**
 * What the page learns from the service worker (components/offline/service-worker.ts).
 * Loaded with import() once the page is idle after load, so @serwist/window costs nothing
 * before the first paint.
 */
export interface ServiceWorkerEvents {
  /** The whole export is cached: the guide now works offline. */
  onOfflineReady: () => void;
  /** A new deployment is installed and waiting; `apply` switches to it and reloads. */
  onUpdate: (apply: () => void) => void;
}

/** Registers `${basePath}/sw.js` for the whole site under the base path. */
export async function registerServiceWorker(events: ServiceWorkerEvents): Promise<void> {
  const sw = new Serwist(`${basePath}/sw.js`, { scope: `${basePath}/`, type: 'classic' });
  const hadController = navigator.serviceWorker.controller !== null;
  let applying = false;

  // Every tab hears of a waiting update (its own or one another tab found).
  sw.addEventListener('waiting', () => {
    events.onUpdate(() => {
      applying = true;
      sw.messageSkipWaiting();
      // Another tab may have switched already: then there is nothing waiting, just reload.
      void navigator.serviceWorker.getRegistration(`${basePath}/`).then((r) => {
        if (!r?.waiting) location.reload();
      });
    });
  });
  sw.addEventListener('activated', (event) => {
    if (!event.isUpdate) events.onOfflineReady();
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes the page over: same deployment, nothing to reload.
    if (!hadController) return;
    // A new deployment took over this tab. Its old scripts may ask for chunks the new
    // deployment no longer has, so reload: at once if the reader asked, else on their word.
    if (applying) location.reload();
    else events.onUpdate(() => location.reload());
  });

  const registration = await sw.register({ immediate: true });
  if (registration?.active) events.onOfflineReady();
}
