/**
 * The one progress store of this tab, over localStorage, kept in step with other tabs
 * through the `storage` event. Created on first use in the browser; never on the server.
 */
import {
  ProgressStore,
  addPracticeAttempt,
  readPracticeSummary,
  removePracticeAttempt,
  type KeyValueStorage,
  type PracticeAttemptSummary,
} from '@/lib/progress';

let store: ProgressStore | null = null;

function localStorageOrNull(): KeyValueStorage | null {
  try {
    // Reading the property throws where the browser denies storage (some privacy modes).
    const storage = window.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** This tab's progress store. Browser only. */
export function browserProgress(): ProgressStore {
  if (store) return store;
  const storage = localStorageOrNull();
  const created = new ProgressStore(storage);
  window.addEventListener('storage', (event) => {
    // Events from sessionStorage carry another storage area; only localStorage's matter.
    if (event.storageArea && event.storageArea !== storage) return;
    created.receive(event.key, event.newValue);
  });
  store = created;
  return created;
}

/**
 * Records the summary of a finished practice attempt in the reader's progress (the
 * practice room keeps the full attempt in its own IndexedDB). Calling it again with the
 * same `id` replaces the summary. Returns false, without throwing, when the summary is
 * malformed or the browser keeps no storage; the attempt itself is unaffected.
 */
export function recordPracticeAttempt(summary: PracticeAttemptSummary): boolean {
  const valid = readPracticeSummary(summary);
  if (!valid) return false;
  return browserProgress().update((p, at) => addPracticeAttempt(p, valid, at));
}

/** Removes a practice attempt's summary, when the practice room deletes the attempt. */
export function forgetPracticeAttempt(id: string): boolean {
  return browserProgress().update((p, at) => removePracticeAttempt(p, id, at));
}
