import { describe, expect, it } from 'vitest';
import { withBasePath, withoutBasePath } from './site-config';

describe('base path helpers', () => {
  it('prefixes site paths and leaves every other kind of URL alone', () => {
    expect(withBasePath('/leaderboard-design/', '/lab')).toBe('/lab/leaderboard-design/');
    expect(withBasePath('/', '/lab')).toBe('/lab/');
    expect(withBasePath('/x/', '')).toBe('/x/');
    for (const href of ['https://redis.io/', '//cdn.example/x', '#anchor', '?page=2', 'x/'])
      expect(withBasePath(href, '/lab')).toBe(href);
  });

  it('turns a location back into the root-relative path progress keys use', () => {
    expect(withoutBasePath('/lab/interview-skills/', '/lab')).toBe('/interview-skills/');
    expect(withoutBasePath('/lab', '/lab')).toBe('/');
    expect(withoutBasePath('/lab/', '/lab')).toBe('/');
    // Only a whole path segment is the base path.
    expect(withoutBasePath('/laboratory/', '/lab')).toBe('/laboratory/');
    expect(withoutBasePath('/interview-skills/', '')).toBe('/interview-skills/');
  });

  it('round-trips every site path', () => {
    for (const p of ['/', '/a/', '/a/b/#c'])
      expect(withoutBasePath(withBasePath(p, '/x/y'), '/x/y')).toBe(p);
  });
});
