import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient, WorkerError, type Progress, type RpcResponse } from './rpc';
import { serveEngine, type EngineApi, type EngineHost } from './engine-host';
import { inProcessWorker, timerYield } from './test-support';

/** An engine served in-process, and a typed client for it. */
function setup() {
  let host!: EngineHost;
  const port = inProcessWorker((post) => {
    const served = serveEngine(post, { yieldNow: timerYield });
    host = served.host;
    return served.handle;
  });
  return { host, client: createRpcClient<EngineApi>(port) };
}

describe('engine host', () => {
  it('answers every bad console line with an error line and keeps working', async () => {
    const { client } = setup();
    const runLine = (line: string) => client.call('line', { line }).done;
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
      const r = await runLine(line);
      expect(r.text).toBe(text);
      expect(r.reply.t).toBe('error');
    }
    expect((await runLine('zadd lb 10 alice 20 bob')).text).toBe('(integer) 2');
    expect((await runLine('zrevrank lb alice')).text).toBe('(integer) 1');
    expect((await runLine('')).text).toBe('');
  });

  it('refuses malformed requests with an invalid WorkerError', async () => {
    const { client } = setup();
    const call = client.call as unknown as (m: string, p: unknown) => { done: Promise<unknown> };
    const bad: [string, unknown][] = [
      ['command', { argv: [1, 2] }],
      ['command', { argv: 'zadd' }],
      ['line', { line: 7 }],
      ['trace', { key: 'k', request: { op: 'zrank' } }],
      ['trace', { key: 'k', request: { op: 'sideways', member: 'm' } }],
      ['load', { key: 'k', count: -1, seed: 1 }],
      ['load', { key: 'k', count: 20_000_000, seed: 1 }],
    ];
    for (const [m, p] of bad) {
      const e = await call(m, p).done.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, m).toBeInstanceOf(WorkerError);
      expect((e as WorkerError).code).toBe('invalid');
    }
    await expect(client.call('snapshot', { key: 'missing' }).done).rejects.toMatchObject({
      code: 'failed',
    });
  });

  it('loads in chunks with progress, answers console lines meanwhile, and cancels', async () => {
    const { client } = setup();
    const progress: Progress[] = [];
    const load = client.call(
      'load',
      { key: 'lb', count: 200_000, seed: 7, chunkSize: 10_000 },
      {
        onProgress: (p) => {
          progress.push(p);
          if (p.done >= 50_000) load.cancel();
        },
      },
    );
    const during = await client.call('line', { line: 'ping' }).done;
    expect(during.text).toBe('PONG');
    const e = await load.done.then(
      () => null,
      (x: unknown) => x as WorkerError,
    );
    expect(e?.code).toBe('cancelled');
    const loaded = progress.at(-1)!.done;
    expect(loaded).toBeLessThan(200_000);
    expect(progress.length).toBeGreaterThan(2);
    // What loaded stays, and the last progress says how much.
    expect(await client.call('command', { argv: ['zcard', 'lb'] }).done).toEqual({
      t: 'int',
      v: loaded,
    });
  });

  it('loads a whole seeded leaderboard that passes the skip-list invariants', async () => {
    const { client, host } = setup();
    const done = await client.call('load', { key: 'lb', count: 30_000, seed: 3, chunkSize: 4_000 })
      .done;
    expect(done).toMatchObject({ key: 'lb', loaded: 30_000, added: 30_000 });
    const z = host.current.db.get('lb');
    expect(z?.type).toBe('zset');
    if (z?.type === 'zset') {
      z.list.checkInvariants();
      expect(z.encoding).toBe('skiplist');
    }
    const again = await client.call('load', { key: 'lb', count: 30_000, seed: 3 }).done;
    expect(again.added).toBe(0);
    await client.call('line', { line: 'set str x' }).done;
    await expect(
      client.call('load', { key: 'str', count: 10, seed: 1 }).done,
    ).rejects.toMatchObject({
      code: 'failed',
      message: 'WRONGTYPE Operation against a key holding the wrong kind of value',
    });
  });

  it('a reset stops a load in progress as cancelled and empties the keyspace', async () => {
    const { client } = setup();
    const load = client.call('load', { key: 'lb', count: 500_000, seed: 1, chunkSize: 5_000 });
    await new Promise((r) => setTimeout(r, 5));
    await client.call('reset', {}).done;
    await expect(load.done).rejects.toMatchObject({ code: 'cancelled' });
    expect((await client.call('line', { line: 'dbsize' }).done).text).toBe('(integer) 0');
  });

  it('serves snapshots and traces for the skip-list picture', async () => {
    const { client } = setup();
    await client.call('line', { line: 'zadd lb 1 a 2 b 3 c 4 d 5 e' }).done;
    const snap = await client.call('snapshot', { key: 'lb' }).done;
    expect(snap.encoding).toBe('listpack');
    expect(snap.snapshot.nodes.map((n) => n.member)).toEqual([null, 'a', 'b', 'c', 'd', 'e']);
    const t = await client.call('trace', { key: 'lb', request: { op: 'zrevrank', member: 'b' } })
      .done;
    expect(t.answer).toBe(3);
    expect(t.linearScanHops).toBe(4);
    expect(t.hops.filter((h) => h.kind === 'forward').at(-1)?.rank).toBe(2);
    const ins = await client.call('trace', {
      key: 'lb',
      request: { op: 'zadd', member: 'bb', score: 2 },
    }).done;
    expect(ins.answer).toBe(2);
    await expect(client.call('snapshot', { key: 'nokey' }).done).rejects.toBeInstanceOf(
      WorkerError,
    );
    await client.call('reset', {}).done;
    expect((await client.call('line', { line: 'dbsize' }).done).text).toBe('(integer) 0');
  });
});

describe('engine.worker.ts entry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('wires messages to the host and posts replies', async () => {
    let listener: ((e: { data: unknown }) => void) | undefined;
    const posted: RpcResponse[] = [];
    vi.stubGlobal('addEventListener', (_: string, l: (e: { data: unknown }) => void) => {
      listener = l;
    });
    vi.stubGlobal('postMessage', (m: RpcResponse) => posted.push(m));
    await import('./engine.worker');
    listener!({ data: { rpc: 'call', id: 1, method: 'line', params: { line: 'zadd k 1 m' } } });
    listener!({
      data: { rpc: 'call', id: 2, method: 'command', params: { argv: ['zscore', 'k', 'm'] } },
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toEqual([
      {
        rpc: 'result',
        id: 1,
        result: { text: '(integer) 1', reply: { t: 'int', v: 1 }, argv: ['zadd', 'k', '1', 'm'] },
      },
      { rpc: 'result', id: 2, result: { t: 'bulk', v: '1' } },
    ]);
  });
});
