/** The picture's seeded set, shared by the live picture and its server-drawn placeholder. */

export const KEY = 'demo';
const NAMES = [
  'ava',
  'ben',
  'cai',
  'dev',
  'eli',
  'fay',
  'gus',
  'hal',
  'ivy',
  'jon',
  'kai',
  'lea',
  'max',
  'nia',
  'oli',
  'pam',
];
export const LISTPACK_LIMIT = 128;

/** The i-th seeded player: a readable name and a score from 0 to 5,000 in steps of 50 (ties happen). */
export function player(seed: number, i: number): { member: string; score: number } {
  let h = (seed * 2654435761 + i * 40503) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  const base = NAMES[i % NAMES.length] ?? 'p';
  const member = i < NAMES.length ? base : `${base}${Math.floor(i / NAMES.length) + 1}`;
  return { member, score: ((h >>> 0) % 101) * 50 };
}
