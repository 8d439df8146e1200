'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { emptyProgress, type Progress } from '@/lib/progress/schema';
import type { StoreStatus } from '@/lib/progress/store';

/**
 * The store's code (validation, migration, merging) is fetched on first use, after the
 * page has hydrated, so it adds nothing to the JavaScript a page loads up front. Until it
 * arrives, components see the empty server snapshot with `loaded: false`, and changes
 * they make are queued and applied, in order, to the stored document once it is read.
 */
type StoreModule = typeof import('./browser-store');
let module: StoreModule | null = null;
let loading = false;
const listeners = new Set<() => void>();
const pending: ((p: Progress, at: number) => Progress)[] = [];

function notify() {
  for (const listener of listeners) listener();
}

function ensureLoaded() {
  if (module || loading) return;
  loading = true;
  void import('./browser-store').then((m) => {
    module = m;
    const store = m.browserProgress();
    store.subscribe(notify);
    for (const op of pending.splice(0)) store.update(op);
    notify();
  });
}

/** What the server renders with: a distinct object, so "not read yet" is recognisable. */
const serverSnapshot: Progress = { ...emptyProgress };

function subscribe(listener: () => void) {
  ensureLoaded();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const getSnapshot = () => (module ? module.browserProgress().getSnapshot() : serverSnapshot);
const getServerSnapshot = () => serverSnapshot;

export type ProgressUpdate = (op: (p: Progress, at: number) => Progress) => boolean;

/** Applies `op` to the latest stored document (queued until the store has loaded). */
export const updateProgress: ProgressUpdate = (op) => {
  if (module) return module.browserProgress().update(op);
  pending.push(op);
  ensureLoaded();
  return true;
};

/**
 * The reader's progress in a component. The first render (on the server and at
 * hydration) sees an empty document and `loaded: false`, so markup never mismatches;
 * after that, the stored document, refreshed whenever this tab or another changes it.
 * `update` applies a pure operation to the latest stored document (never to this
 * render's copy), so a stale render cannot overwrite another tab's change.
 */
export function useProgress(): {
  progress: Progress;
  loaded: boolean;
  status: StoreStatus;
  update: ProgressUpdate;
} {
  const progress = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const loaded = progress !== serverSnapshot;
  const update = useCallback<ProgressUpdate>((op) => updateProgress(op), []);
  const status: StoreStatus = module ? module.browserProgress().status : { kind: 'ok' };
  return { progress, loaded, status, update };
}
