import { describe, expect, it } from 'vitest';
import { selfCheckIds } from './self-checks';

describe('selfCheckIds', () => {
  it('lists self-check ids in order, ignoring code blocks', () => {
    const source = [
      'Intro.',
      '<SelfCheck id="first" question="Q1?">A.</SelfCheck>',
      '```mdx',
      '<SelfCheck id="in-code" question="no">x</SelfCheck>',
      '```',
      '<Note>',
      '<SelfCheck id="nested" question="Q2?">',
      'B.',
      '</SelfCheck>',
      '</Note>',
    ].join('\n\n');
    expect(selfCheckIds(source)).toEqual(['first', 'nested']);
  });
});
