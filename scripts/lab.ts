import { parseArgs } from 'node:util';
import Redis, { Cluster } from 'ioredis';
import { createClient } from '../lib/engine/index';
import {
  SCENARIOS,
  runScenario,
  type LabOptions,
  type LabReport,
  type ScenarioName,
} from '../lib/leaderboard/lab-scenarios';
import type { RedisLike } from '../lib/leaderboard/redis-like';

/*
 * The lab runner: takes a leaderboard design off the tab and onto real
 * infrastructure. Same scenarios, same metrics, on the embedded engine
 * (default), a redis-server (--redis) or a Redis Cluster (--cluster).
 */

const HELP = `Usage: npm run lab -- --scenario <name> [flags]

Scenarios:
${Object.entries(SCENARIOS)
  .map(([k, v]) => `  ${k.padEnd(11)} ${v}`)
  .join('\n')}

Flags:
  --scenario <name>      which scenario to run (required)
  --players <n>          players in the seeded world (default 100000; approx100m: 100000000)
  --shards <n>           shards for sharding/hash (default 8, 1..64)
  --ops <n>              operations to time after loading (default 20000)
  --seed <n>             world seed (default 1)
  --distribution <d>     uniform | normal | long-tail (default uniform)
  --buckets <n>          histogram buckets for approx (default 1000)
  --bucket-kind <k>      fixed | log | quantile (default quantile)
  --layout <l>           one-slot | spread: cluster key layout for shards
  --redis <url>          run on a redis-server, e.g. redis://127.0.0.1:6379
  --cluster <h:p,...>    run on a Redis Cluster, e.g. 127.0.0.1:7000,127.0.0.1:7001
  --json                 print the report as one JSON line as well
  --help                 this text

Keys go under the {lab} hash tag (and {lab:…} for spread shards) and are
deleted at the end; nothing else in the database is touched.

Example:
  npm run lab -- --scenario sharding --players 1000000 --shards 8
  npm run lab -- --scenario hash --redis redis://127.0.0.1:6379 --layout spread`;

function fail(message: string): never {
  process.stderr.write(`lab: ${message}\nRun "npm run lab -- --help" for scenarios and flags.\n`);
  process.exit(2);
}

function intFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < min || v > max)
    fail(`--${name} must be an integer in ${min}..${max} (got "${raw}")`);
  return v;
}

