import fc from 'fast-check';
import Redis from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client';
import { Engine } from './engine';
import { useRedisServer } from './test-support/redis-fixture';
import { hasRedisServer } from './test-support/redis-server';

/*
 * SCAN's guarantee (Redis docs, "Scan guarantees"): a full iteration returns
 * every element that was present from its start to its end at least once,
 * whatever else is added or removed meanwhile. Checked as a property over
 * random interleavings, and side by side with redis-server on the defect
 * that broke it (deleting what SCAN returns halved what came back).
 */

type Op =
  | { kind: 'add'; n: number }
  | { kind: 'del'; n: number }
  | { kind: 'incr'; n: number }
  | { kind: 'step'; count: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), n: fc.nat(300) }),
  fc.record({ kind: fc.constant('del' as const), n: fc.nat(300) }),
  fc.record({ kind: fc.constant('incr' as const), n: fc.nat(300) }),
  fc.record({ kind: fc.constant('step' as const), count: fc.integer({ min: 1, max: 40 }) }),
);

/** Runs one full iteration of `scanCmd` with `ops` interleaved; returns [seen, present throughout]. */
function iterate(
  e: Engine,
  kind: 'scan' | 'zscan' | 'hscan' | 'sscan',
  ops: Op[],
): { seen: Set<string>; stable: Set<string> } {
  const key = `${kind}-key`;
  const name = (n: number) => `m${n}`;
  const add = (n: number) => {
    if (kind === 'scan') e.execute(['set', name(n), 'v']);
    else if (kind === 'zscan') e.execute(['zadd', key, String(n), name(n)]);
    else if (kind === 'hscan') e.execute(['hset', key, name(n), 'v']);
    else e.execute(['sadd', key, name(n)]);
  };
  const del = (n: number) => {
    if (kind === 'scan') e.execute(['del', name(n)]);
    else if (kind === 'zscan') e.execute(['zrem', key, name(n)]);
    else if (kind === 'hscan') e.execute(['hdel', key, name(n)]);
    else e.execute(['srem', key, name(n)]);
  };
  // Start above the listpack/intset sizes, so the cursor really walks a table.
  for (let n = 0; n < 200; n++) add(n);
  const present = new Set<string>();
  for (let n = 0; n < 200; n++) present.add(name(n));
  const touched = new Set<string>();
  const seen = new Set<string>();
  let cursor = '0';
  let started = false;
  const step = (count: number) => {
    const args = kind === 'scan' ? ['scan', cursor] : [kind, key, cursor];
    const [next, items] = e.execute([...args, 'COUNT', String(count)]) as [string, string[]];
    const stride = kind === 'zscan' || kind === 'hscan' ? 2 : 1;
    for (let i = 0; i < items.length; i += stride) seen.add(items[i]!);
    cursor = next;
    started = true;
  };
  for (const op of ops) {
    if (started && cursor === '0') break;
    if (op.kind === 'step') step(op.count);
    else if (op.kind === 'add') {
      add(op.n + 1000);
      touched.add(name(op.n + 1000));
    } else if (op.kind === 'del') {
      del(op.n % 200);
      touched.add(name(op.n % 200));
    } else if (kind === 'zscan') {
      // A score change moves the member in the skip list, not in the scan order.
      e.execute(['zincrby', key, String(op.n - 150), name(op.n % 200)]);
    }
  }
  while (!started || cursor !== '0') step(10);
  const stable = new Set([...present].filter((m) => !touched.has(m)));
  return { seen, stable };
}

describe("SCAN's guarantee, as a property", () => {
  for (const kind of ['scan', 'zscan', 'hscan', 'sscan'] as const) {
    it(`${kind.toUpperCase()} returns every element present throughout, whatever changes meanwhile`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
          const { seen, stable } = iterate(new Engine(), kind, ops);
          for (const m of stable) expect(seen.has(m), m).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
});

const available = hasRedisServer();

describe.skipIf(!available)('SCAN with deletions and expiries, beside redis-server', () => {
  const fixture = useRedisServer();
  let redis: Redis;
  beforeAll(() => {
    redis = fixture.redis;
  });

  /** SCAN COUNT 10, deleting each batch right after it is returned. */
  async function scanDeleting(client: Redis | ReturnType<typeof createClient>): Promise<number> {
    let cursor = '0';
    const seen = new Set<string>();
    do {
      const [next, keys] = (await client.call('scan', cursor, 'COUNT', 10)) as [string, string[]];
      for (const k of keys) seen.add(k);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return seen.size;
  }

  it('returns all 1,000 keys while deleting what it returned (defect 1)', async () => {
    await redis.flushall();
    const engine = createClient();
    const args: string[] = [];
    for (let i = 0; i < 1000; i++) args.push(`key:${i}`, 'v');
    await redis.mset(...args);
    await engine.mset(...args);
    expect(await scanDeleting(redis)).toBe(1000);
    expect(await scanDeleting(engine)).toBe(1000);
  });

  it('skips keys that expire mid-iteration and still returns every other key', async () => {
    await redis.flushall();
    const engine = createClient();
    for (const c of [redis, engine] as const) {
      for (let i = 0; i < 500; i++) {
        await c.call('set', `k${i}`, 'v', ...(i % 5 === 0 ? ['PX', '30'] : []));
      }
    }
    const run = async (c: typeof engine | Redis) => {
      let cursor = '0';
      const seen = new Set<string>();
      let rounds = 0;
      do {
        const [next, keys] = (await c.scan(cursor, 'COUNT', 20)) as [string, string[]];
        for (const k of keys) seen.add(k);
        cursor = next;
        if (rounds++ === 3) await new Promise((r) => setTimeout(r, 60));
      } while (cursor !== '0');
      return seen;
    };
    for (const seen of [await run(redis), await run(engine)]) {
      for (let i = 0; i < 500; i++) if (i % 5 !== 0) expect(seen.has(`k${i}`)).toBe(true);
    }
  });

  it('ZSCAN returns every member of a skiplist while members are removed and re-scored', async () => {
    await redis.flushall();
    const engine = createClient();
    const args: (string | number)[] = [];
    for (let i = 0; i < 600; i++) args.push(i, `p${i}`);
    await redis.zadd('lb', ...args);
    await engine.zadd('lb', ...args);
    for (const c of [redis, engine] as const) {
      let cursor = '0';
      const seen = new Set<string>();
      let round = 0;
      do {
        const [next, items] = (await c.zscan('lb', cursor, 'COUNT', 25)) as [string, string[]];
        for (let i = 0; i < items.length; i += 2) seen.add(items[i]!);
        // Remove the first half of what came back; move unrelated members around.
        await c.zrem('lb', ...items.filter((_, i) => i % 4 === 0));
        await c.zincrby('lb', 1000, `p${(round * 37) % 600}`);
        cursor = next;
        round++;
      } while (cursor !== '0');
      expect(seen.size).toBe(600);
    }
  });

  it('answers ERR invalid cursor past 2^64 - 1, and accepts what strtoull accepts', async () => {
    const engine = createClient();
    for (const cursor of ['18446744073709551616', ' 1', '1x', '-18446744073709551616']) {
      await expect(engine.scan(cursor)).rejects.toThrow('ERR invalid cursor');
      await expect(redis.scan(cursor)).rejects.toThrow('ERR invalid cursor');
    }
    for (const cursor of ['18446744073709551615', '-1', '+0', '']) {
      expect((await engine.scan(cursor))[1]).toBeInstanceOf(Array);
      expect((await redis.scan(cursor))[1]).toBeInstanceOf(Array);
    }
  });
});
