import Redis, { ReplyError } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client';
import {
  hasRedisServer,
  startRedisServer,
  type RedisServerHandle,
} from './test-support/redis-server';

/*
 * The ioredis surface (issue 13, defect 5): the same code runs against the
 * engine's client and against ioredis on a real redis-server, and what each
 * resolves, rejects and calls back with must be the same.
 */

type Client = ReturnType<typeof createClient> | Redis;

const describeError = (e: unknown) =>
  e instanceof Error
    ? {
        replyError: e instanceof ReplyError,
        message: e.message,
        command: (e as { command?: unknown }).command,
        previousErrors: (e as { previousErrors?: Error[] }).previousErrors?.map((x) => ({
          replyError: x instanceof ReplyError,
          message: x.message,
          command: (x as { command?: unknown }).command,
        })),
      }
    : e;

const describeValue = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(describeValue) : v instanceof Error ? describeError(v) : v;

async function settle(p: Promise<unknown>) {
  try {
    return { ok: describeValue(await p) };
  } catch (e) {
    return { err: describeError(e) };
  }
}

/** A scenario run on both clients; each returns a transcript to compare. */
const scenarios: Record<string, (c: Client) => Promise<unknown[]>> = {
  async 'rejects with ReplyError carrying .command'(c) {
    await c.set('s', 'v');
    return [await settle(c.zadd('s', 1, 'a')), await settle(c.call('nosuch', 'x', 2))];
  },
  async 'calls node-style callbacks on methods and call()'(c) {
    await c.set('s', 'v');
    const seen: unknown[] = [];
    const cb = (err: Error | null, v?: unknown) => seen.push([describeError(err), v]);
    const p1 = (c.get as (...a: unknown[]) => Promise<unknown>)('s', cb);
    const p2 = (c.zadd as (...a: unknown[]) => Promise<unknown>)('s', 1, 'a', cb);
    const p3 = (c.call as (...a: unknown[]) => Promise<unknown>)('get', 's', cb);
    const results = [await settle(p1), await settle(p2), await settle(p3)];
    await new Promise((r) => setTimeout(r, 5));
    return [seen, results];
  },
  async 'pipeline results, a callback on exec, and a second exec'(c) {
    await c.set('s', 'v');
    const p = c.pipeline().get('s').zadd('s', 1, 'x').incr('n');
    const first = await settle(p.exec());
    const second = await settle(p.exec());
    const viaCallback = await new Promise((resolve) =>
      c
        .pipeline()
        .get('s')
        .exec((err, res) => resolve([describeError(err), describeValue(res)])),
    );
    return [first, second, viaCallback];
  },
  async 'transactions: results, EXECABORT with previousErrors, and a second exec'(c) {
    await c.set('s', 'v');
    const m = c.multi().set('a', '1').zadd('a', 1, 'x').get('a');
    const first = await settle(m.exec());
    const second = await settle(m.exec());
    const aborted = await settle(c.multi().set('a', '2').call('nosuch').exec());
    return [first, second, aborted, await c.get('a')];
  },
  async 'multi({ pipeline: false }) queues on the client until exec()'(c) {
    const steps: unknown[] = [];
    steps.push(await settle(c.multi({ pipeline: false })));
    steps.push(await settle(c.set('b', '2')));
    steps.push(await settle(c.incr('b')));
    steps.push(await settle(c.exec()));
    steps.push(await settle(c.get('b')));
    return steps;
  },
  async 'WATCH makes exec() resolve null'(c) {
    await c.set('w', '1');
    await c.watch('w');
    await c.set('w', '2');
    return [await settle(c.multi().get('w').exec())];
  },
  async 'defineCommand runs Lua by EVALSHA, then EVAL, in pipelines too'(c) {
    c.defineCommand('echoKeyArg', { numberOfKeys: 1, lua: 'return {KEYS[1], ARGV[1]}' });
    c.defineCommand('countKeys', { lua: 'return #KEYS' });
    const dc = c as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const direct = [
      await settle(dc.echoKeyArg!('k', 'v')),
      await settle(dc.countKeys!(2, 'a', 'b')),
    ];
    const p = c.pipeline() as unknown as Record<string, (...a: unknown[]) => unknown> & {
      exec(): Promise<unknown>;
    };
    p.echoKeyArg!('k2', 'v2');
    return [direct, await settle(p.exec())];
  },
  async 'after quit(), calls reject with "Connection is closed."'(c) {
    const steps: unknown[] = [await settle(c.quit())];
    await new Promise((r) => setTimeout(r, 20));
    steps.push(await settle(c.get('s')));
    steps.push(await new Promise((resolve) => c.get('s', (err) => resolve(describeError(err)))));
    steps.push(c.status);
    return steps;
  },
};

describe.skipIf(!hasRedisServer())('the engine client behaves like ioredis on redis-server', () => {
  let server: RedisServerHandle;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(name, async () => {
      const redis = new Redis({ port: server.port, host: '127.0.0.1' });
      await redis.flushall();
      const theirs = await scenario(redis);
      if (redis.status !== 'end') await redis.quit();
      const mine = await scenario(createClient());
      expect(mine).toEqual(theirs);
    });
  }
});
