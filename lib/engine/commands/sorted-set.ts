import {
  ZSET_MAX_LISTPACK_ENTRIES,
  ZSET_MAX_LISTPACK_VALUE,
  fitsListpack,
  type SetValue,
  type ZSetValue,
} from '../keyspace';
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
import { type CommandContext, type Handler, isOption, lookupTyped } from './context';

/*
 * Sorted-set commands, following Redis 7.0's t_zset.c: the same order of
 * checks (so the same error wins when several apply), the same clamping of
 * indexes and the same reply shapes (RESP2: WITHSCORES is a flat array).
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

/** Listpacks store -0 as the integer 0; the skip list keeps the sign. */
function stored(z: ZSetValue, score: number): number {
  return z.encoding === 'listpack' && score === 0 ? 0 : score;
}

const enum AddFlag {
  NX = 1,
  XX = 2,
  GT = 4,
  LT = 8,
  INCR = 16,
}

const enum AddOutcome {
  Added,
  Updated,
  /** Processed (INCR replies with the score) but the score stayed the same. */
  Unchanged,
  Nop,
  NaN,
}

let lastNewScore = 0;

/**
 * zsetAdd: adds or updates one member under NX/XX/GT/LT/INCR rules; the new
 * score is left in `lastNewScore` (Redis's out-parameter).
 */
function zsetAdd(z: ZSetValue, score: number, member: string, flags: number): AddOutcome {
  const list = z.list;
  const node = list.find(member);
  if (node !== 0) {
    if (flags & AddFlag.NX) return AddOutcome.Nop;
    const cur = list.score(node);
    if (flags & AddFlag.INCR) {
      score += cur;
      if (Number.isNaN(score)) return AddOutcome.NaN;
    }
    if ((flags & AddFlag.LT && score >= cur) || (flags & AddFlag.GT && score <= cur)) {
      return AddOutcome.Nop;
    }
    lastNewScore = score;
    if (score !== cur) {
      list.updateNodeScore(node, stored(z, score));
      return AddOutcome.Updated;
    }
    return AddOutcome.Unchanged;
  }
  if (flags & AddFlag.XX) return AddOutcome.Nop;
  if (
    z.encoding === 'listpack' &&
    (list.length + 1 > ZSET_MAX_LISTPACK_ENTRIES || !fitsListpack(member, ZSET_MAX_LISTPACK_VALUE))
  ) {
    z.encoding = 'skiplist';
  }
  list.insert(stored(z, score), member);
  lastNewScore = score;
  return AddOutcome.Added;
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
    if (isOption(opt, 'nx')) flags |= AddFlag.NX;
    else if (isOption(opt, 'xx')) flags |= AddFlag.XX;
    else if (isOption(opt, 'ch')) ch = true;
    else if (isOption(opt, 'incr')) flags |= AddFlag.INCR;
    else if (isOption(opt, 'gt')) flags |= AddFlag.GT;
    else if (isOption(opt, 'lt')) flags |= AddFlag.LT;
    else break;
  }
  const pairsArgs = argv.length - idx;
  if (pairsArgs % 2 !== 0 || pairsArgs === 0) return ERR_SYNTAX;
  const n = pairsArgs / 2;
  const nx = (flags & AddFlag.NX) !== 0;
  const gt = (flags & AddFlag.GT) !== 0;
  const lt = (flags & AddFlag.LT) !== 0;
  const incr = (flags & AddFlag.INCR) !== 0;
  if (nx && flags & AddFlag.XX) {
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
    if (flags & AddFlag.XX) return incr ? null : 0;
    z = ctx.db.newZSet();
    if (!fitsListpack(argv[idx + 1]!, ZSET_MAX_LISTPACK_VALUE)) z.encoding = 'skiplist';
    ctx.db.add(key, z);
  }
  for (let j = 0; j < n; j++) {
    const outcome = zsetAdd(z, scores[j]!, argv[idx + 1 + 2 * j]!, flags);
    if (outcome === AddOutcome.NaN) return ERR_NAN_SCORE;
    if (outcome === AddOutcome.Added) added++;
    else if (outcome === AddOutcome.Updated) updated++;
    if (outcome !== AddOutcome.Nop) processed++;
    score = lastNewScore;
  }
  if (incr) return processed ? formatScore(score) : null;
  return ch ? added + updated : added;
}

/** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member …] */
export const zadd: Handler = (ctx, argv) => zaddGeneric(ctx, argv, 0);

/** ZINCRBY key increment member */
export const zincrby: Handler = (ctx, argv) => zaddGeneric(ctx, argv, AddFlag.INCR);

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

/** Removes the key when its sorted set became empty (Redis never keeps empty keys). */
function dropIfEmpty(ctx: CommandContext, key: string, z: ZSetValue): void {
  if (z.list.length === 0) ctx.db.delete(key);
}

/** ZREM key member [member …] */
export const zrem: Handler = (ctx, argv) => {
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  let removed = 0;
  for (let i = 2; i < argv.length; i++) {
    if (z.list.remove(argv[i]!)) {
      removed++;
      if (z.list.length === 0) break;
    }
  }
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

function emitRank(
  z: ZSetValue,
  startArg: number,
  endArg: number,
  withScores: boolean,
  reverse: boolean,
): Reply {
  const list = z.list;
  const llen = list.length;
  let start = startArg;
  let end = endArg;
  if (start < 0) start = llen + start;
  if (end < 0) end = llen + end;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return [];
  if (end >= llen) end = llen - 1;
  let count = end - start + 1;
  const out: Reply[] = new Array(withScores ? count * 2 : count);
  let x = reverse ? (start > 0 ? list.byRank(llen - start) : list.tail) : list.byRank(start + 1);
  let i = 0;
  while (count-- > 0) {
    out[i++] = list.member(x);
    if (withScores) out[i++] = formatScore(list.score(x));
    x = reverse ? list.prev(x) : list.next(x);
  }
  return out;
}

function emitScore(
  z: ZSetValue,
  range: ScoreRange,
  offset: number,
  limit: number,
  withScores: boolean,
  reverse: boolean,
): Reply {
  const list = z.list;
  if (offset > 0 && offset >= list.length) return [];
  let x = reverse ? list.lastInRange(range) : list.firstInRange(range);
  while (x !== 0 && offset-- !== 0) x = reverse ? list.prev(x) : list.next(x);
  const out: Reply[] = [];
  while (x !== 0 && limit-- !== 0) {
    const s = list.score(x);
    if (reverse ? !scoreGteMin(s, range) : !scoreLteMax(s, range)) break;
    out.push(list.member(x));
    if (withScores) out.push(formatScore(s));
    x = reverse ? list.prev(x) : list.next(x);
  }
  return out;
}

function emitLex(
  z: ZSetValue,
  range: LexRange,
  offset: number,
  limit: number,
  reverse: boolean,
): Reply {
  const list = z.list;
  if (offset > 0 && offset >= list.length) return [];
  let x: number;
  if (z.encoding === 'skiplist') {
    x = reverse ? list.lastInLexRange(range) : list.firstInLexRange(range);
  } else if (!list.isInLexRange(range)) {
    x = 0;
  } else {
    // A listpack is scanned from its end, which differs from the skip list's
    // descent when scores differ (BYLEX is only specified for equal scores).
    x = reverse ? list.tail : list.head;
    while (x !== 0 && !(reverse ? lexLteMax : lexGteMin)(list.member(x), range)) {
      x = reverse ? list.prev(x) : list.next(x);
    }
    if (x !== 0 && !(reverse ? lexGteMin : lexLteMax)(list.member(x), range)) x = 0;
  }
  while (x !== 0 && offset-- !== 0) x = reverse ? list.prev(x) : list.next(x);
  const out: Reply[] = [];
  while (x !== 0 && limit-- !== 0) {
    const m = list.member(x);
    if (reverse ? !lexGteMin(m, range) : !lexLteMax(m, range)) break;
    out.push(m);
    x = reverse ? list.prev(x) : list.next(x);
  }
  return out;
}

/** zrangeGenericCommand: ZRANGE and its older spellings share one parser. */
function zrangeGeneric(
  ctx: CommandContext,
  argv: string[],
  rangeType: RangeType,
  direction: Direction,
): Reply {
  let minIdx = 2;
  let maxIdx = 3;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = 4; j < argv.length; j++) {
    const arg = argv[j]!;
    const left = argv.length - j - 1;
    if (isOption(arg, 'withscores')) withScores = true;
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
    minIdx = 3;
    maxIdx = 2;
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
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  if (scoreRange) return emitScore(z, scoreRange, offset, limit, withScores, reverse);
  if (lexRange) return emitLex(z, lexRange, offset, limit, reverse);
  return emitRank(z, start, end, withScores, reverse);
}

/** ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] */
export const zrange: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, RangeType.Auto, Direction.Auto);

