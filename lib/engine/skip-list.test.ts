import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkipList, seededRandom16, type ScoreRange } from './skip-list';
import { compareBytes, textToBytes } from './bytes';

/** The oracle: a plain array kept sorted by (score, UTF-8 member). */
class SortedArrayModel {
  items: { score: number; member: string }[] = [];
  private static cmp(a: { score: number; member: string }, b: { score: number; member: string }) {
    return a.score - b.score || compareBytes(a.member, b.member);
  }
  has(member: string) {
    return this.items.some((e) => e.member === member);
  }
  add(score: number, member: string) {
    this.remove(member);
    this.items.push({ score, member });
    this.items.sort(SortedArrayModel.cmp);
  }
  remove(member: string) {
    const i = this.items.findIndex((e) => e.member === member);
    if (i >= 0) this.items.splice(i, 1);
    return i >= 0;
  }
  rank(member: string) {
    return this.items.findIndex((e) => e.member === member) + 1;
  }
  inRange(r: ScoreRange) {
    return this.items.filter(
      (e) =>
        (r.minex ? e.score > r.min : e.score >= r.min) &&
        (r.maxex ? e.score < r.max : e.score <= r.max),
    );
  }
}

function listContents(sl: SkipList) {
  const out: { score: number; member: string }[] = [];
  for (let x = sl.head; x !== 0; x = sl.next(x))
    out.push({ score: sl.score(x), member: sl.member(x) });
  return out;
}

const memberArb = fc.constantFrom(
  'a',
  'b',
  'c',
  'ab',
  'aa',
  '',
  'z',
  '\u00e9',
  '\uffff',
  '\ue000',
  '\u{1F600}',
  '\u{10000}',
  'x\u{1F600}',
  'x\uffff',
);
const scoreArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(Infinity, -Infinity, 0, -0, 1e300, -1e-300, 5e-324),
);
const rangeArb = fc.record({
  min: scoreArb,
  max: scoreArb,
  minex: fc.boolean(),
  maxex: fc.boolean(),
});
const opArb = fc.oneof(
  fc.record({ op: fc.constant('add' as const), score: scoreArb, member: memberArb }),
  fc.record({ op: fc.constant('incr' as const), score: scoreArb, member: memberArb }),
  fc.record({ op: fc.constant('remove' as const), member: memberArb }),
  fc.record({ op: fc.constant('removeScore' as const), range: rangeArb }),
  fc.record({
    op: fc.constant('removeRank' as const),
    start: fc.integer({ min: 1, max: 8 }),
    len: fc.integer({ min: 0, max: 4 }),
  }),
);

