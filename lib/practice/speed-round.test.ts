import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ankiField,
  deckSpread,
  DEFAULT_ROUND_SIZE,
  drillView,
  grade,
  initialDrillState,
  MAX_REPEATS,
  parseDrillState,
  pickRound,
  previewRound,
  REQUEUE_GAP,
  reveal,
  scheduleCard,
  scoreRound,
  startRound,
  toAnkiText,
  type DrillCard,
  type DrillState,
  type Grade,
} from './speed-round';

const deck: DrillCard[] = Array.from({ length: 14 }, (_, i) => ({
  id: `card-${i}`,
  question: `Question ${i}?`,
  answer: `Answer ${i}.`,
  tags: i % 2 === 0 ? ['redis'] : ['sharding', 'ranking'],
}));

/** Reveals and grades the current card; returns its id and the new state. */
function answer(state: DrillState, given: Grade, now = 0): [string, DrillState] {
  const id = state.current?.queue[0];
  if (id === undefined) throw new Error('no current card');
  return [id, grade(reveal(state, now), given, now)];
}

describe('schedule', () => {
  it('moves a card up a box on "got it" and back to box 1 on "missed"', () => {
    const first = scheduleCard(undefined, 'got', 1);
    expect(first).toEqual({ box: 2, due: 3 });
    const second = scheduleCard(first, 'got', 3);
    expect(second).toEqual({ box: 3, due: 7 });
    expect(scheduleCard(second, 'missed', 7)).toEqual({ box: 1, due: 8 });
  });

  it('brings shaky cards back sooner than got-it, and missed no later than shaky', () => {
    for (let box = 1; box <= 5; box++) {
      const p = { box, due: 4 };
      const got = scheduleCard(p, 'got', 4);
      const shaky = scheduleCard(p, 'shaky', 4);
      const missed = scheduleCard(p, 'missed', 4);
      expect(shaky.due).toBeLessThan(got.due);
      expect(missed.due).toBeLessThanOrEqual(shaky.due);
      expect(shaky.box).toBe(box);
    }
  });

  it('caps the box at the top and keeps a relearned card in box 1', () => {
    expect(scheduleCard({ box: 5, due: 1 }, 'got', 10)).toEqual({ box: 5, due: 26 });
    expect(scheduleCard({ box: 4, due: 1 }, 'got', 10, true)).toEqual({ box: 1, due: 11 });
  });
});

describe('picking a round', () => {
  it('starts with the first cards of the deck, all new', () => {
    expect(pickRound(initialDrillState, deck)).toEqual(
      deck.slice(0, DEFAULT_ROUND_SIZE).map((c) => c.id),
    );
    expect(previewRound(initialDrillState, deck)).toEqual({
      total: 10,
      due: 0,
      fresh: 10,
      early: 0,
    });
  });

  it('puts due cards first, lowest box first, then new cards', () => {
    const state: DrillState = {
      ...initialDrillState,
      round: 4,
      progress: {
        'card-3': { box: 3, due: 5 },
        'card-5': { box: 1, due: 5 },
        'card-7': { box: 2, due: 9 },
      },
    };
    const ids = pickRound(state, deck, { size: 4 });
    expect(ids).toEqual(['card-5', 'card-3', 'card-0', 'card-1']);
    expect(ids).not.toContain('card-7');
  });

  it('restricts to a tag and tops up with cards not yet due', () => {
    const state: DrillState = {
      ...initialDrillState,
      round: 1,
      progress: Object.fromEntries(deck.map((c) => [c.id, { box: 3, due: 9 }])),
    };
    const ids = pickRound(state, deck, { tag: 'redis', size: 20 });
    expect(ids).toHaveLength(7);
    expect(ids.every((id) => deck.find((c) => c.id === id)?.tags.includes('redis'))).toBe(true);
  });

  it('never returns an empty round for a non-empty deck', () => {
    const state: DrillState = {
      ...initialDrillState,
      round: 2,
      progress: Object.fromEntries(deck.map((c, i) => [c.id, { box: 4, due: 20 + i }])),
    };
    expect(pickRound(state, deck, { size: 3 })).toEqual(['card-0', 'card-1', 'card-2']);
  });
});

