import { describe, expect, it } from 'vitest';
import { markSection, openSelfCheck, reachSectionEnd } from './operations';
import { emptyProgress } from './schema';
import { summarize } from './summary';

const outline = [
  {
    slug: 'skills',
    title: 'Skills',
    status: 'published' as const,
    sections: [
      { slug: '', title: 'Plan' },
      { slug: 'questions', title: 'Clarifying questions', navTitle: 'Questions' },
      { slug: 'self-check', title: 'Self-check' },
    ],
  },
  {
    slug: 'design',
    title: 'Design',
    status: 'published' as const,
    sections: [
      { slug: '', title: 'Problem' },
      { slug: 'sharding', title: 'Sharding' },
    ],
  },
  { slug: 'later', title: 'Later', status: 'soon' as const, sections: [{ slug: '', title: 'x' }] },
];
const paths = [
  { id: 'interview', title: 'Interview', chapters: ['skills', 'design'] },
  { id: 'systems', title: 'Systems', chapters: ['design'] },
];
const selfChecks = { '/skills/self-check/': ['q1', 'q2', 'q3'] };

describe('summarize', () => {
  it('counts by chapter and path, and picks up where the reader left off', () => {
    let p = reachSectionEnd(emptyProgress, '/skills/', 10);
    p = markSection(p, '/design/', true, 20);
    p = openSelfCheck(p, '/skills/self-check/#q2', 21);
    const s = summarize(p, outline, paths, selfChecks);
    expect(s.chapters.map((c) => [c.slug, c.read, c.total])).toEqual([
      ['skills', 1, 3],
      ['design', 1, 2],
    ]);
    expect(s.chapters[0]?.sections[1]?.title).toBe('Questions');
    expect(s.chapters[0]?.sections[2]).toMatchObject({ selfChecksOpened: 1, selfChecksTotal: 3 });
    // The most recent read on the interview path is /design/: next comes its next section.
    expect(s.paths[0]).toMatchObject({ read: 2, total: 5, next: { path: '/design/sharding/' } });
    expect(s.paths[1]).toMatchObject({ read: 1, total: 2, next: { path: '/design/sharding/' } });
    expect([s.read, s.total, s.selfChecksOpened, s.selfChecksTotal]).toEqual([2, 5, 1, 3]);
  });

  it('goes back for skipped sections once the end of a path is read', () => {
    const p = markSection(emptyProgress, '/design/sharding/', true, 5);
    const s = summarize(p, outline, paths, selfChecks);
    expect(s.paths[0]?.next?.path).toBe('/skills/');
    const done = markSection(markSection(p, '/design/', true, 6), '/design/sharding/', true, 7);
    expect(summarize(done, outline, paths, selfChecks).paths[1]?.next).toBeUndefined();
  });

  it('does not count an unmarked section', () => {
    const p = markSection(markSection(emptyProgress, '/design/', true, 5), '/design/', false, 6);
    expect(summarize(p, outline, paths, selfChecks).read).toBe(0);
  });
});
