import { bytesToText } from './bytes';

/**
 * Replies as RESP2 types them, in the cheapest JS shape: a number is an
 * integer reply, a string is a bulk string, null is a nil bulk or nil array,
 * an array is a multi-bulk, and the two classes below mark simple strings
 * and errors (which print differently in redis-cli).
 */

/** A simple-string reply such as OK, QUEUED, PONG or a TYPE name. */
export class StatusReply {
  constructor(readonly status: string) {}
}

/** An error reply; `message` is exactly Redis's text, e.g. "ERR syntax error". */
export class ErrorReply {
  constructor(readonly message: string) {}
}

/**
 * Any reply the engine produces. Integers are numbers, or bigints when they
 * exceed 2^53 (INCRBY can reach 2^63 - 1), so redis-cli text stays exact.
 */
export type Reply = number | bigint | string | null | StatusReply | ErrorReply | Reply[];

/** An integer reply: a number when exact, else a bigint. */
export function integerReply(n: bigint): number | bigint {
  return n <= 9007199254740991n && n >= -9007199254740991n ? Number(n) : n;
}

/**
 * The number ioredis resolves for a big integer reply: redis-parser
 * accumulates digits in a double (n = n * 10 + d), which rounds differently
 * from Number(bigint).
 */
export function ioredisInteger(n: bigint): number {
  const s = n.toString();
  const negative = s.startsWith('-');
  let v = 0;
  for (let i = negative ? 1 : 0; i < s.length; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return negative ? -v : v;
}

/* Shared replies, with Redis 7.0's exact texts (shared.* in server.c). */
export const OK = new StatusReply('OK');
export const QUEUED = new StatusReply('QUEUED');

export const ERR_SYNTAX = new ErrorReply('ERR syntax error');
export const ERR_WRONGTYPE = new ErrorReply(
  'WRONGTYPE Operation against a key holding the wrong kind of value',
);
export const ERR_NOT_INTEGER = new ErrorReply('ERR value is not an integer or out of range');
export const ERR_NOT_FLOAT = new ErrorReply('ERR value is not a valid float');
export const ERR_MINMAX_FLOAT = new ErrorReply('ERR min or max is not a float');
export const ERR_MINMAX_LEX = new ErrorReply('ERR min or max not valid string range item');
export const ERR_NAN_SCORE = new ErrorReply('ERR resulting score is not a number (NaN)');
export const ERR_OVERFLOW = new ErrorReply('ERR increment or decrement would overflow');
export const ERR_NO_SUCH_KEY = new ErrorReply('ERR no such key');
export const ERR_POSITIVE = new ErrorReply('ERR value is out of range, must be positive');

/** "ERR wrong number of arguments for '<name>' command" with the lowercase name. */
export function arityError(name: string): ErrorReply {
  return new ErrorReply(`ERR wrong number of arguments for '${name}' command`);
}

/**
 * A reply as plain data that survives postMessage / JSON (classes do not):
 * the worker sends this, and `fromWireReply` turns it back.
 */
export type WireReply =
  | { t: 'int'; v: number }
  | { t: 'bigint'; v: string }
  | { t: 'bulk'; v: string }
  | { t: 'nil' }
  | { t: 'status'; v: string }
  | { t: 'error'; v: string }
  | { t: 'array'; v: WireReply[] };

/**
 * Converts a reply to plain data, with bulk strings, statuses and errors
 * decoded as UTF-8 text (what a JavaScript client sees). O(size of the reply).
 */
export function toWireReply(r: Reply): WireReply {
  if (r === null) return { t: 'nil' };
  if (typeof r === 'number') return { t: 'int', v: r };
  if (typeof r === 'bigint') return { t: 'bigint', v: r.toString() };
  if (typeof r === 'string') return { t: 'bulk', v: bytesToText(r) };
  if (r instanceof StatusReply) return { t: 'status', v: bytesToText(r.status) };
  if (r instanceof ErrorReply) return { t: 'error', v: bytesToText(r.message) };
  return { t: 'array', v: r.map(toWireReply) };
}

/** Inverse of {@link toWireReply}. O(size of the reply). */
export function fromWireReply(w: WireReply): Reply {
  switch (w.t) {
    case 'nil':
      return null;
    case 'int':
    case 'bulk':
      return w.v;
    case 'bigint':
      return BigInt(w.v);
    case 'status':
      return new StatusReply(w.v);
    case 'error':
      return new ErrorReply(w.v);
    case 'array':
      return w.v.map(fromWireReply);
  }
}

/** A value as ioredis resolves it: statuses become strings, nested errors Error objects. */
export type IoredisValue = number | string | null | Error | IoredisValue[];

/**
 * Converts a reply to what ioredis 5 resolves for it (before per-command
 * reply transformers such as HGETALL's). A top-level error is returned as an
 * Error; callers reject with it. O(size of the reply).
 */
export function toIoredisValue(r: Reply): IoredisValue {
  if (r === null || typeof r === 'number') return r;
  if (typeof r === 'string') return bytesToText(r);
  if (typeof r === 'bigint') return ioredisInteger(r);
  if (r instanceof StatusReply) return bytesToText(r.status);
  if (r instanceof ErrorReply) return redisError(bytesToText(r.message));
  return r.map(toIoredisValue);
}

/** An Error named ReplyError (as ioredis names it) carrying Redis's message. */
export function redisError(message: string): Error {
  const e = new Error(message);
  e.name = 'ReplyError';
  return e;
}
