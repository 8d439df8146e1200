/**
 * npm run bench:engine — the sorted-set engine against its targets, side by
 * side with ioredis-mock 8.9.2 and a local redis-server in one run (the
 * machine is shared and noisy, so every figure is a median of many batches,
 * interleaved round by round). Prints a table, then one JSON line.
 *
 * Targets at 1,000,000 members (integer scores 0..1e6 with ties, 12-character
 * names): ZREVRANK p50 ≤ 4 µs, top-10 ≤ 2 µs, ZCOUNT ≤ 8 µs, ZINCRBY ≥ 200k/s,
 * load ≤ 1.0 s, ≤ 120 bytes per member excluding the member strings.
 * Issue 13 adds, side by side with redis-server: the guild-delta EVAL at
 * ≥ 50,000 calls/s after the first, MEMORY USAGE of a 1M skiplist with
 * SAMPLES 0 under 50 ms (and within ±2% of Redis's figure), the guide's 1M
 * EVAL recipe, and a 2M-member load through 10k-pair ZADDs no slower than
 * redis-server through ioredis.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import Redis from 'ioredis';
import { Engine } from '../lib/engine/engine';
import { zsetBulkAdd } from '../lib/engine/zset';
import {
  createLeaderboardWorkload,
  mulberry32,
  type LeaderboardChunk,
} from '../lib/engine/workload';
import { createClient } from '../lib/engine/client';
import { CONSOLE_SCRIPT_TIME_LIMIT_MS, serveEngine } from '../lib/worker/engine-host';
import { hasRedisServer, startRedisServer } from '../lib/engine/test-support/redis-server';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SEED = 2024;
const BIG = 1_000_000;
const MID = 100_000;
const skipped: string[] = [];

type Argv = string[];

interface Stat {
  p50: number;
  p90: number;
  samples: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};
const stat = (xs: number[]): Stat => ({ p50: median(xs), p90: pct(xs, 0.9), samples: xs.length });

function generate(count: number): { chunks: LeaderboardChunk[]; members: string[]; ms: number } {
  const t = performance.now();
  const w = createLeaderboardWorkload({ seed: SEED, count });
  const chunks: LeaderboardChunk[] = [];
  for (let c = w.nextChunk(50_000); c !== null; c = w.nextChunk(50_000)) chunks.push(c);
  return { chunks, members: chunks.flatMap((c) => c.members), ms: performance.now() - t };
}

function load(engine: Engine, chunks: LeaderboardChunk[]): number {
  const t = performance.now();
  const total = chunks.reduce((n, c) => n + c.members.length, 0);
  for (const c of chunks) zsetBulkAdd(engine.db, 'lb', c.scores, c.members, total);
  return performance.now() - t;
}

/** Per-call µs for one batch of `argvs` run through the engine. */
function batchMicros(engine: Engine, argvs: Argv[], from: number, n: number): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) engine.execute(argvs[(from + i) % argvs.length]!);
  return ((performance.now() - t) * 1000) / n;
}

function workloads(members: string[], count: number, calls: number) {
  const rnd = mulberry32(SEED + count);
  const pickMember = () => members[Math.floor(rnd() * members.length)]!;
  const rank: Argv[] = [];
  const count_: Argv[] = [];
  const incr: Argv[] = [];
  for (let i = 0; i < calls; i++) {
    rank.push(['zrevrank', 'lb', pickMember()]);
    const lo = Math.floor(rnd() * 1_000_000);
    count_.push(['zcount', 'lb', String(lo), String(lo + Math.floor(rnd() * 200_000))]);
    incr.push(['zincrby', 'lb', String(1 + Math.floor(rnd() * 100)), pickMember()]);
  }
  return { rank, zcount: count_, incr, top: [['zrevrange', 'lb', '0', '9', 'WITHSCORES']] };
}

/** Runs the four operations round-robin in batches so noise hits them alike. */
function measureEngine(
  engine: Engine,
  w: ReturnType<typeof workloads>,
  rounds: number,
  batch = 200,
) {
  const out = {
    rank: [] as number[],
    top: [] as number[],
    zcount: [] as number[],
    incr: [] as number[],
  };
  const pos = { rank: 0, top: 0, zcount: 0, incr: 0 };
  for (let r = 0; r < rounds; r++) {
    for (const k of ['rank', 'top', 'zcount', 'incr'] as const) {
      out[k].push(batchMicros(engine, w[k], pos[k], batch));
      pos[k] += batch;
    }
  }
  return {
    zrevrank: stat(out.rank),
    top10: stat(out.top),
    zcount: stat(out.zcount),
    zincrby: stat(out.incr),
  };
}

