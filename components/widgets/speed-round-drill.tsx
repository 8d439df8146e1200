'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatClock } from '@/lib/practice/interview-plan';
import {
  DEFAULT_ROUND_SIZE,
  DEFAULT_SECONDS,
  deckSpread,
  drillView,
  grade,
  previewRound,
  resetDrill,
  reveal,
  startRound,
  toAnkiText,
  type DrillCard,
  type DrillState,
  type Grade,
} from '@/lib/practice/speed-round';
import {
  Key,
  buttonBase,
  drillFrameClass,
  drillIntro,
  drillTitleClass,
  smallButton,
} from './speed-round-frame';
import { CardReadLink } from './speed-round-link';
import { useDrillState } from '@/components/progress/progress-slots';
import { basePath } from '@/lib/site-config';
const EXPORT_FILE = 'leaderboard-lab-speed-round.txt';

export interface SpeedRoundDrillProps {
  readonly cards: readonly DrillCard[];
  /** Seconds on each question's countdown. */
  readonly seconds?: number;
  /** Cards per round. */
  readonly roundSize?: number;
  /** On an embed page: a card's "Read" link opens the guide in a new tab. */
  readonly embedded?: boolean;
}

const gradeButtons: { grade: Grade; label: string; key: string; tone: string }[] = [
  {
    grade: 'got',
    label: 'Got it',
    key: '1',
    tone: 'bg-emerald-700 text-white hover:bg-emerald-800 dark:bg-emerald-600 dark:hover:bg-emerald-500 dark:text-zinc-950',
  },
  {
    grade: 'shaky',
    label: 'Shaky',
    key: '2',
    tone: 'bg-amber-400 text-zinc-950 hover:bg-amber-300 dark:bg-amber-400 dark:hover:bg-amber-300',
  },
  {
    grade: 'missed',
    label: 'Missed',
    key: '3',
    tone: 'bg-rose-700 text-white hover:bg-rose-800 dark:bg-rose-500 dark:hover:bg-rose-400 dark:text-zinc-950',
  },
];

/**
 * Wall-clock milliseconds for the event handlers that start, reveal and grade cards: the
 * schedule and the countdown are stored as wall-clock times so a reload keeps them.
 */
function wallClock(): number {
  return Date.now();
}

/** Downloads `text` as a UTF-8 .txt file. */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The speed-round drill: one card at a time against a countdown, reveal, self-grade, a
 * score per round, and a Leitner schedule in the progress store so missed and shaky cards
 * come back sooner. Every rule lives in lib/practice/speed-round; this holds view state.
 */
