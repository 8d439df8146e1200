import type { Keyspace, RedisValue } from '../keyspace';
import { ERR_WRONGTYPE, type ErrorReply, type Reply } from '../reply';
import type { ScriptingState } from '../scripting';

/** What a command handler sees: the database, a random source, and where it runs. */
export interface CommandContext {
  db: Keyspace;
  /** Uniform in [0, 1). */
  random: () => number;
  /** True while EXEC runs the queue (blocking commands then answer at once). */
  inTransaction: boolean;
  /** True while a Lua script runs (likewise). */
  inScript: boolean;
  /** The script cache and Lua state (EVAL, SCRIPT). */
  scripting: ScriptingState;
  /** redis.call: a command run from a script, with the script-side checks. */
  call: (argv: string[]) => Reply;
}

/** A command implementation: argv[0] is the command name as typed. */
export type Handler = (ctx: CommandContext, argv: string[]) => Reply;

/**
 * Looks up `key` expecting `type`: the value, undefined when missing, or the
 * WRONGTYPE error reply (what Redis's lookupKey + checkType pair does).
 */
export function lookupTyped<T extends RedisValue['type']>(
  ctx: CommandContext,
  key: string,
  type: T,
): Extract<RedisValue, { type: T }> | undefined | ErrorReply {
  const v = ctx.db.get(key);
  if (v === undefined) return undefined;
  if (v.type !== type) return ERR_WRONGTYPE;
  return v as Extract<RedisValue, { type: T }>;
}

/**
 * Case-insensitive comparison of an argument with an option name given in
 * lowercase, ASCII only like C's strcasecmp (so "\u212A" is not "k").
 */
export function isOption(arg: string, lower: string): boolean {
  if (arg.length !== lower.length) return false;
  for (let i = 0; i < arg.length; i++) {
    let c = arg.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

const lowered = new Map<string, string>();

/**
 * ASCII-only lowercase, as Redis looks up command names. Command names
 * repeat, so results are cached (a bounded map).
 */
export function asciiLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      let out = lowered.get(s);
      if (out === undefined) {
        out = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
        if (lowered.size > 512) lowered.clear();
        lowered.set(s, out);
      }
      return out;
    }
  }
  return s;
}
