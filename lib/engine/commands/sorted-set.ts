import type { SetValue, ZSetValue } from '../keyspace';
import { MAX_REPLY_ELEMENTS, replyTooLarge } from '../limits';
import {
  formatScore,
  parseLong,
  parseLongLong,
  parseScoreBound,
  parseStrictDouble,
} from '../numbers';
import {
  ERR_MINMAX_FLOAT,
  ERR_MINMAX_LEX,
  ERR_NAN_SCORE,
  ERR_NOT_FLOAT,
  ERR_NOT_INTEGER,
  ERR_POSITIVE,
  ERR_SYNTAX,
  ERR_WRONGTYPE,
  ErrorReply,
  type Reply,
} from '../reply';
import { lexGteMin, lexLteMax, scoreGteMin, scoreLteMax } from '../skip-list';
import type { LexBound, LexRange, ScoreRange } from '../skip-list';
import {
  ZAddFlag,
  ZAddOutcome,
  zsetAdd,
  zsetConvertToListpackIfNeeded,
  zsetCreate,
  zsetCreateSkiplist,
  zsetLastScore,
  zsetRemove,
  zsetRemoved,
} from '../zset';
import { type CommandContext, type Handler, isOption, lookupTyped } from './context';
import { scanCollection, scanMatches } from './scan';

/*
 * Sorted-set commands, following Redis 7.0's t_zset.c: the same order of
 * checks (so the same error wins when several apply), the same clamping of
 * indexes and the same reply shapes (RESP2: WITHSCORES is a flat array).
 * Every write goes through zset.ts.
 */

/** Parses a score range (zslParseRange) or returns null. */
export function parseScoreRange(min: string, max: string): ScoreRange | null {
  const lo = parseScoreBound(min);
  const hi = parseScoreBound(max);
  if (lo === null || hi === null) return null;
  return { min: lo.value, minex: lo.exclusive, max: hi.value, maxex: hi.exclusive };
}

function parseLexBound(s: string): LexBound | null {
  const c = s[0];
  if (c === '+') return s.length === 1 ? { kind: 1, value: '', exclusive: true } : null;
  if (c === '-') return s.length === 1 ? { kind: -1, value: '', exclusive: true } : null;
  if (c === '(') return { kind: 0, value: s.slice(1), exclusive: true };
  if (c === '[') return { kind: 0, value: s.slice(1), exclusive: false };
  return null;
}

/** Parses a lexicographic range (zslParseLexRange) or returns null. */
export function parseLexRange(min: string, max: string): LexRange | null {
  const lo = parseLexBound(min);
  const hi = parseLexBound(max);
  return lo === null || hi === null ? null : { min: lo, max: hi };
}

/** Removes the key when its sorted set became empty (Redis never keeps empty keys). */
function dropIfEmpty(ctx: CommandContext, key: string, z: ZSetValue): void {
  if (z.list.length === 0) ctx.db.delete(key);
}

/**
 * ZADD and ZINCRBY (zaddGenericCommand). Options are read until the first
 * argument that is not one, so `ZINCRBY k nx m` is a syntax error as in Redis.
 */
