import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { ErrorReply } from './reply';
import { zsetBulkAdd } from './zset';

/*
 * The one sorted-set write path (zset.ts), checked against a model: a Map of
 * member → score plus Redis's encoding rules (listpack while ≤ 128 members of
 * ≤ 64 bytes, then skiplist for good; a listpack stores -0 as 0). Commands
 * (ZADD, ZINCRBY, ZREM) and bulk loading (zsetBulkAdd) are interleaved at
 * random, and after every step the set, its encoding and the skip list's
 * invariants must agree with the model. A second property: loading pairs in
 * bulk leaves exactly what the same pairs sent as ZADDs leave.
 */

const memberArb = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'ab', '', 'zz'),
  fc.integer({ min: 0, max: 300 }).map((i) => `p${i}`),
  fc.constant('x'.repeat(65)),
);
const scoreArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(-0, 0, 1.5, Infinity, -Infinity, 1e20),
);

type Op =
  | { kind: 'zadd'; pairs: [number, string][]; flag: '' | 'NX' | 'XX' | 'GT' | 'LT' }
  | { kind: 'incr'; by: number; member: string }
  | { kind: 'rem'; member: string }
  | { kind: 'bulk'; pairs: [number, string][] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('zadd' as const),
    pairs: fc.array(fc.tuple(scoreArb, memberArb), { minLength: 1, maxLength: 4 }),
    flag: fc.constantFrom('' as const, 'NX' as const, 'XX' as const, 'GT' as const, 'LT' as const),
  }),
  fc.record({ kind: fc.constant('incr' as const), by: scoreArb, member: memberArb }),
  fc.record({ kind: fc.constant('rem' as const), member: memberArb }),
  fc.record({
    kind: fc.constant('bulk' as const),
    pairs: fc.array(fc.tuple(scoreArb, memberArb), { minLength: 0, maxLength: 200 }),
  }),
);

/** The model: scores plus the encoding Redis would report. */
class Model {
  scores = new Map<string, number>();
  encoding: 'listpack' | 'skiplist' | null = null;

  private store(member: string, score: number): void {
    if (this.encoding === null) this.encoding = member.length > 64 ? 'skiplist' : 'listpack';
    if (
      this.encoding === 'listpack' &&
      !this.scores.has(member) &&
      (this.scores.size + 1 > 128 || member.length > 64)
    ) {
      this.encoding = 'skiplist';
    }
    this.scores.set(member, this.encoding === 'listpack' && score === 0 ? 0 : score);
  }

  zadd(pairs: [number, string][], flag: string): void {
    if (this.encoding === null && flag === 'XX') return;
    if (this.encoding === null) this.encoding = pairs[0]![1].length > 64 ? 'skiplist' : 'listpack';
    for (const [score, member] of pairs) {
      const cur = this.scores.get(member);
      if (cur === undefined) {
        if (flag !== 'XX') this.store(member, score);
      } else if (flag === 'NX') continue;
      else if ((flag === 'GT' && score <= cur) || (flag === 'LT' && score >= cur)) continue;
      else if (score !== cur) this.store(member, score);
    }
  }

  incr(by: number, member: string): void {
    // A new member takes the increment itself (so -0 stays -0 in a skiplist).
    const cur = this.scores.get(member);
    const next = cur === undefined ? by : cur + by;
    if (Number.isNaN(next)) return;
    if (this.encoding === null) this.encoding = member.length > 64 ? 'skiplist' : 'listpack';
    if (cur === undefined || next !== cur) this.store(member, next);
  }

  rem(member: string): void {
    this.scores.delete(member);
    if (this.scores.size === 0) this.encoding = null;
  }

  bulk(pairs: [number, string][]): void {
    if (pairs.length === 0) return;
    if (this.encoding === null) this.encoding = pairs[0]![1].length > 64 ? 'skiplist' : 'listpack';
    for (const [score, member] of pairs) {
      if (this.scores.get(member) !== score || !this.scores.has(member)) this.store(member, score);
    }
  }

