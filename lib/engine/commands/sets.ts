import { SET_MAX_INTSET_ENTRIES, type SetValue } from '../keyspace';
import { parseLongLong } from '../numbers';
import { ErrorReply } from '../reply';
import { type Handler, lookupTyped } from './context';

/* Set commands (t_set.c in Redis 7.0), with its intset → hashtable conversion. */

const isInteger = (s: string) => s.length <= 20 && parseLongLong(s) !== null;

/** SADD key member [member …] */
export const sadd: Handler = (ctx, argv) => {
  const key = argv[1]!;
  let s = lookupTyped(ctx, key, 'set');
  if (s instanceof ErrorReply) return s;
  if (s === undefined) {
    s = { type: 'set', set: new Set(), encoding: isInteger(argv[2]!) ? 'intset' : 'hashtable' };
    ctx.db.add(key, s);
  }
  let added = 0;
  for (let i = 2; i < argv.length; i++) {
    const m = argv[i]!;
    if (s.set.has(m)) continue;
    if (s.encoding === 'intset' && !isInteger(m)) s.encoding = 'hashtable';
    s.set.add(m);
    if (s.encoding === 'intset' && s.set.size > SET_MAX_INTSET_ENTRIES) s.encoding = 'hashtable';
    added++;
  }
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
      n++;
      if (s.set.size === 0) {
        ctx.db.delete(key);
        break;
      }
    }
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