function zaddGeneric(ctx: CommandContext, argv: string[], baseFlags: number): Reply {
  const key = argv[1]!;
  let flags = baseFlags;
  let ch = false;
  let idx = 2;
  for (; idx < argv.length; idx++) {
    const opt = argv[idx]!;
    if (isOption(opt, 'nx')) flags |= ZAddFlag.NX;
    else if (isOption(opt, 'xx')) flags |= ZAddFlag.XX;
    else if (isOption(opt, 'ch')) ch = true;
    else if (isOption(opt, 'incr')) flags |= ZAddFlag.INCR;
    else if (isOption(opt, 'gt')) flags |= ZAddFlag.GT;
    else if (isOption(opt, 'lt')) flags |= ZAddFlag.LT;
    else break;
  }
  const pairsArgs = argv.length - idx;
  if (pairsArgs % 2 !== 0 || pairsArgs === 0) return ERR_SYNTAX;
  const n = pairsArgs / 2;
  const nx = (flags & ZAddFlag.NX) !== 0;
  const gt = (flags & ZAddFlag.GT) !== 0;
  const lt = (flags & ZAddFlag.LT) !== 0;
  const incr = (flags & ZAddFlag.INCR) !== 0;
  if (nx && flags & ZAddFlag.XX) {
    return new ErrorReply('ERR XX and NX options at the same time are not compatible');
  }
  if ((gt && nx) || (lt && nx) || (gt && lt)) {
    return new ErrorReply('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  if (incr && n > 1) {
    return new ErrorReply('ERR INCR option supports a single increment-element pair');
  }
  const scores = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const s = parseStrictDouble(argv[idx + 2 * j]!);
    if (s === null) return ERR_NOT_FLOAT;
    scores[j] = s;
  }
  let z = lookupTyped(ctx, key, 'zset');
  if (z instanceof ErrorReply) return z;
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  if (z === undefined) {
    if (flags & ZAddFlag.XX) return incr ? null : 0;
    // Redis 7.0 sizes the new set from its first member only.
    z = zsetCreate(ctx.db, 0, argv[idx + 1]!.length);
    ctx.db.add(key, z);
  }
  for (let j = 0; j < n; j++) {
    const outcome = zsetAdd(z, scores[j]!, argv[idx + 1 + 2 * j]!, flags);
    if (outcome === ZAddOutcome.NaN) return ERR_NAN_SCORE;
    if (outcome === ZAddOutcome.Added) added++;
    else if (outcome === ZAddOutcome.Updated) updated++;
    if (outcome !== ZAddOutcome.Nop) processed++;
    score = zsetLastScore;
  }
  if (added || updated) ctx.db.touch(key);
  if (incr) return processed ? formatScore(score) : null;
  return ch ? added + updated : added;
}

/** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member …] */
export const zadd: Handler = (ctx, argv) => zaddGeneric(ctx, argv, 0);

/** ZINCRBY key increment member */
export const zincrby: Handler = (ctx, argv) => zaddGeneric(ctx, argv, ZAddFlag.INCR);

/** ZSCORE key member */
export const zscore: Handler = (ctx, argv) => {
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  const s = z.list.scoreOf(argv[2]!);
  return s === undefined ? null : formatScore(s);
};

/** ZMSCORE key member [member …] */
export const zmscore: Handler = (ctx, argv) => {
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z instanceof ErrorReply) return z;
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) {
    const s = z?.list.scoreOf(argv[i]!);
    out.push(s === undefined ? null : formatScore(s));
  }
  return out;
};

/** ZCARD key */
export const zcard: Handler = (ctx, argv) => {
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return z.list.length;
};

/** ZCOUNT key min max */
export const zcount: Handler = (ctx, argv) => {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) return ERR_MINMAX_FLOAT;
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return z.list.countInRange(range);
};

/** ZLEXCOUNT key min max */
export const zlexcount: Handler = (ctx, argv) => {
  const range = parseLexRange(argv[2]!, argv[3]!);
  if (range === null) return ERR_MINMAX_LEX;
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  let n = 0;
  // Redis counts from the first element in range to the last (their rank
  // difference), which for a listpack is a scan; the skip list descends.
  const list = z.list;
  let x = firstInLex(z, range, false);
  if (x === 0) return 0;
  if (z.encoding === 'skiplist') {
    const last = list.lastInLexRange(range);
    return last === 0 ? 0 : list.rank(list.member(last)) - list.rank(list.member(x)) + 1;
  }
  while (x !== 0 && lexLteMax(list.member(x), range)) {
    n++;
    x = list.next(x);
  }
  return n;
};

function rankGeneric(ctx: CommandContext, argv: string[], reverse: boolean): Reply {
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  const r = z.list.rank(argv[2]!);
  if (r === 0) return null;
  return reverse ? z.list.length - r : r - 1;
}

/** ZRANK key member */
export const zrank: Handler = (ctx, argv) => rankGeneric(ctx, argv, false);

/** ZREVRANK key member */
export const zrevrank: Handler = (ctx, argv) => rankGeneric(ctx, argv, true);

/** ZREM key member [member …] */
export const zrem: Handler = (ctx, argv) => {
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  let removed = 0;
  for (let i = 2; i < argv.length; i++) {
    if (zsetRemove(z, argv[i]!)) {
      removed++;
      if (z.list.length === 0) break;
    }
  }
  if (removed) ctx.db.touch(key);
  dropIfEmpty(ctx, key, z);
  return removed;
};

const enum RangeType {
  Auto,
  Rank,
  Score,
  Lex,
}

const enum Direction {
  Auto,
  Forward,
  Reverse,
}

/** Where a range's results go: into a reply, or into the ZRANGESTORE destination. */
interface RangeSink {
  emit(member: string, score: number): void;
}

