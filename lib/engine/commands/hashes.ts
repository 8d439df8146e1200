import { HASH_MAX_LISTPACK_ENTRIES, HASH_MAX_LISTPACK_VALUE, type HashValue } from '../keyspace';
import { parseLongLong } from '../numbers';
import {
  ERR_NOT_INTEGER,
  ERR_OVERFLOW,
  integerReply,
  ErrorReply,
  OK,
  arityError,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, lookupTyped } from './context';
import { scanCollection, scanMatches } from './scan';

/*
 * Hash commands (t_hash.c in Redis 7.0). HGETALL keeps insertion order, as a
 * listpack does; the hashtable encoding is reported (and modelled for MEMORY
 * USAGE) after 128 fields or a field or value over 64 bytes.
 */

function lookupOrCreate(ctx: CommandContext, key: string): HashValue | ErrorReply {
  const h = lookupTyped(ctx, key, 'hash');
  if (h !== undefined) return h;
  const created = ctx.db.newHash();
  ctx.db.add(key, created);
  return created;
}

/** hashTypeConvert: the hash table is presized to the current length. */
function convertToHashtable(h: HashValue): void {
  if (h.encoding === 'hashtable') return;
  h.encoding = 'hashtable';
  h.dict.presize(h.map.size);
  for (let i = 0; i < h.map.size; i++) h.dict.add();
}

/** hashTypeSet: sets one field (new or not) and converts once past 128 fields. */
function hashSet(h: HashValue, field: string, value: string): boolean {
  const created = !h.map.has(field);
  if (h.encoding === 'hashtable') h.dict.lookup();
  h.map.set(field, value);
  if (created) {
    h.order.add(field);
    if (h.encoding === 'hashtable') h.dict.add();
    else if (h.map.size > HASH_MAX_LISTPACK_ENTRIES) convertToHashtable(h);
  }
  return created;
}

function hsetGeneric(ctx: CommandContext, argv: string[]): number | ErrorReply {
  if (argv.length % 2 === 1) return arityError(argv[0]!.toLowerCase());
  const key = argv[1]!;
  const h = lookupOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  // hashTypeTryConversion: any field or value over 64 bytes converts first.
  for (let i = 2; i < argv.length; i++) {
    if (argv[i]!.length > HASH_MAX_LISTPACK_VALUE) convertToHashtable(h);
  }
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (hashSet(h, argv[i]!, argv[i + 1]!)) created++;
  ctx.db.touch(key);
  return created;
}

/** HSET key field value [field value …] */
export const hset: Handler = (ctx, argv) => hsetGeneric(ctx, argv);

/** HMSET key field value [field value …] (HSET that replies OK) */
export const hmset: Handler = (ctx, argv) => {
  const r = hsetGeneric(ctx, argv);
  return r instanceof ErrorReply ? r : OK;
};

/** HGET key field */
export const hget: Handler = (ctx, argv) => {
  const h = lookupTyped(ctx, argv[1]!, 'hash');
  if (h === undefined) return null;
  if (h instanceof ErrorReply) return h;
  return h.map.get(argv[2]!) ?? null;
};

/** HMGET key field [field …] */
export const hmget: Handler = (ctx, argv) => {
  const h = lookupTyped(ctx, argv[1]!, 'hash');
  if (h instanceof ErrorReply) return h;
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) out.push(h?.map.get(argv[i]!) ?? null);
  return out;
};

/** HEXISTS key field */
export const hexists: Handler = (ctx, argv) => {
  const h = lookupTyped(ctx, argv[1]!, 'hash');
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  return h.map.has(argv[2]!) ? 1 : 0;
};

/** HLEN key */
export const hlen: Handler = (ctx, argv) => {
  const h = lookupTyped(ctx, argv[1]!, 'hash');
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  return h.map.size;
};

/** HGETALL key (a flat field, value, … array; ioredis turns it into an object) */
export const hgetall: Handler = (ctx, argv) => {
  const h = lookupTyped(ctx, argv[1]!, 'hash');
  if (h === undefined) return [];
  if (h instanceof ErrorReply) return h;
  const out: Reply[] = [];
  for (const [f, v] of h.map) out.push(f, v);
  return out;
};

const LLONG_MAX = 9223372036854775807n;

/** HINCRBY key field increment */
export const hincrby: Handler = (ctx, argv) => {
  const by = parseLongLong(argv[3]!);
  if (by === null) return ERR_NOT_INTEGER;
  const key = argv[1]!;
  const h = lookupOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  const field = argv[2]!;
  const cur = h.map.get(field);
  let value = 0n;
  if (cur !== undefined) {
    const parsed = parseLongLong(cur);
    if (parsed === null) return new ErrorReply('ERR hash value is not an integer');
    value = parsed;
  }
  const next = value + by;
  if (next > LLONG_MAX || next < -LLONG_MAX - 1n) return ERR_OVERFLOW;
  hashSet(h, field, next.toString());
  ctx.db.touch(key);
  return integerReply(next);
};

/** HDEL key field [field …] */
export const hdel: Handler = (ctx, argv) => {
  const key = argv[1]!;
  const h = lookupTyped(ctx, key, 'hash');
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  let n = 0;
  for (let i = 2; i < argv.length; i++) {
    if (h.map.delete(argv[i]!)) {
      h.order.delete(argv[i]!);
      if (h.encoding === 'hashtable') h.dict.remove();
      n++;
      if (h.map.size === 0) {
        ctx.db.delete(key);
        break;
      }
    }
  }
  if (n) {
    ctx.db.touch(key);
    if (h.encoding === 'hashtable') h.dict.shrinkIfSparse();
  }
  return n;
};

/** HSCAN key cursor [MATCH pattern] [COUNT count] */
export const hscan: Handler = (ctx, argv) =>
  scanCollection(ctx, argv, 'hash', (h, cursor, options, out) => {
    if (h.encoding === 'listpack') {
      for (const [f, v] of h.map) if (scanMatches(options, f)) out.push(f, v);
      return 0;
    }
    return h.order.scan(cursor, options.count, (f) => {
      if (scanMatches(options, f)) out.push(f, h.map.get(f)!);
    });
  });
