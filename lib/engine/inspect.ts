import { bytesToText, textToBytes } from './bytes';
import type { Engine } from './engine';
import type { SkipListSnapshot, SkipListTrace } from './skip-list';

/**
 * Read-only views of a sorted set for the skip-list picture: its nodes,
 * levels and spans, and the search path of a rank lookup or an insertion.
 */

/** A drawable view of one sorted set. */
export interface SortedSetInspection {
  key: string;
  /** What OBJECT ENCODING reports: listpack up to 128 small members, then skiplist. */
  encoding: 'listpack' | 'skiplist';
  length: number;
  /** The first `limit` nodes (plus the header); `snapshot.length` is the full size. */
  snapshot: SkipListSnapshot;
}

/**
 * A search path through one sorted set. `linearScanHops` counts from the end a
 * linear scan would start at: the lowest score for ZRANK and ZADD, the
 * highest for ZREVRANK.
 */
export interface SortedSetTrace extends SkipListTrace {
  key: string;
  op: 'zrank' | 'zrevrank' | 'zadd';
  member: string;
  /** The command's answer: ZRANK / ZREVRANK value, or the rank a ZADD would take (0-based). */
  answer: number | null;
  length: number;
}

/**
 * Returns the structure of the sorted set at `key` (at most `limit` nodes),
 * or a string explaining why not ("no such key", "not a sorted set").
 * O(min(N, limit) · levels). The internal skip list is drawn even while the
 * encoding is listpack, since the engine keeps one either way.
 */
export function inspectSortedSet(
  engine: Engine,
  key: string,
  limit = 64,
): SortedSetInspection | string {
  const v = engine.db.peek(textToBytes(key));
  if (v === undefined) return 'no such key';
  if (v.type !== 'zset') return 'not a sorted set';
  const snapshot = v.list.snapshot(limit);
  for (const node of snapshot.nodes)
    if (node.member !== null) node.member = bytesToText(node.member);
  return { key, encoding: v.encoding, length: v.list.length, snapshot };
}

/**
 * Traces ZRANK / ZREVRANK of `member`, or where ZADD would put (score,
 * member), hop by hop. Returns a reason string when the key is missing, of
 * another type, or the member is absent for a rank trace. O(log N).
 */
export function traceSortedSet(
  engine: Engine,
  key: string,
  request:
    { op: 'zrank' | 'zrevrank'; member: string } | { op: 'zadd'; member: string; score: number },
): SortedSetTrace | string {
  const v = engine.db.peek(textToBytes(key));
  const member = textToBytes(request.member);
  if (v === undefined && request.op !== 'zadd') return 'no such key';
  if (v !== undefined && v.type !== 'zset') return 'not a sorted set';
  const list = v?.list;
  if (request.op === 'zadd') {
    if (Number.isNaN(request.score)) return 'score is not a number';
    if (list === undefined) {
      return {
        key,
        op: 'zadd',
        member: request.member,
        answer: 0,
        length: 0,
        hops: [],
        forwardHops: 0,
        linearScanHops: 1,
        rank: 1,
        insertAfter: 0,
      };
    }
    const t = list.traceInsert(request.score, member);
    return {
      ...t,
      key,
      op: 'zadd',
      member: request.member,
      answer: t.rank - 1,
      length: list.length,
    };
  }
  const t = list!.traceRank(member);
  if (t === null) return 'no such member';
  const length = list!.length;
  const answer = request.op === 'zrank' ? t.rank - 1 : length - t.rank;
  // A linear ZREVRANK would walk down from the highest score instead.
  const linearScanHops = request.op === 'zrank' ? t.linearScanHops : length - t.rank + 1;
  return { ...t, linearScanHops, key, op: request.op, member: request.member, answer, length };
}