class ReplySink implements RangeSink {
  readonly out: Reply[] = [];
  constructor(private readonly withScores: boolean) {}
  emit(member: string, score: number): void {
    this.out.push(member);
    if (this.withScores) this.out.push(formatScore(score));
  }
}

class StoreSink implements RangeSink {
  count = 0;
  constructor(readonly z: ZSetValue) {}
  emit(member: string, score: number): void {
    zsetAdd(this.z, score, member, 0);
    this.count++;
  }
}

function rankBounds(llen: number, startArg: number, endArg: number): [number, number] | null {
  let start = startArg;
  let end = endArg;
  if (start < 0) start = llen + start;
  if (end < 0) end = llen + end;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return null;
  if (end >= llen) end = llen - 1;
  return [start, end];
}

function emitRank(z: ZSetValue, bounds: [number, number], reverse: boolean, sink: RangeSink): void {
  const list = z.list;
  const llen = list.length;
  const [start, end] = bounds;
  let count = end - start + 1;
  let x = reverse ? (start > 0 ? list.byRank(llen - start) : list.tail) : list.byRank(start + 1);
  while (count-- > 0) {
    sink.emit(list.member(x), list.score(x));
    x = reverse ? list.prev(x) : list.next(x);
  }
}

function emitScore(
  z: ZSetValue,
  range: ScoreRange,
  offset: number,
  limit: number,
  reverse: boolean,
  sink: RangeSink,
): void {
  const list = z.list;
  if (offset > 0 && offset >= list.length) return;
  let x = reverse ? list.lastInRange(range) : list.firstInRange(range);
  while (x !== 0 && offset-- !== 0) x = reverse ? list.prev(x) : list.next(x);
  while (x !== 0 && limit-- !== 0) {
    const s = list.score(x);
    if (reverse ? !scoreGteMin(s, range) : !scoreLteMax(s, range)) break;
    sink.emit(list.member(x), s);
    x = reverse ? list.prev(x) : list.next(x);
  }
}

/**
 * The first node of a lexicographic range from the given end. A listpack is
 * scanned from its end, which differs from the skip list's descent when
 * scores differ (BYLEX is only specified for equal scores).
 */
function firstInLex(z: ZSetValue, range: LexRange, reverse: boolean): number {
  const list = z.list;
  if (z.encoding === 'skiplist') {
    return reverse ? list.lastInLexRange(range) : list.firstInLexRange(range);
  }
  if (!list.isInLexRange(range)) return 0;
  let x = reverse ? list.tail : list.head;
  while (x !== 0 && !(reverse ? lexLteMax : lexGteMin)(list.member(x), range)) {
    x = reverse ? list.prev(x) : list.next(x);
  }
  if (x !== 0 && !(reverse ? lexGteMin : lexLteMax)(list.member(x), range)) x = 0;
  return x;
}

function emitLex(
  z: ZSetValue,
  range: LexRange,
  offset: number,
  limit: number,
  reverse: boolean,
  sink: RangeSink,
): void {
  const list = z.list;
  if (offset > 0 && offset >= list.length) return;
  let x = firstInLex(z, range, reverse);
  while (x !== 0 && offset-- !== 0) x = reverse ? list.prev(x) : list.next(x);
  while (x !== 0 && limit-- !== 0) {
    const m = list.member(x);
    if (reverse ? !lexGteMin(m, range) : !lexLteMax(m, range)) break;
    sink.emit(m, list.score(x));
    x = reverse ? list.prev(x) : list.next(x);
  }
}

/**
 * zrangeGenericCommand: ZRANGE, its older spellings and ZRANGESTORE share one
 * parser. `keyIndex` is where the source key is (2 for ZRANGESTORE).
 */
