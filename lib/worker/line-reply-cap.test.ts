import { describe, expect, it } from 'vitest';
import { EngineHost, MAX_LINE_REPLY_ITEMS } from './engine-host';
import type { EngineResponse } from './protocol';

describe('console line replies', () => {
  it('cut array replies to the first MAX_LINE_REPLY_ITEMS elements and count the rest', async () => {
    const sent: EngineResponse[] = [];
    const host = new EngineHost((m) => sent.push(m), { yieldFn: () => Promise.resolve() });
    const total = MAX_LINE_REPLY_ITEMS + 234;
    const args = Array.from(
      { length: total },
      (_, i) => `${i} m${String(i).padStart(5, '0')}`,
    ).join(' ');
    await host.handle({ id: 1, type: 'line', line: `ZADD lb ${args}` });
    await host.handle({ id: 2, type: 'line', line: 'ZRANGE lb 0 -1' });
    const response = sent.find((m) => m.id === 2);
    expect(response?.type).toBe('line');
    if (response?.type !== 'line') return;
    expect(response.omitted).toBe(234);
    expect(response.reply.t === 'array' && response.reply.v.length).toBe(MAX_LINE_REPLY_ITEMS);
    const lines = response.text.split('\n');
    expect(lines).toHaveLength(MAX_LINE_REPLY_ITEMS);
    expect(lines[0]).toBe('   1) "m00000"');
    await host.handle({ id: 3, type: 'line', line: 'ZRANGE lb 0 9' });
    const small = sent.find((m) => m.id === 3);
    expect(small?.type === 'line' && small.omitted).toBeFalsy();
  });
});