/** ZREVRANGE key start stop [WITHSCORES] */
export const zrevrange: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, RangeType.Rank, Direction.Reverse);

/** ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count] */
export const zrangebyscore: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, RangeType.Score, Direction.Forward);

/** ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count] */
export const zrevrangebyscore: Handler = (ctx, argv) =>
  zrangeGeneric(ctx, argv, RangeType.Score, Direction.Reverse);

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
  const llen = z.list.length;
  let start = startArg;
  let end = endArg;
  if (start < 0) start = llen + start;
  if (end < 0) end = llen + end;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return 0;
  if (end >= llen) end = llen - 1;
  const removed = z.list.removeRangeByRank(start + 1, end + 1);
  dropIfEmpty(ctx, key, z);
  return removed;
};

/** ZREMRANGEBYSCORE key min max */
export const zremrangebyscore: Handler = (ctx, argv) => {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) return ERR_MINMAX_FLOAT;
  const key = argv[1]!;
  const z = lookupTyped(ctx, key, 'zset');
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const removed = z.list.removeRangeByScore(range);
  dropIfEmpty(ctx, key, z);
  return removed;
};

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
  const list = z.list;
  const out: Reply[] = [];
  while (count-- > 0 && list.length > 0) {
    const x = max ? list.tail : list.head;
    const member = list.member(x);
    out.push(member, formatScore(list.score(x)));
    list.remove(member);
  }
  dropIfEmpty(ctx, key, z);
  return out;
}

/** ZPOPMIN key [count] */
export const zpopmin: Handler = (ctx, argv) => popGeneric(ctx, argv, false);

/** ZPOPMAX key [count] */
export const zpopmax: Handler = (ctx, argv) => popGeneric(ctx, argv, true);