function zrangeGeneric(
  ctx: CommandContext,
  argv: string[],
  keyIndex: number,
  rangeTypeArg: RangeType,
  directionArg: Direction,
  store: boolean,
): Reply {
  let rangeType = rangeTypeArg;
  let direction = directionArg;
  let minIdx = keyIndex + 1;
  let maxIdx = keyIndex + 2;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = keyIndex + 3; j < argv.length; j++) {
    const arg = argv[j]!;
    const left = argv.length - j - 1;
    if (!store && isOption(arg, 'withscores')) withScores = true;
    else if (isOption(arg, 'limit') && left >= 2) {
      const o = parseLong(argv[j + 1]!);
      if (o === null) return ERR_NOT_INTEGER;
      const l = parseLong(argv[j + 2]!);
      if (l === null) return ERR_NOT_INTEGER;
      offset = o;
      limit = l;
      j += 2;
    } else if (direction === Direction.Auto && isOption(arg, 'rev')) direction = Direction.Reverse;
    else if (rangeType === RangeType.Auto && isOption(arg, 'bylex')) rangeType = RangeType.Lex;
    else if (rangeType === RangeType.Auto && isOption(arg, 'byscore')) rangeType = RangeType.Score;
    else return ERR_SYNTAX;
  }
  if (direction === Direction.Auto) direction = Direction.Forward;
  if (rangeType === RangeType.Auto) rangeType = RangeType.Rank;
  if (limit !== -1 && rangeType === RangeType.Rank) {
    return new ErrorReply(
      'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX',
    );
  }
  if (withScores && rangeType === RangeType.Lex) {
    return new ErrorReply('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  }
  const reverse = direction === Direction.Reverse;
  if (reverse && rangeType !== RangeType.Rank) {
    minIdx = keyIndex + 2;
    maxIdx = keyIndex + 1;
  }
  let start = 0;
  let end = 0;
  let scoreRange: ScoreRange | null = null;
  let lexRange: LexRange | null = null;
  if (rangeType === RangeType.Rank) {
    const s = parseLong(argv[minIdx]!);
    if (s === null) return ERR_NOT_INTEGER;
    const e = parseLong(argv[maxIdx]!);
    if (e === null) return ERR_NOT_INTEGER;
    start = s;
    end = e;
  } else if (rangeType === RangeType.Score) {
    scoreRange = parseScoreRange(argv[minIdx]!, argv[maxIdx]!);
    if (scoreRange === null) return ERR_MINMAX_FLOAT;
  } else {
    lexRange = parseLexRange(argv[minIdx]!, argv[maxIdx]!);
    if (lexRange === null) return ERR_MINMAX_LEX;
  }
  const src = lookupTyped(ctx, argv[keyIndex]!, 'zset');
  if (src instanceof ErrorReply) return src;
  const bounds =
    src !== undefined && scoreRange === null && lexRange === null
      ? rankBounds(src.list.length, start, end)
      : null;
  let sink: ReplySink | StoreSink;
  if (store) {
    const hint = bounds ? bounds[1] - bounds[0] + 1 : 0;
    sink = new StoreSink(zsetCreate(ctx.db, hint, 0));
  } else sink = new ReplySink(withScores);
  if (src !== undefined) {
    if (scoreRange) emitScore(src, scoreRange, offset, limit, reverse, sink);
    else if (lexRange) emitLex(src, lexRange, offset, limit, reverse, sink);
    else if (bounds) emitRank(src, bounds, reverse, sink);
  }
  if (sink instanceof ReplySink) return sink.out;
  const dst = argv[1]!;
  if (sink.count === 0) {
    if (ctx.db.delete(dst)) ctx.db.touch(dst);
    return 0;
  }
  ctx.db.set(dst, sink.z);
  ctx.db.touch(dst);
  return sink.count;
}

/** ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] */
export const zrange: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Auto, Direction.Auto, false);

/** ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] */
export const zrangestore: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 2, RangeType.Auto, Direction.Auto, true);

/** ZREVRANGE key start stop [WITHSCORES] */
export const zrevrange: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Rank, Direction.Reverse, false);

/** ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count] */
export const zrangebyscore: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Score, Direction.Forward, false);

/** ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count] */
export const zrevrangebyscore: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Score, Direction.Reverse, false);

/** ZRANGEBYLEX key min max [LIMIT offset count] */
export const zrangebylex: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Lex, Direction.Forward, false);

/** ZREVRANGEBYLEX key max min [LIMIT offset count] */
export const zrevrangebylex: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, 1, RangeType.Lex, Direction.Reverse, false);

/** ZREMRANGEBYRANK key start stop */
export const zremrangebyrank: Handler = (ctx, argv) => {
  const startArg = parseLong(argv[2]!);
  if (startArg === null) return ERR_NOT_INTEGER;
  const endArg = parseLong(argv[3]!);
  if (endArg === null) return ERR_NOT_INTEGER;
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const bounds = rankBounds(z.list.length, startArg, endArg);
  if (bounds === null) return 0;
  const removed = z.list.removeRangeByRank(bounds[0] + 1, bounds[1] + 1);
  return finishRemoval(ctx, key, z, removed);
};

