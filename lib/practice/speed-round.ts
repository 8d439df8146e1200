/**
 * The speed-round drill as pure data: a Leitner schedule counted in rounds, the state
 * machine of one round (current card, revealed, graded, score), defensive parsing of
 * the stored state, and the Anki export. The widget keeps `DrillState` in localStorage
 * and derives everything it shows with `drillView`.
 *
 * Time is counted in rounds rather than days: a reader who runs one round a day gets
 * day-like spacing, and a reader who runs three in a row still sees missed cards first.
 */

/**
 * Where the guide explains a card's answer: a root-relative path with an anchor
 * (`/leaderboard-design/sharding/#the-hot-top-shard`) and the heading's text.
 */
export interface CardLink {
  readonly href: string;
  readonly title: string;
}

/** The fields of a card the drill needs; the chapter's cards satisfy it structurally. */
export interface DrillCard {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly tags: readonly string[];
  /** Shown once the answer is revealed: "Read: <title>". */
  readonly link?: CardLink;
}

export type Grade = 'got' | 'shaky' | 'missed';

export const grades: readonly Grade[] = ['got', 'shaky', 'missed'];

/** Where a card sits in the schedule. A card with no entry has never been graded. */
export interface CardProgress {
  /** Leitner box, 1 (relearning) to `BOX_COUNT` (well known). */
  readonly box: number;
  /** The first round in which the card is due again. */
  readonly due: number;
}

/** One grade given during a round; `repeat` marks a card asked again after a miss. */
export interface GradeRecord {
  readonly id: string;
  readonly grade: Grade;
  readonly repeat: boolean;
}

export interface Round {
  /** Cards still to ask, the current one first. Empty once the round is over. */
  readonly queue: readonly string[];
  /** Wall-clock time (ms) the current card was shown. */
  readonly shownAt: number;
  /** Wall-clock time (ms) the current card's answer was revealed, or null. */
  readonly revealedAt: number | null;
  readonly graded: readonly GradeRecord[];
  /** The tag the round was restricted to, or null for the whole deck. */
  readonly tag: string | null;
}

export interface DrillState {
  readonly version: 1;
  /** Rounds started so far; the current round's number when one is open. */
  readonly round: number;
  readonly progress: Readonly<Record<string, CardProgress>>;
  /** The open or just-finished round; null before the first one. */
  readonly current: Round | null;
}

export const BOX_COUNT = 5;

/** Rounds until a card in box `b` (index b - 1) is due again after "got it". */
export const boxIntervals: readonly number[] = [1, 2, 4, 8, 16];

/** A missed card comes back after this many other cards in the same round. */
export const REQUEUE_GAP = 3;

/** How often one card may be asked again within a round, so every round ends. */
export const MAX_REPEATS = 2;

export const DEFAULT_ROUND_SIZE = 10;
export const DEFAULT_SECONDS = 60;

export const initialDrillState: DrillState = {
  version: 1,
  round: 0,
  progress: {},
  current: null,
};

function intervalFor(box: number): number {
  return boxIntervals[Math.min(Math.max(box, 1), BOX_COUNT) - 1] ?? 1;
}

/**
 * The Leitner rule for one grade given in round `round`. O(1).
 * - got it: up one box, due after that box's interval (a first "got it" lands in box 2,
 *   due in two rounds);
 * - shaky: same box, due next round;
 * - missed: back to box 1, due next round (the round itself asks it again, see `grade`).
 * A card asked again after a miss has just been relearned, not learned: whatever its
 * grade, it stays in box 1 and is due next round.
 */
export function scheduleCard(
  previous: CardProgress | undefined,
  grade: Grade,
  round: number,
  repeat = false,
): CardProgress {
  const box = previous?.box ?? 1;
  if (repeat || grade === 'missed') return { box: 1, due: round + 1 };
  if (grade === 'shaky') return { box, due: round + 1 };
  const next = Math.min(box + 1, BOX_COUNT);
  return { box: next, due: round + intervalFor(next) };
}

/** True when the card has been graded before and its due round has come. */
function isDue(progress: CardProgress | undefined, round: number): boolean {
  return progress !== undefined && progress.due <= round;
}

