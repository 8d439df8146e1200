import type { Handler } from './commands/context';
import * as hashes from './commands/hashes';
import * as keys from './commands/keys';
import * as server from './commands/server';
import * as sets from './commands/sets';
import * as sortedSet from './commands/sorted-set';
import * as strings from './commands/strings';

/** The documentation the console's HELP prints for one command. */
export interface CommandHelp {
  /** Upper-case name, e.g. "ZREVRANK". */
  name: string;
  /** Syntax as in the Redis docs, e.g. "ZREVRANK key member". */
  syntax: string;
  /** Time complexity as the Redis docs state it. */
  complexity: string;
  /** One line: what it does. */
  summary: string;
  group: 'sorted-set' | 'generic' | 'string' | 'hash' | 'set' | 'transactions' | 'server';
}

/** A command the engine runs: Redis arity (n = exactly n, -n = at least n) plus help. */
export interface CommandSpec extends CommandHelp {
  arity: number;
  /** Undefined for MULTI / EXEC / DISCARD, which the engine handles itself. */
  handler?: Handler;
}

const LOG_N_M =
  'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.';

function spec(
  group: CommandHelp['group'],
  arity: number,
  syntax: string,
  complexity: string,
  summary: string,
  handler?: Handler,
): CommandSpec {
  return { name: syntax.split(' ')[0]!, group, arity, syntax, complexity, summary, handler };
}