export function SpeedRoundDrill({
  cards,
  seconds = DEFAULT_SECONDS,
  roundSize = DEFAULT_ROUND_SIZE,
  embedded = false,
}: SpeedRoundDrillProps) {
  const [state, setState, loaded] = useDrillState(cards);
  const [tag, setTag] = useState<string | null>(null);
  const [now, setNow] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [confirmingReset, setConfirmingReset] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  // Focus follows the card only once the reader has used the drill, never on page load.
  const engaged = useRef(false);
  const titleId = useId();
  const helpId = useId();

  const limitMs = seconds * 1000;
  const view = drillView(state, cards, now, limitMs);
  const { phase, card } = view;
  const shownAt = state.current?.shownAt ?? 0;

  // The countdown ticks only while a question is open; the clock is wall-time based, so a
  // reload or a background tab keeps the right time.
  useEffect(() => {
    if (!loaded) return;
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const interval = phase === 'asking' ? window.setInterval(tick, 250) : undefined;
    return () => {
      window.clearTimeout(first);
      window.clearInterval(interval);
    };
  }, [loaded, phase, shownAt]);

  // Announced once per question, when its time runs out; the clock itself is silent.
  const announcedFor = useRef<number | null>(null);
  const timeUp = phase === 'asking' && view.timeUp && now > 0;
  useEffect(() => {
    if (!timeUp || announcedFor.current === shownAt) return;
    announcedFor.current = shownAt;
    // An announcement is a reaction to the clock, which only an effect can observe.
    setAnnouncement('Time is up for this question. Reveal the answer when ready.');
  }, [timeUp, shownAt]);

  useEffect(() => {
    if (engaged.current) panel.current?.focus({ preventScroll: true });
  }, [phase, view.position]);

  useEffect(() => {
    if (!confirmingReset) return;
    const cancel = window.setTimeout(() => setConfirmingReset(false), 5000);
    return () => window.clearTimeout(cancel);
  }, [confirmingReset]);

  const tags = [...new Set(cards.flatMap((c) => c.tags))].sort();
  const roundOptions = { size: roundSize, tag };
  const preview = previewRound(state, cards, roundOptions);
  const spread = deckSpread(state, cards);

  function act(update: (s: DrillState, time: number) => DrillState) {
    engaged.current = true;
    const time = wallClock();
    setNow(time);
    setState((s) => update(s, time));
  }

  function start() {
    setAnnouncement('');
    act((s, time) => startRound(s, cards, roundOptions, time));
  }

  function gradeCard(given: Grade) {
    engaged.current = true;
    const time = wallClock();
    const next = grade(state, given, time);
    setNow(time);
    // Graded against the latest stored state, which another tab may have moved on.
    setState((latest) => grade(latest, given, time));
    if (next !== state && next.current?.queue.length === 0) {
      const score = drillView(next, cards, time, limitMs).score;
      setAnnouncement(`Round finished: ${score.got} of ${score.total} got it.`);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Keys typed into a control keep their usual meaning (Space presses a button).
    if (target.closest('button, select, input, textarea, a')) {
      if (event.key === ' ' || event.key === 'Enter') return;
      if (target.closest('select, input, textarea')) return;
    }
    if (event.key === ' ' && phase === 'asking') {
      event.preventDefault();
      act((s, time) => reveal(s, time));
    } else if (phase === 'revealed' && ['1', '2', '3'].includes(event.key)) {
      const choice = gradeButtons.find((b) => b.key === event.key);
      if (choice) {
        event.preventDefault();
        gradeCard(choice.grade);
      }
    } else if (event.key === 'Enter' && (phase === 'ready' || phase === 'finished')) {
      event.preventDefault();
      start();
    }
  }

  const remainingFraction =
    phase === 'ready' || phase === 'finished' ? 1 : view.remainingMs / limitMs;
  const { got, shaky, missed, total, repeats } = view.score;

  return (
    <section
      aria-labelledby={titleId}
      aria-describedby={helpId}
      className={drillFrameClass}
      onKeyDown={onKeyDown}
    >
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h3 id={titleId} className={drillTitleClass}>
            Speed-round drill
          </h3>
          <p className="mt-1 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
            {!loaded
              ? ' '
              : phase === 'asking' || phase === 'revealed'
                ? `Round ${state.round} · card ${view.position} of ${view.length}${view.repeat ? ' · again' : ''}`
                : phase === 'finished'
                  ? `Round ${state.round} finished`
                  : `${cards.length} cards · ${roundSize} a round`}
          </p>
        </div>
        <p
          className={`shrink-0 text-right font-mono text-2xl font-semibold sm:text-3xl tabular-nums ${
            timeUp
              ? 'text-rose-700 dark:text-rose-400'
              : phase === 'asking'
                ? 'text-zinc-900 dark:text-white'
                : 'text-zinc-500 dark:text-zinc-400'
          }`}
          data-testid="drill-countdown"
        >
          <span className="sr-only">Time left for this question: </span>
          {formatClock(phase === 'asking' || phase === 'revealed' ? view.remainingMs : limitMs)}
          <span className="block h-4 text-xs font-medium tracking-normal">
            {timeUp ? "Time's up" : ''}
          </span>
        </p>
      </div>

      <div
        className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
        aria-hidden="true"
      >
        <div
          className={`h-full rounded-full ${timeUp ? 'bg-rose-600' : 'bg-accent-600 dark:bg-accent-400'}`}
          style={{ width: `${remainingFraction * 100}%` }}
        />
      </div>

      <div
        ref={panel}
        tabIndex={-1}
        role="group"
        aria-label={
          card
            ? `Card ${view.position} of ${view.length}`
            : phase === 'finished'
              ? 'Score'
              : 'Next round'
        }
        className="mt-4 min-h-0 flex-1 overflow-y-auto rounded-xl bg-zinc-50 p-4 outline-none focus-visible:outline-2 focus-visible:outline-accent-500 sm:p-5 dark:bg-zinc-950/60"
        data-testid="drill-panel"
      >
        {!loaded ? null : card ? (
          <>
            <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
              {card.tags.join(' · ')}
            </p>
            <p
              className="mt-1.5 text-base leading-snug font-semibold sm:text-lg text-zinc-900 dark:text-zinc-50"
              data-testid="drill-question"
            >
              {card.question}
            </p>
            {phase === 'revealed' ? (
              <div className="mt-2.5 border-t border-zinc-200 pt-2.5 dark:border-zinc-800">
                {/* The link shares the label's row, so on a wide drill it costs no height. */}
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <p className="text-xs font-semibold tracking-wider text-emerald-800 uppercase dark:text-emerald-400">
                    Model answer
                  </p>
                  {card.link ? (
                    <CardReadLink
                      link={card.link}
                      newTab={embedded}
                      withPage={false}
                      className="text-xs"
                    />
                  ) : null}
                </div>
                <p
                  className="mt-0.5 text-sm leading-relaxed text-zinc-800 sm:text-[0.95rem] dark:text-zinc-200"
                  data-testid="drill-answer"
                >
                  {card.answer}
                </p>
              </div>
            ) : (
              <p className="mt-4 text-sm text-zinc-500 dark:text-zinc-400">
                Answer out loud: the claim, then the reason or number. Then reveal the model answer
                and grade yourself honestly.
              </p>
            )}
          </>
        ) : (
          <>
            {phase === 'finished' ? (
              <div data-testid="drill-score">
                <p className="text-2xl font-semibold text-zinc-900 dark:text-zinc-50">
                  {got} of {total} got it
                </p>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  {shaky} shaky · {missed} missed
                  {repeats ? ` · ${repeats} asked again` : ''}. Missed and shaky cards come back
                  first next round.
                </p>
              </div>
            ) : (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                {drillIntro(roundSize, seconds)}
              </p>
            )}
            <dl className="mt-4 grid grid-cols-6 gap-1 text-center" aria-label="Your deck">
              {[
                ['New', spread.fresh] as const,
                ...spread.boxes.map((n, i) => [`Box ${i + 1}`, n] as const),
              ].map(([label, n]) => (
                <div key={label} className="rounded-md bg-white px-1 py-1.5 dark:bg-zinc-900">
                  <dt className="text-[0.7rem] text-zinc-500 dark:text-zinc-400">{label}</dt>
                  <dd className="font-mono text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-100">
                    {n}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              Box 1 comes back every round; each box up waits twice as long.
            </p>
            <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2">
              <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                Cards
                <select
                  value={tag ?? ''}
                  onChange={(e) => setTag(e.target.value || null)}
                  className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100"
                >
                  <option value="">All tags</option>
                  {tags.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </label>
              <p
                className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
                data-testid="drill-preview"
              >
                Next: {preview.total} cards ({preview.due} due, {preview.fresh} new
                {preview.early ? `, ${preview.early} early` : ''})
              </p>
            </div>
          </>
        )}
      </div>

      <div className="mt-4 grid h-10 grid-cols-3 gap-2">
        {!loaded ? null : phase === 'asking' ? (
          <button
            type="button"
            className={`${buttonBase} col-span-3 bg-accent-600 text-white hover:bg-accent-700`}
            onClick={() => act((s, time) => reveal(s, time))}
          >
            Reveal answer <Key>Space</Key>
          </button>
        ) : phase === 'revealed' ? (
          gradeButtons.map((b) => (
            <button
              key={b.grade}
              type="button"
              className={`${buttonBase} px-2 ${b.tone}`}
              onClick={() => gradeCard(b.grade)}
            >
              {b.label} <Key className="hidden sm:inline">{b.key}</Key>
            </button>
          ))
        ) : (
          <button
            type="button"
            className={`${buttonBase} col-span-3 bg-accent-600 text-white hover:bg-accent-700`}
            onClick={start}
            disabled={preview.total === 0}
          >
            {phase === 'finished' ? 'Start the next round' : 'Start a round'} <Key>Enter</Key>
          </button>
        )}
      </div>

      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <p id={helpId} className="text-xs text-zinc-500 dark:text-zinc-400">
          Keys while the drill has focus: Space reveals, 1 got it, 2 shaky, 3 missed, Enter starts a
          round.
        </p>
        <div className="flex gap-2">
          <button
            type="button"
            className={smallButton}
            onClick={() => {
              const siteUrl = window.location.origin + basePath;
              download(
                toAnkiText(cards, { globalTags: ['leaderboard-lab'], siteUrl }),
                EXPORT_FILE,
              );
              setAnnouncement(`Downloaded ${EXPORT_FILE} with ${cards.length} cards.`);
            }}
          >
            Export for Anki
          </button>
          <button
            type="button"
            className={`${smallButton} ${confirmingReset ? 'border-rose-600 text-rose-700 dark:border-rose-400 dark:text-rose-300' : ''}`}
            onClick={() => {
              if (!confirmingReset) {
                setConfirmingReset(true);
                return;
              }
              setConfirmingReset(false);
              setState(resetDrill());
              setAnnouncement('Progress reset: every card is new again.');
            }}
          >
            {confirmingReset ? 'Confirm reset' : 'Reset progress'}
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