function memoryBytes(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Loads through the worker's host (chunks of 25k) and reports the longest chunk. */
async function workerLoad(count: number): Promise<{ ms: number; maxTaskMs: number }> {
  let last = performance.now();
  let maxTask = 0;
  let done: (v: number) => void = () => undefined;
  const finished = new Promise<number>((r) => (done = r));
  const { handle } = serveEngine(
    (m) => {
      if (m.rpc === 'result') done((m.result as { ms: number }).ms);
      else if (m.rpc === 'error') throw new Error(m.message);
    },
    {
      yieldNow: () =>
        new Promise((resolve) =>
          setImmediate(() => {
            const now = performance.now();
            maxTask = Math.max(maxTask, now - last);
            resolve();
            last = performance.now();
          }),
        ),
    },
  );
  last = performance.now();
  await handle({ rpc: 'call', id: 1, method: 'load', params: { key: 'lb', count, seed: SEED } });
  return { ms: await finished, maxTaskMs: maxTask };
}

interface MockLike {
  zadd(key: string, ...args: (string | number)[]): Promise<unknown>;
  zrevrank(key: string, member: string): Promise<unknown>;
  zrevrange(key: string, a: number, b: number, w: string): Promise<unknown>;
  zcount(key: string, a: string, b: string): Promise<unknown>;
  zincrby(key: string, by: number, member: string): Promise<unknown>;
  disconnect(): void;
}

async function timeAsync(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push((performance.now() - t) * 1000);
  }
  return xs;
}

async function benchMock(members: string[], chunks: LeaderboardChunk[]) {
  let mod: { default: new (opts?: object) => MockLike };
  try {
    const name = 'ioredis-mock';
    mod = (await import(name)) as typeof mod;
  } catch (e) {
    skipped.push(`ioredis-mock: cannot import (${(e as Error).message})`);
    return null;
  }
  const mock = new mod.default({ port: 16379 });
  const t = performance.now();
  for (const c of chunks) {
    for (let i = 0; i < c.members.length; i += 1000) {
      const args: (string | number)[] = [];
      for (let j = i; j < Math.min(i + 1000, c.members.length); j++) {
        args.push(c.scores[j]!, c.members[j]!);
      }
      await mock.zadd('lb', ...args);
    }
  }
  const loadMs = performance.now() - t;
  const rnd = mulberry32(7);
  const pick = () => members[Math.floor(rnd() * members.length)]!;
  const calls = 5;
  const res = {
    loadMs,
    calls,
    zrevrank: stat(await timeAsync(() => mock.zrevrank('lb', pick()), calls)),
    top10: stat(await timeAsync(() => mock.zrevrange('lb', 0, 9, 'WITHSCORES'), calls)),
    zcount: stat(await timeAsync(() => mock.zcount('lb', '1000', '200000'), calls)),
    zincrby: stat(await timeAsync(() => mock.zincrby('lb', 5, pick()), calls)),
  };
  mock.disconnect();
  return res;
}

