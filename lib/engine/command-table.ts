import { COMMAND_HELP, type CommandHelp } from './command-help';
import type { Handler } from './commands/context';
import * as hashes from './commands/hashes';
import * as keys from './commands/keys';
import * as scripting from './commands/scripting';
import * as server from './commands/server';
import * as sets from './commands/sets';
import * as sortedSet from './commands/sorted-set';
import * as strings from './commands/strings';
import * as transactions from './commands/transactions';

/** A command the engine runs: its help (with arity) plus its implementation. */
export interface CommandSpec extends CommandHelp {
  /** Undefined for MULTI / EXEC / DISCARD, which the engine handles itself. */
  handler?: Handler;
  /** Refused inside scripts ("This Redis command is not allowed from script"). */
  noScript: boolean;
}

/** Where each command is implemented: commands/<family>.ts, one export per command. */
const HANDLERS: Record<string, Handler> = {
  zadd: sortedSet.zadd,
  zincrby: sortedSet.zincrby,
  zscore: sortedSet.zscore,
  zmscore: sortedSet.zmscore,
  zcard: sortedSet.zcard,
  zcount: sortedSet.zcount,
  zlexcount: sortedSet.zlexcount,
  zrank: sortedSet.zrank,
  zrevrank: sortedSet.zrevrank,
  zrange: sortedSet.zrange,
  zrangestore: sortedSet.zrangestore,
  zrevrange: sortedSet.zrevrange,
  zrangebyscore: sortedSet.zrangebyscore,
  zrevrangebyscore: sortedSet.zrevrangebyscore,
  zrangebylex: sortedSet.zrangebylex,
  zrevrangebylex: sortedSet.zrevrangebylex,
  zrem: sortedSet.zrem,
  zremrangebyrank: sortedSet.zremrangebyrank,
  zremrangebyscore: sortedSet.zremrangebyscore,
  zremrangebylex: sortedSet.zremrangebylex,
  zpopmax: sortedSet.zpopmax,
  zpopmin: sortedSet.zpopmin,
  zmpop: sortedSet.zmpop,
  bzpopmin: sortedSet.bzpopmin,
  bzpopmax: sortedSet.bzpopmax,
  bzmpop: sortedSet.bzmpop,
  zunionstore: sortedSet.zunionstore,
  zinterstore: sortedSet.zinterstore,
  zdiffstore: sortedSet.zdiffstore,
  zunion: sortedSet.zunion,
  zinter: sortedSet.zinter,
  zdiff: sortedSet.zdiff,
  zintercard: sortedSet.zintercard,
  zrandmember: sortedSet.zrandmember,
  zscan: sortedSet.zscan,
  del: keys.del,
  unlink: keys.unlink,
  exists: keys.exists,
  touch: keys.touch,
  type: keys.type,
  keys: keys.keys,
  scan: keys.scan,
  expire: keys.expire,
  pexpire: keys.pexpire,
  expireat: keys.expireat,
  pexpireat: keys.pexpireat,
  expiretime: keys.expiretime,
  pexpiretime: keys.pexpiretime,
  ttl: keys.ttl,
  pttl: keys.pttl,
  persist: keys.persist,
  rename: keys.rename,
  renamenx: keys.renamenx,
  copy: keys.copy,
  dbsize: keys.dbsize,
  flushall: keys.flushall,
  flushdb: keys.flushall,
  get: strings.get,
  getex: strings.getex,
  set: strings.set,
  setex: strings.setex,
  psetex: strings.psetex,
  mset: strings.mset,
  strlen: strings.strlen,
  incr: strings.incr,
  incrby: strings.incrby,
  decr: strings.decr,
  decrby: strings.decrby,
  incrbyfloat: strings.incrbyfloat,
  mget: strings.mget,
  hset: hashes.hset,
  hmset: hashes.hmset,
  hget: hashes.hget,
  hmget: hashes.hmget,
  hexists: hashes.hexists,
  hlen: hashes.hlen,
  hgetall: hashes.hgetall,
  hincrby: hashes.hincrby,
  hdel: hashes.hdel,
  hscan: hashes.hscan,
  sadd: sets.sadd,
  srem: sets.srem,
  smembers: sets.smembers,
  sismember: sets.sismember,
  scard: sets.scard,
  sscan: sets.sscan,
  watch: transactions.watch,
  unwatch: transactions.unwatch,
  eval: scripting.evalCommand,
  evalsha: scripting.evalsha,
  script: scripting.script,
  object: server.object,
  memory: server.memory,
  info: server.info,
  ping: server.ping,
  echo: server.echo,
};

/** Redis 7.0 flags these "noscript": a script calling them gets an error. */
const NO_SCRIPT = new Set([
  'multi',
  'exec',
  'discard',
  'watch',
  'unwatch',
  'eval',
  'evalsha',
  'script',
  'bzpopmin',
  'bzpopmax',
]);

/** Every supported command by lowercase name. O(1) lookup. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  COMMAND_HELP.map((h) => {
    const name = h.name.toLowerCase();
    return [name, { ...h, handler: HANDLERS[name], noScript: NO_SCRIPT.has(name) }];
  }),
);