const ALL: CommandSpec[] = [
  spec(
    'sorted-set',
    -4,
    'ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]',
    'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    'Adds members with scores, or updates the scores of existing members.',
    sortedSet.zadd,
  ),
  spec(
    'sorted-set',
    4,
    'ZINCRBY key increment member',
    'O(log(N)) where N is the number of elements in the sorted set.',
    "Adds increment to a member's score (creating it at 0) and returns the new score.",
    sortedSet.zincrby,
  ),
  spec(
    'sorted-set',
    3,
    'ZSCORE key member',
    'O(1)',
    'Returns the score of a member, or nil.',
    sortedSet.zscore,
  ),
  spec(
    'sorted-set',
    -3,
    'ZMSCORE key member [member ...]',
    'O(N) where N is the number of members being requested.',
    'Returns the scores of several members (nil for missing ones).',
    sortedSet.zmscore,
  ),
  spec('sorted-set', 2, 'ZCARD key', 'O(1)', 'Returns the number of members.', sortedSet.zcard),
  spec(
    'sorted-set',
    4,
    'ZCOUNT key min max',
    'O(log(N)) with N being the number of elements in the sorted set.',
    'Counts members with a score between min and max (use ( for exclusive, -inf/+inf).',
    sortedSet.zcount,
  ),
  spec(
    'sorted-set',
    3,
    'ZRANK key member',
    'O(log(N))',
    'Returns the 0-based position of a member, lowest score first.',
    sortedSet.zrank,
  ),
  spec(
    'sorted-set',
    3,
    'ZREVRANK key member',
    'O(log(N))',
    'Returns the 0-based position of a member, highest score first: a leaderboard rank.',
    sortedSet.zrevrank,
  ),
  spec(
    'sorted-set',
    -4,
    'ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
    LOG_N_M,
    'Returns members in a range of ranks, scores or members.',
    sortedSet.zrange,
  ),
  spec(
    'sorted-set',
    -4,
    'ZREVRANGE key start stop [WITHSCORES]',
    LOG_N_M,
    'Returns members in a range of ranks, highest score first (the top-N).',
    sortedSet.zrevrange,
  ),
  spec(
    'sorted-set',
    -4,
    'ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Returns members with a score between min and max, lowest first.',
    sortedSet.zrangebyscore,
  ),
  spec(
    'sorted-set',
    -4,
    'ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Returns members with a score between max and min, highest first.',
    sortedSet.zrevrangebyscore,
  ),
  spec(
    'sorted-set',
    -3,
    'ZREM key member [member ...]',
    'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    'Removes members.',
    sortedSet.zrem,
  ),
  spec(
    'sorted-set',
    4,
    'ZREMRANGEBYRANK key start stop',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    'Removes the members in a range of ranks.',
    sortedSet.zremrangebyrank,
  ),
  spec(
    'sorted-set',
    4,
    'ZREMRANGEBYSCORE key min max',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    'Removes the members with a score between min and max.',
    sortedSet.zremrangebyscore,
  ),
  spec(
    'sorted-set',
    -2,
    'ZPOPMAX key [count]',
    'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    'Removes and returns the members with the highest scores.',
    sortedSet.zpopmax,
  ),
  spec(
    'sorted-set',
    -2,
    'ZPOPMIN key [count]',
    'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    'Removes and returns the members with the lowest scores.',
    sortedSet.zpopmin,
  ),
  spec(
    'sorted-set',
    -4,
    'ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]',
    'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    'Stores the union of sorted sets (and sets), combining scores.',
    sortedSet.zunionstore,
  ),
  spec(
    'sorted-set',
    -4,
    'ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]',
    'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    'Stores the intersection of sorted sets (and sets), combining scores.',
    sortedSet.zinterstore,
  ),
  spec(
    'sorted-set',
    -2,
    'ZRANDMEMBER key [count [WITHSCORES]]',
    'O(N) where N is the number of members returned',
    'Returns random members (a negative count allows repeats).',
    sortedSet.zrandmember,
  ),
  spec(
    'generic',
    -2,
    'DEL key [key ...]',
    'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    'Deletes keys and returns how many existed.',
    keys.del,
  ),
  spec(
    'generic',
    -2,
    'EXISTS key [key ...]',
    'O(N) where N is the number of keys to check.',
    'Counts how many of the keys exist.',
    keys.exists,
  ),
  spec(
    'generic',
    2,
    'TYPE key',
    'O(1)',
    'Returns the type of the value: string, hash, set, zset or none.',
    keys.type,
  ),
  spec(
    'generic',
    2,
    'KEYS pattern',
    'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    'Returns every key matching a glob pattern.',
    keys.keys,
  ),
  spec(
    'generic',
    -2,
    'SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]',
    'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    'Iterates over keys a few at a time.',
    keys.scan,
  ),
  spec(
    'generic',
    -3,
    'EXPIRE key seconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets a time to live in seconds.',
    keys.expire,
  ),
  spec(
    'generic',
    -3,
    'PEXPIRE key milliseconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets a time to live in milliseconds.',
    keys.pexpire,
  ),
  spec(
    'generic',
    2,
    'TTL key',
    'O(1)',
    'Returns the time to live in seconds (-1 none, -2 no key).',
    keys.ttl,
  ),
  spec(
    'generic',
    2,
    'PTTL key',
    'O(1)',
    'Returns the time to live in milliseconds (-1 none, -2 no key).',
    keys.pttl,
  ),
  spec('generic', 2, 'PERSIST key', 'O(1)', 'Removes the time to live.', keys.persist),
  spec(
    'generic',
    3,
    'RENAME key newkey',
    'O(1)',
    'Renames a key, overwriting newkey.',
    keys.rename,
  ),
  spec('server', 1, 'DBSIZE', 'O(1)', 'Returns the number of keys.', keys.dbsize),
  spec(
    'server',
    -1,
    'FLUSHALL [ASYNC|SYNC]',
    'O(N) where N is the total number of keys in all databases',
    'Deletes every key.',
    keys.flushall,
  ),
  spec('string', 2, 'GET key', 'O(1)', 'Returns the string value of a key, or nil.', strings.get),
  spec(
    'string',
    -3,
    'SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]',
    'O(1)',
    'Sets a string value, optionally with a time to live or a condition.',
    strings.set,
  ),
  spec('string', 2, 'INCR key', 'O(1)', 'Adds 1 to the integer stored at key.', strings.incr),
  spec(
    'string',
    3,
    'INCRBY key increment',
    'O(1)',
    'Adds increment to the integer stored at key.',
    strings.incrby,
  ),
  spec(
    'string',
    -2,
    'MGET key [key ...]',
    'O(N) where N is the number of keys to retrieve.',
    'Returns the values of several keys.',
    strings.mget,
  ),
  spec(
    'hash',
    -4,
    'HSET key field value [field value ...]',
    'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    'Sets fields of a hash; returns how many were new.',
    hashes.hset,
  ),
  spec('hash', 3, 'HGET key field', 'O(1)', 'Returns the value of a field.', hashes.hget),
  spec(
    'hash',
    -3,
    'HMGET key field [field ...]',
    'O(N) where N is the number of fields being requested.',
    'Returns the values of several fields.',
    hashes.hmget,
  ),
  spec(
    'hash',
    2,
    'HGETALL key',
    'O(N) where N is the size of the hash.',
    'Returns every field and value.',
    hashes.hgetall,
  ),
  spec(
    'hash',
    4,
    'HINCRBY key field increment',
    'O(1)',
    'Adds increment to the integer in a field.',
    hashes.hincrby,
  ),
  spec(
    'hash',
    -3,
    'HDEL key field [field ...]',
    'O(N) where N is the number of fields to be removed.',
    'Deletes fields.',
    hashes.hdel,
  ),
  spec(
    'set',
    -3,
    'SADD key member [member ...]',
    'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    'Adds members to a set.',
    sets.sadd,
  ),
  spec(
    'set',
    -3,
    'SREM key member [member ...]',
    'O(N) where N is the number of members to be removed.',
    'Removes members from a set.',
    sets.srem,
  ),
  spec(
    'set',
    2,
    'SMEMBERS key',
    'O(N) where N is the set cardinality.',
    'Returns every member of a set.',
    sets.smembers,
  ),
  spec(
    'set',
    3,
    'SISMEMBER key member',
    'O(1)',
    'Returns 1 if the member is in the set.',
    sets.sismember,
  ),
  spec('set', 2, 'SCARD key', 'O(1)', 'Returns the number of members of a set.', sets.scard),
  spec('transactions', 1, 'MULTI', 'O(1)', 'Starts a transaction: later commands are queued.'),
  spec(
    'transactions',
    1,
    'EXEC',
    'Depends on commands in the transaction',
    'Runs the queued commands atomically and returns their replies.',
  ),
  spec(
    'transactions',
    1,
    'DISCARD',
    'O(N), when N is the number of queued commands',
    'Drops the queued commands.',
  ),
  spec(
    'server',
    -2,
    'OBJECT ENCODING key',
    'O(1)',
    'Returns the internal encoding: listpack or skiplist for a sorted set.',
    server.object,
  ),
  spec('server', -1, 'PING [message]', 'O(1)', 'Returns PONG, or the message.', server.ping),
  spec('server', 2, 'ECHO message', 'O(1)', 'Returns the message.', server.echo),
];

/** Every supported command by lowercase name. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  ALL.map((c) => [c.name.toLowerCase(), c]),
);

/** Upper-case names of every supported command, sorted, for tab completion. */
export const COMMAND_NAMES: readonly string[] = ALL.map((c) => c.name).sort();

/** Help for every command (syntax, complexity, summary), in table order. */
export const COMMAND_HELP: readonly CommandHelp[] = ALL.map(
  ({ name, syntax, complexity, summary, group }) => ({ name, syntax, complexity, summary, group }),
);

/** Help for one command by name (any case), or undefined. O(1). */
export function commandHelp(name: string): CommandHelp | undefined {
  const c = COMMANDS.get(name.toLowerCase());
  return (
    c && {
      name: c.name,
      syntax: c.syntax,
      complexity: c.complexity,
      summary: c.summary,
      group: c.group,
    }
  );
}

/** Command names starting with `prefix` (any case), for tab completion. O(commands). */
export function completeCommand(prefix: string): string[] {
  const p = prefix.toUpperCase();
  return COMMAND_NAMES.filter((n) => n.startsWith(p));
}
