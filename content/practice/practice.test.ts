import { describe, expect, it } from 'vitest';
import { compileTopology } from '@/lib/flow/topology';
import { answerQuestion } from '@/lib/practice/clarify';
import {
  attemptMarkdown,
  exportAttempts,
  newAttempt,
  parseAttempts,
  reviewPrompt,
} from '@/lib/practice/attempt';
import { capacityPass } from '@/lib/practice/capacity';
import { runDesign } from '@/lib/practice/run';
import { compareDesigns } from '@/lib/practice/review';
import { inForce } from '@/lib/practice/variant';
import { practiceCosts } from './costs';
import { findVariant, ledgerFacts, practiceVariants } from './prompts';
import { rubric } from './rubric';
import { naiveTopology } from '@/lib/practice/test-support';

const guide = findVariant('global-game')!;
const ids = new Set(practiceVariants.map((v) => v.id));

describe('practice prompts', () => {
  it('has the guide’s prompt and at least three variants, each with a change mid-round', () => {
    expect(practiceVariants.length).toBeGreaterThanOrEqual(4);
    expect(new Set(practiceVariants.map((v) => v.id)).size).toBe(practiceVariants.length);
    for (const v of practiceVariants) {
      expect(v.change.minute).toBeGreaterThan(10);
      expect(v.change.minute).toBeLessThan(40);
      expect(v.estimates.map((e) => e.id).sort()).toEqual(['memory', 'reads', 'shards', 'writes']);
      const mix = v.load.readMix;
      expect(mix.sharedPages + mix.ownRank + mix.friendBoards).toBeCloseTo(1, 9);
      expect(compileTopology(v.reference.topology).issues).toEqual([]);
      for (const node of v.reference.topology.nodes)
        expect(v.reference.positions[node.id]).toBeDefined();
    }
  });

  it('answers the three questions the guide says to ask first, for every variant', () => {
    for (const v of practiceVariants) {
      for (const q of [
        'How many players or users are there?',
        'Does everyone need an exact rank?',
        'How fresh must the board be?',
      ]) {
        expect(answerQuestion(q, v.facts).length, `${v.id}: ${q}`).toBeGreaterThan(0);
      }
    }
  });

  it('each reference design meets its prompt’s requirements and survives every drill', () => {
    for (const v of practiceVariants) {
      const r = runDesign({
        topology: v.reference.topology,
        load: v.load,
        requirements: v.requirements,
        costs: practiceCosts,
      });
      for (const c of r.requirements) expect(c.passed, `${v.id} ${c.id}: ${c.reason}`).toBe(true);
      for (const d of r.drills)
        if (!d.skipped) expect(d.passed, `${v.id} ${d.id}: ${d.details}`).toBe(true);
    }
  });
});

describe('capacity pass against hand-computed figures (the guide’s reference design)', () => {
  const plan = compileTopology(guide.reference.topology).plan!;
  const cap = capacityPass(
    guide.reference.topology,
    plan,
    guide.load,
    guide.requirements,
    practiceCosts,
  );
  const overhead = 1e6 / 90_000 - 3.7; // ≈ 7.41 µs around every call

  it('Redis: 72,000 board writes/s over 8 range shards, the top-K refreshes, friend reads', () => {
    // 12,000 updates × 6 boards ÷ 8 shards = 9,000 ZADD/s on each.
    // Top pages: 40 API instances refresh once a second = 40/s, all on the top shard.
    // Own-rank reads: 17,400/s, but the histogram answers all but the top 10,000 of 100M
    // (a share of 10⁻⁴): 1.74/s reach Redis, 2 calls each, spread over 8 shards.
    // Friends: 5,800/s ÷ 8 shards = 725 ZMSCORE of 200 members × 0.4 µs.
    const own = 17_400 * (10_000 / 100_000_000);
    const micros =
      9_000 * (6.2 + overhead) +
      40 * (2.2 + overhead) +
      (own / 8) * (3.7 + overhead + 3.7 + overhead) +
      725 * (200 * 0.4 + overhead);
    expect(cap.nodes.redis!.utilisation).toBeCloseTo(micros / 1e6, 6);
    // 46 GB of data ÷ 8 shards × 1.4 (the largest range shard's share) ≈ 8.1 GB of 16 GB.
    expect(cap.nodes.redis!.memoryBytes! / 1e9).toBeCloseTo((46.14 / 8) * 1.4, 1);
  });

  it('PostgreSQL, Kafka and the consumers', () => {
    expect(cap.nodes.postgres!.utilisation).toBeCloseTo(12_000 / 50_000, 9);
    // 781 events/s per consumer (50,000/s replay over 64 partitions), 32 consumers.
    expect(cap.nodes.writers!.utilisation).toBeCloseTo(12_000 / (32 * 781), 9);
    expect(cap.nodes.kafka!.utilisation).toBeCloseTo(12_000 / (64 * 50_000), 9);
    expect(cap.nodes.kafka!.detail).toContain('840 GB');
    // The API: 12,000 writes + 58,000 reads over 40 instances of 2,917 requests/s.
    expect(cap.nodes.api!.utilisation).toBeCloseTo(
      70_000 / (40 * practiceCosts.api.requestsPerSecond),
      9,
    );
    expect(cap.nodes.topk!.detail).toContain('40/s refresh');
  });

  it('a saturated component backs up at its excess rate for 60 s', () => {
    const few = {
      ...guide.reference.topology,
      nodes: guide.reference.topology.nodes.map((n) =>
        n.id === 'writers' ? { ...n, params: { consumers: 8, idempotent: true } } : n,
      ),
    };
    const c = capacityPass(
      few,
      compileTopology(few).plan!,
      guide.load,
      guide.requirements,
      practiceCosts,
    );
    // 8 × 781 = 6,248/s against 12,000/s: 5,752 events/s pile up in Kafka.
    expect(c.nodes.writers!.backlogPerSecond).toBeCloseTo(12_000 - 8 * 781, 6);
    expect(c.timeline.at(-1)?.backlog.writers).toBeCloseTo(60 * (12_000 - 8 * 781), 0);
    expect(c.bottleneck).toBe('writers');
  });

  it('the change at minute 18 adds a third scope of boards', () => {
    const after = inForce(guide, 18);
    expect(after.changed).toBe(true);
    expect(after.load.boardWritesPerUpdate).toBe(9);
    expect(inForce(guide, 17).changed).toBe(false);
  });
});

