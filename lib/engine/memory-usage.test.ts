import { describe, expect, it } from 'vitest';
import { mulberry32 } from './workload';
import { jemallocSize, sdsSize } from './memory-usage';
import { SkipList, seededRandom16 } from './skip-list';

/**
 * MEMORY USAGE … SAMPLES 0 sums a skip list from its running counts (nodes per level,
 * members per byte length) instead of walking it. The counts must equal what a walk finds
 * after any mix of inserts, removals and score updates (which re-level a node), members of
 * 256 bytes and more included.
 */
function walk(list: SkipList): { levels: number[]; sds: number } {
  const levels = new Array<number>(list.maxLevel + 1).fill(0);
  let sds = 0;
  for (let x = list.head; x !== 0; x = list.next(x)) {
    levels[list.nodeLevel(x)]!++;
    sds += sdsSize(list.member(x).length);
  }
  return { levels, sds };
}

function counted(list: SkipList): { levels: number[]; sds: number } {
  let sds = 0;
  for (const [len, n] of list.memberLengthCounts()) sds += n * sdsSize(len);
  return { levels: Array.from(list.levelCounts()), sds };
}

describe('skip list running counts for MEMORY USAGE', () => {
  it.each([1, 2, 3])('match a walk after a random mix (seed %i)', (seed) => {
    const rnd = mulberry32(seed);
    const list = new SkipList({ random16: seededRandom16(seed) });
    const present = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const long = rnd() < 0.05;
      const member = `${long ? 'x'.repeat(250 + Math.floor(rnd() * 20)) : 'p'}:${Math.floor(rnd() * 3000)}`;
      const op = rnd();
      if (present.has(member)) {
        if (op < 0.4) {
          list.remove(member);
          present.delete(member);
        } else list.updateScore(member, Math.floor(rnd() * 1000));
      } else {
        list.insert(Math.floor(rnd() * 1000), member);
        present.add(member);
      }
    }
    expect(list.length).toBe(present.size);
    expect(counted(list)).toEqual(walk(list));
    expect([...list.memberLengthCounts()].some(([len]) => len >= 256)).toBe(true);
    const levels = Array.from(list.levelCounts());
    expect(levels.reduce((a, b) => a + b, 0)).toBe(present.size);
    // Sanity of the model's inputs: node sizes are jemalloc classes.
    expect(jemallocSize(24 + 16 * 2)).toBe(64);
  });

  it('drop to zero when every member is removed', () => {
    const list = new SkipList();
    for (let i = 0; i < 500; i++) list.insert(i, `${'m'.repeat(i)}`);
    for (let i = 0; i < 500; i++) list.remove(`${'m'.repeat(i)}`);
    expect(Array.from(list.levelCounts()).every((n) => n === 0)).toBe(true);
    expect([...list.memberLengthCounts()]).toEqual([]);
  });
});
