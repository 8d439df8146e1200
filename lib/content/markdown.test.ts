import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentsUsed } from './components-used';
import { markdownBlocks, pageMarkdown } from './markdown';

const contentDir = path.join(process.cwd(), 'content');
// The pages that publish Markdown: the home page (app/index.md) and every chapter section
// (app/[chapter]/[section]/index.md). /instructors/ is a tool page (a live embed builder)
// and publishes none.
const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx') && (f === 'home.mdx' || f.includes(path.sep)))
  .map((f) => path.join(contentDir, f));

const options = {
  title: 'Page',
  pageUrl: 'https://lab.example/guide/page/',
  siteUrl: 'https://lab.example/guide',
};

describe('pageMarkdown', () => {
  it('has a text form for every block the chapters use', () => {
    const used = new Set(files.flatMap((f) => [...componentsUsed(readFileSync(f, 'utf8'))]));
    expect([...used].filter((name) => !markdownBlocks.has(name))).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(contentDir, f), f]))(
    '%s becomes Markdown with no JSX left and only absolute links',
    (_name, file) => {
      const markdown = pageMarkdown(readFileSync(file, 'utf8'), options);
      const outsideCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      expect(outsideCode).not.toMatch(/<[A-Z][A-Za-z]*[\s>/]/);
      for (const [, url] of outsideCode.matchAll(/\]\(([^)\s]+)/g))
        expect(url).toMatch(/^(https?:|mailto:)/);
    },
  );

  it("prints each speed-round card with its 'Read:' link made absolute", () => {
    const cards = [
      {
        question: 'Is the top shard hot?',
        answer: 'For reads.',
        link: {
          href: '/leaderboard-design/sharding/#the-hot-top-shard',
          title: 'The hot top shard',
        },
      },
      { question: 'Unlinked?', answer: 'Yes.' },
    ];
    const markdown = pageMarkdown('<SpeedRoundList />', { ...options, cards });
    expect(markdown).toContain(
      'Read: [The hot top shard](https://lab.example/guide/leaderboard-design/sharding/#the-hot-top-shard)',
    );
    expect(markdown.match(/Read:/g)).toHaveLength(1);
  });

  it('writes each block in a plain form', () => {
    const source = [
      'See [the plan](/interview-skills/#phases).',
      '<Note title="Why">A note.</Note>',
      '<SelfCheck id="q1" question="What is O(log N)?">',
      'Logarithmic.',
      '</SelfCheck>',
      '<Interviewer>',
      'Go on.',
      '</Interviewer>',
      '<ShardingPlayground seed={7} players={100000} mode="range" />',
      '<Figure caption="A table">',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '</Figure>',
    ].join('\n\n');
    const md = pageMarkdown(source, { ...options, description: 'About it.' });
    expect(md).toContain('# Page\n');
    expect(md).toContain('About it.');
    expect(md).toContain('[the plan](https://lab.example/guide/interview-skills/#phases)');
    expect(md).toContain('> **Note: Why.** A note.');
    expect(md).toContain(
      '**Question:** What is O(log N)? [#q1](https://lab.example/guide/page/#q1)\n\n**Answer:** Logarithmic.',
    );
    expect(md).toContain('**Interviewer:** Go on.');
    expect(md).toContain(
      '_Interactive: Sharding playground (seed=7, players=100000, mode=range). Use it live at <https://lab.example/guide/page/>._',
    );
    expect(md).toContain('| a | b |');
    expect(md).toContain('_Figure: A table_');
  });

  it('refuses a block it has no text form for', () => {
    expect(() => pageMarkdown('<NewWidget />', options)).toThrow(/no text form for <NewWidget>/);
  });
});
