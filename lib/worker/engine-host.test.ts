import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineHost, createYield } from './engine-host';
import {
  createEngineWorkerClient,
  EngineWorkerError,
  type WorkerLike,
} from './engine-worker-client';
import type { EngineRequest, EngineResponse } from './protocol';

/** An in-process "worker": the host answers on the next macrotask, like a real one. */
function fakeWorker() {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const sent: EngineResponse[] = [];
  // Messages travel as timer tasks, so the host yields the same way to let them in.
  const host = new EngineHost(
    (m) => {
      sent.push(m);
      setTimeout(() => listeners.forEach((l) => l({ data: structuredClone(m) })), 0);
    },
    { yieldFn: () => new Promise((resolve) => setTimeout(resolve, 0)) },
  );
  const worker: WorkerLike = {
    postMessage: (m: EngineRequest) => {
      const copy = structuredClone(m);
      setTimeout(() => void host.handle(copy), 0);
    },
    addEventListener: (_t, l) => listeners.push(l),
  };
  return { worker, host, sent };
}

describe('engine host', () => {
  it('answers every bad console line with an error line and keeps working', async () => {
    const { worker } = fakeWorker();
    const client = createEngineWorkerClient(worker);
    const cases: [string, string][] = [
      ['zadd "lb', 'Invalid argument(s)'],
      ["zadd 'lb", 'Invalid argument(s)'],
      ['"a"b', 'Invalid argument(s)'],
      ['nosuch 1 2', "(error) ERR unknown command 'nosuch', with args beginning with: '1' '2' "],
      ['zadd lb', "(error) ERR wrong number of arguments for 'zadd' command"],
      ['zadd lb abc m', '(error) ERR value is not a valid float'],
      ['zadd lb nan m', '(error) ERR value is not a valid float'],
      // redis-cli sends lines over 64 KB (as a multi-bulk request), so Redis answers them.
      [
        'x'.repeat(1024 * 1024),
        `(error) ERR unknown command '${'x'.repeat(128)}', with args beginning with: `,
      ],
      [
        'x'.repeat(4 * 1024 * 1024 + 1),
        '(error) ERR line of 4194305 characters; this console accepts lines up to 4194304 (redis-cli has no limit)',
      ],
      ['help nosuch', "(error) ERR no help for 'nosuch': not a supported command"],
    ];
    for (const [line, text] of cases) {
      const r = await client.runLine(line);
      expect(r.text).toBe(text);
      expect(r.reply.t).toBe('error');
    }
    expect((await client.runLine('zadd lb 10 alice 20 bob')).text).toBe('(integer) 2');
    expect((await client.runLine('zrevrank lb alice')).text).toBe('(integer) 1');
    expect((await client.runLine('')).text).toBe('');
  });

  it('never throws on malformed messages', async () => {
    const posted: EngineResponse[] = [];
    const host = new EngineHost((m) => posted.push(m));
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'zadd',
      {},
      { id: 1 },
      { id: 2, type: 'nope' },
      { id: 3, type: 'command', argv: [1, 2] },
      { id: 4, type: 'command', argv: 'zadd' },
      { id: 5, type: 'line', line: 7 },
      { id: 6, type: 'snapshot', key: 'missing' },
      { id: 7, type: 'trace', key: 'k', op: 'zrank' },
      { id: 8, type: 'trace', key: 'k', member: 'm', op: 'sideways' },
      { id: 9, type: 'load', key: 'k', count: -1, seed: 1 },
      { id: 10, type: 'cancel' },
    ];
    for (const m of junk) await host.handle(m);
    expect(posted).toHaveLength(junk.length);
    expect(posted.every((p) => p.type === 'error')).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (m) => {
        await expect(host.handle(m)).resolves.toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('loads in chunks with progress, answers other requests meanwhile, and cancels', async () => {
    const { worker } = fakeWorker();
    const client = createEngineWorkerClient(worker);
    const progress: number[] = [];
    const handle = client.load({ key: 'lb', count: 200_000, seed: 7, chunkSize: 10_000 }, (p) => {
      progress.push(p.loaded);
      if (p.loaded >= 50_000) handle.cancel();
    });
    const during = await client.runLine('ping');
    expect(during.text).toBe('PONG');
    const done = await handle.done;
    expect(done.cancelled).toBe(true);
    expect(done.loaded).toBeLessThan(200_000);
    expect(progress.length).toBeGreaterThan(2);
    const card = await client.command(['zcard', 'lb']);
    expect(card).toEqual({ t: 'int', v: done.added });
  });

  it('loads a whole seeded leaderboard that passes the skip-list invariants', async () => {
    const { worker, host } = fakeWorker();
    const client = createEngineWorkerClient(worker);
    const done = await client.load({ key: 'lb', count: 30_000, seed: 3, chunkSize: 4_000 }).done;
    expect(done).toMatchObject({ cancelled: false, loaded: 30_000, added: 30_000 });
    const z = host.current.db.get('lb');
    expect(z?.type).toBe('zset');
    if (z?.type === 'zset') {
      z.list.checkInvariants();
      expect(z.encoding).toBe('skiplist');
    }
    const again = await client.load({ key: 'lb', count: 30_000, seed: 3 }).done;
    expect(again.added).toBe(0);
    await client.runLine('set str x');
    const wrong = await client.load({ key: 'str', count: 10, seed: 1 }).done;
    expect(wrong.error).toBe('WRONGTYPE Operation against a key holding the wrong kind of value');
  });

  it('serves snapshots and traces for the skip-list picture', async () => {
    const { worker } = fakeWorker();
    const client = createEngineWorkerClient(worker);
    await client.runLine('zadd lb 1 a 2 b 3 c 4 d 5 e');
    const snap = await client.snapshot('lb');
    expect(snap.encoding).toBe('listpack');
    expect(snap.snapshot.nodes.map((n) => n.member)).toEqual([null, 'a', 'b', 'c', 'd', 'e']);
    const t = await client.trace('lb', { op: 'zrevrank', member: 'b' });
    expect(t.answer).toBe(3);
    expect(t.linearScanHops).toBe(4);
    expect(t.hops.filter((h) => h.kind === 'forward').at(-1)?.rank).toBe(2);
    const ins = await client.trace('lb', { op: 'zadd', member: 'bb', score: 2 });
    expect(ins.answer).toBe(2);
    await expect(client.snapshot('nokey')).rejects.toBeInstanceOf(EngineWorkerError);
    await client.reset();
    expect((await client.runLine('dbsize')).text).toBe('(integer) 0');
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

describe('engine.worker.ts entry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('wires messages to the host and posts replies', async () => {
    let listener: ((e: { data: unknown }) => void) | undefined;
    const posted: EngineResponse[] = [];
    vi.stubGlobal('addEventListener', (_: string, l: (e: { data: unknown }) => void) => {
      listener = l;
    });
    vi.stubGlobal('postMessage', (m: EngineResponse) => posted.push(m));
    await import('./engine.worker');
    listener!({ data: { id: 1, type: 'line', line: 'zadd k 1 m' } });
    listener!({ data: { id: 2, type: 'command', argv: ['zscore', 'k', 'm'] } });
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toEqual([
      {
        id: 1,
        type: 'line',
        text: '(integer) 1',
        reply: { t: 'int', v: 1 },
        argv: ['zadd', 'k', '1', 'm'],
      },
      { id: 2, type: 'reply', reply: { t: 'bulk', v: '1' } },
    ]);
  });
});