function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    fail(`--${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

function parse() {
  try {
    return parseArgs({
      options: {
        scenario: { type: 'string' },
        players: { type: 'string' },
        shards: { type: 'string' },
        ops: { type: 'string' },
        seed: { type: 'string' },
        distribution: { type: 'string' },
        buckets: { type: 'string' },
        'bucket-kind': { type: 'string' },
        layout: { type: 'string' },
        redis: { type: 'string' },
        cluster: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail((e as Error).message.split('\n')[0]!);
  }
}

/** A progress bar on stderr (a line per 10% when stderr is not a terminal). */
function progressBar() {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastTenth = -1;
  return (phase: string, done: number, total: number) => {
    const f = total ? done / total : 1;
    if (tty) {
      const width = 30;
      const full = Math.round(f * width);
      process.stderr.write(
        `\r[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${(f * 100).toFixed(0).padStart(3)}% ${phase.padEnd(28)}`,
      );
      if (done >= total) process.stderr.write('\n');
    } else {
      const tenth = Math.floor(f * 10);
      if (phase !== lastPhase || tenth !== lastTenth)
        process.stderr.write(`${phase}: ${Math.round(f * 100)}%\n`);
      lastPhase = phase;
      lastTenth = tenth;
    }
  };
}

async function connect(
  v: ReturnType<typeof parse>,
): Promise<{ client: RedisLike; label: string; close: () => void }> {
  if (v.redis && v.cluster) fail('give either --redis or --cluster, not both');
  if (v.redis) {
    let url: URL;
    try {
      url = new URL(v.redis);
    } catch {
      fail(`--redis must be a URL like redis://127.0.0.1:6379 (got "${v.redis}")`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
      fail('--redis URL must start with redis:// or rediss://');
    const r = new Redis(v.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await r.connect();
    } catch (e) {
      fail(`cannot connect to ${v.redis}: ${(e as Error).message}`);
    }
    return {
      client: r as unknown as RedisLike,
      label: `redis ${v.redis}`,
      close: () => r.disconnect(),
    };
  }
  if (v.cluster) {
    const nodes = v.cluster.split(',').map((s) => {
      const m = /^([^:]+):(\d+)$/.exec(s.trim());
      if (!m) fail(`--cluster takes host:port,host:port,… (bad entry "${s}")`);
      return { host: m[1]!, port: Number(m[2]) };
    });
    const c = new Cluster(nodes, { clusterRetryStrategy: () => null });
    await new Promise<void>((resolve) => {
      c.once('ready', () => resolve());
      c.once('error', (e: Error) => fail(`cannot reach the cluster at ${v.cluster}: ${e.message}`));
    });
    return {
      client: c as unknown as RedisLike,
      label: `cluster ${v.cluster}`,
      close: () => c.disconnect(),
    };
  }
  return { client: createClient(), label: 'embedded engine', close: () => undefined };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

function print(r: LabReport, label: string): void {
  const rows: [string, string][] = [
    ['scenario', r.scenario],
    ['backend', label],
    ['players', fmt(r.players)],
    ['load', `${fmt(r.loadMs)} ms`],
    ['operations', fmt(r.ops)],
    ['ops/s', fmt(r.opsPerSec)],
    ['latency p50', `${fmt(r.p50Ms * 1000, 1)} µs`],
    ['latency p99', `${fmt(r.p99Ms * 1000, 1)} µs`],
  ];
  if (r.rankError) {
    const e = r.rankError;
    rows.push([
      'rank error abs',
      `mean ${fmt(e.meanAbs, 2)}  p99 ${fmt(e.p99Abs, 2)}  max ${fmt(e.maxAbs, 2)}`,
    ]);
    rows.push([
      'rank error rel',
      `mean ${(e.meanRel * 100).toFixed(4)}%  p99 ${(e.p99Rel * 100).toFixed(4)}%  max ${(e.maxRel * 100).toFixed(4)}%`,
    ]);
    rows.push(['over bound', String(e.boundViolations)]);
  }
  for (const [k, v] of Object.entries(r.extra))
    rows.push([k, typeof v === 'number' ? fmt(v, Number.isInteger(v) ? 0 : 3) : v]);
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
  console.log('\ncommands per operation (cost ledger):');
  for (const e of r.ledger) {
    const per = Object.entries(e.total.commands)
      .map(([c, n]) => `${c} ${fmt(n / e.count, 2)}`)
      .join(', ');
    console.log(`  ${e.operation.padEnd(26)} ×${fmt(e.count).padEnd(9)} ${per}`);
  }
}

async function main(): Promise<void> {
  const v = parse();
  if (v.help) {
    console.log(HELP);
    return;
  }
  if (!v.scenario) fail('--scenario is required');
  const scenario = oneOf(
    'scenario',
    v.scenario,
    Object.keys(SCENARIOS) as ScenarioName[],
    'global',
  );
  const big = scenario === 'approx100m';
  const options: LabOptions = {
    seed: intFlag('seed', v.seed, 1, 0, 2 ** 31 - 1),
    players: intFlag('players', v.players, big ? 100_000_000 : 100_000, 1, big ? 1e12 : 4_000_000),
    shards: intFlag('shards', v.shards, 8, 1, 64),
    ops: intFlag('ops', v.ops, 20_000, 1, 10_000_000),
    distribution: oneOf(
      'distribution',
      v.distribution,
      ['uniform', 'normal', 'long-tail'] as const,
      'uniform',
    ),
    buckets: intFlag('buckets', v.buckets, 1000, 1, 1_000_000),
    bucketKind: oneOf(
      'bucket-kind',
      v['bucket-kind'],
      ['fixed', 'log', 'quantile'] as const,
      'quantile',
    ),
    layout:
      v.layout === undefined
        ? undefined
        : oneOf('layout', v.layout, ['one-slot', 'spread'] as const, 'one-slot'),
    onProgress: progressBar(),
  };
  const { client, label, close } = await connect(v);
  try {
    const report = await runScenario(scenario, client, options);
    print(report, label);
    if (v.json) console.log(JSON.stringify({ backend: label, ...report }));
  } finally {
    close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`lab: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
