import { globMatch } from '../glob';
import { parseLong, parseLongLong } from '../numbers';
import {
  ERR_NO_SUCH_KEY,
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
  ErrorReply,
  OK,
  StatusReply,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, isOption } from './context';

/* Generic key commands (db.c and expire.c in Redis 7.0). */

/** DEL key [key …] */
export const del: Handler = (ctx, argv) => {
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    if (ctx.db.get(argv[i]!) !== undefined && ctx.db.delete(argv[i]!)) n++;
  }
  return n;
};

/** EXISTS key [key …] (a key named twice counts twice) */
export const exists: Handler = (ctx, argv) => {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (ctx.db.get(argv[i]!) !== undefined) n++;
  return n;
};

/** TYPE key */
export const type: Handler = (ctx, argv) => new StatusReply(ctx.db.get(argv[1]!)?.type ?? 'none');

/** KEYS pattern */
export const keys: Handler = (ctx, argv) => {
  const pattern = argv[1]!;
  const all = ctx.db.keys();
  return pattern === '*' ? all : all.filter((k) => globMatch(pattern, k));
};

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. The cursor is a
 * position in the key table's order rather than Redis's reverse-binary
 * cursor: replies have the same shape, the cursors differ.
 */
export const scan: Handler = (ctx, argv) => {
  const cursorArg = argv[1]!;
  if (!/^[0-9]+$/.test(cursorArg) && !/^[+-][0-9]+$/.test(cursorArg)) {
    return new ErrorReply('ERR invalid cursor');
  }
  let count = 10;
  let pattern: string | null = null;
  let typeName: string | null = null;
  for (let i = 2; i < argv.length;) {
    const left = argv.length - i;
    const arg = argv[i]!;
    if (isOption(arg, 'count') && left >= 2) {
      const c = parseLong(argv[i + 1]!);
      if (c === null) return ERR_NOT_INTEGER;
      if (c < 1) return ERR_SYNTAX;
      count = c;
      i += 2;
    } else if (isOption(arg, 'match') && left >= 2) {
      pattern = argv[i + 1]! === '*' ? null : argv[i + 1]!;
      i += 2;
    } else if (isOption(arg, 'type') && left >= 2) {
      typeName = argv[i + 1]!;
      i += 2;
    } else return ERR_SYNTAX;
  }
  const all = ctx.db.keys();
  let cursor = Number(cursorArg);
  if (!(cursor >= 0 && cursor < all.length)) cursor = all.length;
  const end = Math.min(all.length, cursor + count);
  const out: Reply[] = [];
  for (let i = cursor; i < end; i++) {
    const k = all[i]!;
    if (pattern !== null && !globMatch(pattern, k)) continue;
    if (typeName !== null && ctx.db.get(k)?.type !== typeName.toLowerCase()) continue;
    out.push(k);
  }
  return [String(end >= all.length ? 0 : end), out];
};

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

function expireGeneric(ctx: CommandContext, argv: string[], unitMs: bigint): Reply {
  const name = unitMs === 1000n ? 'expire' : 'pexpire';
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    if (isOption(opt, 'nx')) nx = true;
    else if (isOption(opt, 'xx')) xx = true;
    else if (isOption(opt, 'gt')) gt = true;
    else if (isOption(opt, 'lt')) lt = true;
    else return new ErrorReply(`ERR Unsupported option ${opt}`);
  }
  if ((nx && xx) || (nx && gt) || (nx && lt)) {
    return new ErrorReply('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (gt && lt) return new ErrorReply('ERR GT and LT options at the same time are not compatible');
  let when = parseLongLong(argv[2]!);
  if (when === null) return ERR_NOT_INTEGER;
  const invalid = new ErrorReply(`ERR invalid expire time in '${name}' command`);
  if (unitMs === 1000n) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalid;
    when *= 1000n;
  }
  const now = BigInt(ctx.db.clock());
  if (when > LLONG_MAX - now) return invalid;
  when += now;
  const key = argv[1]!;
  if (ctx.db.get(key) === undefined) return 0;
  const current = ctx.db.expires.get(key);
  if (nx && current !== undefined) return 0;
  if (xx && current === undefined) return 0;
  if (gt && (current === undefined || when <= BigInt(current))) return 0;
  if (lt && current !== undefined && when >= BigInt(current)) return 0;
  if (when <= now) {
    ctx.db.delete(key);
    return 1;
  }
  ctx.db.expires.set(key, Number(when));
  return 1;
}

/** EXPIRE key seconds [NX|XX|GT|LT] */
export const expire: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1000n);

/** PEXPIRE key milliseconds [NX|XX|GT|LT] */
export const pexpire: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1n);

function ttlGeneric(ctx: CommandContext, key: string, ms: boolean): Reply {
  if (ctx.db.get(key) === undefined) return -2;
  const at = ctx.db.expires.get(key);
  if (at === undefined) return -1;
  const left = Math.max(0, at - ctx.db.clock());
  return ms ? left : Math.floor((left + 500) / 1000);
}

/** TTL key */
export const ttl: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, false);

/** PTTL key */
export const pttl: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, true);

/** PERSIST key */
export const persist: Handler = (ctx, argv) => {
  const key = argv[1]!;
  if (ctx.db.get(key) === undefined) return 0;
  return ctx.db.expires.delete(key) ? 1 : 0;
};

/** RENAME key newkey (the expiry moves with the value) */
export const rename: Handler = (ctx, argv) => {
  const src = argv[1]!;
  const dst = argv[2]!;
  const v = ctx.db.get(src);
  if (v === undefined) return ERR_NO_SUCH_KEY;
  if (src === dst) return OK;
  const at = ctx.db.expires.get(src);
  ctx.db.delete(dst);
  ctx.db.delete(src);
  ctx.db.set(dst, v);
  if (at !== undefined) ctx.db.expires.set(dst, at);
  return OK;
};

/** DBSIZE */
export const dbsize: Handler = (ctx) => ctx.db.size;

/** FLUSHALL [ASYNC|SYNC] */
export const flushall: Handler = (ctx, argv) => {
  if (argv.length === 2 && !isOption(argv[1]!, 'sync') && !isOption(argv[1]!, 'async')) {
    return ERR_SYNTAX;
  }
  if (argv.length > 2) return ERR_SYNTAX;
  ctx.db.clear();
  return OK;
};
