'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { emptyProgress, type Progress, type StoreStatus } from '@/lib/progress';
import { browserProgress } from './browser-store';

/** What the server renders with: a distinct object, so "not read yet" is recognisable. */
const serverSnapshot: Progress = { ...emptyProgress };
const subscribe = (listener: () => void) => browserProgress().subscribe(listener);
const getSnapshot = () => browserProgress().getSnapshot();
const getServerSnapshot = () => serverSnapshot;

export type ProgressUpdate = (op: (p: Progress, at: number) => Progress) => boolean;

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
  const update = useCallback<ProgressUpdate>((op) => browserProgress().update(op), []);
  const status: StoreStatus = loaded ? browserProgress().status : { kind: 'ok' };
  return { progress, loaded, status, update };
}