function finishRemoval(ctx: CommandContext, key: string, z: ZSetValue, removed: number): number {
  zsetRemoved(z, removed);
  if (removed) ctx.db.touch(key);
  dropIfEmpty(ctx, key, z);
  return removed;
}

/** ZREMRANGEBYSCORE key min max */
export const zremrangebyscore: Handler = (ctx, argv) => {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) return ERR_MINMAX_FLOAT;
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return finishRemoval(ctx, key, z, z.list.removeRangeByScore(range));
};

/** ZREMRANGEBYLEX key min max */
export const zremrangebylex: Handler = (ctx, argv) => {
  const range = parseLexRange(argv[2]!, argv[3]!);
  if (range === null) return ERR_MINMAX_LEX;
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const doomed: string[] = [];
  const sink: RangeSink = { emit: (m) => void doomed.push(m) };
  emitLex(z, range, 0, -1, false, sink);
  for (const m of doomed) z.list.remove(m);
  return finishRemoval(ctx, key, z, doomed.length);
};

/** Pops up to `count` members from one end; returns [member, score, …]. */
function popFrom(
  ctx: CommandContext,
  key: string,
  z: ZSetValue,
  max: boolean,
  count: number,
): Reply[] {
  const list = z.list;
  const out: Reply[] = [];
  while (count-- > 0 && list.length > 0) {
    const x = max ? list.tail : list.head;
    const member = list.member(x);
    out.push(member, formatScore(list.score(x)));
    zsetRemove(z, member);
  }
  if (out.length) ctx.db.touch(key);
  dropIfEmpty(ctx, key, z);
  return out;
}

function popGeneric(ctx: CommandContext, argv: string[], max: boolean): Reply {
  if (argv.length > 3) return ERR_SYNTAX;
  let count = 1;
  if (argv.length === 3) {
    const c = parseLong(argv[2]!);
    if (c === null || c < 0) return ERR_POSITIVE;
    count = c;
  }
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  if (count === 0) return [];
  return popFrom(ctx, key, z, max, count);
}

/** ZPOPMIN key [count] */
export const zpopmin: Handler = (ctx, argv) => popGeneric(ctx, argv, false);

/** ZPOPMAX key [count] */
export const zpopmax: Handler = (ctx, argv) => popGeneric(ctx, argv, true);

const ERR_NUMKEYS = new ErrorReply('ERR numkeys should be greater than 0');
const ERR_COUNT = new ErrorReply('ERR count should be greater than 0');

/**
 * ZMPOP / BZMPOP argument parsing from argv[from] (numkeys): the keys, MIN
 * or MAX, and COUNT.
 */
function parseMpop(
  argv: string[],
  from: number,
): { keys: string[]; max: boolean; count: number } | ErrorReply {
  const numkeys = parseLong(argv[from]!);
  if (numkeys === null || numkeys <= 0) return ERR_NUMKEYS;
  if (numkeys > argv.length - from - 2) return ERR_SYNTAX;
  const keys = argv.slice(from + 1, from + 1 + numkeys);
  let j = from + 1 + numkeys;
  const where = argv[j++]!;
  let max: boolean;
  if (isOption(where, 'min')) max = false;
  else if (isOption(where, 'max')) max = true;
  else return ERR_SYNTAX;
  let count = -1;
  for (; j < argv.length; j++) {
    if (count === -1 && isOption(argv[j]!, 'count') && j + 1 < argv.length) {
      const c = parseLong(argv[j + 1]!);
      if (c === null || c <= 0) return ERR_COUNT;
      count = c;
      j++;
    } else return ERR_SYNTAX;
  }
  return { keys, max, count: count === -1 ? 1 : count };
}

/** Pops from the first non-empty key: [key, [[member, score], …]] or nil. */
function mpop(ctx: CommandContext, keys: string[], max: boolean, count: number): Reply {
  for (const key of keys) {
    const z = lookupTyped(ctx, key, 'zset');
    if (z instanceof ErrorReply) return z;
    if (z === undefined) continue;
    const flat = popFrom(ctx, key, z, max, count);
    const pairs: Reply[] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
    return [key, pairs];
  }
  return null;
}

/** ZMPOP numkeys key [key …] MIN|MAX [COUNT count] */
export const zmpop: Handler = (ctx, argv) => {
  const p = parseMpop(argv, 1);
  if (p instanceof ErrorReply) return p;
  return mpop(ctx, p.keys, p.max, p.count);
};

