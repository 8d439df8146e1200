import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDrillState, type DrillCard } from '../practice/speed-round';
import { migrateLegacy } from './migrate';
import { consoleLines, tickedPrerequisites } from './operations';
import { LEGACY_KEYS, PROGRESS_KEY } from './schema';
import { ProgressStore } from './store';
import { SharedStorage } from './test-support';
import { readProgress } from './validate';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/legacy-storage.json', import.meta.url), 'utf8'),
) as Record<string, string>;
delete fixture['//'];

const NOW = 1_765_000_000_000;
const card = (id: string): DrillCard => ({ id, question: id, answer: id, tags: ['t'] });
// The deck as it is now: `retired-card` was removed since, `new-card` added.
const cards = ['redis-zadd-complexity', 'shard-by-score', 'kafka-replay', 'new-card'].map(card);

describe('migrating the pre-store keys (schema version 0)', () => {
  it("carries every value of today's keys into the document", () => {
    const { progress, migrated, kept } = migrateLegacy(
      {
        prerequisites: fixture[LEGACY_KEYS.prerequisites] ?? null,
        speedRound: fixture[LEGACY_KEYS.speedRound] ?? null,
        consoleHistory: fixture[LEGACY_KEYS.consoleHistory] ?? null,
      },
      NOW,
    );
    expect(kept).toEqual([]);
    expect(migrated).toEqual(Object.values(LEGACY_KEYS));
    expect(tickedPrerequisites(progress)).toEqual([
      'complexity',
      'data-structures',
      'message-queues',
    ]);
    expect(consoleLines(progress)).toEqual(JSON.parse(fixture[LEGACY_KEYS.consoleHistory] ?? '[]'));
    // The drill's state is kept exactly, even the card the deck no longer has: the drill
    // reconciles it with the deck when it reads it, as it always did.
    expect(progress.speedRound?.state).toEqual(JSON.parse(fixture[LEGACY_KEYS.speedRound] ?? ''));
    expect(parseDrillState(JSON.stringify(progress.speedRound?.state), cards)).toEqual(
      parseDrillState(fixture[LEGACY_KEYS.speedRound] ?? null, cards),
    );
    // Console lines keep their order and are stamped no later than the migration.
    const times = progress.consoleHistory.map((l) => l.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBe(NOW);
    // What it wrote is a valid document of the current version.
    const reread = readProgress(JSON.parse(JSON.stringify(progress)));
    expect(reread).toMatchObject({ kind: 'ok', problems: [] });
  });

  it('leaves a key in place when any of it cannot be carried over', () => {
    const { progress, migrated, kept } = migrateLegacy(
      {
        prerequisites: '["complexity", 7]',
        speedRound: '{"version":1,"round":',
        consoleHistory: JSON.stringify(['PING', 'x'.repeat(20_000)]),
      },
      NOW,
    );
    expect(migrated).toEqual([]);
    expect(kept.map((k) => k.key)).toEqual([
      LEGACY_KEYS.prerequisites,
      LEGACY_KEYS.speedRound,
      LEGACY_KEYS.consoleHistory,
    ]);
    // What could be read is still carried over.
    expect(tickedPrerequisites(progress)).toEqual(['complexity']);
    expect(consoleLines(progress)).toEqual(['PING']);
    expect(progress.speedRound).toBeNull();
  });

  it('runs once in the browser store, removing only what it carried over completely', () => {
    const shared = new SharedStorage({
      ...fixture,
      [LEGACY_KEYS.speedRound]: 'not json',
    });
    const store = new ProgressStore(shared.openTab(), () => NOW);
    const progress = store.load();
    expect(tickedPrerequisites(progress)).toHaveLength(3);
    expect(consoleLines(progress)).toHaveLength(5);
    expect(shared.area.has(PROGRESS_KEY)).toBe(true);
    expect(shared.area.has(LEGACY_KEYS.prerequisites)).toBe(false);
    expect(shared.area.has(LEGACY_KEYS.consoleHistory)).toBe(false);
    // The unreadable key stays for a later version (or a person) to recover.
    expect(shared.area.get(LEGACY_KEYS.speedRound)).toBe('not json');
    // Keys that are not progress are untouched.
    for (const key of [
      'theme',
      'leaderboard-lab:practice-timer:v1',
      'leaderboard-lab:practice-timer:v1:sound',
    ])
      expect(shared.area.get(key)).toBe(fixture[key]);
    // A second tab reads the migrated document, not the old keys again.
    const again = new ProgressStore(shared.openTab(), () => NOW + 5);
    expect(again.load()).toEqual(progress);
  });
});

describe('reading stored documents', () => {
  it('refuses to read or write a document from a newer version', () => {
    const newer = JSON.stringify({ version: 99, whatever: true });
    const shared = new SharedStorage({ [PROGRESS_KEY]: newer });
    const store = new ProgressStore(shared.openTab(), () => NOW);
    store.load();
    expect(store.status).toEqual({ kind: 'newer', version: 99 });
    expect(store.update((p) => ({ ...p, clearedAt: 5 }))).toBe(false);
    expect(shared.area.get(PROGRESS_KEY)).toBe(newer);
  });

  it('backs up an unreadable document before replacing it', () => {
    const shared = new SharedStorage({ [PROGRESS_KEY]: '{"version":1,"sections":{"/a/":' });
    const store = new ProgressStore(shared.openTab(), () => NOW);
    store.load();
    const backups = [...shared.area.keys()].filter((k) => k.includes(':unreadable:'));
    expect(backups).toHaveLength(1);
    expect(shared.area.get(backups[0]!)).toBe('{"version":1,"sections":{"/a/":');
  });

  it('keeps the readable part of a damaged document, and the whole of it in a backup', () => {
    const damaged = JSON.stringify({
      version: 1,
      clearedAt: 0,
      sections: { '/a/': { on: true, at: 5, how: 'end' }, '/b/': { on: 'yes' } },
    });
    const shared = new SharedStorage({ [PROGRESS_KEY]: damaged });
    const store = new ProgressStore(shared.openTab(), () => NOW);
    expect(Object.keys(store.load().sections)).toEqual(['/a/']);
    const backups = [...shared.area.keys()].filter((k) => k.includes(':unreadable:'));
    expect(backups.map((k) => shared.area.get(k))).toEqual([damaged]);
    // Written back clean once, so the backup is not repeated on every read.
    store.update((p) => p);
    store.update((p) => p);
    expect([...shared.area.keys()].filter((k) => k.includes(':unreadable:'))).toHaveLength(1);
  });
});
