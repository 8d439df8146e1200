import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '@/lib/engine/client';
import { paginationUnderChurn } from '@/lib/leaderboard/churn';
import {
  APPROXIMATE_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  SHARDING_PARAMS,
  parseParams,
  type ParamSchema,
  type ParamValues,
} from '@/lib/leaderboard/playground-params';
import { ShardingModel, approximateView } from '@/lib/leaderboard/playgrounds';
import type { RedisLike } from '@/lib/leaderboard/redis-like';
import { createFriendGraph, followersOf } from '@/lib/leaderboard/world';
import { ranking, reads, scale, sharding } from './design-ledger';

/*
 * Pinned claims: where a chapter says what a seeded widget shows, run the widget's model in
 * Node with the props the page passes and check the sentence's values. When a model changes,
 * this test names the sentence to rewrite; when a sentence changes, it must still be true.
 */

const page = (slug: string) =>
  readFileSync(join(__dirname, 'leaderboard-design', `${slug}.mdx`), 'utf8');

/** The props of the one `<Name … />` tag on a page, parsed and clamped like the widget does. */
function widgetProps<S extends ParamSchema>(
  source: string,
  name: string,
  schema: S,
): ParamValues<S> {
  const tags = [...source.matchAll(new RegExp(`<${name}\\b([^>]*)/>`, 'g'))];
  expect(tags, `one <${name} /> on the page`).toHaveLength(1);
  const raw: Record<string, string> = {};
  for (const m of tags[0]![1]!.matchAll(/(\w+)=(?:\{([^}]*)\}|"([^"]*)")/g)) {
    raw[m[1]!] = m[2] ?? m[3] ?? '';
  }
  const { values, notes } = parseParams(schema, raw);
  expect(notes, `<${name}> props are valid`).toEqual([]);
  return values;
}

/** The one sentence of `source` that contains `marker`. */
function sentence(source: string, marker: string): string {
  const i = source.indexOf(marker);
  expect(i, `the page still says "${marker}"`).toBeGreaterThanOrEqual(0);
  const start = source.lastIndexOf('\n', i) + 1;
  const end = source.indexOf('\n', i);
  return source.slice(start, end < 0 ? undefined : end);
}

const num = (s: string) => Number(s.replace(/,/g, ''));

describe('reads: the pagination playground', () => {
  it('repeats and skips the players the page names', async () => {
    const src = page('reads');
    const props = widgetProps(src, 'PaginationPlayground', PAGINATION_PARAMS);
    const result = await paginationUnderChurn(createClient() as unknown as RedisLike, {
      seed: props.seed,
      players: props.players,
      pageSize: props.pageSize,
      changesPerPage: props.changes,
    });
    const changed = new Set(result.pages.flatMap((p) => p.changes.map((c) => c.member)));
    const repeated = result.pages.flatMap((p) => p.offsetRepeated).filter((m) => !changed.has(m));
    const skipped = result.offset.skippedMembers.filter((m) => !changed.has(m));

    const claim = sentence(src, 'At these settings the offset reader shows');
    const m =
      /shows ((?:p\d{4}(?:, | and )?)+) twice and never shows ((?:p\d{4}(?:, | and )?)+),/.exec(
        claim,
      );
    expect(m, claim).not.toBeNull();
    const ids = (list: string) => list.match(/p\d{4}/g) ?? [];
    expect(new Set(ids(m![1]!))).toEqual(new Set(repeated));
    expect(new Set(ids(m![2]!))).toEqual(new Set(skipped));
    // "every player the cursor reader repeats or skips is one whose own score changed"
    expect(claim).toContain(
      'every player the cursor reader repeats or skips is one whose own score changed',
    );
    expect(result.cursor.unchangedRepeated).toBe(0);
    expect(result.cursor.unchangedSkipped).toBe(0);
  });
});

describe('approximate ranking: the histogram playground', () => {
  it('crowds and errs as the page says, and flattens with quantile buckets', () => {
    const src = page('approximate-ranking');
    const props = widgetProps(src, 'ApproximateRankingPlayground', APPROXIMATE_PARAMS);
    expect(props.kind).toBe('fixed');
    const fixed = approximateView(props, 10);
    const quantile = approximateView({ ...props, kind: 'quantile' }, 10);
    const counts = fixed.buckets.counts;
    const total = counts.reduce((a, b) => a + b, 0);
    const share = (n: number) => counts.slice(0, n).reduce((a, b) => a + b, 0) / total;

    const claim = sentence(src, 'Start with 100 fixed-width buckets');
    expect(claim).toContain(`Start with ${props.buckets} fixed-width buckets`);
    expect(claim).toContain(
      `half of the ${props.players.toLocaleString('en-US')} players land in the lowest bucket`,
    );
    expect(share(1)).toBeGreaterThan(0.45);
    expect(share(1)).toBeLessThan(0.55);
    expect(claim).toContain('three quarters in the lowest three');
    expect(share(3)).toBeGreaterThan(0.7);
    expect(share(3)).toBeLessThan(0.8);
    const off = /off by about ([\d,]+) places on average and by up to ([\d,]+)/.exec(claim);
    expect(off, claim).not.toBeNull();
    expect(num(off![1]!)).toBe(Math.round(fixed.error.meanAbs / 100) * 100);
    expect(num(off![2]!)).toBe(Math.round(fixed.error.maxAbs / 100) * 100);
    const flat = /the average error falls to about ([\d,]+) places/.exec(claim);
    expect(flat, claim).not.toBeNull();
    expect(num(flat![1]!)).toBe(Math.round(quantile.error.meanAbs));
  });
});

