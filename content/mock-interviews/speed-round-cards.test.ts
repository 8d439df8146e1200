import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHeadings } from '@/lib/content/headings';
import { parseStatedNumber } from '@/lib/content/ledger-check';
import { publishedPages } from '@/lib/content/navigation';
import { chapters, type Chapter } from '../chapters';
import {
  boardWritesPerUpdate,
  boards,
  cachedPageReadsPerSecond,
  compositeScore,
  costMicros,
  fleet,
  histogram,
  memory,
  memoryTable,
  operations,
  peakBoardWritesPerSecond,
  rangeShards,
  rankRead,
  ranking,
  readMix,
  reads,
  readsAtPeak,
  redisDataBytes,
  replay,
  scale,
  sharding,
  social,
  threadTime,
  topShardWritesPerSecond,
  traffic,
} from '../design-ledger';
import { sectionFiles, sectionKey } from '../pages';
import { speedRoundCards, speedRoundTags, type SpeedRoundCard } from './speed-round-cards';

/*
 * The speed-round cards are what a candidate memorises, so every link and every figure on
 * them is checked: a link must land on a heading that exists, with that heading's text, and
 * every number a card states must be listed below with the ledger figure it is. A card that
 * gains, loses or changes a number, or a ledger figure that moves, fails here.
 */

// ─── Links ───────────────────────────────────────────────────────────────────────────────

/** Every published page's headings, by root-relative path. */
const headingsByPath = new Map(
  publishedPages(chapters as readonly Chapter[]).map((page) => {
    const entry = sectionFiles[sectionKey(page.chapterSlug, page.sectionSlug)];
    if (!entry) throw new Error(`No MDX file for ${page.href}`);
    const source = readFileSync(path.join(__dirname, '..', entry.file), 'utf8');
    return [page.href, extractHeadings(source)] as const;
  }),
);

/** What is wrong with a card's link, or an empty list. */
function linkProblems(card: SpeedRoundCard): string[] {
  if (!card.link) return [`${card.id}: no link`];
  const { href, title } = card.link;
  const m = /^(\/[a-z0-9-]+\/(?:[a-z0-9-]+\/)?)#([a-z0-9-]+)$/.exec(href);
  if (!m) return [`${card.id}: ${href} is not a root-relative page path with an anchor`];
  const [, page, anchor] = m;
  const headings = headingsByPath.get(page!);
  if (!headings) return [`${card.id}: no published page ${page}`];
  const heading = headings.find((h) => h.id === anchor);
  if (!heading) return [`${card.id}: no heading #${anchor} on ${page}`];
  return heading.text === title
    ? []
    : [`${card.id}: the heading #${anchor} reads "${heading.text}", the card says "${title}"`];
}

describe('speed-round card links', () => {
  it('every card links to a heading that exists, titled as the page titles it', () => {
    expect(speedRoundCards.flatMap(linkProblems)).toEqual([]);
  });

  it('fails a link to a missing page, a missing anchor or a renamed heading', () => {
    const card = speedRoundCards.find((c) => c.id === 'hot-top-shard')!;
    const withLink = (href: string, title = card.link!.title) => ({
      ...card,
      link: { href, title },
    });
    expect(linkProblems(card)).toEqual([]);
    expect(linkProblems(withLink('/leaderboard-design/shards/#the-hot-top-shard'))).toHaveLength(1);
    expect(linkProblems(withLink('/leaderboard-design/sharding/#the-hot-shard'))).toHaveLength(1);
    expect(linkProblems(withLink('/leaderboard-design/sharding/'))).toHaveLength(1);
    expect(linkProblems(withLink(card.link!.href, 'The hot shard'))).toHaveLength(1);
    expect(linkProblems({ ...card, link: undefined })).toHaveLength(1);
  });

  it('keeps ids unique and tags within the vocabulary (the schedule is keyed by id)', () => {
    const ids = speedRoundCards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const card of speedRoundCards) {
      for (const tag of card.tags) expect(speedRoundTags, card.id).toContain(tag);
    }
  });
});

// ─── Figures ─────────────────────────────────────────────────────────────────────────────

/**
 * A number as a card writes it: digits with thousands commas and decimals, a power (2^23),
 * a suffix (100M, 1B, 5 million), a percent sign, or a number word from two to twelve.
 * ("one" is left out: "one shard", "one-second cache" are not figures.)
 */
