import { parseLongLong } from '../numbers';
import {
  ERR_NOT_INTEGER,
  ERR_OVERFLOW,
  integerReply,
  ERR_SYNTAX,
  ErrorReply,
  OK,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, isOption, lookupTyped } from './context';

/* String commands (t_string.c in Redis 7.0). */

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

const LLONG_MAX = 9223372036854775807n;

/**
 * SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL], parsed as
 * parseExtendedStringArgumentsOrReply does (a repeated EX is allowed and the
 * last wins; EX with PX is a syntax error).
 */
export const set: Handler = (ctx, argv) => {
  let nx = false;
  let xx = false;
  let getOld = false;
  let keepTtl = false;
  let unit: 'ex' | 'px' | null = null;
  let expireArg: string | null = null;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    const hasNext = j < argv.length - 1;
    if (isOption(opt, 'nx') && !xx) nx = true;
    else if (isOption(opt, 'xx') && !nx) xx = true;
    else if (isOption(opt, 'get')) getOld = true;
    else if (isOption(opt, 'keepttl') && unit === null) keepTtl = true;
    else if (isOption(opt, 'ex') && !keepTtl && unit !== 'px' && hasNext) {
      unit = 'ex';
      expireArg = argv[++j]!;
    } else if (isOption(opt, 'px') && !keepTtl && unit !== 'ex' && hasNext) {
      unit = 'px';
      expireArg = argv[++j]!;
    } else return ERR_SYNTAX;
  }
  const key = argv[1]!;
  let expireAt: number | null = null;
  if (expireArg !== null) {
    let ms = parseLongLong(expireArg);
    if (ms === null) return ERR_NOT_INTEGER;
    const invalid = new ErrorReply("ERR invalid expire time in 'set' command");
    if (ms <= 0n || (unit === 'ex' && ms > LLONG_MAX / 1000n)) return invalid;
    if (unit === 'ex') ms *= 1000n;
    ms += BigInt(ctx.db.clock());
    if (ms <= 0n || ms > LLONG_MAX) return invalid;
    expireAt = Number(ms);
  }
  let old: Reply = null;
  if (getOld) {
    old = get(ctx, ['get', key]);
    if (old instanceof ErrorReply) return old;
  }
  const found = ctx.db.get(key) !== undefined;
  if ((nx && found) || (xx && !found)) return getOld ? old : null;
  ctx.db.set(key, { type: 'string', value: argv[2]! }, keepTtl);
  if (expireAt !== null) ctx.db.expires.set(key, expireAt);
  return getOld ? old : OK;
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
  if (next > LLONG_MAX || next < -LLONG_MAX - 1n) return ERR_OVERFLOW;
  const text = next.toString();
  if (v !== undefined) v.value = text;
  else ctx.db.add(key, { type: 'string', value: text });
  return integerReply(next);
}

/** INCR key */
export const incr: Handler = (ctx, argv) => incrBy(ctx, argv[1]!, 1n);

/** INCRBY key increment */
export const incrby: Handler = (ctx, argv) => {
  const by = parseLongLong(argv[2]!);
  if (by === null) return ERR_NOT_INTEGER;
  return incrBy(ctx, argv[1]!, by);
};