describe.each([1, 2, 4, 32])('SkipList against a sorted array, maxLevel %i', (maxLevel) => {
  it('matches the model after every operation, with invariants intact', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer(), (ops, seed) => {
        const sl = new SkipList({ maxLevel, random16: seededRandom16(seed) });
        const model = new SortedArrayModel();
        for (const step of ops) {
          if (step.op === 'add') {
            if (sl.find(step.member)) sl.updateScore(step.member, step.score);
            else sl.insert(step.score, step.member);
            model.add(step.score, step.member);
          } else if (step.op === 'incr') {
            const old = sl.scoreOf(step.member);
            const next = (old ?? 0) + step.score;
            if (Number.isNaN(next)) continue;
            if (old === undefined) sl.insert(next, step.member);
            else sl.updateScore(step.member, next);
            model.add(next, step.member);
          } else if (step.op === 'remove') {
            expect(sl.remove(step.member)).toBe(model.remove(step.member));
          } else if (step.op === 'removeScore') {
            const gone = model.inRange(step.range);
            expect(sl.removeRangeByScore(step.range)).toBe(gone.length);
            for (const g of gone) model.remove(g.member);
          } else {
            const end = Math.min(step.start + step.len - 1, model.items.length);
            if (step.start > end) continue;
            const gone = model.items.slice(step.start - 1, end);
            expect(sl.removeRangeByRank(step.start, end)).toBe(gone.length);
            for (const g of gone) model.remove(g.member);
          }
          sl.checkInvariants();
          expect(listContents(sl)).toEqual(model.items);
        }
        for (const [i, e] of model.items.entries()) {
          expect(sl.rank(e.member)).toBe(i + 1);
          expect(sl.byRank(i + 1)).toBe(sl.find(e.member));
          expect(sl.traceRank(e.member)?.rank).toBe(i + 1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts and finds score ranges like the model', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scoreArb, memberArb), { maxLength: 30 }),
        rangeArb,
        (pairs, range) => {
          const sl = new SkipList({ maxLevel });
          const model = new SortedArrayModel();
          for (const [score, member] of pairs) {
            if (sl.find(member)) sl.updateScore(member, score);
            else sl.insert(score, member);
            model.add(score, member);
          }
          const inside = model.inRange(range);
          const emptyRange =
            range.min > range.max || (range.min === range.max && (range.minex || range.maxex));
          expect(sl.countInRange(range)).toBe(emptyRange ? 0 : inside.length);
          const first = sl.firstInRange(range);
          const last = sl.lastInRange(range);
          if (emptyRange || inside.length === 0) {
            expect(first).toBe(0);
            expect(last).toBe(0);
          } else {
            expect(sl.member(first)).toBe(inside[0]!.member);
            expect(sl.member(last)).toBe(inside[inside.length - 1]!.member);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SkipList details', () => {
  it('keeps its member index exact through growth, wrap-around and backward-shift deletes', () => {
    const sl = new SkipList({ random16: seededRandom16(11) });
    const live = new Map<string, number>();
    let seed = 1;
    const rnd = () =>
      ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    for (let step = 0; step < 20_000; step++) {
      const m = `k${Math.floor(rnd() * 3000)}`;
      const r = rnd();
      if (r < 0.5) {
        const s = Math.floor(rnd() * 50);
        if (live.has(m)) sl.updateScore(m, s);
        else sl.insert(s, m);
        live.set(m, s);
      } else if (r < 0.9) {
        expect(sl.remove(m)).toBe(live.delete(m));
      } else {
        expect(sl.scoreOf(m)).toBe(live.get(m));
      }
    }
    sl.checkInvariants();
    for (const [m, s] of live) expect(sl.scoreOf(m)).toBe(s);
    expect(sl.find('absent')).toBe(0);
  });

  it('orders ties by bytes (memcmp): UTF-8 puts U+FFFF before an astral character', () => {
    const sl = new SkipList();
    const utf8 = (t: string) => textToBytes(t);
    sl.insert(1, utf8('\u{1F600}'));
    sl.insert(1, utf8('\uffff'));
    sl.insert(1, utf8('\ue000'));
    sl.insert(1, '\xff');
    expect(listContents(sl).map((e) => e.member)).toEqual([
      utf8('\ue000'),
      utf8('\uffff'),
      utf8('\u{1F600}'),
      '\xff',
    ]);
  });

  it('appends in order without a search and builds the same spans as inserts', () => {
    const sl = new SkipList({ maxLevel: 4 });
    for (let i = 0; i < 500; i++) sl.insert(Math.floor(i / 3), `m${1000 + i}`);
    sl.checkInvariants();
    sl.insert(0, 'zzz');
    sl.checkInvariants();
    sl.insert(1000, 'last');
    sl.checkInvariants();
    expect(sl.rank('m1250')).toBe(252);
    expect(sl.rank('last')).toBe(502);
  });

  it('keeps a member in its slot while its score changes (ZSCAN cursors rely on it)', () => {
    const sl = new SkipList({ maxLevel: 4, random16: seededRandom16(3) });
    for (let i = 0; i < 200; i++) sl.insert(i, `m${i}`);
    const slotOf = new Map<string, number>();
    for (let slot = 0; slot < sl.slotCount; slot++) {
      const m = sl.memberAt(slot);
      if (m !== null) slotOf.set(m, slot);
    }
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 200; i += 7) {
        if (sl.find(`m${i}`) !== 0) sl.updateScore(`m${i}`, (i * 31 + round * 17) % 1000);
      }
      sl.remove(`m${(round * 13) % 200}`);
      sl.insert(-round, `n${round}`);
      sl.checkInvariants();
    }
    for (const [m, slot] of slotOf) {
      if (sl.find(m) !== 0) expect(sl.memberAt(slot), m).toBe(m);
    }
  });

  it('traces the insertion point of a new member without changing the list', () => {
    const sl = new SkipList();
    for (let i = 0; i < 100; i++) sl.insert(i, `m${i}`);
    const t = sl.traceInsert(41.5, 'x');
    expect(sl.member(t.insertAfter)).toBe('m41');
    expect(t.rank).toBe(43);
    expect(t.forwardHops).toBeLessThan(t.linearScanHops);
    expect(sl.length).toBe(100);
  });
});