const NUMBER =
  /(?<![\w.^])(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\^\d+)?(?:[MBk](?![A-Za-z])| million\b| billion\b)?%?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)/gi;

/** The numbers a card states, question first, in order. */
function statedNumbers(card: Pick<SpeedRoundCard, 'question' | 'answer'>): string[] {
  return [...`${card.question}\n${card.answer}`.matchAll(NUMBER)].map((m) => m[0]);
}

/** A stated number's value and the half-unit its last written digit allows. */
function valueOf(stated: string): { value: number; slack: number } {
  const power = /^(\d+)\^(\d+)$/.exec(stated);
  if (power) return { value: Number(power[1]) ** Number(power[2]), slack: 0 };
  const value = parseStatedNumber(stated.replace(/%$/, ''));
  if (Number.isNaN(value)) throw new Error(`cannot read "${stated}"`);
  const m = /^[\d,]+(?:\.(\d+))?\s?(M|B|k|million|billion)?%?$/.exec(stated);
  if (!m) return { value, slack: 0 }; // a number word
  const mult = { M: 1e6, million: 1e6, B: 1e9, billion: 1e9, k: 1e3 }[m[2] ?? ''] ?? 1;
  return { value, slack: (0.5 * mult) / 10 ** (m[1]?.length ?? 0) };
}

/**
 * A stated number and what it is: a ledger figure (in the unit the card states it, left
 * unrounded: the card may round it to its last written digit), or, for a number that is
 * not a figure of the design, the reason in words.
 */
type Figure = readonly [stated: string, is: number | string];

const GB = 1e9;
const pct = (share: number) => share * 100;
const perRegion = scale.registeredPlayers / boards.regions;
const largestShard = Math.max(...rangeShards.map((s) => s.members));
const topShareOfPlayers = rangeShards[0]!.members / scale.registeredPlayers;

