import { SET_MAX_INTSET_ENTRIES, type SetValue } from '../keyspace';
import { parseLongLong } from '../numbers';
import { ErrorReply } from '../reply';
import { type Handler, lookupTyped } from './context';
import { scanCollection, scanMatches } from './scan';

/* Set commands (t_set.c in Redis 7.0), with its intset → hashtable conversion. */

const isInteger = (s: string) => s.length <= 20 && parseLongLong(s) !== null;

/** setTypeConvert: an intset becomes a hash table presized to its length. */
function convertToHashtable(s: SetValue): void {
  s.encoding = 'hashtable';
  s.dict.presize(s.set.size);
  for (let i = 0; i < s.set.size; i++) s.dict.add();
}

/** SADD key member [member …] */
export const sadd: Handler = (ctx, argv) => {
  const key = argv[1]!;
  let s = lookupTyped(ctx, key, 'set');
  if (s instanceof ErrorReply) return s;
  if (s === undefined) {
    s = ctx.db.newSet(isInteger(argv[2]!) ? 'intset' : 'hashtable');
    ctx.db.add(key, s);
  }
  let added = 0;
  for (let i = 2; i < argv.length; i++) {
    const m = argv[i]!;
    if (s.set.has(m)) {
      if (s.encoding === 'hashtable') s.dict.add(false);
      continue;
    }
    if (s.encoding === 'intset' && !isInteger(m)) convertToHashtable(s);
    s.set.add(m);
    s.order.add(m);
    if (s.encoding === 'hashtable') s.dict.add();
    else if (s.set.size > SET_MAX_INTSET_ENTRIES) convertToHashtable(s);
    added++;
  }
  if (added) ctx.db.touch(key);
  return added;
};

/** SREM key member [member …] */
export const srem: Handler = (ctx, argv) => {
  const key = argv[1]!;
  const s = lookupTyped(ctx, key, 'set');
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  let n = 0;
  for (let i = 2; i < argv.length; i++) {
    if (s.set.delete(argv[i]!)) {
      s.order.delete(argv[i]!);
      if (s.encoding === 'hashtable') s.dict.remove();
      n++;
      if (s.set.size === 0) {
        ctx.db.delete(key);
        break;
      }
    }
  }
  if (n) {
    ctx.db.touch(key);
    if (s.encoding === 'hashtable') s.dict.shrinkIfSparse();
  }
  return n;
};

/** Members in the order Redis returns them: numeric order for an intset. */
export function setMembers(s: SetValue): string[] {
  const all = [...s.set];
  if (s.encoding === 'intset') {
    all.sort((a, b) => {
      const x = BigInt(a);
      const y = BigInt(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return all;
}

/** SMEMBERS key */
export const smembers: Handler = (ctx, argv) => {
  const s = lookupTyped(ctx, argv[1]!, 'set');
  if (s === undefined) return [];
  if (s instanceof ErrorReply) return s;
  return setMembers(s);
};

/** SISMEMBER key member */
export const sismember: Handler = (ctx, argv) => {
  const s = lookupTyped(ctx, argv[1]!, 'set');
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  return s.set.has(argv[2]!) ? 1 : 0;
};

/** SCARD key */
export const scard: Handler = (ctx, argv) => {
  const s = lookupTyped(ctx, argv[1]!, 'set');
  if (s === undefined) return 0;
  if (s instanceof ErrorReply) return s;
  return s.set.size;
};

/** SSCAN key cursor [MATCH pattern] [COUNT count] */
export const sscan: Handler = (ctx, argv) =>
  scanCollection(ctx, argv, 'set', (s, cursor, options, out) => {
    if (s.encoding === 'intset') {
      for (const m of setMembers(s)) if (scanMatches(options, m)) out.push(m);
      return 0;
    }
    return s.order.scan(cursor, options.count, (m) => {
      if (scanMatches(options, m)) out.push(m);
    });
  });
