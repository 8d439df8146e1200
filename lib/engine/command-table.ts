import { COMMAND_HELP, type CommandHelp } from './command-help';
import type { Handler } from './commands/context';
import * as hashes from './commands/hashes';
import * as keys from './commands/keys';
import * as server from './commands/server';
import * as sets from './commands/sets';
import * as sortedSet from './commands/sorted-set';
import * as strings from './commands/strings';

/** A command the engine runs: its help (with arity) plus its implementation. */
export interface CommandSpec extends CommandHelp {
  /** Undefined for MULTI / EXEC / DISCARD, which the engine handles itself. */
  handler?: Handler;
}

/** Where each command is implemented: commands/<family>.ts, one export per command. */
const HANDLERS: Record<string, Handler> = {
  zadd: sortedSet.zadd,
  zincrby: sortedSet.zincrby,
  zscore: sortedSet.zscore,
  zmscore: sortedSet.zmscore,
  zcard: sortedSet.zcard,
  zcount: sortedSet.zcount,
  zrank: sortedSet.zrank,
  zrevrank: sortedSet.zrevrank,
  zrange: sortedSet.zrange,
  zrevrange: sortedSet.zrevrange,
  zrangebyscore: sortedSet.zrangebyscore,
  zrevrangebyscore: sortedSet.zrevrangebyscore,
  zrem: sortedSet.zrem,
  zremrangebyrank: sortedSet.zremrangebyrank,
  zremrangebyscore: sortedSet.zremrangebyscore,
  zpopmax: sortedSet.zpopmax,
  zpopmin: sortedSet.zpopmin,
  zunionstore: sortedSet.zunionstore,
  zinterstore: sortedSet.zinterstore,
  zrandmember: sortedSet.zrandmember,
  del: keys.del,
  exists: keys.exists,
  type: keys.type,
  keys: keys.keys,
  scan: keys.scan,
  expire: keys.expire,
  pexpire: keys.pexpire,
  ttl: keys.ttl,
  pttl: keys.pttl,
  persist: keys.persist,
  rename: keys.rename,
  dbsize: keys.dbsize,
  flushall: keys.flushall,
  get: strings.get,
  set: strings.set,
  incr: strings.incr,
  incrby: strings.incrby,
  mget: strings.mget,
  hset: hashes.hset,
  hget: hashes.hget,
  hmget: hashes.hmget,
  hgetall: hashes.hgetall,
  hincrby: hashes.hincrby,
  hdel: hashes.hdel,
  sadd: sets.sadd,
  srem: sets.srem,
  smembers: sets.smembers,
  sismember: sets.sismember,
  scard: sets.scard,
  object: server.object,
  ping: server.ping,
  echo: server.echo,
};

/** Every supported command by lowercase name. O(1) lookup. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  COMMAND_HELP.map((h) => {
    const name = h.name.toLowerCase();
    return [name, { ...h, handler: HANDLERS[name] }];
  }),
);