describe('sharding: the sharding playground', () => {
  it('starts lopsided, rebalances to equal bands and moves the players the page counts', async () => {
    const src = page('sharding');
    const props = widgetProps(src, 'ShardingPlayground', SHARDING_PARAMS);
    // The range shards of the playground are the ledger's range shards, in kind and number.
    expect(props.shards).toBe(sharding.rangeShardCount);
    expect(SHARDING_PARAMS.shards.default).toBe(sharding.rangeShardCount);
    const model = await ShardingModel.create(createClient() as unknown as RedisLike, props);
    const { result } = await model.rebalance();
    const before = result.sizesBefore;
    const claim = sentence(src, 'Try it on a world of your own.');
    expect(claim).toContain(
      `starts with ${props.players.toLocaleString('en-US')} long-tailed players`,
    );
    expect(claim).toContain(
      `split into ${['', '', '', '', 'four', '', '', '', 'eight'][props.shards]} equal score slices`,
    );
    const bottom = /the bottom shard holds (\d+)% of them/.exec(claim);
    expect(bottom, claim).not.toBeNull();
    expect(num(bottom![1]!)).toBe(Math.round((Math.max(...before) / props.players) * 100));
    expect(before.indexOf(Math.max(...before))).toBe(0);
    const even = /even out at ([\d,]+) players each/.exec(claim);
    expect(even, claim).not.toBeNull();
    for (const size of result.sizesAfter) {
      expect(Math.abs(size - num(even![1]!))).toBeLessThanOrEqual(10);
    }
    const moved = /had to move to get there: ([\d,]+), (\d+)% of the board/.exec(claim);
    expect(moved, claim).not.toBeNull();
    expect(num(moved![1]!)).toBe(result.moved);
    expect(num(moved![2]!)).toBe(Math.round((result.moved / props.players) * 100));
  }, 60_000);
});

describe('social boards: the fan-out playground', () => {
  it('has the celebrity reach and follow count the page gives', () => {
    const src = page('social-boards');
    const props = widgetProps(src, 'FanOutPlayground', FANOUT_PARAMS);
    const graph = createFriendGraph({
      seed: props.seed,
      players: props.players,
      meanFollows: props.meanFollows,
      celebrities: props.celebrities ? 3 : 0,
      celebrityReach: 0.3,
    });
    const claim = sentence(src, 'The playground below runs all three designs');
    expect(claim).toContain(`one seeded graph of ${props.players.toLocaleString('en-US')} players`);
    expect(claim).toContain(`each following about ${props.meanFollows} others`);
    expect(Math.round(graph.edges / props.players / 5) * 5).toBe(props.meanFollows);
    const reach = /followed by about half of the players \((\d+) to (\d+)%\)/.exec(claim);
    expect(reach, claim).not.toBeNull();
    const shares = [...graph.celebrities].map((c) =>
      Math.round((followersOf(graph, c).length / props.players) * 100),
    );
    expect(Math.min(...shares)).toBe(num(reach![1]!));
    expect(Math.max(...shares)).toBe(num(reach![2]!));
  });
});

describe('sorted sets: the skip-list picture', () => {
  it('changes encoding from listpack to skiplist as the set passes 128 members', () => {
    const src = page('sorted-sets');
    expect(sentence(src, 'Grow to 129')).toContain(
      'watch `OBJECT ENCODING` change from `listpack` to `skiplist` as the set passes 128 entries',
    );
    const { engine } = createClient();
    for (let i = 0; i < 128; i++) engine.execute(['ZADD', 'z', String(i), `m${i}`]);
    expect(engine.execute(['OBJECT', 'ENCODING', 'z'])).toBe('listpack');
    engine.execute(['ZADD', 'z', '128', 'm128']);
    expect(engine.execute(['OBJECT', 'ENCODING', 'z'])).toBe('skiplist');
  });
});

/*
 * Widget defaults: where a playground models a figure of the design, its schema default (what
 * a bare embed shows) and the props its chapter passes are the ledger's figure, or at least
 * reach it. Scale models (100,000 players instead of 100M) are not figures of the design.
 */
describe('the playgrounds start from the ledger', () => {
  it("sharding: range mode over the ledger's range-shard count", () => {
    for (const values of [
      widgetProps(page('sharding'), 'ShardingPlayground', SHARDING_PARAMS),
      parseParams(SHARDING_PARAMS, {}).values,
    ]) {
      expect(values.mode).toBe('range');
      expect(values.shards).toBe(sharding.rangeShardCount);
    }
  });

  it("approximate ranking: the head and bucket sliders reach the ledger, 100M is the ledger's 100M", () => {
    expect(APPROXIMATE_PARAMS.head.max).toBe(ranking.exactHead);
    expect(APPROXIMATE_PARAMS.buckets.max).toBe(ranking.buckets);
    const props = widgetProps(
      page('approximate-ranking'),
      'ApproximateRankingPlayground',
      APPROXIMATE_PARAMS,
    );
    const view = approximateView({ ...props, scale: '100m' }, 20);
    expect(view.players).toBe(scale.registeredPlayers);
  }, 60_000);

  it('pagination: the first page is the top page, and no page is larger than the ledger allows', () => {
    for (const values of [
      widgetProps(page('reads'), 'PaginationPlayground', PAGINATION_PARAMS),
      parseParams(PAGINATION_PARAMS, {}).values,
    ]) {
      expect(values.pageSize).toBe(reads.topPageRows);
      expect(values.page).toBe(1);
    }
    expect(PAGINATION_PARAMS.pageSize.max).toBe(reads.maxPageSize);
  });

  it('fan-out: a player can follow as many friends as the ledger assumes', () => {
    expect(FANOUT_PARAMS.meanFollows.max).toBeGreaterThanOrEqual(reads.friendsPerPlayer);
  });
});