export interface RoundOptions {
  readonly size?: number;
  /** Restrict the round to cards with this tag; null or absent for the whole deck. */
  readonly tag?: string | null;
}

/**
 * The cards the next round (number `state.round + 1`) would ask, in order: due cards
 * first (lowest box, then most overdue), then new cards in deck order. A round for one
 * tag, or a round with nothing due or new, tops up with cards not yet due, soonest
 * first, so there is always something to practise. O(n log n) in the deck size.
 */
export function pickRound(
  state: DrillState,
  cards: readonly DrillCard[],
  options: RoundOptions = {},
): string[] {
  const size = Math.max(1, Math.floor(options.size ?? DEFAULT_ROUND_SIZE));
  const tag = options.tag ?? null;
  const round = state.round + 1;
  const pool = tag === null ? cards : cards.filter((c) => c.tags.includes(tag));
  const due: { id: string; p: CardProgress }[] = [];
  const fresh: string[] = [];
  const later: { id: string; p: CardProgress }[] = [];
  for (const card of pool) {
    const p = state.progress[card.id];
    if (p === undefined) fresh.push(card.id);
    else if (isDue(p, round)) due.push({ id: card.id, p });
    else later.push({ id: card.id, p });
  }
  due.sort((a, b) => a.p.box - b.p.box || a.p.due - b.p.due);
  later.sort((a, b) => a.p.due - b.p.due || a.p.box - b.p.box);
  const picked = [...due.map((d) => d.id), ...fresh];
  if (tag !== null || picked.length === 0) picked.push(...later.map((l) => l.id));
  return picked.slice(0, size);
}

/** Counts for the round `pickRound` would start, to tell the reader what is coming. */
export function previewRound(
  state: DrillState,
  cards: readonly DrillCard[],
  options: RoundOptions = {},
): { total: number; due: number; fresh: number; early: number } {
  const ids = pickRound(state, cards, options);
  const round = state.round + 1;
  let due = 0;
  let fresh = 0;
  for (const id of ids) {
    const p = state.progress[id];
    if (p === undefined) fresh++;
    else if (isDue(p, round)) due++;
  }
  return { total: ids.length, due, fresh, early: ids.length - due - fresh };
}

/** Opens the next round at `now`. With no cards to ask (an empty deck) nothing changes. */
export function startRound(
  state: DrillState,
  cards: readonly DrillCard[],
  options: RoundOptions = {},
  now: number,
): DrillState {
  const queue = pickRound(state, cards, options);
  if (queue.length === 0) return state;
  return {
    ...state,
    round: state.round + 1,
    current: { queue, shownAt: now, revealedAt: null, graded: [], tag: options.tag ?? null },
  };
}

/** Shows the current card's answer; stops its countdown. A no-op when nothing is asked. */
export function reveal(state: DrillState, now: number): DrillState {
  const r = state.current;
  if (!r || r.queue.length === 0 || r.revealedAt !== null) return state;
  return { ...state, current: { ...r, revealedAt: now } };
}

function timesAsked(r: Round, id: string): number {
  return r.graded.filter((g) => g.id === id).length;
}

/**
 * Grades the current card (only after its answer is revealed), reschedules it, and moves
 * to the next card at `now`. A missed card is asked again after `REQUEUE_GAP` other cards
 * (sooner if fewer remain), at most `MAX_REPEATS` times a round. O(queue length).
 */
export function grade(state: DrillState, given: Grade, now: number): DrillState {
  const r = state.current;
  const id = r?.queue[0];
  if (!r || id === undefined || r.revealedAt === null) return state;
  const asked = timesAsked(r, id);
  const repeat = asked > 0;
  const rest = r.queue.slice(1);
  if (given === 'missed' && asked < MAX_REPEATS) {
    rest.splice(Math.min(REQUEUE_GAP, rest.length), 0, id);
  }
  return {
    ...state,
    progress: {
      ...state.progress,
      [id]: scheduleCard(state.progress[id], given, state.round, repeat),
    },
    current: {
      ...r,
      queue: rest,
      shownAt: now,
      revealedAt: null,
      graded: [...r.graded, { id, grade: given, repeat }],
    },
  };
}

