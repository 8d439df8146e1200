import { stringValue } from '../keyspace';
import { addLongDouble, formatLongDouble, parseLongDouble } from '../long-double';
import { parseLongLong } from '../numbers';
import {
  ERR_NOT_FLOAT,
  ERR_NOT_INTEGER,
  ERR_OVERFLOW,
  integerReply,
  ERR_SYNTAX,
  ErrorReply,
  OK,
  arityError,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, isOption, lookupTyped } from './context';

/* String commands (t_string.c in Redis 7.0). */

const LLONG_MAX = 9223372036854775807n;

type ExpiryUnit = 'ex' | 'px' | 'exat' | 'pxat';

/** The expiry option `opt` names, if any (any case). */
function expiryUnit(opt: string): ExpiryUnit | null {
  if (isOption(opt, 'ex')) return 'ex';
  if (isOption(opt, 'px')) return 'px';
  if (isOption(opt, 'exat')) return 'exat';
  if (isOption(opt, 'pxat')) return 'pxat';
  return null;
}
const LLONG_MIN = -9223372036854775808n;

/** GET key */
export const get: Handler = (ctx, argv) => {
  const v = lookupTyped(ctx, argv[1]!, 'string');
  if (v === undefined) return null;
  if (v instanceof ErrorReply) return v;
  return v.value;
};

/** MGET key [key …] (nil for missing keys and for other types) */
export const mget: Handler = (ctx, argv) => {
  const out: Reply[] = [];
  for (let i = 1; i < argv.length; i++) {
    const v = ctx.db.get(argv[i]!);
    out.push(v !== undefined && v.type === 'string' ? v.value : null);
  }
  return out;
};

/** STRLEN key */
export const strlen: Handler = (ctx, argv) => {
  const v = lookupTyped(ctx, argv[1]!, 'string');
  if (v === undefined) return 0;
  if (v instanceof ErrorReply) return v;
  return v.value.length;
};

/**
 * Turns an expire argument into an absolute ms time, as
 * getExpireMillisecondsOrReply does: positive, no overflow.
 */
function absoluteExpiry(
  ctx: CommandContext,
  arg: string,
  unit: ExpiryUnit,
  command: string,
): number | ErrorReply {
  let ms = parseLongLong(arg);
  if (ms === null) return ERR_NOT_INTEGER;
  const invalid = new ErrorReply(`ERR invalid expire time in '${command}' command`);
  const seconds = unit === 'ex' || unit === 'exat';
  if (ms <= 0n || (seconds && ms > LLONG_MAX / 1000n)) return invalid;
  if (seconds) ms *= 1000n;
  if (unit === 'ex' || unit === 'px') {
    ms += BigInt(ctx.db.clock());
    if (ms <= 0n || ms > LLONG_MAX) return invalid;
  }
  return Number(ms);
}

/** Stores `value` at `key` with Redis's tryObjectEncoding, optionally with an expiry. */
function store(
  ctx: CommandContext,
  key: string,
  value: string,
  expireAt: number | null,
  keepTtl = false,
) {
  ctx.db.set(key, stringValue(value), keepTtl);
  if (expireAt !== null) ctx.db.expires.set(key, expireAt);
}

/**
 * SET key value [NX|XX] [GET] [EX seconds|PX ms|EXAT ts|PXAT ts|KEEPTTL],
 * parsed as parseExtendedStringArgumentsOrReply does (a repeated EX is
 * allowed and the last wins; EX with PX is a syntax error).
 */
export const set: Handler = (ctx, argv) => {
  let nx = false;
  let xx = false;
  let getOld = false;
  let keepTtl = false;
  let unit: ExpiryUnit | null = null;
  let expireArg: string | null = null;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    const hasNext = j < argv.length - 1;
    const u = expiryUnit(opt);
    if (isOption(opt, 'nx') && !xx) nx = true;
    else if (isOption(opt, 'xx') && !nx) xx = true;
    else if (isOption(opt, 'get')) getOld = true;
    else if (isOption(opt, 'keepttl') && unit === null) keepTtl = true;
    else if (u !== null && !keepTtl && (unit === null || unit === u) && hasNext) {
      unit = u;
      expireArg = argv[++j]!;
    } else return ERR_SYNTAX;
  }
  const key = argv[1]!;
  let expireAt: number | null = null;
  if (expireArg !== null && unit !== null) {
    const at = absoluteExpiry(ctx, expireArg, unit, 'set');
    if (at instanceof ErrorReply) return at;
    expireAt = at;
  }
  let old: Reply = null;
  if (getOld) {
    old = get(ctx, ['get', key]);
    if (old instanceof ErrorReply) return old;
  }
  const found = ctx.db.get(key) !== undefined;
  if ((nx && found) || (xx && !found)) return getOld ? old : null;
  store(ctx, key, argv[2]!, expireAt, keepTtl);
  return getOld ? old : OK;
};