/** ZRANDMEMBER key [count [WITHSCORES]] */
export const zrandmember: Handler = (ctx, argv) => {
  if (argv.length > 4) return ERR_SYNTAX;
  if (argv.length === 2) {
    const z = lookupTyped(ctx, argv[1]!, 'zset');
    if (z === undefined) return null;
    if (z instanceof ErrorReply) return z;
    return z.list.member(z.list.byRank(1 + Math.floor(ctx.random() * z.list.length)));
  }
  const big = parseLongLong(argv[2]!);
  if (big === null) return ERR_NOT_INTEGER;
  const l = Number(big);
  if (big < -9223372036854775807n) {
    return new ErrorReply(
      'ERR value is out of range, must be between -9223372036854775807 and 9223372036854775807',
    );
  }
  let withScores = false;
  if (argv.length === 4) {
    if (!isOption(argv[3]!, 'withscores')) return ERR_SYNTAX;
    withScores = true;
  }
  const z = lookupTyped(ctx, argv[1]!, 'zset');
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  const list = z.list;
  const size = list.length;
  if (l === 0) return [];
  const out: Reply[] = [];
  const emit = (x: number) => {
    out.push(list.member(x));
    if (withScores) out.push(formatScore(list.score(x)));
  };
  if (l < 0) {
    for (let i = 0; i < -l; i++) emit(list.byRank(1 + Math.floor(ctx.random() * size)));
    return out;
  }
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

/** zunionInterDiffGenericCommand for the two STORE forms. */
function storeGeneric(ctx: CommandContext, argv: string[], union: boolean): Reply {
  const name = union ? 'zunionstore' : 'zinterstore';
  const dst = argv[1]!;
  const setnum = parseLong(argv[2]!);
  if (setnum === null) return ERR_NOT_INTEGER;
  if (setnum < 1) {
    return new ErrorReply(`ERR at least 1 input key is needed for '${name}' command`);
  }
  if (setnum > argv.length - 3) return ERR_SYNTAX;
  const sources: Source[] = [];
  let j = 3;
  for (let i = 0; i < setnum; i++, j++) {
    const v = ctx.db.get(argv[j]!);
    if (v !== undefined && v.type !== 'zset' && v.type !== 'set') return ERR_WRONGTYPE;
    const value = v as ZSetValue | SetValue | undefined;
    const size =
      value === undefined ? 0 : value.type === 'set' ? value.set.size : value.list.length;
    sources.push({ value, weight: 1, size });
  }
  let how = Aggregate.Sum;
  let remaining = argv.length - j;
  while (remaining > 0) {
    const arg = argv[j]!;
    if (remaining >= setnum + 1 && isOption(arg, 'weights')) {
      j++;
      remaining--;
      for (let i = 0; i < setnum; i++, j++, remaining--) {
        const w = parseStrictDouble(argv[j]!);
        if (w === null) return new ErrorReply('ERR weight value is not a float');
        sources[i]!.weight = w;
      }
    } else if (remaining >= 2 && isOption(arg, 'aggregate')) {
      j++;
      remaining--;
      const a = argv[j]!;
      if (isOption(a, 'sum')) how = Aggregate.Sum;
      else if (isOption(a, 'min')) how = Aggregate.Min;
      else if (isOption(a, 'max')) how = Aggregate.Max;
      else return ERR_SYNTAX;
      j++;
      remaining--;
    } else return ERR_SYNTAX;
  }
  // Redis sorts the inputs by size (smallest first); a stable sort keeps ties in order.
  const ordered = sources.slice().sort((a, b) => a.size - b.size);
  const result = new Map<string, number>();
  const weighted = (w: number, s: number) => {
    const v = w * s;
    return Number.isNaN(v) ? 0 : v;
  };
  if (union) {
    for (const src of ordered) {
      for (const [m, s] of sourceEntries(src)) {
        const v = weighted(src.weight, s);
        const cur = result.get(m);
        result.set(m, cur === undefined ? v : aggregate(cur, v, how));
      }
    }
  } else if (ordered[0]!.value !== undefined) {
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
    }
  }
  if (result.size === 0) {
    ctx.db.delete(dst);
    return 0;
  }
  const z = ctx.db.newZSet();
  z.encoding = 'skiplist';
  let longest = true;
  for (const [m, s] of result) {
    z.list.insert(s, m);
    if (longest && !fitsListpack(m, ZSET_MAX_LISTPACK_VALUE)) longest = false;
  }
  if (result.size <= ZSET_MAX_LISTPACK_ENTRIES && longest) {
    z.encoding = 'listpack';
    // Collect first: re-scoring may move a node and end a walk early.
    const zeros: string[] = [];
    for (let x = z.list.head; x !== 0; x = z.list.next(x)) {
      if (z.list.score(x) === 0) zeros.push(z.list.member(x));
    }
    for (const m of zeros) z.list.updateScore(m, 0);
  }
  ctx.db.set(dst, z);
  return result.size;
}

/** ZUNIONSTORE destination numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] */
export const zunionstore: Handler = (ctx, argv) => storeGeneric(ctx, argv, true);

/** ZINTERSTORE destination numkeys key [key …] [WEIGHTS w …] [AGGREGATE SUM|MIN|MAX] */
export const zinterstore: Handler = (ctx, argv) => storeGeneric(ctx, argv, false);