async function benchRedis(chunks: LeaderboardChunk[], members: string[]) {
  if (!hasRedisServer()) {
    skipped.push('redis-server: /usr/bin/redis-server not found');
    return null;
  }
  const server = await startRedisServer();
  const redis = new Redis({ port: server.port, host: '127.0.0.1' });
  try {
    const t = performance.now();
    for (const c of chunks) {
      const p = redis.pipeline();
      for (let i = 0; i < c.members.length; i += 1000) {
        const args: (string | number)[] = [];
        for (let j = i; j < Math.min(i + 1000, c.members.length); j++)
          args.push(c.scores[j]!, c.members[j]!);
        p.zadd('lb', ...args);
      }
      await p.exec();
    }
    const loadMs = performance.now() - t;
    const memory = Number(await redis.call('memory', 'usage', 'lb', 'samples', '0'));
    await redis.call('config', 'resetstat');
    const w = workloads(members, BIG, 20_000);
    for (const [name, argvs] of [
      ['zrevrank', w.rank],
      ['zcount', w.zcount],
      ['zincrby', w.incr],
    ] as const) {
      for (let i = 0; i < argvs.length; i += 1000) {
        const p = redis.pipeline();
        for (const a of argvs.slice(i, i + 1000)) p.call(a[0]!, ...a.slice(1));
        await p.exec();
      }
      void name;
    }
    for (let i = 0; i < 20; i++) {
      const p = redis.pipeline();
      for (let j = 0; j < 1000; j++) p.zrevrange('lb', 0, 9, 'WITHSCORES');
      await p.exec();
    }
    const info = (await redis.info('commandstats')) as string;
    const usec = (cmd: string) => {
      const m = new RegExp(`cmdstat_${cmd}:calls=(\\d+),usec=(\\d+),usec_per_call=([\\d.]+)`).exec(
        info,
      );
      return m ? Number(m[3]) : NaN;
    };
    return {
      version: ((await redis.info('server')) as string).match(/redis_version:(\S+)/)?.[1] ?? '?',
      loadMs,
      bytesPerMember: memory / BIG,
      usecPerCall: {
        zrevrank: usec('zrevrank'),
        top10: usec('zrevrange'),
        zcount: usec('zcount'),
        zincrby: usec('zincrby'),
      },
    };
  } finally {
    await redis.quit();
    await server.stop();
  }
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** The guild-delta write: read the old score, ZADD GT, add the gain to the guild. */
const GUILD_DELTA = `local old = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '0')
local new = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], 'GT', new, ARGV[1])
if new > old then
  redis.call('ZINCRBY', KEYS[2], new - old, ARGV[3])
end
return new - old`;

/** The measurement recipe of estimates.mdx: 1M members with 14-byte names. */
const RECIPE =
  "for i=1,1000000 do redis.call('ZADD', KEYS[1], math.random(1,10000000), string.format('player:%07d', i)) end return 1";

const GUILD_CALLS = 20_000;
const LOAD_2M = 2_000_000;

function guildArgs(i: number): string[] {
  const rnd = mulberry32(i);
  return [
    GUILD_DELTA,
    '2',
    'lb:season',
    'lb:guilds',
    playerName14(Math.floor(rnd() * 100_000)),
    String(Math.floor(rnd() * 1_000_000)),
    `guild:${Math.floor(rnd() * 2000)}`,
  ];
}

const playerName14 = (i: number) => `player:${String(i).padStart(7, '0')}`;

/** 10k-pair ZADD batches of 2M members in index order with seeded random scores. */
function zaddBatches(): (string | number)[][] {
  const rnd = mulberry32(SEED);
  const out: (string | number)[][] = [];
  for (let i = 0; i < LOAD_2M; i += 10_000) {
    const args: (string | number)[] = [];
    for (let j = i; j < i + 10_000; j++)
      args.push(Math.floor(rnd() * 10_000_000), playerName14(j + 1));
    out.push(args);
  }
  return out;
}

interface ScriptingFigures {
  /** Through Engine.execute, the path the console's worker takes. */
  guildCallsPerSec: number;
  /** Through the ioredis-shaped client (argument conversion and promises included). */
  guildClientCallsPerSec: number;
  guildFirstCallMs: number;
  recipeMs: number;
  memoryUsage: number;
  memoryUsageMs: number;
  load2MMs: number;
}

/** The engine's side: guild EVAL rate, the 1M recipe, MEMORY USAGE, the 2M load. */
async function benchEngineScripting(): Promise<ScriptingFigures> {
  const client = createClient({ scriptTimeLimitMs: 120_000 });
  const t0 = performance.now();
  await client.call('eval', ...guildArgs(0));
  const guildFirstCallMs = performance.now() - t0;
  const rates: number[] = [];
  const clientRates: number[] = [];
  const argvs = Array.from({ length: GUILD_CALLS / 10 }, (_, i) => ['eval', ...guildArgs(i + 1)]);
  for (let round = 0; round < 10; round++) {
    const t = performance.now();
    for (const argv of argvs) client.engine.execute(argv);
    rates.push((argvs.length / (performance.now() - t)) * 1000);
    const tc = performance.now();
    for (const [, ...args] of argvs) await client.call('eval', ...args);
    clientRates.push((argvs.length / (performance.now() - tc)) * 1000);
  }
  const tr = performance.now();
  await client.call('eval', RECIPE, '1', 'lb:test');
  const recipeMs = performance.now() - tr;
  gc();
  let memoryUsage = 0;
  const memoryRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const tm = performance.now();
    memoryUsage = Number(client.engine.execute(['memory', 'usage', 'lb:test', 'samples', '0']));
    memoryRuns.push(performance.now() - tm);
  }
  const memoryUsageMs = median(memoryRuns);
  const batches = zaddBatches();
  gc();
  const tl = performance.now();
  for (const b of batches) await client.zadd('lb:2m', ...b);
  const load2MMs = performance.now() - tl;
  return {
    guildCallsPerSec: median(rates),
    guildClientCallsPerSec: median(clientRates),
    guildFirstCallMs,
    recipeMs,
    memoryUsage,
    memoryUsageMs,
    load2MMs,
  };
}

