'use client';

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Attempt } from '@/lib/practice/attempt';

/**
 * Attempts live in IndexedDB (through idb), one record per attempt, so a long design and its
 * run survive reloads and never crowd localStorage. Every write is a whole attempt: an
 * in-progress attempt is saved on each change, and a reload restores the newest one.
 */
interface PracticeDb extends DBSchema {
  attempts: { key: string; value: Attempt; indexes: { updatedAt: number } };
}

const DB_NAME = 'leaderboard-lab-practice';
let db: Promise<IDBPDatabase<PracticeDb>> | null = null;

function open(): Promise<IDBPDatabase<PracticeDb>> {
  db ??= openDB<PracticeDb>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('attempts', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
    },
  });
  return db;
}

/** Every attempt, newest first. */
export async function listAttempts(): Promise<Attempt[]> {
  const all = await (await open()).getAllFromIndex('attempts', 'updatedAt');
  return all.reverse();
}

export async function saveAttempt(attempt: Attempt): Promise<void> {
  await (await open()).put('attempts', attempt);
}

export async function deleteAttempt(id: string): Promise<void> {
  await (await open()).delete('attempts', id);
}

/**
 * Adds imported attempts without overwriting any: an id already stored is skipped.
 * @returns how many were added and how many skipped.
 */
export async function importAttempts(
  attempts: readonly Attempt[],
): Promise<{ added: number; skipped: number }> {
  const database = await open();
  const tx = database.transaction('attempts', 'readwrite');
  let added = 0;
  let skipped = 0;
  for (const a of attempts) {
    if (await tx.store.get(a.id)) skipped++;
    else {
      await tx.store.add(a);
      added++;
    }
  }
  await tx.done;
  return { added, skipped };
}
