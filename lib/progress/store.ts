import { mergeProgress, importProgress, sameProgress } from './merge';
import { migrateLegacy, type LegacyValues } from './migrate';
import { forgetEverything } from './operations';
import { readProgressFile } from './file';
import { LEGACY_KEYS, PROGRESS_KEY, emptyProgress, type Progress } from './schema';
import { readProgress } from './validate';

/** The part of the Web Storage API the store uses; `localStorage` satisfies it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** Every key the site writes starts with this; "forget everything" removes them all. */
export const SITE_KEY_PREFIX = 'leaderboard-lab:';

/** Where an unreadable stored document is kept, so reading it never destroys it. */
export const UNREADABLE_PREFIX = `${PROGRESS_KEY}:unreadable:`;

export type StoreStatus =
  /** Reading and writing normally. */
  | { readonly kind: 'ok' }
  /** The browser gives the page no storage (a privacy mode): progress lasts this page view. */
  | { readonly kind: 'unavailable' }
  /** The last write failed (storage full); the change lives in this page view only. */
  | { readonly kind: 'full' }
  /** A newer version of the site wrote the store: this page reads nothing and writes nothing. */
  | { readonly kind: 'newer'; readonly version: number };

export type ImportOutcome =
  | { readonly ok: true; readonly progress: Progress }
  | { readonly ok: false; readonly reason: string };

/**
 * The browser's progress store: one document in localStorage, read fresh before every
 * change and changed by a pure operation, so a tab never writes back a stale copy over
 * what another tab wrote. When another tab writes, `receive` (fed by the `storage` event)
 * refreshes this tab, and if a write of this tab was lost in a race (both tabs wrote in
 * the same moment) merges it back in. Pure TypeScript over `KeyValueStorage`, so tests run
 * it with a fake storage and simulated tabs.
 */
export class ProgressStore {
  private snapshot: Progress = emptyProgress;
  /** What this tab last wrote or saw stored: merged into what it reads next. */
  private known: Progress | null = null;
  private clock = 0;
  private loaded = false;
  /** The stored value had unreadable parts (now backed up): the next read writes it clean. */
  private repair = false;
  private readonly listeners = new Set<() => void>();
  status: StoreStatus;

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {
    this.status = storage ? { kind: 'ok' } : { kind: 'unavailable' };
  }

  /** The current document; the same object until something changes. */
  readonly getSnapshot = (): Progress => {
    if (!this.loaded) this.load();
    return this.snapshot;
  };

  /** Calls `listener` after every change, from this tab or another. Returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads the stored document, migrating the older keys on first use. */
  load(): Progress {
    this.loaded = true;
    const stored = this.readStored();
    if (stored) {
      this.known = stored;
      this.show(stored);
      if (this.repair) this.write(stored);
    }
    return this.snapshot;
  }

  /**
   * Applies `op` to the latest stored document at a fresh time stamp and writes the
   * result. Returns whether the change reached storage (false: no storage, storage full,
   * or a newer version owns the store; the change then lasts this page view, except under
   * a newer version, where nothing changes).
   */
  update(op: (progress: Progress, at: number) => Progress): boolean {
    this.loaded = true;
    const stored = this.readStored();
    if (this.status.kind === 'newer') return false;
    const fresh = stored ?? this.snapshot;
    const base = this.known ? mergeProgress(fresh, this.known) : fresh;
    const next = op(base, this.tick(base));
    if (next === base && stored && !this.repair && sameProgress(base, stored)) {
      this.known = stored;
      this.show(stored);
      return true;
    }
    return this.write(next);
  }

  /**
   * Takes in a change another tab made (the `storage` event's key and new value). If a
   * write of this tab is missing from it, the merged document is written back.
   */
  receive(key: string | null, newValue: string | null): void {
    if (key !== null && key !== PROGRESS_KEY) return;
    if (key === null || newValue === null) {
      // The store was removed (site data cleared): respect it rather than write it back.
      this.known = null;
      this.status = this.storage ? { kind: 'ok' } : { kind: 'unavailable' };
      this.show(emptyProgress);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(newValue);
    } catch {
      return;
    }
    const result = readProgress(value);
    if (result.kind === 'newer') {
      this.status = { kind: 'newer', version: result.version };
      this.show(emptyProgress);
      return;
    }
    if (result.kind !== 'ok') return;
    if (this.status.kind === 'newer') this.status = { kind: 'ok' };
    const incoming = result.progress;
    const merged = this.known ? mergeProgress(incoming, this.known) : incoming;
    if (sameProgress(merged, incoming)) {
      this.known = incoming;
      this.show(incoming);
    } else this.write(merged);
  }