describe('a round', () => {
  it('reveals, grades, moves on and scores each card once', () => {
    let state = startRound(initialDrillState, deck, { size: 3 }, 1000);
    expect(drillView(state, deck, 1000).phase).toBe('asking');
    // Grading before the reveal does nothing.
    expect(grade(state, 'got', 1000)).toBe(state);
    state = reveal(state, 5000);
    const revealed = drillView(state, deck, 30_000);
    expect(revealed.phase).toBe('revealed');
    expect(revealed.remainingMs).toBe(56_000);
    state = grade(state, 'got', 6000);
    expect(drillView(state, deck, 6000)).toMatchObject({ phase: 'asking', position: 2 });
    [, state] = answer(state, 'shaky');
    [, state] = answer(state, 'got');
    const done = drillView(state, deck, 7000);
    expect(done.phase).toBe('finished');
    expect(done.score).toEqual({ got: 2, shaky: 1, missed: 0, total: 3, repeats: 0 });
    expect(state.progress['card-0']).toEqual({ box: 2, due: 3 });
    expect(state.progress['card-1']).toEqual({ box: 1, due: 2 });
  });

  it('asks a missed card again after a few cards, and again next round', () => {
    const [id, first] = answer(startRound(initialDrillState, deck, { size: 6 }, 0), 'missed');
    let state = first;
    expect(state.current?.queue.indexOf(id)).toBe(REQUEUE_GAP);
    for (let i = 0; i < REQUEUE_GAP; i++) [, state] = answer(state, 'got');
    const view = drillView(state, deck, 0);
    expect(view.card?.id).toBe(id);
    expect(view.repeat).toBe(true);
    [, state] = answer(state, 'got');
    while (state.current?.queue.length) [, state] = answer(state, 'got');
    expect(scoreRound(state.current)).toEqual({
      got: 5,
      shaky: 0,
      missed: 1,
      total: 6,
      repeats: 1,
    });
    const next = startRound(state, deck, { size: 6 }, 0);
    expect(next.current?.queue[0]).toBe(id);
  });

  it('asks a missed card again at most MAX_REPEATS times, so every round ends', () => {
    let state = startRound(initialDrillState, deck, { size: 1 }, 0);
    let asked = 0;
    while (state.current?.queue.length) {
      [, state] = answer(state, 'missed');
      asked++;
    }
    expect(asked).toBe(MAX_REPEATS + 1);
  });

  it('counts the countdown down and reports time up only before the reveal', () => {
    const state = startRound(initialDrillState, deck, {}, 0);
    expect(drillView(state, deck, 59_500, 60_000)).toMatchObject({
      remainingMs: 500,
      timeUp: false,
    });
    expect(drillView(state, deck, 90_000, 60_000)).toMatchObject({ remainingMs: 0, timeUp: true });
  });

  it('ends every round for any sequence of grades (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Grade>('got', 'shaky', 'missed'), { maxLength: 200 }),
        fc.integer({ min: 1, max: 14 }),
        (sequence, size) => {
          let state = startRound(initialDrillState, deck, { size }, 0);
          let i = 0;
          while (state.current?.queue.length) {
            [, state] = answer(state, sequence[i % Math.max(1, sequence.length)] ?? 'got');
            i++;
          }
          expect(i).toBeLessThanOrEqual(size * (MAX_REPEATS + 1));
          expect(scoreRound(state.current).total).toBe(size);
        },
      ),
    );
  });
});

