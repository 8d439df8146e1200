import { memoryUsage } from '../memory-usage';
import { parseLongLong } from '../numbers';
import {
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
  ErrorReply,
  StatusReply,
  arityError,
  type Reply,
} from '../reply';
import { type Handler, isOption } from './context';

/* Connection and introspection commands. */

/** What an empty Redis 7.0 reports as used_memory (the guide's recipe starts from 939,232). */
const STARTUP_MEMORY = 876_208;

const human = (n: number) => {
  const units = ['B', 'K', 'M', 'G', 'T'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n}B` : `${v.toFixed(2)}${units[u]}`;
};

/**
 * INFO [section …]: the server, memory and keyspace sections, with memory
 * modelled like MEMORY USAGE (the keys' sizes plus Redis's start-up
 * footprint and the key table); the other sections describe a process the
 * tab does not have and come back empty. O(keys) for the memory section.
 */
export const info: Handler = (ctx, argv) => {
  const wanted = new Set(argv.slice(1).map((a) => a.toLowerCase()));
  const all =
    wanted.size === 0 || wanted.has('all') || wanted.has('default') || wanted.has('everything');
  const parts: string[] = [];
  if (all || wanted.has('server')) {
    parts.push(
      [
        '# Server',
        'redis_version:7.0.15',
        'redis_mode:standalone',
        'arch_bits:64',
        'mem_allocator_model:jemalloc-5.3.0',
        'executable:in-browser engine (Leaderboard Lab)',
      ].join('\r\n'),
    );
  }
  if (all || wanted.has('memory')) {
    const db = ctx.db;
    let dataset = 0;
    for (const key of db.keys()) dataset += memoryUsage(key, db.data.get(key)!, 5);
    let slots = 4;
    while (slots < db.data.size) slots *= 2;
    const overhead = STARTUP_MEMORY + slots * 8 + (db.expires.size ? db.expires.size * 32 : 0);
    const used = overhead + dataset;
    parts.push(
      [
        '# Memory',
        `used_memory:${used}`,
        `used_memory_human:${human(used)}`,
        `used_memory_overhead:${overhead}`,
        `used_memory_startup:${STARTUP_MEMORY}`,
        `used_memory_dataset:${dataset}`,
        'maxmemory:0',
        'maxmemory_human:0B',
        'maxmemory_policy:noeviction',
        'mem_allocator:jemalloc-5.3.0 (modelled)',
      ].join('\r\n'),
    );
  }
  if (all || wanted.has('keyspace')) {
    const lines = ['# Keyspace'];
    const keys = ctx.db.size;
    if (keys > 0) lines.push(`db0:keys=${keys},expires=${ctx.db.expires.size},avg_ttl=0`);
    parts.push(lines.join('\r\n'));
  }
  return parts.length ? parts.join('\r\n\r\n') + '\r\n' : '';
};

/** PING [message] */
export const ping: Handler = (_ctx, argv) => {
  if (argv.length > 2) return arityError('ping');
  return argv.length === 2 ? argv[1]! : new StatusReply('PONG');
};

/** ECHO message */
export const echo: Handler = (_ctx, argv) => argv[1]!;

/** A HELP reply: one status line each, as addReplyHelp sends them. */
function helpReply(lines: string[]): Reply {
  return lines.map((l) => new StatusReply(l));
}

const OBJECT_HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

/**
 * OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT key, OBJECT HELP. The subcommand
 * and its arity were checked by the engine (container commands are checked
 * before MULTI queues them).
 */
export const object: Handler = (ctx, argv) => {
  const sub = argv[1]!;
  if (isOption(sub, 'help')) return helpReply(OBJECT_HELP);
  const v = ctx.db.peek(argv[2]!);
  if (v === undefined) return null;
  if (isOption(sub, 'encoding')) return v.type === 'string' ? v.encoding : v.encoding;
  if (isOption(sub, 'refcount')) return v.type === 'string' && v.shared ? 2147483647 : 1;
  if (isOption(sub, 'idletime')) return Math.max(0, Math.floor((ctx.db.clock() - v.lru) / 1000));
  return new ErrorReply(
    'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
  );
};

const MEMORY_HELP = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
  'HELP',
  '    Prints this help.',
];

/**
 * MEMORY USAGE key [SAMPLES count]: what Redis 7.0 would report for the
 * value (a model, see memory-usage.ts), and MEMORY HELP. The server-wide
 * subcommands describe a process the engine does not have, so they say so.
 */
export const memory: Handler = (ctx, argv) => {
  const sub = argv[1]!;
  if (isOption(sub, 'help')) return helpReply(MEMORY_HELP);
  if (!isOption(sub, 'usage')) {
    return new ErrorReply(
      `ERR MEMORY ${sub.toUpperCase()} describes a redis-server process; this in-browser engine models only MEMORY USAGE`,
    );
  }
  let samples = 5;
  for (let j = 3; j < argv.length; j++) {
    if (isOption(argv[j]!, 'samples') && j + 1 < argv.length) {
      const n = parseLongLong(argv[j + 1]!);
      if (n === null) return ERR_NOT_INTEGER;
      if (n < 0n) return ERR_SYNTAX;
      samples = n === 0n || n > 1_000_000_000n ? 0 : Number(n);
      j++;
    } else return ERR_SYNTAX;
  }
  const key = argv[2]!;
  const v = ctx.db.peek(key);
  if (v === undefined) return null;
  return memoryUsage(key, v, samples);
};
