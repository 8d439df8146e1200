import { compareUtf8 } from '../engine/utf8';
import type { RedisLike } from './redis-like';

/**
 * Loading many players at once. A client with the bulk capability (the
 * in-tab engine's `loadSortedSet`) takes the pairs in one call through the
 * engine's ZADD write path, appending sorted runs without a search; any
 * other client (ioredis, a cluster) gets ZADDs of 1,000 pairs in one pipeline.
 */

/** Called after each chunk; may await (to yield) or throw (to cancel). */
export type LoadProgress = (done: number, total: number) => void | Promise<void>;

/**
 * Player numbers 0..n-1 sorted in Redis order (score ascending, ties by
 * member bytes ascending). Sorts packed (score, index) doubles natively,
 * then fixes tie groups by name. Scores must be integers in 0..2^31.
 * O(n log n); about 150 ms for 1M players.
 */
export function sortByScore(scores: ArrayLike<number>, id: (i: number) => string): Int32Array {
  const n = scores.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = scores[i]! * 4_194_304 + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % 4_194_304;
  for (let g = 0; g < n;) {
    let h = g + 1;
    while (h < n && scores[order[h]!] === scores[order[g]!]) h++;
    if (h - g > 1) {
      // Name each member once, not once per comparison.
      const group = Array.from(order.subarray(g, h), (i) => ({ i, name: id(i) }));
      group.sort((a, b) => compareUtf8(a.name, b.name));
      for (let j = 0; j < group.length; j++) order[g + j] = group[j]!.i;
    }
    g = h;
  }
  return order;
}

/**
 * Adds (scores[i], members[i]) to the sorted set `key`. Pairs given in
 * Redis order load fastest on the engine. Returns pairs written.
 */
export async function loadPairs(
  client: RedisLike,
  key: string,
  scores: ArrayLike<number>,
  members: readonly string[],
  expectedTotal = 0,
): Promise<number> {
  if (client.loadSortedSet) {
    await client.loadSortedSet(key, scores, members, expectedTotal);
    return members.length;
  }
  const p = client.pipeline();
  let queued = 0;
  for (let i = 0; i < members.length; i += 1000) {
    const args: (string | number)[] = [];
    for (let j = i; j < Math.min(members.length, i + 1000); j++) args.push(scores[j]!, members[j]!);
    p.zadd(key, ...args);
    queued++;
  }
  if (queued > 0) {
    const res = await p.exec();
    for (const [err] of res ?? []) if (err) throw err;
  }
  return members.length;
}
