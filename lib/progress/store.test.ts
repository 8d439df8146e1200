import { describe, expect, it } from 'vitest';
import { progressFileText } from './file';
import {
  addConsoleLine,
  consoleLines,
  markSection,
  readSections,
  setPrerequisite,
  setSpeedRound,
  tickedPrerequisites,
} from './operations';
import { LEGACY_KEYS, PROGRESS_KEY, emptyProgress } from './schema';
import { ProgressStore } from './store';
import { SharedStorage, type TabStorage } from './test-support';

/** A tab: its storage view and a store wired to its `storage` events, as the hook wires it. */
function openTab(shared: SharedStorage, clock: { t: number }) {
  const storage: TabStorage = shared.openTab();
  const store = new ProgressStore(storage, () => clock.t);
  storage.onEvent = (key, value) => store.receive(key, value);
  store.load();
  return { storage, store };
}

const tick = (id: string) => (p: typeof emptyProgress, at: number) =>
  setPrerequisite(p, id, true, at);

describe('two tabs (issue 16, reader defect 2)', () => {
  it('keeps ticks made in both tabs: three in A, one in B, reload A', () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const a = openTab(shared, clock);
    const b = openTab(shared, clock);
    for (const id of ['data-structures', 'complexity', 'databases']) {
      clock.t += 10;
      a.store.update(tick(id));
    }
    // B has not heard of A's ticks yet when its reader ticks one.
    clock.t += 10;
    b.store.update(tick('message-queues'));
    shared.deliver();
    const reloaded = openTab(shared, clock);
    expect(tickedPrerequisites(reloaded.store.getSnapshot())).toEqual([
      'complexity',
      'data-structures',
      'databases',
      'message-queues',
    ]);
    // Both open tabs show all four too.
    expect(tickedPrerequisites(a.store.getSnapshot())).toHaveLength(4);
    expect(tickedPrerequisites(b.store.getSnapshot())).toHaveLength(4);
  });

  it('merges writes that raced (both tabs wrote before seeing the other)', () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const a = openTab(shared, clock);
    const b = openTab(shared, clock);
    a.store.update((p, at) => addConsoleLine(p, 'ZADD lb 1 a', at));
    clock.t += 1;
    b.store.update((p, at) => addConsoleLine(p, 'ZCARD lb', at));
    // Storage now holds only B's write: A's was overwritten in the race.
    shared.deliver();
    // A's event handler saw its line missing and wrote the merge back; B hears of it.
    shared.deliver();
    const expected = ['ZADD lb 1 a', 'ZCARD lb'];
    expect(consoleLines(a.store.getSnapshot())).toEqual(expected);
    expect(consoleLines(b.store.getSnapshot())).toEqual(expected);
    expect(consoleLines(openTab(shared, clock).store.getSnapshot())).toEqual(expected);
  });

  it("never brings back a finished speed round's older state from a stale tab", () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const older = openTab(shared, clock);
    const newer = openTab(shared, clock);
    older.store.update((p, at) =>
      setSpeedRound(p, { round: 1, current: { queue: ['a', 'b'] } }, at),
    );
    shared.deliver();
    clock.t += 100;
    newer.store.update((p, at) => setSpeedRound(p, { round: 1, current: { queue: [] } }, at));
    shared.deliver();
    // The older tab refreshed from the event; a later unrelated change there keeps the round.
    expect(older.store.getSnapshot().speedRound?.state).toEqual({
      round: 1,
      current: { queue: [] },
    });
    clock.t += 100;
    older.store.update((p, at) => markSection(p, '/x/', true, at));
    shared.deliver();
    const fresh = openTab(shared, clock).store.getSnapshot();
    expect(fresh.speedRound?.state).toEqual({ round: 1, current: { queue: [] } });
    expect([...readSections(fresh)]).toEqual(['/x/']);
  });

  it('notifies subscribers when another tab writes, and only then', () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const a = openTab(shared, clock);
    const b = openTab(shared, clock);
    let calls = 0;
    b.store.subscribe(() => calls++);
    a.store.update((p, at) => markSection(p, '/x/', true, at));
    expect(calls).toBe(0);
    shared.deliver();
    expect(calls).toBe(1);
    expect([...readSections(b.store.getSnapshot())]).toEqual(['/x/']);
  });

  it('"forget everything" empties every tab, and a stale tab does not bring anything back', () => {
    const shared = new SharedStorage({ [LEGACY_KEYS.speedRound]: 'broken, kept by migration' });
    const clock = { t: 1000 };
    const a = openTab(shared, clock);
    const b = openTab(shared, clock);
    a.store.update((p, at) => markSection(p, '/x/', true, at));
    shared.deliver();
    clock.t += 10;
    b.store.forget();
    expect(shared.area.has(LEGACY_KEYS.speedRound)).toBe(false);
    shared.deliver();
    shared.deliver();
    expect(readSections(a.store.getSnapshot()).size).toBe(0);
    clock.t += 10;
    a.store.update((p, at) => markSection(p, '/y/', true, at));
    shared.deliver();
    expect([...readSections(openTab(shared, clock).store.getSnapshot())]).toEqual(['/y/']);
  });
});

describe('import and storage failures', () => {
  it('refuses a corrupt file with a reason and changes nothing', () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const { store } = openTab(shared, clock);
    store.update((p, at) => markSection(p, '/x/', true, at));
    const before = new Map(shared.area);
    const good = progressFileText(markSection(emptyProgress, '/y/', true, 5), 2000);
    for (const text of ['', '{"format":', good.slice(0, good.length / 2), '{"format":"other"}']) {
      const outcome = store.importFile(text);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(10);
    }
    expect(shared.area).toEqual(before);
    expect(store.importFile(good).ok).toBe(true);
    expect([...readSections(store.getSnapshot())].sort()).toEqual(['/x/', '/y/']);
  });

  it('keeps a change for the page view when storage is full, and says so', () => {
    const shared = new SharedStorage();
    const clock = { t: 1000 };
    const { store, storage } = openTab(shared, clock);
    storage.full = true;
    expect(store.update((p, at) => markSection(p, '/x/', true, at))).toBe(false);
    expect(store.status.kind).toBe('full');
    expect([...readSections(store.getSnapshot())]).toEqual(['/x/']);
    // Once there is room again, the next write carries the earlier change too.
    storage.full = false;
    clock.t += 1;
    expect(store.update((p, at) => markSection(p, '/y/', true, at))).toBe(true);
    const stored = JSON.parse(shared.area.get(PROGRESS_KEY) ?? '{}');
    expect(Object.keys(stored.sections).sort()).toEqual(['/x/', '/y/']);
  });

  it('works without any storage, for the page view', () => {
    const store = new ProgressStore(null, () => 5);
    expect(store.update((p, at) => markSection(p, '/x/', true, at))).toBe(false);
    expect(store.status.kind).toBe('unavailable');
    expect([...readSections(store.getSnapshot())]).toEqual(['/x/']);
  });
});