/** Forgets every grade and every round. */
export function resetDrill(): DrillState {
  return initialDrillState;
}

export interface RoundScore {
  readonly got: number;
  readonly shaky: number;
  readonly missed: number;
  /** Cards graded at least once: the denominator of the score. */
  readonly total: number;
  /** Times a missed card was asked again. */
  readonly repeats: number;
}

/** The score of a round: each card's first grade counts once; repeats are counted apart. */
export function scoreRound(r: Round | null): RoundScore {
  const score = { got: 0, shaky: 0, missed: 0, total: 0, repeats: 0 };
  for (const g of r?.graded ?? []) {
    if (g.repeat) {
      score.repeats++;
      continue;
    }
    score[g.grade]++;
    score.total++;
  }
  return score;
}

export type DrillPhase = 'ready' | 'asking' | 'revealed' | 'finished';

export interface DrillView {
  readonly phase: DrillPhase;
  /** The card on screen while asking or revealed. */
  readonly card: DrillCard | null;
  /** 1-based position of the current card among the cards asked so far plus the queue. */
  readonly position: number;
  readonly length: number;
  /** True when the current card is being asked again after a miss. */
  readonly repeat: boolean;
  readonly remainingMs: number;
  /** The countdown reached zero before the answer was revealed. */
  readonly timeUp: boolean;
  readonly score: RoundScore;
}

/**
 * Everything the widget shows, derived from the state at `now`. The countdown freezes
 * when the answer is revealed. O(deck + round).
 */
