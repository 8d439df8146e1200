'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { findVariant, practiceVariants } from '@/content/practice/prompts';
import { parseAttempts, type Attempt } from '@/lib/practice/attempt';
import { forgetPracticeAttempt } from '@/components/progress/browser-store';
import { deleteAttempt, importAttempts, listAttempts, saveAttempt } from './attempt-store';

/** A line under the saved attempts: what an import did, or why storage is unavailable. */
export interface StoreNote {
  readonly ok: boolean;
  readonly text: string;
}

/** The attempts kept in this browser and the open one, saved as it changes. */
export interface AttemptsState {
  /** The saved attempts have been read (or storage refused). */
  readonly loaded: boolean;
  readonly attempts: readonly Attempt[];
  readonly attempt: Attempt | null;
  open(a: Attempt | null): void;
  /** Changes the open attempt (stamping `updatedAt`); it is saved 150 ms later. */
  update(f: (a: Attempt) => Attempt): void;
  /** Reads an export file: all of it is imported, or nothing and the reason is noted. */
  importFile(file: File): Promise<void>;
  remove(a: Attempt): Promise<void>;
  readonly note: StoreNote | null;
}

/**
 * Keeps the practice attempts in IndexedDB. On mount the newest attempt still in progress
 * comes back as it was left and is handed to `onRestore`; every change to the open attempt
 * is saved whole, so a reload mid-attempt loses at most the last 150 ms.
 */
export function useAttempts(onRestore: (a: Attempt) => void): AttemptsState {
  const [loaded, setLoaded] = useState(false);
  const [attempts, setAttempts] = useState<readonly Attempt[]>([]);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [note, setNote] = useState<StoreNote | null>(null);
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  }, [onRestore]);

  useEffect(() => {
    listAttempts()
      .then((all) => {
        setAttempts(all);
        const open = all.find((a) => a.status === 'in-progress' && findVariant(a.variantId));
        if (open) {
          restore.current(open);
          setAttempt(open);
        }
      })
      .catch(() =>
        setNote({ ok: false, text: 'This browser refused storage: attempts will not be kept.' }),
      )
      .finally(() => setLoaded(true));
  }, []);

  useEffect(() => {
    if (!loaded || !attempt) return;
    const t = setTimeout(() => {
      void saveAttempt(attempt).then(() =>
        setAttempts((list) => [attempt, ...list.filter((a) => a.id !== attempt.id)]),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [attempt, loaded]);

  const update = useCallback((f: (a: Attempt) => Attempt) => {
    setAttempt((a) => (a ? { ...f(a), updatedAt: Date.now() } : a));
  }, []);

  const importFile = async (file: File) => {
    const parsed = parseAttempts(await file.text(), new Set(practiceVariants.map((v) => v.id)));
    if (!parsed.ok) {
      setNote({ ok: false, text: `Refused: ${parsed.reason}. Nothing was imported or changed.` });
      return;
    }
    const { added, skipped } = await importAttempts(parsed.attempts);
    setAttempts(await listAttempts());
    const kept = skipped
      ? `; ${skipped} already here ${skipped === 1 ? 'was left as it was' : 'were left as they were'}`
      : '';
    setNote({ ok: true, text: `Imported ${added} attempt${added === 1 ? '' : 's'}${kept}.` });
  };

  const remove = async (a: Attempt) => {
    await deleteAttempt(a.id);
    forgetPracticeAttempt(a.id);
    setAttempts((list) => list.filter((x) => x.id !== a.id));
    setAttempt((open) => (open?.id === a.id ? null : open));
  };

  return { loaded, attempts, attempt, open: setAttempt, update, importFile, remove, note };
}
