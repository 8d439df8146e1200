import { describe, expect, it } from 'vitest';
import { isUnpublishedHref, neighbours, publishedPages, sectionHref } from './navigation';
import type { OutlineChapter } from './navigation';

const outline: OutlineChapter[] = [
  {
    slug: 'a',
    title: 'A',
    status: 'published',
    sections: [
      { slug: '', title: 'A0' },
      { slug: 'x', title: 'A1' },
    ],
  },
  { slug: 'b', title: 'B', status: 'soon', sections: [{ slug: '', title: 'B0' }] },
  { slug: 'c', title: 'C', status: 'published', sections: [{ slug: '', title: 'C0' }] },
];

describe('navigation', () => {
  it('builds trailing-slash URLs', () => {
    expect(sectionHref('a', '')).toBe('/a/');
    expect(sectionHref('a', 'x')).toBe('/a/x/');
  });

  it('skips unpublished chapters in reading order', () => {
    expect(publishedPages(outline).map((p) => p.href)).toEqual(['/a/', '/a/x/', '/c/']);
  });

  it('links previous and next across chapters', () => {
    const { previous, next } = neighbours(outline, 'a', 'x');
    expect(previous?.href).toBe('/a/');
    expect(next?.href).toBe('/c/');
    expect(neighbours(outline, 'a', '').previous).toBeUndefined();
    expect(neighbours(outline, 'c', '').next).toBeUndefined();
    expect(neighbours(outline, 'b', '')).toEqual({});
  });

  it('recognises links into unpublished chapters only', () => {
    expect(isUnpublishedHref(outline, '/b/')).toBe(true);
    expect(isUnpublishedHref(outline, '/b/deep/#x')).toBe(true);
    expect(isUnpublishedHref(outline, '/a/x/#y')).toBe(false);
    expect(isUnpublishedHref(outline, 'https://redis.io/')).toBe(false);
    expect(isUnpublishedHref(outline, '#local')).toBe(false);
  });
});