/** Parses a blocking timeout in seconds (getTimeoutFromObjectOrReply). */
function parseTimeout(s: string): number | ErrorReply {
  const t = parseStrictDouble(s);
  if (t === null || !Number.isFinite(t)) {
    return new ErrorReply('ERR timeout is not a float or out of range');
  }
  // Redis converts to whole milliseconds first, so -0.0001 is a timeout of 0.
  const ms = Math.trunc(t * 1000);
  if (ms < 0) return new ErrorReply('ERR timeout is negative');
  return ms;
}

/**
 * What a blocking pop does when every key is empty. Inside MULTI or a
 * script Redis answers nil at once; a client with a timeout gets nil when
 * it expires, which here (no other client can ever add to the keys) is
 * answered at once too; a timeout of 0 would block forever, so it is refused.
 */
function wouldBlock(ctx: CommandContext, name: string, timeout: number): Reply {
  if (ctx.inTransaction || ctx.inScript || timeout > 0) return null;
  return new ErrorReply(
    `ERR ${name.toUpperCase()} with timeout 0 would block forever: this console is the only client, ` +
      'so nothing can ever add to these keys (use a timeout, or the non-blocking command)',
  );
}

function bpopGeneric(ctx: CommandContext, argv: string[], max: boolean): Reply {
  const timeout = parseTimeout(argv[argv.length - 1]!);
  if (timeout instanceof ErrorReply) return timeout;
  for (let i = 1; i < argv.length - 1; i++) {
    const key = argv[i]!;
    const z = lookupTyped(ctx, key, 'zset');
    if (z instanceof ErrorReply) return z;
    if (z === undefined) continue;
    return [key, ...popFrom(ctx, key, z, max, 1)];
  }
  return wouldBlock(ctx, argv[0]!, timeout);
}

/** BZPOPMIN key [key …] timeout */
export const bzpopmin: Handler = (ctx, argv) => bpopGeneric(ctx, argv, false);

/** BZPOPMAX key [key …] timeout */
export const bzpopmax: Handler = (ctx, argv) => bpopGeneric(ctx, argv, true);

/** BZMPOP timeout numkeys key [key …] MIN|MAX [COUNT count] */
export const bzmpop: Handler = (ctx, argv) => {
  // Redis reads keys, MIN|MAX and COUNT before the timeout.
  const p = parseMpop(argv, 2);
  if (p instanceof ErrorReply) return p;
  const timeout = parseTimeout(argv[1]!);
  if (timeout instanceof ErrorReply) return timeout;
  const r = mpop(ctx, p.keys, p.max, p.count);
  return r === null ? wouldBlock(ctx, argv[0]!, timeout) : r;
};

const ERR_RANGE_LONG = new ErrorReply(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);

/** ZRANDMEMBER key [count [WITHSCORES]] */
export const zrandmember: Handler = (ctx, argv) => {
  if (argv.length === 2) {
    const z = lookupTyped(ctx, argv[1]!, 'zset');
    if (z === undefined) return null;
    if (z instanceof ErrorReply) return z;
    return z.list.member(z.list.byRank(1 + Math.floor(ctx.random() * z.list.length)));
  }
  const big = parseLongLong(argv[2]!);
  if (big === null) return ERR_NOT_INTEGER;
  if (big < -9223372036854775807n) return ERR_RANGE_LONG;
  if (argv.length > 4 || (argv.length === 4 && !isOption(argv[3]!, 'withscores'))) {
    return ERR_SYNTAX;
  }
  const withScores = argv.length === 4;
  if (withScores && (big < -4611686018427387903n || big > 4611686018427387903n)) {
    return new ErrorReply('ERR value is out of range');
  }
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  const list = z.list;
  const size = list.length;
  if (big === 0n) return [];
  const out: Reply[] = [];
  const emit = (x: number) => {
    out.push(list.member(x));
    if (withScores) out.push(formatScore(list.score(x)));
  };
  if (big < 0n) {
    const elements = -big * (withScores ? 2n : 1n);
    if (elements > BigInt(MAX_REPLY_ELEMENTS)) return replyTooLarge('zrandmember', elements);
    const l = Number(-big);
    for (let i = 0; i < l; i++) emit(list.byRank(1 + Math.floor(ctx.random() * size)));
    return out;
  }
  const l = big >= BigInt(size) ? size : Number(big);
  if (l >= size) {
    for (let x = list.head; x !== 0; x = list.next(x)) emit(x);
    return out;
  }
  if (l * 3 > size) {
    // Most of the set: a partial shuffle of all nodes (Redis copies the set and
    // removes random entries here), since drawing until l distinct would take
    // about size·ln(size) draws.
    const nodes: number[] = [];
    for (let x = list.head; x !== 0; x = list.next(x)) nodes.push(x);
    for (let i = 0; i < l; i++) {
      const j = i + Math.floor(ctx.random() * (size - i));
      const t = nodes[i]!;
      nodes[i] = nodes[j]!;
      nodes[j] = t;
      emit(nodes[i]!);
    }
    return out;
  }
  const picked = new Set<number>();
  while (picked.size < l) picked.add(1 + Math.floor(ctx.random() * size));
  for (const rank of picked) emit(list.byRank(rank));
  return out;
};

