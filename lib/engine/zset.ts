import {
  ZSET_MAX_LISTPACK_ENTRIES,
  ZSET_MAX_LISTPACK_VALUE,
  type Keyspace,
  type ZSetValue,
} from './keyspace';
import { ERR_NOT_FLOAT, ERR_WRONGTYPE, ErrorReply } from './reply';

/*
 * Every write to a sorted set goes through this file, as every write in
 * Redis's t_zset.c goes through zsetAdd: the commands (ZADD, ZINCRBY, the
 * STORE forms) and bulk loading alike. Encoding conversion (listpack while at
 * most 128 members of at most 64 bytes, then skiplist), the listpack's habit
 * of storing -0 as 0, NaN refusal and the hash-table growth that MEMORY USAGE
 * reports are handled here once.
 */

/** zsetAdd's input flags (ZADD_IN_*). */
export const enum ZAddFlag {
  NX = 1,
  XX = 2,
  GT = 4,
  LT = 8,
  INCR = 16,
}

/** zsetAdd's outcome (ZADD_OUT_*). */
export const enum ZAddOutcome {
  Added,
  Updated,
  /** Processed (INCR replies with the score) but the score stayed the same. */
  Unchanged,
  Nop,
  NaN,
}

/** The score the last {@link zsetAdd} left (Redis's `newscore` out-parameter). */
export let zsetLastScore = 0;

/** Listpacks store -0 as the integer 0; the skip list keeps the sign. */
function stored(z: ZSetValue, score: number): number {
  return z.encoding === 'listpack' && score === 0 ? 0 : score;
}

/**
 * zsetTypeCreate: an empty sorted set sized for `sizeHint` members whose
 * longest is `maxLength` bytes: a listpack when both fit, else a skiplist
 * whose hash table is presized. O(1).
 */
export function zsetCreate(db: Keyspace, sizeHint: number, maxLength: number): ZSetValue {
  const z = db.newZSet();
  if (sizeHint > ZSET_MAX_LISTPACK_ENTRIES || maxLength > ZSET_MAX_LISTPACK_VALUE) {
    z.encoding = 'skiplist';
    z.dict.presize(sizeHint);
  }
  return z;
}

/**
 * An empty skiplist-encoded set (createZsetObject), as the set operations
 * build their result; `presize` > 0 presizes its hash table. O(1).
 */
export function zsetCreateSkiplist(db: Keyspace, presize: number): ZSetValue {
  const z = db.newZSet();
  z.encoding = 'skiplist';
  if (presize > 0) z.dict.presize(presize);
  return z;
}

/** Converts a listpack to a skiplist (zsetConvert): the hash table is built at its size. */
function convertToSkiplist(z: ZSetValue): void {
  z.encoding = 'skiplist';
  z.dict.presize(z.list.length);
  for (let i = 0; i < z.list.length; i++) z.dict.add();
}

/**
 * zsetAdd: adds or updates one member under NX/XX/GT/LT/INCR rules and
 * returns what happened; the resulting score is left in
 * {@link zsetLastScore}. `score` must not be NaN (the parsers refuse it);
 * INCR can still produce NaN (inf + -inf), reported as ZAddOutcome.NaN.
 * O(log N) expected; O(1) for an append after the current last member.
 */
export function zsetAdd(z: ZSetValue, score: number, member: string, flags: number): ZAddOutcome {
  const list = z.list;
  const node = list.find(member);
  if (z.encoding === 'skiplist') z.dict.lookup();
  if (node !== 0) {
    if (flags & ZAddFlag.NX) return ZAddOutcome.Nop;
    const cur = list.score(node);
    if (flags & ZAddFlag.INCR) {
      score += cur;
      if (Number.isNaN(score)) return ZAddOutcome.NaN;
    }
    if ((flags & ZAddFlag.LT && score >= cur) || (flags & ZAddFlag.GT && score <= cur)) {
      return ZAddOutcome.Nop;
    }
    zsetLastScore = score;
    if (score !== cur) {
      list.updateNodeScore(node, stored(z, score));
      return ZAddOutcome.Updated;
    }
    return ZAddOutcome.Unchanged;
  }
  if (flags & ZAddFlag.XX) return ZAddOutcome.Nop;
  if (
    z.encoding === 'listpack' &&
    (list.length + 1 > ZSET_MAX_LISTPACK_ENTRIES || member.length > ZSET_MAX_LISTPACK_VALUE)
  ) {
    convertToSkiplist(z);
  }
  list.insert(stored(z, score), member);
  if (z.encoding === 'skiplist') z.dict.add();
  zsetLastScore = score;
  return ZAddOutcome.Added;
}

/**
 * Removes one member (zsetDel); returns whether it was there. The caller
 * deletes the key when the set becomes empty. O(log N).
 */
export function zsetRemove(z: ZSetValue, member: string): boolean {
  if (!z.list.remove(member)) return false;
  if (z.encoding === 'skiplist') z.dict.remove();
  return true;
}

/** Accounts removals done in bulk by the range commands, then dictResize as Redis does. */
export function zsetRemoved(z: ZSetValue, count: number): void {
  if (z.encoding !== 'skiplist') return;
  for (let i = 0; i < count; i++) z.dict.remove();
  z.dict.shrinkIfSparse();
}

/**
 * zsetConvertToListpackIfNeeded: a set built as a skiplist (the STORE
 * commands) goes back to a listpack when it is small enough, storing -0 as 0.
 * O(N) when it converts.
 */
export function zsetConvertToListpackIfNeeded(z: ZSetValue): void {
  if (z.encoding === 'listpack' || z.list.length > ZSET_MAX_LISTPACK_ENTRIES) return;
  const list = z.list;
  const zeros: string[] = [];
  for (let x = list.head; x !== 0; x = list.next(x)) {
    if (list.member(x).length > ZSET_MAX_LISTPACK_VALUE) return;
    if (list.score(x) === 0) zeros.push(list.member(x));
  }
  z.encoding = 'listpack';
  // Collected first: re-scoring may move a node and end a walk early.
  for (const m of zeros) list.updateScore(m, 0);
}

/**
 * Adds (score, member) pairs to the sorted set at `key` with ZADD's rules
 * (existing members take the new score) through {@link zsetAdd}, and
 * returns how many were new. Pairs that sort after the current last member
 * are appended in O(1) amortised, so loading players in Redis order is
 * linear. `expectedTotal` (the size the set will reach as chunks keep
 * coming) sizes the buffers once. Returns WRONGTYPE for a key of another
 * type and Redis's float error for a NaN score, before writing anything.
 * Members are byte strings. O(M log N), O(M) for sorted input.
 */
export function zsetBulkAdd(
  db: Keyspace,
  key: string,
  scores: ArrayLike<number>,
  members: readonly string[],
  expectedTotal = 0,
): number | ErrorReply {
  let z = db.get(key);
  if (z !== undefined && z.type !== 'zset') return ERR_WRONGTYPE;
  for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) return ERR_NOT_FLOAT;
  if (members.length === 0) return 0;
  if (z === undefined) {
    z = zsetCreate(db, 0, members[0]!.length);
    db.add(key, z);
  }
  z.list.reserve(Math.max(members.length, expectedTotal - z.list.length));
  let added = 0;
  for (let i = 0; i < members.length; i++) {
    if (zsetAdd(z, scores[i]!, members[i]!, 0) === ZAddOutcome.Added) added++;
  }
  return added;
}