  /** ZRANGE key 0 -1 WITHSCORES as the engine formats it (memcmp order on ties). */
  range(): [string, number][] {
    return [...this.scores.entries()].sort((a, b) =>
      a[1] !== b[1] ? a[1] - b[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
    );
  }
}

const str = (n: number) =>
  Number.isNaN(n)
    ? 'nan'
    : n === Infinity
      ? 'inf'
      : n === -Infinity
        ? '-inf'
        : Object.is(n, -0)
          ? '-0'
          : String(n);

function apply(e: Engine, model: Model, op: Op): void {
  switch (op.kind) {
    case 'zadd':
      e.execute([
        'zadd',
        'z',
        ...(op.flag ? [op.flag] : []),
        ...op.pairs.flatMap(([s, m]) => [str(s), m]),
      ]);
      model.zadd(op.pairs, op.flag);
      return;
    case 'incr':
      e.execute(['zincrby', 'z', str(op.by), op.member]);
      model.incr(op.by, op.member);
      return;
    case 'rem':
      e.execute(['zrem', 'z', op.member]);
      model.rem(op.member);
      return;
    case 'bulk': {
      const r = zsetBulkAdd(
        e.db,
        'z',
        op.pairs.map(([s]) => s),
        op.pairs.map(([, m]) => m),
      );
      expect(r).not.toBeInstanceOf(ErrorReply);
      model.bulk(op.pairs);
    }
  }
}

function check(e: Engine, model: Model): void {
  const v = e.db.peek('z');
  if (model.encoding === null) {
    expect(v).toBeUndefined();
    return;
  }
  expect(v?.type).toBe('zset');
  if (v?.type !== 'zset') return;
  v.list.checkInvariants();
  expect(v.encoding).toBe(model.encoding);
  const got: [string, number][] = [];
  for (let x = v.list.head; x !== 0; x = v.list.next(x))
    got.push([v.list.member(x), v.list.score(x)]);
  const want = model.range();
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    expect(got[i]![0]).toBe(want[i]![0]);
    expect(
      Object.is(got[i]![1], want[i]![1]),
      `${got[i]![0]}: ${got[i]![1]} vs ${want[i]![1]}`,
    ).toBe(true);
  }
}

describe('the sorted-set write path (zset.ts)', () => {
  it('agrees with the model over interleaved commands and bulk loads', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const e = new Engine({ skipList: { maxLevel: 4 } });
        const model = new Model();
        for (const op of ops) {
          apply(e, model, op);
          check(e, model);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves exactly what the same pairs sent as ZADDs leave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(scoreArb, memberArb), { minLength: 1, maxLength: 150 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (chunks) => {
          const viaCommands = new Engine();
          const viaBulk = new Engine();
          for (const pairs of chunks) {
            viaCommands.execute(['zadd', 'z', ...pairs.flatMap(([s, m]) => [str(s), m])]);
            zsetBulkAdd(
              viaBulk.db,
              'z',
              pairs.map(([s]) => s),
              pairs.map(([, m]) => m),
            );
          }
          for (const cmd of [
            ['object', 'encoding', 'z'],
            ['zrange', 'z', '0', '-1', 'WITHSCORES'],
            ['memory', 'usage', 'z', 'samples', '0'],
          ]) {
            const a = viaCommands.execute(cmd);
            const b = viaBulk.execute(cmd);
            if (cmd[0] === 'memory') expect(typeof a).toBe(typeof b);
            else expect(a).toEqual(b);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses NaN and a key of another type before writing anything', () => {
    const e = new Engine();
    e.execute(['set', 's', 'v']);
    expect(zsetBulkAdd(e.db, 's', [1], ['a'])).toBeInstanceOf(ErrorReply);
    expect(zsetBulkAdd(e.db, 'z', [1, NaN], ['a', 'b'])).toBeInstanceOf(ErrorReply);
    expect(e.db.peek('z')).toBeUndefined();
  });
});