describe('stored state', () => {
  function roundTrip(state: DrillState, cards = deck) {
    return parseDrillState(JSON.stringify(state), cards);
  }

  it('round-trips a state in the middle of a round', () => {
    let state = startRound(initialDrillState, deck, { tag: 'redis' }, 100);
    [, state] = answer(state, 'missed', 200);
    state = reveal(state, 300);
    expect(roundTrip(state)).toEqual(state);
  });

  it('turns anything malformed into a fresh state', () => {
    const bad = [
      null,
      '',
      '{',
      'null',
      '[]',
      '42',
      '{"version":2,"round":0,"progress":{},"current":null}',
      '{"version":1,"round":-1,"progress":{},"current":null}',
      '{"version":1,"round":0,"progress":[],"current":null}',
      '{"version":1,"round":0,"progress":{"card-0":{"box":9,"due":1}},"current":null}',
      '{"version":1,"round":0,"progress":{"card-0":{"box":"1","due":1}},"current":null}',
      '{"version":1,"round":1,"progress":{},"current":{"queue":"card-0"}}',
      '{"version":1,"round":1,"progress":{},"current":{"queue":[],"shownAt":0,"revealedAt":null,"graded":[{"id":"card-0","grade":"great","repeat":false}],"tag":null}}',
    ];
    for (const raw of bad) expect(parseDrillState(raw, deck)).toEqual(initialDrillState);
  });

  it('never throws and always yields a usable state (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const state = parseDrillState(raw, deck);
        expect(() => drillView(state, deck, 0)).not.toThrow();
      }),
    );
  });

  it('drops cards removed from the deck and treats added cards as new', () => {
    let state = startRound(initialDrillState, deck, { size: 4 }, 0);
    [, state] = answer(state, 'got');
    state = reveal(state, 0);
    // card-1 is current and revealed; remove it and card-0 from the deck, add a new card.
    const next = [
      ...deck.filter((c) => c.id !== 'card-0' && c.id !== 'card-1'),
      { id: 'new', question: 'New?', answer: 'New.', tags: ['redis'] },
    ];
    const parsed = roundTrip(state, next);
    expect(parsed.progress).toEqual({});
    expect(parsed.current?.queue).toEqual(['card-2', 'card-3']);
    expect(parsed.current?.revealedAt).toBeNull();
    expect(parsed.current?.graded).toEqual([]);
    expect(drillView(parsed, next, 0).card?.id).toBe('card-2');
    const later = { ...parsed, current: null };
    expect(pickRound(later, next, { size: 20 })).toContain('new');
  });

  it('forgets a tag that no card carries any more', () => {
    const state = startRound(initialDrillState, deck, { tag: 'redis' }, 0);
    const renamed = deck.map((c) => ({ ...c, tags: ['storage'] }));
    expect(roundTrip(state, renamed).current?.tag).toBeNull();
  });
});

describe('Anki export', () => {
  it('writes the headers, then one tab-separated line per card', () => {
    const text = toAnkiText(deck.slice(0, 2), { globalTags: ['leaderboard-lab'] });
    expect(text).toBe(
      [
        '#separator:tab',
        '#html:false',
        '#notetype:Basic',
        '#tags column:3',
        '#tags:leaderboard-lab',
        'Question 0?\tAnswer 0.\tredis',
        'Question 1?\tAnswer 1.\tsharding ranking',
        '',
      ].join('\n'),
    );
  });

  it("ends the back with the card's link as an absolute URL, only when the site URL is known", () => {
    const linked: DrillCard[] = [
      {
        ...deck[0]!,
        link: {
          href: '/leaderboard-design/sharding/#the-hot-top-shard',
          title: 'The hot top shard',
        },
      },
      deck[1]!,
    ];
    const body = (text: string) => text.trimEnd().split('\n').slice(4);
    expect(body(toAnkiText(linked, { siteUrl: 'https://example.org/lab' }))).toEqual([
      'Question 0?\tAnswer 0. Read: The hot top shard https://example.org/lab/leaderboard-design/sharding/#the-hot-top-shard\tredis',
      'Question 1?\tAnswer 1.\tsharding ranking',
    ]);
    expect(body(toAnkiText(linked))[0]).toBe('Question 0?\tAnswer 0.\tredis');
  });

  it('keeps every card on one line with exactly three fields', () => {
    const tricky: DrillCard[] = [
      { id: 'a', question: 'Tab\there?', answer: 'Line one.\nLine two.\r\n', tags: ['x y'] },
      { id: 'b', question: '"Quoted" start', answer: 'Say "this" then', tags: [] },
      { id: 'c', question: '# not a comment', answer: 'Fine.', tags: ['redis'] },
    ];
    const lines = toAnkiText(tricky).trimEnd().split('\n').slice(4);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split('\t').length)).toEqual([3, 3, 3]);
    expect(lines[0]).toBe('Tab here?\tLine one. Line two.\tx_y');
    expect(lines[1]).toBe('"""Quoted"" start"\tSay "this" then\t');
    expect(lines[2]).toBe('"# not a comment"\tFine.\tredis');
  });

  it('flattens any text to a single line (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = ankiField(text);
        expect(field).not.toMatch(/[\t\n\r]/);
      }),
    );
  });
});

describe('deck spread', () => {
  it('counts new cards, each box, and the cards due next round', () => {
    let state = startRound(initialDrillState, deck, { size: 3 }, 0);
    [, state] = answer(state, 'got');
    [, state] = answer(state, 'shaky');
    [, state] = answer(state, 'missed');
    while (state.current?.queue.length) [, state] = answer(state, 'got');
    expect(deckSpread(state, deck)).toEqual({ fresh: 11, boxes: [2, 1, 0, 0, 0], due: 2 });
  });
});