/** The same on redis-server: in-server time per EVAL, the recipe, MEMORY USAGE, 2M through ioredis. */
async function benchRedisScripting(): Promise<ScriptingFigures | null> {
  if (!hasRedisServer()) return null;
  const server = await startRedisServer();
  const redis = new Redis({ port: server.port, host: '127.0.0.1' });
  try {
    await redis.call('eval', ...guildArgs(0));
    await redis.call('config', 'resetstat');
    for (let i = 1; i <= GUILD_CALLS; i += 1000) {
      const p = redis.pipeline();
      for (let j = i; j < i + 1000; j++) p.call('eval', ...guildArgs(j));
      await p.exec();
    }
    const info = (await redis.info('commandstats')) as string;
    const usec = Number(/cmdstat_eval:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(info)?.[1]);
    const tr = performance.now();
    await redis.call('eval', RECIPE, '1', 'lb:test');
    const recipeMs = performance.now() - tr;
    const tm = performance.now();
    const memoryUsage = Number(await redis.call('memory', 'usage', 'lb:test', 'samples', '0'));
    const memoryUsageMs = performance.now() - tm;
    const batches = zaddBatches();
    const tl = performance.now();
    for (const b of batches) await redis.zadd('lb:2m', ...b);
    const load2MMs = performance.now() - tl;
    return {
      guildCallsPerSec: 1e6 / usec,
      guildClientCallsPerSec: NaN,
      guildFirstCallMs: NaN,
      recipeMs,
      memoryUsage,
      memoryUsageMs,
      load2MMs,
    };
  } finally {
    await redis.quit();
    await server.stop();
  }
}

