import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, importProgress, mergeProgress } from './merge';
import {
  addConsoleLine,
  addPracticeAttempt,
  forgetEverything,
  markSection,
  openSelfCheck,
  readSections,
  setPrerequisite,
  setSpeedRound,
} from './operations';
import { emptyProgress, type Progress } from './schema';

const time = fc.integer({ min: 1, max: 60 });
const key = fc.constantFrom('/a/', '/b/', '/c/');
const flag = fc.record({ on: fc.boolean(), at: time });

/** Random documents over a few keys and times, so collisions and ties are common. */
const progressArb: fc.Arbitrary<Progress> = fc
  .record({
    clearedAt: fc.constantFrom(0, 0, 10, 30),
    sections: fc.dictionary(
      key,
      fc.record({
        on: fc.boolean(),
        at: time,
        how: fc.constantFrom('end' as const, 'marked' as const),
      }),
    ),
    selfChecks: fc.dictionary(key, flag),
    prerequisites: fc.dictionary(key, flag),
    speedRound: fc.option(
      fc.record({ at: time, state: fc.constantFrom({ round: 1 }, { round: 2 }, null) }),
      {
        nil: null,
      },
    ),
    consoleHistory: fc.array(fc.record({ line: fc.constantFrom('PING', 'ZCARD lb'), at: time }), {
      maxLength: 6,
    }),
  })
  .map((r) => ({
    ...emptyProgress,
    ...r,
    consoleHistory: [...r.consoleHistory].sort((x, y) => x.at - y.at),
  }))
  // A stored document never holds anything older than its own "forget everything".
  .map((p) => mergeProgress(p, p));

const same = (a: Progress, b: Progress) => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('mergeProgress', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
        same(mergeProgress(a, b), mergeProgress(b, a));
        same(mergeProgress(mergeProgress(a, b), c), mergeProgress(a, mergeProgress(b, c)));
        same(mergeProgress(a, a), a);
      }),
    );
  });

  it("keeps both tabs' changes to different facts and the later change to the same fact", () => {
    const base = setPrerequisite(emptyProgress, 'complexity', true, 1);
    const tabA = setPrerequisite(
      setPrerequisite(base, 'databases', true, 5),
      'complexity',
      false,
      6,
    );
    const tabB = setPrerequisite(markSection(base, '/x/', true, 4), 'api-design', true, 7);
    const merged = mergeProgress(tabA, tabB);
    expect(merged.prerequisites).toEqual({
      complexity: { on: false, at: 6 },
      databases: { on: true, at: 5 },
      'api-design': { on: true, at: 7 },
    });
    expect([...readSections(merged)]).toEqual(['/x/']);
  });

  it("lets a finished speed round win over an older tab's round", () => {
    const older = setSpeedRound(emptyProgress, { round: 1, current: { queue: ['a'] } }, 10);
    const finished = setSpeedRound(emptyProgress, { round: 1, current: { queue: [] } }, 20);
    expect(mergeProgress(older, finished).speedRound?.state).toEqual({
      round: 1,
      current: { queue: [] },
    });
  });

  it('unions console history in time order', () => {
    const a = addConsoleLine(addConsoleLine(emptyProgress, 'PING', 1), 'ZCARD lb', 3);
    const b = addConsoleLine(emptyProgress, 'DBSIZE', 2);
    expect(mergeProgress(a, b).consoleHistory.map((l) => l.line)).toEqual([
      'PING',
      'DBSIZE',
      'ZCARD lb',
    ]);
  });

  it('drops what is older than the later "forget everything"', () => {
    const stale = openSelfCheck(markSection(emptyProgress, '/x/', true, 5), '/x/#q', 6);
    const forgotten = forgetEverything(stale, 10);
    const after = markSection(forgotten, '/y/', true, 11);
    const merged = mergeProgress(stale, after);
    expect(Object.keys(merged.sections)).toEqual(['/y/']);
    expect(merged.selfChecks).toEqual({});
  });
});

describe('importProgress', () => {
  it('adds a file\'s progress, even from before this browser\'s "forget everything"', () => {
    const file = addPracticeAttempt(
      markSection(emptyProgress, '/x/', true, 5),
      {
        id: 'a1',
        finishedAt: 5,
        variant: 'esports',
        title: 'Esports final',
        timeUsedMs: 2_700_000,
        checksPassed: 4,
        checksTotal: 6,
      },
      5,
    );
    const here = markSection(forgetEverything(emptyProgress, 100), '/y/', true, 101);
    const imported = importProgress(here, file);
    expect([...readSections(imported)].sort()).toEqual(['/x/', '/y/']);
    expect(imported.practiceAttempts.a1?.summary?.title).toBe('Esports final');
    // And another tab's merge keeps it: nothing in it is older than the forget.
    same(mergeProgress(imported, here), imported);
  });

  it('keeps the newer of two writes of the same fact', () => {
    const here = setPrerequisite(
      setPrerequisite(emptyProgress, 'complexity', true, 10),
      'complexity',
      false,
      50,
    );
    const file = setPrerequisite(emptyProgress, 'complexity', true, 20);
    expect(importProgress(here, file).prerequisites.complexity).toEqual({ on: false, at: 50 });
  });
});