/** ZSCAN key cursor [MATCH pattern] [COUNT count] */
export const zscan: Handler = (ctx, argv) =>
  scanCollection(ctx, argv, 'zset', (z, cursor, options, out) => {
    const list = z.list;
    if (z.encoding === 'listpack') {
      for (let x = list.head; x !== 0; x = list.next(x)) {
        const m = list.member(x);
        if (scanMatches(options, m)) out.push(m, formatScore(list.score(x)));
      }
      return 0;
    }
    // The cursor walks member slots, which a member keeps while it stays.
    let slot = cursor === 0 ? 0 : cursor - 1;
    let examined = 0;
    while (slot < list.slotCount && examined < options.count) {
      const m = list.memberAt(slot);
      slot++;
      if (m === null) continue;
      examined++;
      if (scanMatches(options, m)) out.push(m, formatScore(list.scoreOf(m)!));
    }
    return slot < list.slotCount ? slot + 1 : 0;
  });

const enum Aggregate {
  Sum,
  Min,
  Max,
}

function aggregate(target: number, value: number, how: Aggregate): number {
  if (how === Aggregate.Sum) {
    const s = target + value;
    return Number.isNaN(s) ? 0 : s;
  }
  if (how === Aggregate.Min) return value < target ? value : target;
  return value > target ? value : target;
}

interface Source {
  value: ZSetValue | SetValue | undefined;
  weight: number;
  size: number;
}

function sourceScore(src: Source, member: string): number | undefined {
  const v = src.value;
  if (v === undefined) return undefined;
  if (v.type === 'set') return v.set.has(member) ? 1 : undefined;
  return v.list.scoreOf(member);
}

function* sourceEntries(src: Source): Generator<[string, number]> {
  const v = src.value;
  if (v === undefined) return;
  if (v.type === 'set') {
    for (const m of v.set) yield [m, 1];
    return;
  }
  for (let x = v.list.head; x !== 0; x = v.list.next(x)) yield [v.list.member(x), v.list.score(x)];
}

const enum SetOp {
  Union,
  Inter,
  Diff,
}

/**
 * zunionInterDiffGenericCommand: ZUNION/ZINTER/ZDIFF, their STORE forms and
 * ZINTERCARD. `numkeysIndex` is 1, or 2 when argv[1] is the destination.
 */
