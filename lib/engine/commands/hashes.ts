import {
  HASH_MAX_LISTPACK_ENTRIES,
  HASH_MAX_LISTPACK_VALUE,
  fitsListpack,
  type HashValue,
} from '../keyspace';
import { parseLongLong } from '../numbers';
import {
  ERR_NOT_INTEGER,
  ERR_OVERFLOW,
  integerReply,
  ErrorReply,
  arityError,
  type Reply,
} from '../reply';
import { type CommandContext, type Handler, lookupTyped } from './context';

/* Hash commands (t_hash.c in Redis 7.0). HGETALL keeps insertion order, as a listpack does. */

function lookupOrCreate(ctx: CommandContext, key: string): HashValue | ErrorReply {
  const h = lookupTyped(ctx, key, 'hash');
  if (h !== undefined) return h;
  const created: HashValue = { type: 'hash', map: new Map(), encoding: 'listpack' };
  ctx.db.add(key, created);
  return created;
}

/** HSET key field value [field value …] */
export const hset: Handler = (ctx, argv) => {
  if (argv.length % 2 === 1) return arityError('hset');
  const h = lookupOrCreate(ctx, argv[1]!);
  if (h instanceof ErrorReply) return h;
  if (h.encoding === 'listpack') {
    for (let i = 2; i < argv.length; i++) {
      if (!fitsListpack(argv[i]!, HASH_MAX_LISTPACK_VALUE)) h.encoding = 'hashtable';
    }
  }
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) {
    if (!h.map.has(argv[i]!)) created++;
    h.map.set(argv[i]!, argv[i + 1]!);
  }
  if (h.map.size > HASH_MAX_LISTPACK_ENTRIES) h.encoding = 'hashtable';
  return created;
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
  const h = lookupOrCreate(ctx, argv[1]!);
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
  h.map.set(field, next.toString());
  if (h.map.size > HASH_MAX_LISTPACK_ENTRIES) h.encoding = 'hashtable';
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
      n++;
      if (h.map.size === 0) {
        ctx.db.delete(key);
        break;
      }
    }
  }
  return n;
};
