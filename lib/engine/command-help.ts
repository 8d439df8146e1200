/**
 * What HELP prints and what tab completion offers: for every command the
 * engine supports, its syntax, its time complexity as the Redis docs state
 * it, and one line on what it does. Pure data with no engine code, so the
 * console can import it on the main thread without pulling in the engine.
 */

/** The documentation of one command. */
export interface CommandHelp {
  /** Upper-case name, e.g. "ZREVRANK". */
  name: string;
  /** Syntax as in the Redis docs, e.g. "ZREVRANK key member". */
  syntax: string;
  /** Time complexity as the Redis docs state it. */
  complexity: string;
  /** One line: what it does. */
  summary: string;
  group:
    'sorted-set' | 'generic' | 'string' | 'hash' | 'set' | 'transactions' | 'scripting' | 'server';
  /** Redis arity: n = exactly n arguments including the name, -n = at least n. */
  arity: number;
}

const LOG_N_M =
  'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.';

function help(
  group: CommandHelp['group'],
  arity: number,
  syntax: string,
  complexity: string,
  summary: string,
): CommandHelp {
  return { name: syntax.split(' ')[0]!, group, arity, syntax, complexity, summary };
}

/** Help for every supported command, in the order HELP lists them. */
export const COMMAND_HELP: readonly CommandHelp[] = [
  help(
    'sorted-set',
    -4,
    'ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]',
    'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    'Adds members with scores, or updates the scores of existing members.',
  ),
  help(
    'sorted-set',
    4,
    'ZINCRBY key increment member',
    'O(log(N)) where N is the number of elements in the sorted set.',
    "Adds increment to a member's score (creating it at 0) and returns the new score.",
  ),
  help('sorted-set', 3, 'ZSCORE key member', 'O(1)', 'Returns the score of a member, or nil.'),
  help(
    'sorted-set',
    -3,
    'ZMSCORE key member [member ...]',
    'O(N) where N is the number of members being requested.',
    'Returns the scores of several members (nil for missing ones).',
  ),
  help('sorted-set', 2, 'ZCARD key', 'O(1)', 'Returns the number of members.'),
  help(
    'sorted-set',
    4,
    'ZCOUNT key min max',
    'O(log(N)) with N being the number of elements in the sorted set.',
    'Counts members with a score between min and max (use ( for exclusive, -inf/+inf).',
  ),
  help(
    'sorted-set',
    3,
    'ZRANK key member',
    'O(log(N))',
    'Returns the 0-based position of a member, lowest score first.',
  ),
  help(
    'sorted-set',
    3,
    'ZREVRANK key member',
    'O(log(N))',
    'Returns the 0-based position of a member, highest score first: a leaderboard rank.',
  ),
  help(
    'sorted-set',
    -4,
    'ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
    LOG_N_M,
    'Returns members in a range of ranks, scores or members.',
  ),
  help(
    'sorted-set',
    -4,
    'ZREVRANGE key start stop [WITHSCORES]',
    LOG_N_M,
    'Returns members in a range of ranks, highest score first (the top-N).',
  ),
  help(
    'sorted-set',
    -4,
    'ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Returns members with a score between min and max, lowest first.',
  ),
  help(
    'sorted-set',
    -4,
    'ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Returns members with a score between max and min, highest first.',
  ),
  help(
    'sorted-set',
    -5,
    'ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
    'Stores a range of src (by rank, score or member) in dst, e.g. a frozen snapshot of the top 1,000.',
  ),
  help(
    'sorted-set',
    -4,
    'ZRANGEBYLEX key min max [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Returns members between min and max by byte order ([a inclusive, (a exclusive, - and +); for equal scores.',
  ),
  help(
    'sorted-set',
    -4,
    'ZREVRANGEBYLEX key max min [LIMIT offset count]',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    'Like ZRANGEBYLEX, from max down to min.',
  ),
  help(
    'sorted-set',
    4,
    'ZLEXCOUNT key min max',
    'O(log(N)) with N being the number of elements in the sorted set.',
    'Counts members between min and max by byte order (for equal scores).',
  ),
  help(
    'sorted-set',
    -3,
    'ZSCAN key cursor [MATCH pattern] [COUNT count]',
    'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    'Iterates members and scores; every member present throughout is returned at least once.',
  ),
  help(
    'sorted-set',
    -3,
    'ZREM key member [member ...]',
    'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    'Removes members.',
  ),
  help(
    'sorted-set',
    4,
    'ZREMRANGEBYRANK key start stop',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    'Removes the members in a range of ranks.',
  ),
  help(
    'sorted-set',
    4,
    'ZREMRANGEBYSCORE key min max',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    'Removes the members with a score between min and max.',
  ),
  help(
    'sorted-set',
    4,
    'ZREMRANGEBYLEX key min max',
    'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    'Removes members between min and max by byte order (for equal scores).',
  ),
  help(
    'sorted-set',
    -2,
    'ZPOPMAX key [count]',
    'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    'Removes and returns the members with the highest scores.',
  ),
  help(
    'sorted-set',
    -2,
    'ZPOPMIN key [count]',
    'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    'Removes and returns the members with the lowest scores.',
  ),
  help(
    'sorted-set',
    -4,
    'ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]',
    'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    'Pops up to count members from the first non-empty sorted set.',
  ),
  help(
    'sorted-set',
    -3,
    'BZPOPMIN key [key ...] timeout',
    'O(log(N)) with N being the number of elements in the sorted set.',
    'ZPOPMIN over several keys; here nothing else can add to an empty key, so it answers at once (nil after a timeout, an error for 0).',
  ),
  help(
    'sorted-set',
    -3,
    'BZPOPMAX key [key ...] timeout',
    'O(log(N)) with N being the number of elements in the sorted set.',
    'ZPOPMAX over several keys; answers at once like BZPOPMIN.',
  ),
  help(
    'sorted-set',
    -5,
    'BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]',
    'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    'ZMPOP that would block; answers at once like BZPOPMIN.',
  ),
  help(
    'sorted-set',
    -4,
    'ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]',
    'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    'Stores the union of sorted sets (and sets), combining scores.',
  ),
  help(
    'sorted-set',
    -4,
    'ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]',
    'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    'Stores the intersection of sorted sets (and sets), combining scores.',
  ),
  help(
    'sorted-set',
    -3,
    'ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]',
    'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    'Returns the union of sorted sets (scores added, or MIN/MAX).',
  ),
  help(
    'sorted-set',
    -3,
    'ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]',
    'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    'Returns the members present in every input.',
  ),
  help(
    'sorted-set',
    -3,
    'ZDIFF numkeys key [key ...] [WITHSCORES]',
    'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    'Returns the members of the first set that are in no other.',
  ),
  help(
    'sorted-set',
    -4,
    'ZDIFFSTORE destination numkeys key [key ...]',
    'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    'Stores the members of the first set that are in no other.',
  ),
  help(
    'sorted-set',
    -3,
    'ZINTERCARD numkeys key [key ...] [LIMIT limit]',
    'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
    'Counts the members present in every input (stopping at limit).',
  ),
  help(
    'sorted-set',
    -2,
    'ZRANDMEMBER key [count [WITHSCORES]]',
    'O(N) where N is the number of members returned',
    'Returns random members (a negative count allows repeats).',
  ),
  help(
    'generic',
    -2,
    'DEL key [key ...]',
    'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    'Deletes keys and returns how many existed.',
  ),
  help(
    'generic',
    -2,
    'UNLINK key [key ...]',
    'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
    'Deletes keys (Redis frees their memory in the background).',
  ),
  help(
    'generic',
    -3,
    'COPY source destination [DB destination-db] [REPLACE]',
    'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
    'Copies a value (and its expiry) to another key.',
  ),
  help(
    'generic',
    -2,
    'TOUCH key [key ...]',
    'O(N) where N is the number of keys that will be touched.',
    'Counts existing keys and marks them accessed.',
  ),
  help(
    'generic',
    -2,
    'EXISTS key [key ...]',
    'O(N) where N is the number of keys to check.',
    'Counts how many of the keys exist.',
  ),
  help(
    'generic',
    2,
    'TYPE key',
    'O(1)',
    'Returns the type of the value: string, hash, set, zset or none.',
  ),
  help(
    'generic',
    2,
    'KEYS pattern',
    'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    'Returns every key matching a glob pattern.',
  ),
  help(
    'generic',
    -2,
    'SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]',
    'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    'Iterates over keys a few at a time.',
  ),
  help(
    'generic',
    -3,
    'EXPIRE key seconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets a time to live in seconds.',
  ),
  help(
    'generic',
    -3,
    'PEXPIRE key milliseconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets a time to live in milliseconds.',
  ),
  help(
    'generic',
    -3,
    'EXPIREAT key unix-time-seconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets an absolute expiry time in seconds since 1970.',
  ),
  help(
    'generic',
    -3,
    'PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT]',
    'O(1)',
    'Sets an absolute expiry time in milliseconds since 1970.',
  ),
  help(
    'generic',
    2,
    'EXPIRETIME key',
    'O(1)',
    'Returns the absolute expiry time in seconds (-1 none, -2 no key).',
  ),
  help(
    'generic',
    2,
    'PEXPIRETIME key',
    'O(1)',
    'Returns the absolute expiry time in milliseconds.',
  ),
  help(
    'generic',
    2,
    'TTL key',
    'O(1)',
    'Returns the time to live in seconds (-1 none, -2 no key).',
  ),
  help(
    'generic',
    2,
    'PTTL key',
    'O(1)',
    'Returns the time to live in milliseconds (-1 none, -2 no key).',
  ),
  help('generic', 2, 'PERSIST key', 'O(1)', 'Removes the time to live.'),
  help('generic', 3, 'RENAME key newkey', 'O(1)', 'Renames a key, overwriting newkey.'),
  help('generic', 3, 'RENAMENX key newkey', 'O(1)', 'Renames a key only if the new name is free.'),
  help('server', 1, 'DBSIZE', 'O(1)', 'Returns the number of keys.'),
  help(
    'server',
    -1,
    'FLUSHALL [ASYNC|SYNC]',
    'O(N) where N is the total number of keys in all databases',
    'Deletes every key.',
  ),
  help(
    'server',
    -1,
    'FLUSHDB [ASYNC|SYNC]',
    'O(N) where N is the number of keys in the selected database',
    'Deletes every key (the engine has one database).',
  ),
  help('string', 2, 'GET key', 'O(1)', 'Returns the string value of a key, or nil.'),
  help(
    'string',
    -2,
    'GETEX key [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|PERSIST]',
    'O(1)',
    'Returns the value and sets or clears its expiry.',
  ),
  help('string', 2, 'STRLEN key', 'O(1)', 'Returns the length of the value in bytes.'),
  help(
    'string',
    -3,
    'SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]',
    'O(1)',
    'Sets a string value, optionally with a time to live or a condition.',
  ),
  help('string', 4, 'SETEX key seconds value', 'O(1)', 'Sets a value with an expiry in seconds.'),
  help(
    'string',
    4,
    'PSETEX key milliseconds value',
    'O(1)',
    'Sets a value with an expiry in milliseconds.',
  ),
  help(
    'string',
    -3,
    'MSET key value [key value ...]',
    'O(N) where N is the number of keys to set.',
    'Sets several keys.',
  ),
  help('string', 2, 'INCR key', 'O(1)', 'Adds 1 to the integer stored at key.'),
  help('string', 3, 'INCRBY key increment', 'O(1)', 'Adds increment to the integer stored at key.'),
  help('string', 2, 'DECR key', 'O(1)', 'Subtracts 1 from an integer value (creating it at 0).'),
  help('string', 3, 'DECRBY key decrement', 'O(1)', 'Subtracts decrement from an integer value.'),
  help(
    'string',
    3,
    'INCRBYFLOAT key increment',
    'O(1)',
    "Adds a float in Redis's long double arithmetic (80-bit on x86-64), printed as Redis prints it.",
  ),
  help(
    'string',
    -2,
    'MGET key [key ...]',
    'O(N) where N is the number of keys to retrieve.',
    'Returns the values of several keys.',
  ),
  help(
    'hash',
    -4,
    'HSET key field value [field value ...]',
    'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    'Sets fields of a hash; returns how many were new.',
  ),
  help(
    'hash',
    -4,
    'HMSET key field value [field value ...]',
    'O(N) where N is the number of fields being set.',
    'Sets fields (like HSET) and replies OK.',
  ),
  help('hash', 3, 'HGET key field', 'O(1)', 'Returns the value of a field.'),
  help('hash', 3, 'HEXISTS key field', 'O(1)', 'Returns 1 if the field exists.'),
  help('hash', 2, 'HLEN key', 'O(1)', 'Returns the number of fields.'),
  help(
    'hash',
    -3,
    'HMGET key field [field ...]',
    'O(N) where N is the number of fields being requested.',
    'Returns the values of several fields.',
  ),
  help(
    'hash',
    2,
    'HGETALL key',
    'O(N) where N is the size of the hash.',
    'Returns every field and value.',
  ),
  help(
    'hash',
    4,
    'HINCRBY key field increment',
    'O(1)',
    'Adds increment to the integer in a field.',
  ),
  help(
    'hash',
    -3,
    'HDEL key field [field ...]',
    'O(N) where N is the number of fields to be removed.',
    'Deletes fields.',
  ),
  help(
    'hash',
    -3,
    'HSCAN key cursor [MATCH pattern] [COUNT count]',
    'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    'Iterates fields and values.',
  ),
  help(
    'set',
    -3,
    'SADD key member [member ...]',
    'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    'Adds members to a set.',
  ),
  help(
    'set',
    -3,
    'SREM key member [member ...]',
    'O(N) where N is the number of members to be removed.',
    'Removes members from a set.',
  ),
  help(
    'set',
    2,
    'SMEMBERS key',
    'O(N) where N is the set cardinality.',
    'Returns every member of a set.',
  ),
  help('set', 3, 'SISMEMBER key member', 'O(1)', 'Returns 1 if the member is in the set.'),
  help('set', 2, 'SCARD key', 'O(1)', 'Returns the number of members of a set.'),
  help(
    'set',
    -3,
    'SSCAN key cursor [MATCH pattern] [COUNT count]',
    'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    'Iterates members.',
  ),
  help('transactions', 1, 'MULTI', 'O(1)', 'Starts a transaction: later commands are queued.'),
  help(
    'transactions',
    1,
    'EXEC',
    'Depends on commands in the transaction',
    'Runs the queued commands atomically and returns their replies.',
  ),
  help(
    'transactions',
    1,
    'DISCARD',
    'O(N), when N is the number of queued commands',
    'Drops the queued commands.',
  ),
  help(
    'transactions',
    -2,
    'WATCH key [key ...]',
    'O(1) for every key.',
    "Makes the next EXEC fail (nil) if a watched key changes first, this client's own writes included.",
  ),
  help('transactions', 1, 'UNWATCH', 'O(1)', 'Forgets every watched key.'),
  help(
    'scripting',
    -3,
    'EVAL script numkeys [key ...] [arg ...]',
    'Depends on the script that is executed.',
    'Runs a Lua script atomically (Lua 5.4 here, Redis runs 5.1). The console stops a script after 5 s if it has not written, after 30 s if it has.',
  ),
  help(
    'scripting',
    -3,
    'EVALSHA sha1 numkeys [key ...] [arg ...]',
    'Depends on the script that is executed.',
    'Runs a script cached by EVAL or SCRIPT LOAD.',
  ),
  help(
    'scripting',
    -2,
    'SCRIPT LOAD script | EXISTS sha1 [sha1 ...] | FLUSH [ASYNC|SYNC] | KILL | HELP',
    'O(N) with N being the length in bytes of the script body (LOAD); O(N) with N being the number of scripts to check (EXISTS).',
    'Manages the script cache.',
  ),
  help(
    'server',
    -2,
    'OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT key',
    'O(1)',
    'Returns the internal encoding (listpack or skiplist for a sorted set), idle seconds or reference count.',
  ),
  help(
    'server',
    -2,
    'MEMORY USAGE key [SAMPLES count]',
    'O(N) where N is the number of samples.',
    "Bytes Redis 7.0 would use for the key: a model of Redis's structures and jemalloc's size classes, not this tab's memory.",
  ),
  help(
    'server',
    -1,
    'INFO [section [section ...]]',
    'O(1)',
    "Server, memory and keyspace sections; memory is a model of Redis 7.0's, like MEMORY USAGE.",
  ),
  help('server', -1, 'PING [message]', 'O(1)', 'Returns PONG, or the message.'),
  help('server', 2, 'ECHO message', 'O(1)', 'Returns the message.'),
];

/** Upper-case names of every supported command, sorted, for tab completion. */
export const COMMAND_NAMES: readonly string[] = COMMAND_HELP.map((c) => c.name).sort();

const BY_NAME = new Map(COMMAND_HELP.map((c) => [c.name.toLowerCase(), c]));

/** Help for one command by name (any case), or undefined. O(1). */
export function commandHelp(name: string): CommandHelp | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Command names starting with `prefix` (any case), for tab completion. O(commands). */
export function completeCommand(prefix: string): string[] {
  const p = prefix.toUpperCase();
  return COMMAND_NAMES.filter((n) => n.startsWith(p));
}
