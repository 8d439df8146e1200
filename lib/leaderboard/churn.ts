import { compareUtf8 } from '../engine/utf8';
import { mulberry32 } from '../engine/workload';
import type { CostLedger } from './cost-ledger';
import { GlobalBoard, type BoardCursor, type BoardRow, type CursorPage } from './global-board';
import { toPairs, type RedisLike } from './redis-like';

/**
 * Pagination under churn: a reader pages through the whole board while
 * scores keep changing between pages. With offsets, every change above
 * the page edge shifts everyone below it, so players whose score never
 * changed are repeated or skipped. With a cursor (the last row's
 * (score, member)), each page starts exactly where the last one ended in
 * score order, so a player whose score did not change is shown exactly
 * once; only a player who itself crossed the cursor is skipped (moved up)
 * or shown again (moved down). Both readers see the same board at every
 * step. The summary separates the two kinds (`unchanged*`).
 */

/** Options for `paginationUnderChurn`. */
export interface ChurnOptions {
  seed: number;
  /** Players on the board. Default 200. */
  players?: number;
  /** Rows per page. Default 10. */
  pageSize?: number;
  /** Score changes applied between two pages. Default 5. */
  changesPerPage?: number;
  /** Largest score change, up or down. Default 200 (scores start in 0..1000). */
  maxChange?: number;
  /** Key to use (deleted first). Default 'lb:churn'. */
  key?: string;
  /** Where the page reads' costs go. */
  ledger?: CostLedger;
  /**
   * Called after each page with pages read and the most there can be; it may await (to
   * yield) or throw (to stop the run).
   */
  onPage?: (done: number, most: number) => void | Promise<void>;
}

/** One page step: what each reader got and what changed afterwards. */
export interface ChurnPage {
  page: number;
  offset: BoardRow[];
  cursor: BoardRow[];
  /** Members of this page already shown on an earlier page, per reader. */
  offsetRepeated: string[];
  cursorRepeated: string[];
  /** Score changes applied after this page was read. */
  changes: { member: string; from: number; to: number }[];
  /**
   * Players these changes carried from ahead of the reader to behind it, and
   * that the reader then never showed: its skips, each attributed to the
   * batch that caused it (the last one, for a player carried past twice),
   * with the score it had when the next page was read. Board order.
   */
  offsetSkipped: { member: string; score: number }[];
  cursorSkipped: { member: string; score: number }[];
}

/** Totals over the whole scan. */
export interface ChurnReaderSummary {
  rowsRead: number;
  /** Distinct players shown. */
  distinct: number;
  /** Rows that showed a player already shown. */
  repeated: number;
  /** Players never shown. */
  skipped: number;
  skippedMembers: string[];
  /** Repeated rows of players whose score never changed during the scan. */
  unchangedRepeated: number;
  /** Skipped players whose score never changed during the scan. */
  unchangedSkipped: number;
}

/** The experiment's result. */
export interface ChurnResult {
  players: number;
  pages: ChurnPage[];
  offset: ChurnReaderSummary;
  cursor: ChurnReaderSummary;
}

/**
 * Runs the experiment: loads `players` seeded players (scores 0..1000),
 * then reads page after page with both readers until both have reached the
 * end (or 4× the pages a still board would need), applying
 * `changesPerPage` seeded score changes after each page. Deterministic for
 * a seed. O(pages · (pageSize + changes) · log N).
 */
