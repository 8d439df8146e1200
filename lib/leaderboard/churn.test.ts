import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/client';
import { churnOverview, churnPages, paginationUnderChurn, type ChurnResult } from './churn';

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

describe('churnOverview and churnPages: what the playground is sent', () => {
  it('summarise the run without its pages, and hand out one page at a time', async () => {
    const r = await paginationUnderChurn(createClient(), {
      seed: 7,
      players: 300,
      pageSize: 10,
      changesPerPage: 8,
    });
    const o = churnOverview(r);
    expect(o.pageCount).toBe(r.pages.length);
    expect(o.offset).toEqual(r.offset);
    expect(new Set(o.changed)).toEqual(
      new Set(r.pages.flatMap((p) => p.changes.map((c) => c.member))),
    );
    // Every player a reader showed has a first page, and it is the earliest page listing it.
    for (const reader of ['offset', 'cursor'] as const) {
      expect(Object.keys(o.firstShown[reader]).length).toBe(r[reader].distinct);
      for (const [member, page] of Object.entries(o.firstShown[reader])) {
        expect(r.pages.findIndex((p) => p[reader].some((x) => x.member === member))).toBe(page);
      }
    }
    // Troubled pages are exactly those with a repeat, or a skip caused just before.
    const expected = r.pages
      .filter((p, i) => {
        const b = r.pages[i - 1];
        return (
          p.offsetRepeated.length > 0 ||
          p.cursorRepeated.length > 0 ||
          (b !== undefined && b.offsetSkipped.length + b.cursorSkipped.length > 0)
        );
      })
      .map((p) => p.page);
    expect(o.troubled).toEqual(expected);
    expect(o.troubled.length).toBeGreaterThan(0);
    expect(JSON.stringify(o).length).toBeLessThan(JSON.stringify(r).length / 2);

    expect(churnPages(r, 0)).toEqual({ index: 0, current: r.pages[0], previous: null });
    expect(churnPages(r, 3)).toEqual({ index: 3, current: r.pages[3], previous: r.pages[2] });
    const last = r.pages.length - 1;
    expect(churnPages(r, 1e9).index).toBe(last);
    expect(churnPages(r, -5).index).toBe(0);
  });
});