function setOpGeneric(
  ctx: CommandContext,
  argv: string[],
  op: SetOp,
  store: boolean,
  cardinalityOnly = false,
): Reply {
  const name = argv[0]!.toLowerCase();
  const numkeysIndex = store ? 2 : 1;
  const setnum = parseLong(argv[numkeysIndex]!);
  if (setnum === null) return ERR_NOT_INTEGER;
  if (setnum < 1) {
    return new ErrorReply(`ERR at least 1 input key is needed for '${name}' command`);
  }
  if (setnum > argv.length - numkeysIndex - 1) return ERR_SYNTAX;
  const sources: Source[] = [];
  let j = numkeysIndex + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const v = ctx.db.get(argv[j]!);
    if (v !== undefined && v.type !== 'zset' && v.type !== 'set') return ERR_WRONGTYPE;
    const value = v as ZSetValue | SetValue | undefined;
    const size =
      value === undefined ? 0 : value.type === 'set' ? value.set.size : value.list.length;
    sources.push({ value, weight: 1, size });
  }
  let how = Aggregate.Sum;
  let withScores = false;
  let limit = 0;
  let remaining = argv.length - j;
  while (remaining > 0) {
    const arg = argv[j]!;
    if (cardinalityOnly) {
      if (remaining >= 2 && isOption(arg, 'limit')) {
        const l = parseLong(argv[j + 1]!);
        if (l === null || l < 0) return new ErrorReply("ERR LIMIT can't be negative");
        limit = l;
        j += 2;
        remaining -= 2;
        continue;
      }
      return ERR_SYNTAX;
    }
    if (op !== SetOp.Diff && remaining >= setnum + 1 && isOption(arg, 'weights')) {
      j++;
      remaining--;
      for (let i = 0; i < setnum; i++, j++, remaining--) {
        const w = parseStrictDouble(argv[j]!);
        if (w === null) return new ErrorReply('ERR weight value is not a float');
        sources[i]!.weight = w;
      }
    } else if (op !== SetOp.Diff && remaining >= 2 && isOption(arg, 'aggregate')) {
      const a = argv[j + 1]!;
      if (isOption(a, 'sum')) how = Aggregate.Sum;
      else if (isOption(a, 'min')) how = Aggregate.Min;
      else if (isOption(a, 'max')) how = Aggregate.Max;
      else return ERR_SYNTAX;
      j += 2;
      remaining -= 2;
    } else if (!store && isOption(arg, 'withscores')) {
      withScores = true;
      j++;
      remaining--;
    } else return ERR_SYNTAX;
  }
  const result = new Map<string, number>();
  const weighted = (w: number, s: number) => {
    const v = w * s;
    return Number.isNaN(v) ? 0 : v;
  };
  if (op === SetOp.Union) {
    // Redis sorts the inputs by size (smallest first); a stable sort keeps ties in order.
    const ordered = sources.slice().sort((a, b) => a.size - b.size);
    for (const src of ordered) {
      for (const [m, s] of sourceEntries(src)) {
        const v = weighted(src.weight, s);
        const cur = result.get(m);
        result.set(m, cur === undefined ? v : aggregate(cur, v, how));
      }
    }
  } else if (op === SetOp.Inter) {
    const ordered = sources.slice().sort((a, b) => a.size - b.size);
    if (ordered[0]!.value !== undefined) {
      const first = ordered[0]!;
      outer: for (const [m, s] of sourceEntries(first)) {
        let score = weighted(first.weight, s);
        for (let k = 1; k < ordered.length; k++) {
          const other = ordered[k]!;
          const os = sourceScore(other, m);
          if (os === undefined) continue outer;
          // Unlike the first input, later products are not cleaned of NaN
          // (inf × 0): a NaN sum resets the total to 0, as in Redis.
          score = aggregate(score, other.weight * os, how);
        }
        result.set(m, score);
        if (cardinalityOnly && limit > 0 && result.size >= limit) break;
      }
    }
  } else if (sources[0]!.value !== undefined) {
    outer: for (const [m, s] of sourceEntries(sources[0]!)) {
      for (let k = 1; k < sources.length; k++) {
        if (sourceScore(sources[k]!, m) !== undefined) continue outer;
      }
      result.set(m, s);
    }
  }
  if (cardinalityOnly) return result.size;
  // Redis builds the result as a skiplist; only a union presizes its hash table.
  const dstz = zsetCreateSkiplist(ctx.db, op === SetOp.Union ? result.size : 0);
  for (const [m, s] of result) zsetAdd(dstz, s, m, 0);
  if (!store) {
    const out: Reply[] = [];
    const list = dstz.list;
    for (let x = list.head; x !== 0; x = list.next(x)) {
      out.push(list.member(x));
      if (withScores) out.push(formatScore(list.score(x)));
    }
    return out;
  }
  const dst = argv[1]!;
  if (result.size === 0) {
    if (ctx.db.delete(dst)) ctx.db.touch(dst);
    return 0;
  }
  zsetConvertToListpackIfNeeded(dstz);
  ctx.db.set(dst, dstz);
  ctx.db.touch(dst);
  return result.size;
}

/** ZUNIONSTORE destination numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] */
export const zunionstore: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Union, true);

/** ZINTERSTORE destination numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] */
export const zinterstore: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Inter, true);

/** ZDIFFSTORE destination numkeys key [key …] */
export const zdiffstore: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Diff, true);

/** ZUNION numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] */
export const zunion: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Union, false);

/** ZINTER numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] */
export const zinter: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Inter, false);

/** ZDIFF numkeys key [key …] [WITHSCORES] */
export const zdiff: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Diff, false);

/** ZINTERCARD numkeys key [key …] [LIMIT limit] */
export const zintercard: Handler = (ctx, argv) => setOpGeneric(ctx, argv, SetOp.Inter, false, true);
