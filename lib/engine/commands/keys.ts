import { globMatch } from '../glob';
import type { RedisValue } from '../keyspace';
import { parseLongLong } from '../numbers';
import {
  ERR_NO_SUCH_KEY,
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
  ErrorReply,
  OK,
  StatusReply,
  integerReply,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, isOption } from './context';
import { ERR_INVALID_CURSOR, parseScanCursor, parseScanOptions, scanMatches } from './scan';

/* Generic key commands (db.c and expire.c in Redis 7.0). */

function delGeneric(ctx: CommandContext, argv: string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    if (ctx.db.peek(argv[i]!) !== undefined && ctx.db.delete(argv[i]!)) n++;
  }
  return n;
}

/** DEL key [key …] */
export const del: Handler = delGeneric;

/** UNLINK key [key …] (DEL that frees memory in the background; the same here) */
export const unlink: Handler = delGeneric;

/** EXISTS key [key …] (a key named twice counts twice) */
export const exists: Handler = (ctx, argv) => {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (ctx.db.peek(argv[i]!) !== undefined) n++;
  return n;
};

/** TOUCH key [key …]: counts the keys that exist and marks them accessed. */
export const touch: Handler = (ctx, argv) => {
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
 * position in the keyspace's stable order (scan-order.ts), not Redis's
 * reverse-binary cursor: the replies have the same shape and the same
 * guarantee (every key present for the whole iteration is returned at least
 * once), but the cursor values differ.
 */
export const scan: Handler = (ctx, argv) => {
  const cursor = parseScanCursor(argv[1]!);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const options = parseScanOptions(argv, 2, true);
  if (options instanceof ErrorReply) return options;
  const found: string[] = [];
  const next = ctx.db.order.scan(cursor, options.count, (key) => found.push(key));
  const out: Reply[] = [];
  for (const key of found) {
    if (!scanMatches(options, key)) continue;
    if (ctx.db.expireIfNeeded(key)) continue;
    if (options.typeName !== null) {
      const v = ctx.db.data.get(key);
      if (v === undefined || !isOption(options.typeName, v.type)) continue;
    }
    out.push(key);
  }
  return [String(next), out];
};

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

/**
 * expireGenericCommand: EXPIRE/PEXPIRE (relative to now) and
 * EXPIREAT/PEXPIREAT (absolute) with NX/XX/GT/LT.
 */
function expireGeneric(
  ctx: CommandContext,
  argv: string[],
  unitMs: bigint,
  relative: boolean,
): Reply {
  const name = argv[0]!.toLowerCase();
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
  if (relative) {
    if (when > LLONG_MAX - now) return invalid;
    when += now;
  }
  const key = argv[1]!;
  if (ctx.db.get(key) === undefined) return 0;
  const current = ctx.db.expiryOf(key);
  if (nx && current !== null) return 0;
  if (xx && current === null) return 0;
  if (gt && (current === null || when <= current)) return 0;
  if (lt && current !== null && when >= current) return 0;
  if (when <= now) {
    ctx.db.delete(key);
    return 1;
  }
  ctx.db.setExpiry(key, when);
  ctx.db.touch(key);
  return 1;
}

/** EXPIRE key seconds [NX|XX|GT|LT] */
export const expire: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1000n, true);

/** PEXPIRE key milliseconds [NX|XX|GT|LT] */
export const pexpire: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1n, true);

/** EXPIREAT key unix-time-seconds [NX|XX|GT|LT] */
export const expireat: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1000n, false);

/** PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT] */
export const pexpireat: Handler = (ctx, argv) => expireGeneric(ctx, argv, 1n, false);

/** ttlGenericCommand: TTL, PTTL, EXPIRETIME, PEXPIRETIME. */
function ttlGeneric(ctx: CommandContext, key: string, ms: boolean, absolute: boolean): Reply {
  if (ctx.db.peek(key) === undefined) return -2;
  const at = ctx.db.expiryOf(key);
  if (at === null) return -1;
  let left = absolute ? at : at - BigInt(ctx.db.clock());
  if (left < 0n) left = 0n;
  return integerReply(ms ? left : (left + 500n) / 1000n);
}

/** TTL key */
export const ttl: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, false, false);

/** PTTL key */
export const pttl: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, true, false);

/** EXPIRETIME key */
export const expiretime: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, false, true);