  /** Removes all progress in this browser: every tab shows an empty store. */
  forget(): boolean {
    const ok = this.update(forgetEverything);
    if (!ok || !this.storage) return ok;
    try {
      const keys: string[] = [];
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (key?.startsWith(SITE_KEY_PREFIX) && key !== PROGRESS_KEY) keys.push(key);
      }
      for (const key of keys) this.storage.removeItem(key);
    } catch {
      // The document itself is already empty; leftovers of older versions are harmless.
    }
    return ok;
  }

  /** Adds an export file's progress to this store; a refused file changes nothing. */
  importFile(text: string): ImportOutcome {
    const file = readProgressFile(text);
    if (!file.ok) return file;
    if (this.status.kind === 'newer')
      return {
        ok: false,
        reason: 'A newer version of the site saved your progress here; reload the page first.',
      };
    const ok = this.update((current) => importProgress(current, file.progress));
    if (!ok)
      return {
        ok: false,
        reason:
          this.status.kind === 'full'
            ? 'The browser refused to store it (storage is full).'
            : 'This browser does not let the site store anything (private mode?).',
      };
    return { ok: true, progress: this.snapshot };
  }

  private tick(base: Progress): number {
    this.clock = Math.max(this.now(), this.clock + 1, base.clearedAt + 1);
    return this.clock;
  }

  private show(progress: Progress): void {
    if (progress === this.snapshot || sameProgress(progress, this.snapshot)) return;
    this.snapshot = progress;
    for (const listener of this.listeners) listener();
  }

  private write(next: Progress): boolean {
    this.known = next;
    this.show(next);
    if (!this.storage) return false;
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(next));
      this.repair = false;
      this.status = { kind: 'ok' };
      return true;
    } catch {
      this.status = { kind: 'full' };
      for (const listener of this.listeners) listener();
      return false;
    }
  }

  /** Keeps an unreadable stored value under a key of its own before it is replaced. */
  private backUp(raw: string): void {
    this.repair = true;
    try {
      this.storage?.setItem(`${UNREADABLE_PREFIX}${this.now()}`, raw);
    } catch {
      // Without room for the copy the value stays where it is until a write succeeds.
    }
  }

  /**
   * The stored document, or null when nothing can be read. On first use, migrates the
   * pre-store keys and removes those carried over completely.
   */
  private readStored(): Progress | null {
    if (!this.storage) return null;
    let raw: string | null;
    try {
      raw = this.storage.getItem(PROGRESS_KEY);
    } catch {
      this.status = { kind: 'unavailable' };
      return null;
    }
    let stored: Progress;
    if (raw === null) {
      stored = this.migrate();
    } else {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      const result = readProgress(value);
      if (result.kind === 'newer') {
        this.status = { kind: 'newer', version: result.version };
        this.show(emptyProgress);
        return null;
      }
      if (this.status.kind === 'newer') this.status = { kind: 'ok' };
      if (result.kind === 'invalid') {
        this.backUp(raw);
        stored = emptyProgress;
      } else {
        if (result.problems.length > 0) this.backUp(raw);
        stored = result.progress;
      }
    }
    return stored;
  }

  private migrate(): Progress {
    const storage = this.storage!;
    const values: LegacyValues = {
      prerequisites: storage.getItem(LEGACY_KEYS.prerequisites),
      speedRound: storage.getItem(LEGACY_KEYS.speedRound),
      consoleHistory: storage.getItem(LEGACY_KEYS.consoleHistory),
    };
    if (Object.values(values).every((v) => v === null)) return emptyProgress;
    const { progress, migrated } = migrateLegacy(values, this.tick(emptyProgress));
    try {
      storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
      // Only once the new document is stored: a failed write leaves the old keys to retry.
      for (const key of migrated) storage.removeItem(key);
    } catch {
      this.status = { kind: 'full' };
    }
    return progress;
  }
}