export function drillView(
  state: DrillState,
  cards: readonly DrillCard[],
  now: number,
  limitMs: number = DEFAULT_SECONDS * 1000,
): DrillView {
  const r = state.current;
  const score = scoreRound(r);
  const id = r?.queue[0];
  const card = id === undefined ? null : (cards.find((c) => c.id === id) ?? null);
  if (!r || !card) {
    return {
      phase: r ? 'finished' : 'ready',
      card: null,
      position: r?.graded.length ?? 0,
      length: r?.graded.length ?? 0,
      repeat: false,
      remainingMs: limitMs,
      timeUp: false,
      score,
    };
  }
  const elapsed = Math.max(0, (r.revealedAt ?? now) - r.shownAt);
  const remainingMs = Math.max(0, limitMs - elapsed);
  return {
    phase: r.revealedAt === null ? 'asking' : 'revealed',
    card,
    position: r.graded.length + 1,
    length: r.graded.length + r.queue.length,
    repeat: timesAsked(r, card.id) > 0,
    remainingMs,
    timeUp: remainingMs === 0,
    score,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parseRound(value: unknown, known: ReadonlySet<string>, tags: ReadonlySet<string>) {
  if (!isRecord(value)) return undefined;
  const { queue, shownAt, revealedAt, graded, tag } = value;
  if (!Array.isArray(queue) || !queue.every((id) => typeof id === 'string')) return undefined;
  if (!isTime(shownAt) || !(revealedAt === null || isTime(revealedAt))) return undefined;
  if (!Array.isArray(graded)) return undefined;
  const records: GradeRecord[] = [];
  for (const g of graded) {
    if (!isRecord(g) || typeof g.id !== 'string' || typeof g.repeat !== 'boolean') return undefined;
    if (!grades.includes(g.grade as Grade)) return undefined;
    if (known.has(g.id)) records.push({ id: g.id, grade: g.grade as Grade, repeat: g.repeat });
  }
  const kept = (queue as string[]).filter((id) => known.has(id));
  // A removed current card takes its reveal with it: the next card starts unrevealed.
  const sameCard = kept[0] === queue[0];
  const round: Round = {
    queue: kept,
    shownAt,
    revealedAt: sameCard ? revealedAt : null,
    graded: records,
    tag: typeof tag === 'string' && tags.has(tag) ? tag : null,
  };
  return round;
}

/**
 * Reads a stored state defensively. Anything that is not a well-formed state (another
 * version, a hand-edited value, broken JSON) becomes the initial state. Cards removed
 * from the deck since are dropped from the schedule and the open round; cards added
 * since have no entry and count as new. O(stored state + deck).
 */
export function parseDrillState(raw: string | null, cards: readonly DrillCard[]): DrillState {
  if (!raw) return initialDrillState;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return initialDrillState;
  }
  if (!isRecord(value) || value.version !== 1 || !isCount(value.round)) return initialDrillState;
  if (!isRecord(value.progress)) return initialDrillState;
  const known = new Set(cards.map((c) => c.id));
  const tags = new Set(cards.flatMap((c) => c.tags));
  const progress: Record<string, CardProgress> = {};
  for (const [id, p] of Object.entries(value.progress)) {
    if (!isRecord(p) || !isCount(p.box) || !isCount(p.due)) return initialDrillState;
    if (p.box < 1 || p.box > BOX_COUNT) return initialDrillState;
    if (known.has(id)) progress[id] = { box: p.box, due: p.due };
  }
  let current: Round | null = null;
  if (value.current !== null) {
    const parsed = parseRound(value.current, known, tags);
    if (!parsed) return initialDrillState;
    current = parsed;
  }
  return { version: 1, round: value.round, progress, current };
}

/**
 * One field of an Anki line: tabs and line breaks become single spaces, so a card is
 * always exactly one line of three tab-separated fields. Anki reads the file as CSV, so
 * a field that starts with a double quote is quoted (inner quotes doubled), and a line
 * that starts with `#` would be a comment, so such a field is quoted too.
 */
export function ankiField(text: string): string {
  const flat = text
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return /^["#]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** An Anki tag: no spaces inside (Anki splits tags on whitespace). */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

export interface AnkiOptions {
  /** Tags added to every card through the `#tags:` header, e.g. the deck's name. */
  readonly globalTags?: readonly string[];
  /**
   * The site's absolute root URL, base path included, no trailing slash. With it, a card's
   * link goes at the end of the back as `Read: <title> <url>`, so the deck still points to
   * the section that argues each answer; without it links are left out (a root-relative
   * path means nothing inside Anki).
   */
  readonly siteUrl?: string;
}

/** The back of a card in the export: the answer, then where to read more. */
function ankiBack(card: DrillCard, siteUrl: string | undefined): string {
  if (!card.link || siteUrl === undefined) return card.answer;
  return `${card.answer} Read: ${card.link.title} ${siteUrl}${card.link.href}`;
}

/**
 * The deck as a text file Anki imports (File → Import, Anki 2.1.54 or later reads the
 * headers; older versions skip `#` lines as comments and ask for the separator).
 * Header lines set the tab separator, plain text (Anki escapes `<` and `&` itself), the
 * Basic note type (ignored where a collection has none by that name; columns then map
 * by position) and column 3 as tags.
 * Then one line per card: `front\tback\ttags`, tags separated by spaces; the back ends
 * with the card's link when `siteUrl` is given. Lines end with \n. O(total text).
 */
export function toAnkiText(cards: readonly DrillCard[], options: AnkiOptions = {}): string {
  const header = ['#separator:tab', '#html:false', '#notetype:Basic', '#tags column:3'];
  const globalTags = (options.globalTags ?? []).map(ankiTag).filter(Boolean);
  if (globalTags.length) header.push(`#tags:${globalTags.join(' ')}`);
  const lines = cards.map((card) =>
    [
      ankiField(card.question),
      ankiField(ankiBack(card, options.siteUrl)),
      card.tags.map(ankiTag).filter(Boolean).join(' '),
    ].join('\t'),
  );
  return `${[...header, ...lines].join('\n')}\n`;
}

/** How the deck is spread over the schedule: never graded, and each Leitner box. O(deck). */
export function deckSpread(
  state: DrillState,
  cards: readonly DrillCard[],
): { fresh: number; boxes: number[]; due: number } {
  const boxes = Array.from({ length: BOX_COUNT }, () => 0);
  let fresh = 0;
  let due = 0;
  for (const card of cards) {
    const p = state.progress[card.id];
    if (p === undefined) {
      fresh++;
      continue;
    }
    boxes[p.box - 1] = (boxes[p.box - 1] ?? 0) + 1;
    if (isDue(p, state.round + 1)) due++;
  }
  return { fresh, boxes, due };
}