/** Prints the scripting and memory table; returns its figures for the JSON line. */
async function scriptingSection() {
  const engine = await benchEngineScripting();
  gc();
  const redis = await benchRedisScripting().catch((e: unknown) => {
    skipped.push(`redis-server scripting: failed (${(e as Error).message})`);
    return null;
  });
  const r = (k: keyof ScriptingFigures, d = 0) => fmt(redis?.[k] ?? NaN, d);
  const rows = [
    ['metric', 'engine', 'target', 'redis-server', 'engine / redis'],
    [
      'guild-delta EVAL calls/s (engine, as the console runs it)',
      fmt(engine.guildCallsPerSec, 0),
      '≥ 50000',
      `${r('guildCallsPerSec')} (in-server)`,
      fmt(engine.guildCallsPerSec / (redis?.guildCallsPerSec ?? NaN)),
    ],
    [
      '  … through the ioredis-shaped client',
      fmt(engine.guildClientCallsPerSec, 0),
      '',
      '',
      fmt(engine.guildClientCallsPerSec / (redis?.guildCallsPerSec ?? NaN)),
    ],
    ['first EVAL ms (loads the Lua VM)', fmt(engine.guildFirstCallMs, 0), '', '', ''],
    [
      'estimates.mdx recipe: EVAL of 1M ZADDs, ms',
      fmt(engine.recipeMs, 0),
      `< ${CONSOLE_SCRIPT_TIME_LIMIT_MS} (console limit)`,
      r('recipeMs'),
      fmt(engine.recipeMs / (redis?.recipeMs ?? NaN)),
    ],
    [
      'MEMORY USAGE lb:test SAMPLES 0 (1M), bytes',
      fmt(engine.memoryUsage, 0),
      '±2% of Redis',
      r('memoryUsage'),
      fmt(engine.memoryUsage / (redis?.memoryUsage ?? NaN), 4),
    ],
    [
      'MEMORY USAGE … SAMPLES 0 (1M), ms',
      fmt(engine.memoryUsageMs, 1),
      '< 50',
      r('memoryUsageMs', 1),
      '',
    ],
    [
      '2M members via 10k-pair ZADDs, ms',
      fmt(engine.load2MMs, 0),
      '≤ redis',
      `${r('load2MMs')} (ioredis)`,
      fmt(engine.load2MMs / (redis?.load2MMs ?? NaN)),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((c, j) => c.padEnd(widths[j]!)).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  const targets = {
    guildEval50k: engine.guildCallsPerSec >= 50_000,
    recipeUnderScriptLimit: engine.recipeMs < CONSOLE_SCRIPT_TIME_LIMIT_MS,
    memoryUsageWithin2Pct: redis
      ? Math.abs(engine.memoryUsage / redis.memoryUsage - 1) <= 0.02
      : false,
    memoryUsageUnder50ms: engine.memoryUsageMs < 50,
    load2MNoSlowerThanRedis: redis ? engine.load2MMs <= redis.load2MMs : false,
  };
  console.log(
    `targets: ${Object.entries(targets)
      .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  return { engine, redis, targets };
}

async function main() {
  const loadBefore = loadavg()[0]!;
  console.log(
    `engine bench: node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(2)}, ${new Date().toISOString()}`,
  );

  // Scripting, MEMORY USAGE and the 2M load (issue 13), side by side with redis-server.
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const scripting = await scriptingSection();
  gc();
  if (values.only === 'scripting') {
    console.log(`load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
    console.log(JSON.stringify({ scripting, loadAverage: [loadBefore, loadavg()[0]] }));
    return;
  }

  // The worker's chunked load first, on a clean heap like a fresh worker's.
  const worker = await workerLoad(BIG);
  gc();

  // 1M members: load time, memory, operations.
  const big = generate(BIG);
  const baseline = memoryBytes();
  const loads: number[] = [];
  let engine = new Engine();
  for (let r = 0; r < 3; r++) {
    engine = new Engine();
    gc();
    loads.push(load(engine, big.chunks));
    if (r === 0) {
      const used = memoryBytes() - baseline;
      (globalThis as { __bytesPerMember?: number }).__bytesPerMember = used / BIG;
    }
    if (r < 2) engine = new Engine();
  }
  const bytesPerMember = (globalThis as { __bytesPerMember?: number }).__bytesPerMember ?? NaN;
  const wBig = workloads(big.members, BIG, 200_000);
  measureEngine(engine, wBig, 20); // warm-up
  const opsBig = measureEngine(engine, wBig, 300);

  // 100k members: engine vs ioredis-mock.
  const mid = generate(MID);
  const engineMid = new Engine();
  load(engineMid, mid.chunks);
  const wMid = workloads(mid.members, MID, 100_000);
  measureEngine(engineMid, wMid, 20);
  const opsMid = measureEngine(engineMid, wMid, 200);
  const mock = await benchMock(mid.members, mid.chunks).catch((e: unknown) => {
    skipped.push(`ioredis-mock: failed (${(e as Error).message})`);
    return null;
  });

  // redis-server at 1M, same workload.
  const redis = await benchRedis(big.chunks, big.members).catch((e: unknown) => {
    skipped.push(`redis-server: failed (${(e as Error).message})`);
    return null;
  });

  const loadMs = median(loads);
  const zincrbyPerSec = 1e6 / opsBig.zincrby.p50;
  const targets = {
    zrevrankP50: opsBig.zrevrank.p50 <= 4,
    top10P50: opsBig.top10.p50 <= 2,
    zcountP50: opsBig.zcount.p50 <= 8,
    zincrbyPerSec: zincrbyPerSec >= 200_000,
    load1M: loadMs <= 1000,
    bytesPerMember: bytesPerMember <= 120,
  };
  const ratio = (k: 'zrevrank' | 'top10' | 'zcount' | 'zincrby') =>
    mock ? mock[k].p50 / opsMid[k].p50 : NaN;

  const rows: string[][] = [
    [
      'metric',
      'engine 1M',
      'target',
      'redis-server 1M (usec_per_call)',
      'engine 100k',
      'ioredis-mock 100k',
      'mock / engine',
    ],
    [
      'ZREVRANK p50 µs',
      fmt(opsBig.zrevrank.p50),
      '≤ 4',
      fmt(redis?.usecPerCall.zrevrank ?? NaN),
      fmt(opsMid.zrevrank.p50),
      fmt(mock?.zrevrank.p50 ?? NaN, 0),
      fmt(ratio('zrevrank'), 0) + '×',
    ],
    [
      'ZREVRANGE 0 9 WITHSCORES p50 µs',
      fmt(opsBig.top10.p50),
      '≤ 2',
      fmt(redis?.usecPerCall.top10 ?? NaN),
      fmt(opsMid.top10.p50),
      fmt(mock?.top10.p50 ?? NaN, 0),
      fmt(ratio('top10'), 0) + '×',
    ],
    [
      'ZCOUNT p50 µs',
      fmt(opsBig.zcount.p50),
      '≤ 8',
      fmt(redis?.usecPerCall.zcount ?? NaN),
      fmt(opsMid.zcount.p50),
      fmt(mock?.zcount.p50 ?? NaN, 0),
      fmt(ratio('zcount'), 0) + '×',
    ],
    [
      'ZINCRBY p50 µs',
      fmt(opsBig.zincrby.p50),
      '≤ 5',
      fmt(redis?.usecPerCall.zincrby ?? NaN),
      fmt(opsMid.zincrby.p50),
      fmt(mock?.zincrby.p50 ?? NaN, 0),
      fmt(ratio('zincrby'), 0) + '×',
    ],
    [
      'ZINCRBY per second',
      fmt(zincrbyPerSec, 0),
      '≥ 200000',
      '',
      fmt(1e6 / opsMid.zincrby.p50, 0),
      '',
      '',
    ],
    [
      'load ms (median of 3)',
      fmt(loadMs, 0),
      '≤ 1000',
      fmt(redis?.loadMs ?? NaN, 0) + ' (pipelined ZADD)',
      '',
      fmt(mock?.loadMs ?? NaN, 0),
      '',
    ],
    [
      'bytes per member (excl. names)',
      fmt(bytesPerMember, 1),
      '≤ 120',
      fmt(redis?.bytesPerMember ?? NaN, 1) + ' (incl. names)',
      '',
      '',
      '',
    ],
    [
      'worker load 1M ms / longest task ms',
      `${fmt(worker.ms, 0)} / ${fmt(worker.maxTaskMs, 1)}`,
      '',
      '',
      '',
      '',
      '',
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => c.padEnd(widths[j]!)).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  console.log(
    `workload generation: ${fmt(big.ms, 0)} ms for 1M (not part of load); ioredis-mock timed over ${mock?.calls ?? 0} calls per op`,
  );
  console.log(
    `targets: ${Object.entries(targets)
      .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  console.log(skipped.length ? `skipped: ${skipped.join('; ')}` : 'skipped: nothing');
  const loadAfter = loadavg()[0]!;
  console.log(
    `machine load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)} on ${cpus().length} CPUs: compare the engine with redis-server's figures from the same run`,
  );
  console.log(
    JSON.stringify({
      members: BIG,
      engine1M: {
        zrevrankP50Us: opsBig.zrevrank.p50,
        top10P50Us: opsBig.top10.p50,
        zcountP50Us: opsBig.zcount.p50,
        zincrbyP50Us: opsBig.zincrby.p50,
        zincrbyPerSec,
        loadMs,
        loadRunsMs: loads,
        bytesPerMember,
        workerLoadMs: worker.ms,
        workerLongestTaskMs: worker.maxTaskMs,
      },
      engine100k: {
        zrevrankP50Us: opsMid.zrevrank.p50,
        top10P50Us: opsMid.top10.p50,
        zcountP50Us: opsMid.zcount.p50,
        zincrbyP50Us: opsMid.zincrby.p50,
      },
      ioredisMock100k: mock,
      ratioMockOverEngine100k: {
        zrevrank: ratio('zrevrank'),
        top10: ratio('top10'),
        zcount: ratio('zcount'),
        zincrby: ratio('zincrby'),
      },
      redisServer1M: redis,
      scripting,
      targets,
      skipped,
      loadAverage: [loadBefore, loadAfter],
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
