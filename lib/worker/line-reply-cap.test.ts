import { describe, expect, it } from 'vitest';
import { EngineHost, MAX_LINE_REPLY_ITEMS } from './engine-host';

describe('console line replies', () => {
  it('cut array replies to the first MAX_LINE_REPLY_ITEMS elements and count the rest', async () => {
    const host = new EngineHost();
    const total = MAX_LINE_REPLY_ITEMS + 234;
    const args = Array.from(
      { length: total },
      (_, i) => `${i} m${String(i).padStart(5, '0')}`,
    ).join(' ');
    await host.line(`ZADD lb ${args}`);
    const response = await host.line('ZRANGE lb 0 -1');
    expect(response.omitted).toBe(234);
    expect(response.reply.t === 'array' && response.reply.v.length).toBe(MAX_LINE_REPLY_ITEMS);
    const lines = response.text.split('\n');
    expect(lines).toHaveLength(MAX_LINE_REPLY_ITEMS);
    expect(lines[0]).toBe('   1) "m00000"');
    expect((await host.line('ZRANGE lb 0 9')).omitted).toBeFalsy();
  });
});
