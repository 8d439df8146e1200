import { describe, expect, it } from 'vitest';
import { componentsUsed } from './components-used';

describe('componentsUsed', () => {
  it('lists block and inline components, nested ones included', () => {
    const source = [
      '## A heading',
      '',
      '<Note>',
      '  Text with an inline <LevelBadge level="advanced" /> badge.',
      '',
      '  <ShardingPlayground shards={8} />',
      '</Note>',
      '',
      '<Figure caption="x">picture</Figure>',
    ].join('\n');
    expect([...componentsUsed(source)].sort()).toEqual([
      'Figure',
      'LevelBadge',
      'Note',
      'ShardingPlayground',
    ]);
  });

  it('ignores names in code blocks, inline code and prose', () => {
    const source = [
      'The `<FanOutPlayground />` tag, or FanOutPlayground in a sentence.',
      '',
      '```tsx',
      '<RedisConsole />',
      '```',
    ].join('\n');
    expect(componentsUsed(source).size).toBe(0);
  });
});
