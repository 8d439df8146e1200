import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/client';
import { paginationUnderChurn, type ChurnResult } from './churn';

/** Every skipped player, as the pages attribute them, in ascending member order. */
function attributed(r: ChurnResult, reader: 'offset' | 'cursor'): string[] {
  const field = reader === 'offset' ? 'offsetSkipped' : 'cursorSkipped';
  return r.pages.flatMap((p) => p[field].map((s) => s.member)).sort();
}

describe('paginationUnderChurn: skips attributed to the batch that caused them', () => {
  it('attributes each skipped player exactly once, for any seed, page size and churn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 10, max: 80 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 20 }),
        async (seed, players, pageSize, changesPerPage) => {
          const r = await paginationUnderChurn(createClient(), {
            seed,
            players,
            pageSize,
            changesPerPage,
          });
          expect(attributed(r, 'offset')).toEqual([...r.offset.skippedMembers].sort());
          expect(attributed(r, 'cursor')).toEqual([...r.cursor.skippedMembers].sort());
          // Only a batch with changes can carry anyone past a reader.
          for (const p of r.pages) {
            if (p.changes.length === 0) expect(p.offsetSkipped.concat(p.cursorSkipped)).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a cursor skip only among the players whose own score changed in that batch', async () => {
    const r = await paginationUnderChurn(createClient(), {
      seed: 3,
      players: 300,
      pageSize: 10,
      changesPerPage: 12,
    });
    expect(r.cursor.skipped).toBeGreaterThan(0);
    for (const p of r.pages) {
      const moved = new Set(p.changes.map((c) => c.member));
      for (const s of p.cursorSkipped) expect(moved.has(s.member)).toBe(true);
    }
    // Offsets also skip players who never moved: carried past by others' moves.
    const changed = new Set(r.pages.flatMap((p) => p.changes.map((c) => c.member)));
    const still = r.pages.flatMap((p) => p.offsetSkipped).filter((s) => !changed.has(s.member));
    expect(still.length).toBe(r.offset.unchangedSkipped);
  });

  it('lists a batch’s skips in board order, with the score each had when the next page was read', async () => {
    const r = await paginationUnderChurn(createClient(), {
      seed: 7,
      players: 200,
      pageSize: 10,
      changesPerPage: 5,
    });
    for (const p of r.pages) {
      const scores = p.offsetSkipped.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const s of p.cursorSkipped) {
        const last = p.changes.filter((c) => c.member === s.member).at(-1);
        expect(last?.to).toBe(s.score);
      }
    }
  });
});
