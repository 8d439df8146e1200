import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  createRpcClient,
  createYield,
  method,
  sequence,
  serveApi,
  WorkerError,
  type Progress,
  type RpcResponse,
} from './rpc';
import { inProcessWorker, rejection, timerYield } from './test-support';

/** A small API with a long, a short and a failing method. */
function testApi(log: string[]) {
  return {
    count: method({
      params: v.object({ to: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      run: async (p, context) => {
        for (let i = 1; i <= p.to; i++) {
          log.push(`count ${i}`);
          await context.progress('counting', i, p.to);
        }
        return p.to;
      },
    }),
    echo: method({
      params: v.object({ text: v.string() }),
      run: (p) => {
        log.push(`echo ${p.text}`);
        return p.text;
      },
    }),
    ping: method({
      params: v.object({}),
      concurrent: true,
      run: () => {
        log.push('ping');
        return 'pong';
      },
    }),
    boom: method({
      params: v.object({}),
      run: () => {
        throw new Error('ERR no such key');
      },
    }),
  };
}

function setup() {
  const log: string[] = [];
  const api = testApi(log);
  const port = inProcessWorker((post) => serveApi(api, post, { yieldNow: timerYield, sliceMs: 0 }));
  return { log, port, client: createRpcClient<typeof api>(port) };
}

describe('rpc layer', () => {
  it('answers each call by id, with progress before its one result', async () => {
    const { client } = setup();
    const progress: Progress[] = [];
    const a = client.call('count', { to: 3 }, { onProgress: (p) => progress.push(p) });
    const b = client.call('echo', { text: 'hi' });
    expect(await a.done).toBe(3);
    expect(await b.done).toBe('hi');
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress[0]).toEqual({ phase: 'counting', done: 1, total: 3 });
  });

  it('runs requests one at a time in arrival order; concurrent methods start at once', async () => {
    const { client, log } = setup();
    const long = client.call('count', { to: 3 });
    const after = client.call('echo', { text: 'after' });
    const ping = client.call('ping', {});
    await Promise.all([long.done, after.done, ping.done]);
    expect(log.indexOf('echo after')).toBeGreaterThan(log.indexOf('count 3'));
    expect(log.indexOf('ping')).toBeLessThan(log.indexOf('count 3'));
  });

  it('cancels a running call at its next progress, and a queued one before it starts', async () => {
    const { client, log } = setup();
    const running = client.call(
      'count',
      { to: 1000 },
      {
        onProgress: (p) => {
          if (p.done === 2) running.cancel();
        },
      },
    );
    const queued = client.call('echo', { text: 'never' });
    queued.cancel();
    const e = await rejection(running.done);
    expect(e).toBeInstanceOf(WorkerError);
    expect(e?.code).toBe('cancelled');
    expect(e?.cancelled).toBe(true);
    expect((await rejection(queued.done))?.code).toBe('cancelled');
    expect(log).not.toContain('echo never');
    expect(log.filter((l) => l.startsWith('count')).length).toBeLessThan(10);
    // The worker keeps serving.
    expect(await client.call('echo', { text: 'still here' }).done).toBe('still here');
  });

  it('refuses unknown methods and bad parameters, and reports failures, as WorkerErrors', async () => {
    const { client } = setup();
    const call = client.call as unknown as (m: string, p: unknown) => { done: Promise<unknown> };
    const unknown = await rejection(call('nosuch', {}).done);
    expect(unknown).toMatchObject({ code: 'invalid', message: "unknown method 'nosuch'" });
    const bad = await rejection(call('count', { to: -1 }).done);
    expect(bad?.code).toBe('invalid');
    expect(bad?.message).toMatch(/^count: to: /);
    const inherited = await rejection(call('toString', {}).done);
    expect(inherited?.code).toBe('invalid');
    const failed = await rejection(client.call('boom', {}).done);
    expect(failed).toMatchObject({ code: 'failed', message: 'ERR no such key' });
  });

  it('never throws on any message, and answers each one that has an id', async () => {
    const posted: RpcResponse[] = [];
    const handle = serveApi(testApi([]), (m) => posted.push(m), { yieldNow: timerYield });
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'call',
      {},
      { rpc: 'call', id: 1 },
      { rpc: 'call', id: 2, method: 7 },
      { rpc: 'call', id: 3.5, method: 'echo', params: {} },
      { rpc: 'call', id: 4, method: 'echo', params: { text: 1 } },
      { rpc: 'nope', id: 5 },
    ];
    for (const m of junk) await handle(m);
    expect(posted).toHaveLength(junk.length);
    expect(posted.every((p) => p.rpc === 'error' && p.code === 'invalid')).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (m) => {
        await expect(handle(m)).resolves.toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('drops answers of the wrong shape, and fails every open call when the worker dies', async () => {
    const { client, port } = setup();
    const call = client.call('count', { to: 100_000 });
    // Messages of the wrong shape are ignored, not mistaken for an answer.
    port.deliver({ rpc: 'result', id: String(call.id), result: 1 });
    port.deliver({ rpc: 'error', id: call.id, code: 'teapot', message: 'x' });
    port.deliver(null);
    let settled = false;
    void call.done.then(
      () => (settled = true),
      () => (settled = true),
    );
    await timerYield();
    expect(settled).toBe(false);
    port.crash();
    const e = await rejection(call.done);
    expect(e?.code).toBe('failed');
    expect(e?.message).toMatch(/worker stopped/);
  });

  it('close() terminates the worker and rejects what is open', async () => {
    const { client, port } = setup();
    const call = client.call('count', { to: 100_000 });
    client.close();
    expect((await rejection(call.done))?.code).toBe('closed');
    expect(port.terminated).toBe(true);
    expect((await rejection(client.call('echo', { text: 'x' }).done))?.code).toBe('closed');
  });

  it('runs a sequence of calls as one, cancellable between and during steps', async () => {
    const { client, log } = setup();
    const seq = sequence(async (step) => {
      const a = await step(() => client.call('echo', { text: 'one' }));
      const b = await step(() => client.call('count', { to: 2 }));
      return `${a} ${b}`;
    });
    expect(await seq.done).toBe('one 2');
    const stopped = sequence(async (step) => {
      await step(() => client.call('count', { to: 1000 }));
      return step(() => client.call('echo', { text: 'not reached' }));
    });
    setTimeout(() => stopped.cancel(), 5);
    expect((await rejection(stopped.done))?.code).toBe('cancelled');
    expect(log).not.toContain('echo not reached');
  });
});

describe('createYield', () => {
  it('resolves on a later macrotask', async () => {
    const order: string[] = [];
    const y = createYield();
    const p = y().then(() => order.push('yield'));
    order.push('sync');
    await p;
    expect(order).toEqual(['sync', 'yield']);
  });
});