/** Every number each card states, in the order it states them. */
const cardFigures: Record<string, readonly Figure[]> = {
  'why-sorted-set': [],
  'sorted-set-internals': [],
  'skip-list-vs-balanced-tree': [],
  'core-command-complexities': [['1', 'O(1)']],
  'zadd-vs-zincrby': [],
  'tie-breaking': [
    ['Two', 'two players in the question'],
    ['2^23', 2 ** compositeScore.timeBits],
    ['2^23', 2 ** compositeScore.timeBits],
    ['1', 'the formula: 2^23 − 1 − t'],
    ['2^30', compositeScore.maxScore + 1],
    ['1', 'the largest score is 2^30 − 1'],
    ['53', Math.log2(compositeScore.maxScore + 1) + compositeScore.timeBits],
  ],
  'why-not-sql-order-by': [['100M', scale.registeredPlayers]],
  'source-of-truth': [],
  'idempotent-write': [],
  'outbox-pattern': [['two', 'two systems, PostgreSQL and Kafka']],
  'kafka-partition-key': [],
  'kafka-replay': [['5', operations.replayWindowSeconds / 60]],
  'estimate-write-rate': [
    ['20M', scale.dailyActives],
    ['10', scale.matchesPerActivePerDay],
    ['20M', scale.dailyActives],
    ['10', scale.matchesPerActivePerDay],
    ['200M', traffic.updatesPerDay],
    ['86,400', scale.secondsPerDay],
    ['2,300', traffic.avgUpdatesPerSecond],
    ['5', scale.peakFactor],
    ['12,000', traffic.peakUpdatesPerSecond],
  ],
  'estimate-read-rate': [
    ['5', scale.readsPerMatch],
    ['200M', traffic.updatesPerDay],
    ['5', scale.readsPerMatch],
    ['1B', traffic.readsPerDay],
    ['11,600', traffic.avgReadsPerSecond],
    ['58,000', traffic.peakReadsPerSecond],
    ['5', scale.peakFactor],
    ['60%', pct(readMix.sharedPages)],
    ['30%', pct(readMix.ownRankAndNeighbours)],
    ['17,400', readsAtPeak.ownRank],
    ['10%', pct(readMix.friendBoards)],
    ['5,800', readsAtPeak.friendBoards],
  ],
  'estimate-memory': [
    ['100M', scale.registeredPlayers],
    ['102', memory.bytesPerMember],
    ['7.0', 'the Redis version measured'],
    ['14', memory.memberNameBytes],
    ['100M', scale.registeredPlayers],
    ['10', memoryTable.globalSeasonBoard / GB],
    ['45', memoryTable.allBoards / GB],
  ],
  'estimate-cpu': [
    ['12,000', traffic.peakUpdatesPerSecond],
    ['6.2', costMicros.zadd],
    ['74', threadTime.oneBoardWritesMs],
    ['58,000', traffic.peakReadsPerSecond],
    ['3.7', costMicros.zrevrank],
    ['215', threadTime.allReadsAsRankMs],
    ['six', boardWritesPerUpdate],
    ['446', threadTime.sixBoardWritesMs],
  ],
  'when-to-shard': [
    ['100M', scale.registeredPlayers],
    ['10', memoryTable.globalSeasonBoard / GB],
    ['six', boardWritesPerUpdate],
    ['46', redisDataBytes / GB],
    ['6', memory.instanceDataTargetBytes / GB],
    ['8', fleet.primaries],
  ],
  'hash-sharding-rank-cost': [
    ['8', sharding.rangeShardCount],
    ['17,400', readsAtPeak.ownRank],
    ['139,200', rankRead.hashZcountPerSecond],
    ['two', rankRead.rangeRoundTrips],
  ],
  'range-sharding-global-rank': [['Two', rankRead.rangeRoundTrips]],
  'range-sharding-boundaries': [
    ['1%', pct(topShareOfPlayers)],
    ['two', 'powers of two'],
  ],
  'season-start-skew': [
    ['12,000', traffic.peakUpdatesPerSecond],
    ['12,000', traffic.peakUpdatesPerSecond],
    ['6.2', costMicros.zadd],
    ['74', threadTime.oneBoardWritesMs],
  ],
  'hot-top-shard': [
    ['40', fleet.apiServers],
    ['40', cachedPageReadsPerSecond],
    ['1%', pct(topShareOfPlayers)],
    ['15%', pct(sharding.topShardWriteShare)],
    ['1,800', topShardWritesPerSecond],
  ],
  'top-k-scatter-gather': [
    ['100', 'K in the question'],
    ['100', 'K'],
    ['100', 'K'],
    ['800', 100 * sharding.rangeShardCount],
    ['8', sharding.rangeShardCount],
    ['100', 'K'],
    ['100', 'K'],
  ],
  'approximate-rank-histogram': [
    ['10,000', ranking.buckets],
    ['80', histogram.counterBytes / 1e3],
  ],
  'approximate-rank-error': [
    ['100M', scale.registeredPlayers],
    ['10,000', ranking.buckets],
    ['10,000', histogram.bucketPopulation],
    ['0.01', histogram.errorPercentilePoints],
  ],
  'exact-head-approximate-tail': [
    ['10,000', histogram.bucketPopulation],
    ['1', 'rank 1'],
    ['10,000', ranking.exactHead],
    ['10,000', ranking.exactHead],
    ['1', histogram.headSetBytes / 1e6],
  ],
  'histogram-freshness': [
    ['10', ranking.histogramRebuildSeconds],
    ['10,000', histogram.bucketPopulation],
  ],
  'offset-vs-cursor': [['two', 'two page requests']],
  'around-me-query': [
    ['5', reads.neighbours],
    ['5', reads.neighbours],
  ],
  'read-your-writes': [['two', 'a second or two of staleness']],
  'caching-top-of-board': [
    ['60%', pct(readMix.sharedPages)],
    ['10', ranking.histogramRebuildSeconds],
  ],
  'fan-out-read-vs-write': [
    ['200', reads.friendsPerPlayer],
    ['two', 'one or two calls'],
    ['12,000', traffic.peakUpdatesPerSecond],
    ['200', reads.friendsPerPlayer],
    ['2.4M', social.fanOutWritesPerSecond],
  ],
  'celebrity-problem': [
    ['5 million', social.celebrityFollowers],
    ['5 million', social.celebrityFollowers],
    ['31', (social.celebrityFollowers * costMicros.zadd) / 1e6],
    ['6.2', costMicros.zadd],
    ['ten', scale.matchesPerActivePerDay],
    ['10,000', social.celebrityThreshold],
  ],
  'regional-boards': [
    ['three', boards.windows.length],
    ['two', boards.scopesPerUpdate.length],
    ['six', boardWritesPerUpdate],
    ['72,000', peakBoardWritesPerSecond],
    ['16.7M', perRegion],
    ['1.7', (perRegion * memory.bytesPerMember) / GB],
  ],
  'season-reset': [],
  'redis-recovery': [
    ['5', operations.replayWindowSeconds / 60],
    ['72', replay.failoverSeconds],
    ['100M', scale.registeredPlayers],
    ['620', threadTime.fullReloadSeconds],
    ['17.5M', largestShard],
    ['108', sharding.largestShardReloadSeconds],
  ],
  'key-metrics': [
    ['three', 'the question asks for three'],
    ['5', operations.lagAlertSeconds],
    ['5', operations.p99AlertMs],
  ],
  'anti-cheat-placement': [['15', 60 / operations.minMatchMinutes]],
};