function setexGeneric(ctx: CommandContext, argv: string[], unit: 'ex' | 'px'): Reply {
  const at = absoluteExpiry(ctx, argv[2]!, unit, argv[0]!.toLowerCase());
  if (at instanceof ErrorReply) return at;
  store(ctx, argv[1]!, argv[3]!, at);
  return OK;
}

/** SETEX key seconds value */
export const setex: Handler = (ctx, argv) => setexGeneric(ctx, argv, 'ex');

/** PSETEX key milliseconds value */
export const psetex: Handler = (ctx, argv) => setexGeneric(ctx, argv, 'px');

/** GETEX key [EX seconds|PX ms|EXAT ts|PXAT ts|PERSIST] */
export const getex: Handler = (ctx, argv) => {
  let unit: ExpiryUnit | null = null;
  let persist = false;
  let expireArg: string | null = null;
  for (let j = 2; j < argv.length; j++) {
    const opt = argv[j]!;
    const hasNext = j < argv.length - 1;
    const u = expiryUnit(opt);
    if (isOption(opt, 'persist') && unit === null) persist = true;
    else if (u !== null && !persist && (unit === null || unit === u) && hasNext) {
      unit = u;
      expireArg = argv[++j]!;
    } else return ERR_SYNTAX;
  }
  const key = argv[1]!;
  // The key is looked up before the expiry value is checked, as in getexCommand.
  const v = lookupTyped(ctx, key, 'string');
  if (v === undefined) return null;
  if (v instanceof ErrorReply) return v;
  let expireAt: number | null = null;
  if (expireArg !== null && unit !== null) {
    const at = absoluteExpiry(ctx, expireArg, unit, 'getex');
    if (at instanceof ErrorReply) return at;
    expireAt = at;
  }
  if (expireAt !== null) {
    if (expireAt <= ctx.db.clock()) ctx.db.delete(key);
    else ctx.db.expires.set(key, expireAt);
    ctx.db.touch(key);
  } else if (persist && ctx.db.expires.delete(key)) ctx.db.touch(key);
  return v.value;
};

/** MSET key value [key value …] */
export const mset: Handler = (ctx, argv) => {
  if (argv.length % 2 === 0) return arityError('mset');
  for (let i = 1; i < argv.length; i += 2) store(ctx, argv[i]!, argv[i + 1]!, null);
  return OK;
};

function incrBy(ctx: CommandContext, key: string, by: bigint): Reply {
  const v = lookupTyped(ctx, key, 'string');
  if (v instanceof ErrorReply) return v;
  let cur = 0n;
  if (v !== undefined) {
    const parsed = parseLongLong(v.value);
    if (parsed === null) return ERR_NOT_INTEGER;
    cur = parsed;
  }
  const next = cur + by;
  if (next > LLONG_MAX || next < LLONG_MIN) return ERR_OVERFLOW;
  const created = stringValue(next.toString());
  if (v !== undefined) {
    v.value = created.value;
    v.encoding = created.encoding;
    v.shared = created.shared;
    ctx.db.touch(key);
  } else ctx.db.add(key, created);
  return integerReply(next);
}

/** INCR key */
export const incr: Handler = (ctx, argv) => incrBy(ctx, argv[1]!, 1n);

/** DECR key */
export const decr: Handler = (ctx, argv) => incrBy(ctx, argv[1]!, -1n);

/** INCRBY key increment */
export const incrby: Handler = (ctx, argv) => {
  const by = parseLongLong(argv[2]!);
  if (by === null) return ERR_NOT_INTEGER;
  return incrBy(ctx, argv[1]!, by);
};

/** DECRBY key decrement */
export const decrby: Handler = (ctx, argv) => {
  const by = parseLongLong(argv[2]!);
  if (by === null) return ERR_NOT_INTEGER;
  if (by === LLONG_MIN) return new ErrorReply('ERR decrement would overflow');
  return incrBy(ctx, argv[1]!, -by);
};

/**
 * INCRBYFLOAT key increment, in 80-bit long double arithmetic as Redis on
 * x86-64 does it (see long-double.ts), so the printed results match.
 */
export const incrbyfloat: Handler = (ctx, argv) => {
  const key = argv[1]!;
  const v = lookupTyped(ctx, key, 'string');
  if (v instanceof ErrorReply) return v;
  const cur = v === undefined ? parseLongDouble('0') : parseLongDouble(v.value);
  if (cur === null) return ERR_NOT_FLOAT;
  const by = parseLongDouble(argv[2]!);
  if (by === null) return ERR_NOT_FLOAT;
  const sum = addLongDouble(cur, by);
  if (sum === 'nan' || sum.kind === 'inf') {
    return new ErrorReply('ERR increment would produce NaN or Infinity');
  }
  const text = formatLongDouble(sum);
  const created = stringValue(text, false);
  if (v !== undefined) ctx.db.set(key, created, true);
  else ctx.db.add(key, created);
  return text;
};