/** PEXPIRETIME key */
export const pexpiretime: Handler = (ctx, argv) => ttlGeneric(ctx, argv[1]!, true, true);

/** PERSIST key */
export const persist: Handler = (ctx, argv) => {
  const key = argv[1]!;
  if (ctx.db.get(key) === undefined) return 0;
  if (!ctx.db.expires.delete(key)) return 0;
  ctx.db.touch(key);
  return 1;
};

/** renameGenericCommand: the expiry moves with the value. */
function renameGeneric(ctx: CommandContext, argv: string[], nx: boolean): Reply {
  const src = argv[1]!;
  const dst = argv[2]!;
  const v = ctx.db.get(src);
  if (v === undefined) return ERR_NO_SUCH_KEY;
  if (src === dst) return nx ? 0 : OK;
  if (nx && ctx.db.get(dst) !== undefined) return 0;
  const at = ctx.db.expiryOf(src);
  ctx.db.delete(dst);
  ctx.db.delete(src);
  ctx.db.set(dst, v);
  if (at !== null) ctx.db.setExpiry(dst, at);
  return nx ? 1 : OK;
}

/** RENAME key newkey */
export const rename: Handler = (ctx, argv) => renameGeneric(ctx, argv, false);

/** RENAMENX key newkey */
export const renamenx: Handler = (ctx, argv) => renameGeneric(ctx, argv, true);

/** A deep copy of a value (COPY duplicates the object, as Redis does). */
function duplicate(ctx: CommandContext, v: RedisValue): RedisValue {
  switch (v.type) {
    case 'string':
      return { ...v, shared: false };
    case 'hash': {
      const h = ctx.db.newHash();
      h.encoding = v.encoding;
      for (const [f, val] of v.map) {
        h.map.set(f, val);
        h.order.add(f);
        if (h.encoding === 'hashtable') h.dict.add();
      }
      return h;
    }
    case 'set': {
      const s = ctx.db.newSet(v.encoding);
      for (const m of v.set) {
        s.set.add(m);
        s.order.add(m);
        if (s.encoding === 'hashtable') s.dict.add();
      }
      return s;
    }
    case 'zset': {
      const z = ctx.db.newZSet();
      z.encoding = v.encoding;
      const list = z.list;
      if (z.encoding === 'skiplist') z.dict.presize(v.list.length);
      for (let x = v.list.head; x !== 0; x = v.list.next(x)) {
        list.insert(v.list.score(x), v.list.member(x));
        if (z.encoding === 'skiplist') z.dict.add();
      }
      return z;
    }
  }
}

/** COPY source destination [DB destination-db] [REPLACE] */
export const copy: Handler = (ctx, argv) => {
  let replace = false;
  let db = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    if (isOption(opt, 'replace')) replace = true;
    else if (isOption(opt, 'db') && j + 1 < argv.length) {
      const n = parseLongLong(argv[j + 1]!);
      if (n === null || n < -2147483648n || n > 2147483647n) return ERR_NOT_INTEGER;
      db = Number(n);
      j++;
    } else return ERR_SYNTAX;
  }
  if (db < 0 || db >= 16) return new ErrorReply('ERR DB index is out of range');
  const src = argv[1]!;
  const dst = argv[2]!;
  if (db !== 0) {
    return new ErrorReply(
      'ERR this engine keeps only database 0, so COPY … DB has nowhere else to copy to',
    );
  }
  if (src === dst) return new ErrorReply('ERR source and destination objects are the same');
  const v = ctx.db.get(src);
  if (v === undefined) return 0;
  if (ctx.db.get(dst) !== undefined) {
    if (!replace) return 0;
    ctx.db.delete(dst);
  }
  const at = ctx.db.expiryOf(src);
  ctx.db.set(dst, duplicate(ctx, v));
  if (at !== null) ctx.db.setExpiry(dst, at);
  return 1;
};

/** DBSIZE */
export const dbsize: Handler = (ctx) => ctx.db.size;

/** FLUSHALL [ASYNC|SYNC] (also FLUSHDB: the engine has one database) */
export const flushall: Handler = (ctx, argv) => {
  if (argv.length === 2 && !isOption(argv[1]!, 'sync') && !isOption(argv[1]!, 'async')) {
    return ERR_SYNTAX;
  }
  if (argv.length > 2) return ERR_SYNTAX;
  ctx.db.clear();
  return OK;
};