export async function paginationUnderChurn(
  client: RedisLike,
  options: ChurnOptions,
): Promise<ChurnResult> {
  const players = options.players ?? 200;
  const pageSize = options.pageSize ?? 10;
  const changesPerPage = options.changesPerPage ?? 5;
  const maxChange = options.maxChange ?? 200;
  const key = options.key ?? 'lb:churn';
  const random = mulberry32(options.seed);
  const ids = Array.from({ length: players }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const scores = ids.map(() => Math.floor(random() * 1001));
  const index = new Map(ids.map((m, i) => [m, i]));
  await client.del(key);
  const args: (string | number)[] = [];
  ids.forEach((m, i) => args.push(scores[i]!, m));
  if (args.length) await client.zadd(key, ...args);
  const board = new GlobalBoard(client, { key, mode: 'overwrite', ledger: options.ledger });

  /** The row at 0-based position `i` now, or undefined past the end. */
  const rowAt = async (i: number) => toPairs(await client.zrevrange(key, i, i, 'WITHSCORES'))[0];
  /** Whether (score, member) sorts at or before `edge` in board order. */
  const atOrBefore = (score: number, member: string, edge: { score: number; member: string }) =>
    score > edge.score || (score === edge.score && compareUtf8(member, edge.member) >= 0);
  /** The last batch that carried each player past each reader (kept only for skips). */
  const passedOffset = new Map<string, { page: number; score: number }>();
  const passedCursor = new Map<string, { page: number; score: number }>();
  const seenOffset = new Map<string, number>();
  const seenCursor = new Map<string, number>();
  const pages: ChurnPage[] = [];
  let cursor: BoardCursor | null = null;
  let cursorDone = false;
  let offsetDone = false;
  const limit = Math.ceil(players / Math.max(1, pageSize)) * 4;
  for (let page = 0; page < limit && !(cursorDone && offsetDone); page++) {
    const offsetRows = offsetDone ? [] : (await board.page(page * pageSize, pageSize)).result;
    if (offsetRows.length < pageSize) offsetDone = true;
    let cursorRows: BoardRow[] = [];
    if (!cursorDone) {
      const r: CursorPage = (await board.pageAfter(cursor, pageSize)).result;
      cursorRows = r.rows;
      cursor = r.next;
      if (cursor === null) cursorDone = true;
    }
    const offsetRepeated = offsetRows.filter((r) => seenOffset.has(r.member)).map((r) => r.member);
    const cursorRepeated = cursorRows.filter((r) => seenCursor.has(r.member)).map((r) => r.member);
    for (const r of offsetRows) seenOffset.set(r.member, (seenOffset.get(r.member) ?? 0) + 1);
    for (const r of cursorRows) seenCursor.set(r.member, (seenCursor.get(r.member) ?? 0) + 1);
    // The offset reader's line is the last position it has covered; an
    // unchanged player can rise at most one position per change, so only
    // the `changesPerPage` rows below the line (and the changed players)
    // can cross it in this batch.
    const line = (page + 1) * pageSize;
    const offsetEdge = offsetDone ? undefined : await rowAt(line - 1);
    const nearLine =
      offsetEdge && changesPerPage > 0
        ? toPairs(await client.zrevrange(key, line, line + changesPerPage - 1, 'WITHSCORES'))
        : [];
    const before = new Map<string, number>(nearLine.map((p) => [p.member, p.score]));
    const changes: ChurnPage['changes'] = [];
    for (let c = 0; c < changesPerPage && players > 0; c++) {
      const i = Math.floor(random() * players);
      const from = scores[i]!;
      const to = Math.max(0, from + Math.round((random() * 2 - 1) * maxChange));
      scores[i] = to;
      await client.zadd(key, to, ids[i]!);
      changes.push({ member: ids[i]!, from, to });
      if (!before.has(ids[i]!)) before.set(ids[i]!, from);
    }
    if (offsetEdge) {
      const edgeAfter = await rowAt(line - 1);
      for (const [member, score] of before) {
        const now = scores[index.get(member)!]!;
        if (
          !atOrBefore(score, member, offsetEdge) &&
          edgeAfter &&
          atOrBefore(now, member, edgeAfter)
        )
          passedOffset.set(member, { page, score: now });
      }
    }
    if (cursor) {
      const edge = { score: cursor.stored, member: cursor.member };
      for (const { member } of changes) {
        const now = scores[index.get(member)!]!;
        if (!atOrBefore(before.get(member)!, member, edge) && atOrBefore(now, member, edge))
          passedCursor.set(member, { page, score: now });
      }
    }
    pages.push({
      page,
      offset: offsetRows,
      cursor: cursorRows,
      offsetRepeated,
      cursorRepeated,
      changes,
      offsetSkipped: [],
      cursorSkipped: [],
    });
    await options.onPage?.(page + 1, limit);
  }
  const changed = new Set(pages.flatMap((p) => p.changes.map((c) => c.member)));
  const summary = (seen: Map<string, number>, rowsRead: number): ChurnReaderSummary => {
    const skippedMembers = ids.filter((m) => !seen.has(m));
    let unchangedRepeated = 0;
    for (const [m, n] of seen) if (!changed.has(m)) unchangedRepeated += n - 1;
    return {
      rowsRead,
      distinct: seen.size,
      repeated: rowsRead - seen.size,
      skipped: skippedMembers.length,
      skippedMembers,
      unchangedRepeated,
      unchangedSkipped: skippedMembers.filter((m) => !changed.has(m)).length,
    };
  };
  const attribute = (
    seen: Map<string, number>,
    passed: Map<string, { page: number; score: number }>,
    field: 'offsetSkipped' | 'cursorSkipped',
  ) => {
    for (const m of ids) {
      const p = passed.get(m);
      if (!seen.has(m) && p) pages[p.page]![field].push({ member: m, score: p.score });
    }
    for (const p of pages)
      p[field].sort((a, b) => b.score - a.score || compareUtf8(b.member, a.member));
  };
  attribute(seenOffset, passedOffset, 'offsetSkipped');
  attribute(seenCursor, passedCursor, 'cursorSkipped');
  return {
    players,
    pages,
    offset: summary(
      seenOffset,
      pages.reduce((a, p) => a + p.offset.length, 0),
    ),
    cursor: summary(
      seenCursor,
      pages.reduce((a, p) => a + p.cursor.length, 0),
    ),
  };
}

/**
 * The whole-scan numbers a reader of the experiment needs up front, without
 * every page: a run over 5,000 players with small pages holds thousands of
 * pages and hundreds of thousands of score changes (tens of MB), which the
 * playground's worker keeps and hands out a page at a time (`churnPages`).
 */
export interface ChurnOverview {
  players: number;
  pageCount: number;
  offset: ChurnReaderSummary;
  cursor: ChurnReaderSummary;
  /** Players whose score changed during the scan. */
  changed: string[];
  /** Per reader, the 0-based page on which each player was first shown. */
  firstShown: { offset: Record<string, number>; cursor: Record<string, number> };
  /**
   * 0-based pages on which either reader repeats a row, or was carried past a
   * player by the changes just before. Ascending.
   */
  troubled: number[];
}

/** The overview of a run. O(rows read + changes). */
export function churnOverview(result: ChurnResult): ChurnOverview {
  const changed = new Set<string>();
  const first = { offset: {} as Record<string, number>, cursor: {} as Record<string, number> };
  const troubled: number[] = [];
  result.pages.forEach((p, i) => {
    for (const c of p.changes) changed.add(c.member);
    for (const reader of ['offset', 'cursor'] as const)
      for (const r of p[reader]) if (!(r.member in first[reader])) first[reader][r.member] = p.page;
    const before = result.pages[i - 1];
    const skips = before ? before.offsetSkipped.length + before.cursorSkipped.length : 0;
    if (p.offsetRepeated.length + p.cursorRepeated.length + skips > 0) troubled.push(p.page);
  });
  return {
    players: result.players,
    pageCount: result.pages.length,
    offset: result.offset,
    cursor: result.cursor,
    changed: [...changed],
    firstShown: first,
    troubled,
  };
}

/** One page step as the playground shows it: the page and the one before (its changes). */
export interface ChurnPageView {
  /** 0-based, clamped to the run. */
  index: number;
  current: ChurnPage | null;
  previous: ChurnPage | null;
}

/** Page `index` (clamped) and the page before it. O(1). */
export function churnPages(result: ChurnResult, index: number): ChurnPageView {
  const i = Math.min(Math.max(0, Math.floor(index)), Math.max(0, result.pages.length - 1));
  return { index: i, current: result.pages[i] ?? null, previous: result.pages[i - 1] ?? null };
}
