import { compareBytes } from './bytes';
import type { Engine } from './engine';
import { ErrorReply } from './reply';
import { zsetBulkAdd } from './zset';

/**
 * Seeded leaderboards for the "load example" menu, the worker and the bench:
 * N players named `player` + 6 base-36 characters (12 characters), integer
 * scores drawn uniformly from 0..maxScore (so ties happen), produced in
 * score order so the skip list can append instead of search.
 */

/** A small, fast, seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_SPACE = 36 ** 6;
const NAME_STEP = 1_234_567; // coprime with 36, so i → i·STEP mod 36^6 is a bijection

/** The 12-character name of player number `i` (unique for i < 36^6). O(1). */
export function playerName(i: number, seed = 0): string {
  return playerNameFromKey(playerNameKey(i, seed));
}

/** How many distinct name keys there are (36^6). */
export const PLAYER_NAME_KEYS = NAME_SPACE;

/**
 * The number behind player `i`'s name, in 0..36^6−1. Names are 'player' + the key in six
 * base-36 digits, so they sort (by bytes, as Redis compares members) exactly as their keys
 * do: a sort by (score, key) is Redis order without making a string. O(1).
 */
export function playerNameKey(i: number, seed = 0): number {
  return (i * NAME_STEP + seed * 7_919) % NAME_SPACE;
}

/** The name whose key is `key`: `playerNameFromKey(playerNameKey(i, s)) === playerName(i, s)`. */
export function playerNameFromKey(key: number): string {
  return 'player' + key.toString(36).padStart(6, '0');
}

/** One slice of a workload, in (score, member) order. */
export interface LeaderboardChunk {
  scores: Float64Array;
  members: string[];
  /** Members produced so far, including this chunk. */
  produced: number;
  total: number;
}

/** Options for a seeded leaderboard. */
export interface LeaderboardWorkloadOptions {
  seed: number;
  count: number;
  /** Scores are integers in 0..maxScore; defaults to 1,000,000. */
  maxScore?: number;
}

/** A workload that hands out its members chunk by chunk. */
export interface LeaderboardWorkload {
  readonly total: number;
  /** The next chunk of about `size` members (a tie group is never split), or null when done. */
  nextChunk(size: number): LeaderboardChunk | null;
}

/**
 * Creates a seeded leaderboard of `count` players. Scores come out already
 * sorted, with no pass over all of them first: uniform order statistics are
 * drawn from the top down (U(n) = V^(1/n), U(k) = U(k+1)·V^(1/k)) and
 * mirrored, so each chunk costs O(chunk) and the first chunk is as cheap as
 * the last. Names are made per chunk, and ties sorted by bytes, so
 * chunks arrive in exactly the order Redis would store them.
 */
export function createLeaderboardWorkload(
  options: LeaderboardWorkloadOptions,
): LeaderboardWorkload {
  const { seed, count } = options;
  const maxScore = options.maxScore ?? 1_000_000;
  const random = mulberry32(seed);
  let remaining = count;
  let u = 1;
  const nextScore = () => {
    u *= Math.pow(random() || Number.MIN_VALUE, 1 / remaining);
    remaining--;
    const s = maxScore - Math.floor(u * (maxScore + 1));
    return s < 0 ? 0 : s;
  };
  let pos = 0;
  let peek = count > 0 ? nextScore() : 0;
  return {
    total: count,
    nextChunk(size: number): LeaderboardChunk | null {
      if (pos >= count) return null;
      const want = Math.max(1, size);
      const list: number[] = [];
      const first = pos;
      // Never split a tie group: its members must be sorted together.
      while (pos < count && (list.length < want || peek === list[list.length - 1])) {
        list.push(peek);
        pos++;
        if (pos < count) peek = nextScore();
      }
      const scores = Float64Array.from(list);
      const members = new Array<string>(scores.length);
      for (let i = 0; i < scores.length; i++) members[i] = playerName(first + i, seed);
      let g = 0;
      while (g < scores.length) {
        let h = g + 1;
        while (h < scores.length && scores[h] === scores[g]) h++;
        if (h - g > 1) {
          const group = members.slice(g, h).sort(compareBytes);
          for (let j = g; j < h; j++) members[j] = group[j - g]!;
        }
        g = h;
      }
      return { scores, members, produced: pos, total: count };
    },
  };
}

/**
 * Loads a whole seeded leaderboard into `key` synchronously (for tests and
 * the bench; the worker loads chunk by chunk). Returns members added.
 */
export function loadLeaderboard(
  engine: Engine,
  key: string,
  options: LeaderboardWorkloadOptions,
): number | ErrorReply {
  const w = createLeaderboardWorkload(options);
  let added = 0;
  for (let c = w.nextChunk(65536); c !== null; c = w.nextChunk(65536)) {
    const r = zsetBulkAdd(engine.db, key, c.scores, c.members, w.total);
    if (r instanceof ErrorReply) return r;
    added += r;
  }
  return added;
}