describe('attempts: export, import, Markdown, review prompt', () => {
  const attempt = {
    ...newAttempt(guide, 'a1', Date.UTC(2026, 11, 1)),
    questions: [{ text: 'How many players?', answers: ['100M registered players.'] }],
    design: { topology: guide.reference.topology, positions: guide.reference.positions },
  };

  it('round-trips through the export file', () => {
    const parsed = parseAttempts(exportAttempts([attempt], Date.now()), ids);
    expect(parsed).toEqual({ ok: true, attempts: [attempt] });
  });

  it('refuses a corrupt or foreign file with a reason', () => {
    const reason = (text: string) => {
      const r = parseAttempts(text, ids);
      return r.ok ? null : r.reason;
    };
    expect(
      reason('{"format": "leaderboard-lab/practice-attempts", "version": 1, "attempts": ['),
    ).toMatch(/not JSON/);
    expect(reason(JSON.stringify({ hello: 'world' }))).toMatch(
      /not a Leaderboard Lab practice export/,
    );
    expect(
      reason(
        JSON.stringify({ format: 'leaderboard-lab/practice-attempts', version: 9, attempts: [] }),
      ),
    ).toMatch(/version 9/);
    const bad = JSON.parse(exportAttempts([attempt], 0));
    bad.attempts[0].design.topology.nodes[0].kind = 'mainframe';
    expect(reason(JSON.stringify(bad))).toMatch(/unknown kind \(mainframe\)/);
    const twice = JSON.parse(exportAttempts([attempt, attempt], 0));
    expect(reason(JSON.stringify(twice))).toMatch(/share the id a1/);
    const unknown = JSON.parse(exportAttempts([{ ...attempt, variantId: 'chess' }], 0));
    expect(reason(JSON.stringify(unknown))).toMatch(/unknown prompt \(chess\)/);
  });

  it('writes Markdown and a review prompt with the rubric and the ledger’s figures', () => {
    const md = attemptMarkdown(attempt, guide, rubric);
    expect(md).toContain('# Practice attempt: A global game leaderboard');
    expect(md).toContain('- How many players?');
    expect(md).toContain('Kafka topic "kafka"');
    const prompt = reviewPrompt(attempt, guide, rubric, ledgerFacts);
    expect(prompt).toContain('Asked the questions that fork the design');
    expect(prompt).toContain('12,000 score updates/s');
    expect(prompt).toContain(md.trim().split('\n')[0]);
  });

  it('lists how a design differs from the reference', () => {
    const diff = compareDesigns(naiveTopology, guide.reference.topology).map((d) => d.text);
    expect(diff).toContain('No Kafka topic: the reference has one.');
    expect(diff).toContain('No PostgreSQL: the reference has one.');
    expect(diff.join(' ')).toMatch(/source of truth: yours none; the reference PostgreSQL/);
  });
});
