import { describe, expect, it } from 'vitest';
import { extractHeadings } from './headings';

describe('extractHeadings', () => {
  it('slugs like rehype-slug and keeps only depth 2 and 3', () => {
    const source = [
      '# Title',
      '## Why `ZREVRANK` is O(log N)',
      'text',
      '### Ties & composite scores',
      '#### Too deep',
      '## Estimates',
      '## Estimates',
    ].join('\n\n');
    expect(extractHeadings(source)).toEqual([
      { depth: 2, text: 'Why ZREVRANK is O(log N)', id: 'why-zrevrank-is-olog-n' },
      { depth: 3, text: 'Ties & composite scores', id: 'ties--composite-scores' },
      { depth: 2, text: 'Estimates', id: 'estimates' },
      { depth: 2, text: 'Estimates', id: 'estimates-1' },
    ]);
  });

  it('ignores hashes inside code fences and JSX blocks', () => {
    const source = '```text\n## not a heading\n```\n\n<Note>\n\nbody\n\n</Note>\n\n## Real one';
    expect(extractHeadings(source).map((h) => h.id)).toEqual(['real-one']);
  });
});
