import { globMatch } from '../glob';
import type { RedisValue } from '../keyspace';
import { parseLong } from '../numbers';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ErrorReply, type Reply } from '../reply';
import { type CommandContext, isOption, lookupTyped } from './context';

/* What SCAN, ZSCAN, HSCAN and SSCAN share (scanGenericCommand in db.c). */

const ULLONG_MAX = 18446744073709551615n;

/**
 * Parses a cursor as Redis does with strtoull: optional sign, digits, no
 * leading space, nothing after, no overflow ("-1" wraps around, "" is 0).
 * Returns the cursor as a number (cursors above 2^53 are past every element
 * the engine hands out, so their exact value does not matter), or null for
 * "ERR invalid cursor". O(length).
 */
export function parseScanCursor(s: string): number | null {
  const m = /^([+-]?)([0-9]*)$/.exec(s);
  if (m === null) return null;
  if (m[2] === '') return m[1] === '' ? 0 : null;
  let v = BigInt(m[2]!);
  if (v > ULLONG_MAX) return null;
  if (m[1] === '-' && v !== 0n) v = ULLONG_MAX + 1n - v;
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

export const ERR_INVALID_CURSOR = new ErrorReply('ERR invalid cursor');

/** COUNT, MATCH and (for SCAN only) TYPE. */
export interface ScanOptions {
  count: number;
  /** null when absent or "*". */
  pattern: string | null;
  typeName: string | null;
}

/** Parses the options from argv[from] on; returns an error reply for bad ones. */
export function parseScanOptions(
  argv: string[],
  from: number,
  allowType: boolean,
): ScanOptions | ErrorReply {
  const out: ScanOptions = { count: 10, pattern: null, typeName: null };
  for (let i = from; i < argv.length;) {
    const left = argv.length - i;
    const arg = argv[i]!;
    if (isOption(arg, 'count') && left >= 2) {
      const c = parseLong(argv[i + 1]!);
      if (c === null) return ERR_NOT_INTEGER;
      if (c < 1) return ERR_SYNTAX;
      out.count = c;
      i += 2;
    } else if (isOption(arg, 'match') && left >= 2) {
      const p = argv[i + 1]!;
      out.pattern = p === '*' ? null : p;
      i += 2;
    } else if (allowType && isOption(arg, 'type') && left >= 2) {
      out.typeName = argv[i + 1]!;
      i += 2;
    } else return ERR_SYNTAX;
  }
  return out;
}

/** True when `name` passes the MATCH pattern. */
export function scanMatches(options: ScanOptions, name: string): boolean {
  return options.pattern === null || globMatch(options.pattern, name);
}

/**
 * ZSCAN, HSCAN and SSCAN (scanGenericCommand): the cursor is checked before
 * the key, a missing key is an empty scan, options come after the type
 * check. `walk` fills the reply from the value and returns the next cursor.
 */
export function scanCollection<T extends 'zset' | 'hash' | 'set'>(
  ctx: CommandContext,
  argv: string[],
  type: T,
  walk: (
    value: Extract<RedisValue, { type: T }>,
    cursor: number,
    options: ScanOptions,
    out: Reply[],
  ) => number,
): Reply {
  const cursor = parseScanCursor(argv[2]!);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const value = lookupTyped(ctx, argv[1]!, type);
  if (value === undefined) return ['0', []];
  if (value instanceof ErrorReply) return value;
  const options = parseScanOptions(argv, 3, false);
  if (options instanceof ErrorReply) return options;
  const out: Reply[] = [];
  const next = walk(value, cursor, options, out);
  return [String(next), out];
}
