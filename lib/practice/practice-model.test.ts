import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentSpecs, flowKinds, paletteKinds, type Topology } from '@/lib/flow/topology';
import { answerQuestion, missedKeyQuestions, words } from './clarify';
import { checkEstimate, parseFigure } from './estimates';
import { interviewerMessages, askInterviewer, settingsProblem } from './interviewer';
import { describeTopology } from './review';
import { runDesign } from './run';
import { costs, load, requirements } from './test-support';

const facts = [
  { id: 'players', keywords: [['player', 'user', 'how many']], answer: '100M players.' },
  { id: 'exact', keywords: [['exact', 'approximate']], answer: 'Top 10,000 exact.' },
];

describe('clarify', () => {
  it('matches a question to facts by word stems, and says when nothing matches', () => {
    expect(answerQuestion('How many players do we have?', facts).map((f) => f.id)).toEqual([
      'players',
    ]);
    expect(answerQuestion('Must ranks be EXACTLY right?', facts).map((f) => f.id)).toEqual([
      'exact',
    ]);
    expect(answerQuestion('What colour is the logo?', facts)).toEqual([]);
    expect(answerQuestion('   ', facts)).toEqual([]);
    expect(words("Player's rank, exactly!")).toEqual(['players', 'rank', 'exactly']);
  });

  it('lists the key questions no question covered', () => {
    const keys = [
      { id: 'scale', question: 'How many?', keywords: [['player']], why: '' },
      { id: 'fresh', question: 'How fresh?', keywords: [['fresh', 'real time']], why: '' },
    ];
    expect(missedKeyQuestions(['how many players?'], keys).map((k) => k.id)).toEqual(['fresh']);
    expect(missedKeyQuestions(['is it real time?', 'players?'], keys)).toEqual([]);
  });
});

describe('estimates', () => {
  it('is good within 2×, flagged within 10×, wrong beyond', () => {
    expect(checkEstimate(12_000, 12_000).verdict).toBe('good');
    expect(checkEstimate(6_000, 12_000).verdict).toBe('good');
    expect(checkEstimate(24_000, 12_000).verdict).toBe('good');
    expect(checkEstimate(5_999, 12_000).verdict).toBe('flagged');
    expect(checkEstimate(120_000, 12_000).verdict).toBe('flagged');
    expect(checkEstimate(120_001, 12_000).verdict).toBe('wrong');
    expect(checkEstimate(0, 12_000).verdict).toBe('wrong');
    expect(checkEstimate(Number.NaN, 12_000).verdict).toBe('wrong');
  });

  it('reads figures as people type them', () => {
    expect(parseFigure('12,000')).toBe(12_000);
    expect(parseFigure('12k')).toBe(12_000);
    expect(parseFigure('1.2e4 /s')).toBe(12_000);
    expect(parseFigure('10 GB')).toBe(10);
    expect(parseFigure('500 MB')).toBe(0.5);
    expect(parseFigure('ten')).toBeNull();
    expect(parseFigure('12 parsecs')).toBeNull();
  });
});

describe('interviewer', () => {
  const settings = { baseUrl: 'http://127.0.0.1:9/v1', model: 'small', apiKey: 'k' };

  it('refuses settings that are not an endpoint before sending anything', () => {
    expect(settingsProblem({ ...settings, baseUrl: 'localhost' })).toMatch(/not a URL/);
    expect(settingsProblem({ ...settings, baseUrl: 'ftp://x/v1' })).toMatch(/http or https/);
    expect(settingsProblem({ ...settings, model: ' ' })).toMatch(/model/);
  });

  it('posts the persona and the design to /chat/completions and returns the question', async () => {
    const calls: { url: string; body: unknown; auth: string | null }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({
        url,
        body: JSON.parse(String(init.body)),
        auth: new Headers(init.headers).get('authorization'),
      });
      return new Response(
        JSON.stringify({ choices: [{ message: { content: ' What if Kafka is down? ' } }] }),
      );
    }) as unknown as typeof fetch;
    const messages = interviewerMessages(
      'Design a board',
      'Redis only',
      ['A dead shard lost scores.'],
      [],
    );
    expect(await askInterviewer(settings, messages, undefined, fake)).toBe(
      'What if Kafka is down?',
    );
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/v1/chat/completions');
    expect(calls[0]?.auth).toBe('Bearer k');
    expect(JSON.stringify(calls[0]?.body)).toContain('A dead shard lost scores.');
    const failing = (async () =>
      new Response('no', { status: 500, statusText: 'Server Error' })) as unknown as typeof fetch;
    await expect(askInterviewer(settings, messages, undefined, failing)).rejects.toThrow(/500/);
  });
});

/** A random graph from the palette, with parameters sometimes out of range. */
const paletteGraph = fc
  .record({
    kinds: fc.array(fc.constantFrom(...paletteKinds), { minLength: 0, maxLength: 12 }),
    edges: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), flow: fc.constantFrom(...flowKinds) }), {
      maxLength: 20,
    }),
    params: fc.array(fc.record({ i: fc.nat(), v: fc.integer({ min: -5, max: 300 }) }), {
      maxLength: 6,
    }),
  })
  .map(({ kinds, edges, params }): Topology => {
    const nodes = kinds.map((kind, i) => {
      const p = params.find((x) => x.i % Math.max(1, kinds.length) === i);
      const spec = componentSpecs[kind].params.find((s) => s.type === 'int');
      return { id: `n${i}`, kind, ...(p && spec ? { params: { [spec.key]: p.v } } : {}) };
    });
    return {
      nodes,
      edges: kinds.length
        ? edges.map((e) => ({
            source: `n${e.a % kinds.length}`,
            target: `n${e.b % kinds.length}`,
            flow: e.flow,
          }))
        : [],
    };
  });

describe('property: any palette graph either runs or is refused with a message', () => {
  it('never throws, and an error always says where it is', () => {
    fc.assert(
      fc.property(paletteGraph, (topology) => {
        const result = runDesign({
          topology,
          load,
          requirements,
          costs,
          drills: ['shard-dies', 'duplicate-delivery'],
        });
        const errors = result.issues.filter((i) => i.severity === 'error');
        if (result.capacity === null) {
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) {
            expect(e.message.length).toBeGreaterThan(10);
            if (e.node !== null) expect(topology.nodes.some((n) => n.id === e.node)).toBe(true);
          }
        } else {
          expect(errors).toEqual([]);
          expect(result.requirements).toHaveLength(5);
          for (const n of Object.values(result.capacity.nodes))
            expect(Number.isNaN(n.utilisation)).toBe(false);
          for (const d of result.drills) if (!d.skipped) expect(typeof d.passed).toBe('boolean');
        }
        expect(describeTopology(topology).length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 20261214 },
    );
  });
});
