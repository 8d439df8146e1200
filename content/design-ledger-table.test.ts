import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPlainText } from '@/lib/content/ledger-table';
import { pageMarkdown } from '@/lib/content/markdown';
import {
  compositeScore,
  operations,
  rangeShards,
  readsAtPeak,
  reads,
  scale,
  traffic,
} from './design-ledger';
import { designLedgerGroups } from './design-ledger-table';
import registry from './link-registry.json';

const pages = (registry as { pages: Record<string, string[]> }).pages;
const rows = designLedgerGroups.flatMap((g) => g.rows);
const text = ledgerPlainText(designLedgerGroups, 'https://example.test');

describe('the published design ledger', () => {
  it('has the six groups the recap promises, none empty', () => {
    expect(designLedgerGroups.map((g) => g.id)).toEqual([
      'traffic',
      'memory',
      'sharding',
      'ranking',
      'write-path',
      'operations',
    ]);
    for (const g of designLedgerGroups) expect(g.rows.length, g.id).toBeGreaterThan(0);
  });

  it('links every figure to a published section and anchor', () => {
    for (const row of rows) {
      const [path, anchor] = row.where.split('#');
      expect(pages[path!], row.where).toBeDefined();
      if (anchor) expect(pages[path!], row.where).toContain(anchor);
    }
  });

  it('prints the figures the AI-prep ledger check needs, from the ledger', () => {
    const n = (x: number) => x.toLocaleString('en-US');
    for (const figure of [
      `${scale.dailyActives / 1e6}M`,
      n(traffic.peakUpdatesPerSecond),
      n(readsAtPeak.sharedPages),
      n(readsAtPeak.ownRank),
      n(readsAtPeak.friendBoards),
      `${operations.replayWindowSeconds / 60} minutes before the failover`,
      compositeScore.formula,
      n(compositeScore.example.composite),
      `${reads.perPlayerRatePerSecond} requests/s, bursts of ${reads.perPlayerBurst}`,
      '0.01 percentile points',
      'ZREVRANGE top 10 2.2 µs',
      ...rangeShards.map((s) => `${s.members / 1e6}M members`),
      '1.79 GB',
      '≈ 108 s',
    ]) {
      expect(text, figure).toContain(figure);
    }
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('names each shard band by its ledger boundaries', () => {
    const bands = rows
      .filter((r) => /^Shard S\d$/.test(r.label))
      .map((r) => r.value.split(', ')[0]);
    expect(bands).toEqual([
      '≥ 250,000 pts',
      '120,000–249,999 pts',
      '60,000–119,999 pts',
      '30,000–59,999 pts',
      '15,000–29,999 pts',
      '6,000–14,999 pts',
      '1,500–5,999 pts',
      '0–1,499 pts',
    ]);
  });

  it('is on the recap page and in its Markdown, with absolute links', () => {
    const recap = readFileSync(join(__dirname, 'leaderboard-design', 'recap.mdx'), 'utf8');
    expect(recap).toContain('<DesignLedger />');
    const md = pageMarkdown(recap, {
      title: 'Recap',
      pageUrl: 'https://example.test/leaderboard-design/recap/',
      siteUrl: 'https://example.test',
      ledger: designLedgerGroups,
    });
    expect(md).toContain('**Write path**');
    expect(md).toMatch(
      /\| Per-player read limit +\| 2 requests\/s, bursts of 10 .*\| \[Reads\]\(https:\/\/example\.test\/leaderboard-design\/reads\/#rate-limiting/,
    );
    expect(md).toContain(compositeScore.formula);
  });
});