/** What is wrong with a card's figures against `figures`, or an empty list. */
function figureProblems(card: SpeedRoundCard, figures: readonly Figure[] | undefined): string[] {
  if (!figures) return [`${card.id}: no entry in cardFigures`];
  const stated = statedNumbers(card);
  const listed = figures.map(([s]) => s);
  if (stated.join(' | ') !== listed.join(' | ')) {
    return [`${card.id}: states [${stated.join(', ')}], cardFigures lists [${listed.join(', ')}]`];
  }
  return figures.flatMap(([s, is]) => {
    if (typeof is === 'string') return [];
    const { value, slack } = valueOf(s);
    return Math.abs(value - is) <= slack + Math.abs(is) * 1e-9
      ? []
      : [`${card.id}: states ${s}, the ledger makes it ${is.toLocaleString('en-US')}`];
  });
}

describe('speed-round card figures', () => {
  it('every number on every card is listed, and each ledger figure has the ledger value', () => {
    expect(speedRoundCards.flatMap((c) => figureProblems(c, cardFigures[c.id]))).toEqual([]);
    expect(Object.keys(cardFigures).sort()).toEqual(speedRoundCards.map((c) => c.id).sort());
  });

  it('fails a card whose figure drifts, and a card that gains an unlisted number', () => {
    const card = speedRoundCards.find((c) => c.id === 'hot-top-shard')!;
    const figures = cardFigures[card.id];
    expect(figureProblems(card, figures)).toEqual([]);
    const drifted = { ...card, answer: card.answer.replace('1,800', '2,400') };
    expect(drifted.answer).not.toBe(card.answer);
    // A changed number no longer matches the list, whose entry carries the ledger figure.
    expect(figureProblems(drifted, figures)).toEqual([
      'hot-top-shard: states [40, 40, 1%, 15%, 2,400], cardFigures lists [40, 40, 1%, 15%, 1,800]',
    ]);
    // Listing the new number does not help: the ledger still makes it 1,800.
    const relisted = figures!.map(([s, is]): Figure => [s === '1,800' ? '2,400' : s, is]);
    expect(figureProblems(drifted, relisted)).toEqual([
      'hot-top-shard: states 2,400, the ledger makes it 1,800',
    ]);
    const gained = { ...card, answer: `${card.answer} Add 16 more shards.` };
    expect(figureProblems(gained, figures)).toHaveLength(1);
    // A ledger figure that moves: the same card against a top shard of 2M players.
    const moved = figures!.map(([s, is]): Figure => [s, s === '1%' ? 2 : is]);
    expect(figureProblems(card, moved)).toEqual([
      'hot-top-shard: states 1%, the ledger makes it 2',
    ]);
  });

  it('reads numbers as the cards write them', () => {
    expect(
      statedNumbers({ question: 'A 5x peak of 12,000?', answer: '2^23 and 16.7M, six, 15%.' }),
    ).toEqual(['5', '12,000', '2^23', '16.7M', 'six', '15%']);
    expect(valueOf('16.7M')).toEqual({ value: 16.7e6, slack: 0.05e6 });
    expect(valueOf('2^23')).toEqual({ value: 2 ** 23, slack: 0 });
    expect(valueOf('5 million').value).toBe(5e6);
    expect(valueOf('12,000')).toEqual({ value: 12_000, slack: 0.5 });
  });
});
