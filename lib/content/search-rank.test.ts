import { describe, expect, it } from 'vitest';
import { headingMatch, normaliseQuery, rankPages, toHits, type SearchPage } from './search-rank';

function page(url: string, title: string, headings: string[] = []): SearchPage {
  return {
    url,
    excerpt: `${title} excerpt`,
    meta: { title },
    sub_results: headings.map((h, i) => ({ title: h, url: `${url}#h${i}`, excerpt: h })),
  };
}

describe('search ranking', () => {
  it('normalises case, punctuation and spacing', () => {
    expect(normaliseQuery('  Trade-offs,  stated PLAINLY! ')).toBe('trade offs stated plainly');
  });

  it('puts a page whose heading is the query first, whatever Pagefind ranked it', () => {
    const pagefindOrder = [
      page('/mock-interviews/', 'A full mock interview', ['What the interviewer has to do']),
      page('/leaderboard-design/write-path/', 'The write path', [
        'What a leaderboard must not lose',
      ]),
      page('/mock-interviews/speed-round/', 'Speed round'),
      page('/leaderboard-design/sharding/', 'Sharding'),
      page('/ai-prep/prompts/', 'Prompts'),
      page('/leaderboard-design/social-boards/', 'Social boards'),
      page('/leaderboard-design/', 'Leaderboard Design', ['What a leaderboard has to do', 'Scale']),
    ];
    const ranked = rankPages(pagefindOrder, 'What a leaderboard has to do');
    expect(ranked.map((p) => p.url)).toEqual([
      '/leaderboard-design/',
      ...pagefindOrder.slice(0, 6).map((p) => p.url),
    ]);
    const hits = toHits(pagefindOrder, 'What a leaderboard has to do');
    expect(hits[0]).toMatchObject({
      url: '/leaderboard-design/#h0',
      heading: 'What a leaderboard has to do',
    });
  });

  it('ranks an exact heading above a heading that only contains the phrase', () => {
    const pages = [
      page('/a/', 'A', ['Sharding by score range in practice']),
      page('/b/', 'B', ['Sharding by score range']),
      page('/c/', 'C', ['Nothing relevant']),
    ];
    expect(headingMatch(pages[0]!, 'sharding by score range')).toBe(1);
    expect(headingMatch(pages[1]!, 'Sharding by score range')).toBe(2);
    expect(headingMatch(pages[2]!, 'sharding by score range')).toBe(0);
    expect(rankPages(pages, 'Sharding by score range').map((p) => p.url)).toEqual([
      '/b/',
      '/a/',
      '/c/',
    ]);
  });

  it("keeps Pagefind's order for a one-word query that only appears inside headings", () => {
    const pages = [page('/a/', 'A', ['Other']), page('/b/', 'B', ['Sharding in practice'])];
    expect(rankPages(pages, 'sharding').map((p) => p.url)).toEqual(['/a/', '/b/']);
    // ...but a one-word query that is a page's title wins.
    expect(rankPages([page('/x/', 'X'), page('/s/', 'Sharding')], 'sharding')[0]!.url).toBe('/s/');
  });

  it('puts a page whose lede names a one-word query (a command it teaches) first', () => {
    const uses = page('/write-path/', 'The write path', ['ZADD GT for totals that only grow']);
    const teaches = {
      ...page('/sorted-sets/', 'One Redis sorted set'),
      meta: {
        title: 'One Redis sorted set',
        description: 'ZADD, ZINCRBY, ZREVRANK, ZREVRANGE and ZCOUNT, the skip list behind them.',
      },
    };
    expect(rankPages([uses, teaches], 'zadd').map((p) => p.url)).toEqual([
      '/sorted-sets/',
      '/write-path/',
    ]);
    expect(headingMatch(teaches, 'ZREVRANK')).toBe(1);
    // A word inside a longer word does not count, and a phrase still needs a heading.
    expect(headingMatch(teaches, 'zrev')).toBe(0);
    expect(headingMatch(teaches, 'skip list')).toBe(0);
  });

  it('shows at most six pages and ten lines', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      page(`/p${i}/`, `P${i}`, ['one', 'two', 'three', 'four']),
    );
    const hits = toHits(many, 'anything');
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((h) => h.url.split('#')[0])).size).toBe(4);
    expect(toHits(many.slice(0, 3), 'x')).toHaveLength(9);
    expect(toHits([page('/solo/', 'Solo')], 'x')).toEqual([
      { id: '/solo/', url: '/solo/', page: 'Solo', heading: 'Solo', excerpt: 'Solo excerpt' },
    ]);
  });
});
