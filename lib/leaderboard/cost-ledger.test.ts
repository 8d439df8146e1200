import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import { CostLedger } from './cost-ledger';

describe('round trips in the cost ledger', () => {
  const keys = Array.from({ length: 8 }, (_, i) => `shard:${i}`);

  it('counts commands awaited one after another once each', async () => {
    const m = new CostLedger().begin('sequential', createClient());
    for (const k of keys) await m.client.zadd(k, 1, 'a');
    expect(m.end()).toMatchObject({ totalCommands: 8, roundTrips: 8 });
  });

  it('counts a fan-out sent at once (Promise.all over shards) as one wait', async () => {
    const m = new CostLedger().begin('fan-out', createClient());
    await Promise.all(keys.map((k) => m.client.zcard(k)));
    await m.client.zscore(keys[0]!, 'a');
    await Promise.all(keys.map((k) => m.client.zcount(k, '-inf', '+inf')));
    expect(m.end()).toMatchObject({
      commands: { ZCARD: 8, ZSCORE: 1, ZCOUNT: 8 },
      totalCommands: 17,
      roundTrips: 3,
    });
  });

  it('counts a pipeline once, and a failed command still ends its wait', async () => {
    const client = createClient();
    await client.set('text', 'x');
    const m = new CostLedger().begin('pipeline', client);
    const p = m.client.pipeline();
    for (const k of keys) p.zcard(k);
    await p.exec();
    await expect(m.client.zcard('text')).rejects.toThrow(/WRONGTYPE/);
    await m.client.zcard(keys[0]!);
    expect(m.end()).toMatchObject({ totalCommands: 10, roundTrips: 3 });
  });
});
