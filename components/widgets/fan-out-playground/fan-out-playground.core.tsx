'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FANOUT_PARAMS, type ParamValues } from '@/lib/leaderboard/playground-params';
import type { FanoutCounters, FanoutStorm, FanoutView } from '@/lib/leaderboard';
import type { FanoutMode } from '@/lib/leaderboard';
import {
  buttonClass,
  fmt,
  ParamNotes,
  SegmentedControl,
  LoadState,
  PlaygroundFrame,
  SeedField,
  SelectField,
} from '../playground-parts';
import { embedSnippet, usePlaygroundParams } from '../playground-url';
import { UPlotChart, type ChartSeries } from '../uplot-chart';
import { useWorkerRequest, type LeaderboardClient } from '../use-worker';

/** Props a chapter passes: the playground's starting state (the URL may override it). */
export interface FanOutPlaygroundProps {
  seed?: number;
  players?: number;
  meanFollows?: number;
  celebrities?: boolean;
  rate?: number;
  celebrityFollowers?: number;
}

type Params = ParamValues<typeof FANOUT_PARAMS>;

/** Height of the iframe an embed snippet asks for, px: the sm height of the chapter widget. */
export const FANOUT_EMBED_HEIGHT = 1008;

const PLAYER_COUNTS = [100, 500, 2_000, 5_000, 20_000];
const FOLLOW_COUNTS = [5, 10, 20, 50, 100, 200];
const RATES = [1, 10, 50, 100, 500];
const THRESHOLDS = [50, 100, 200, 500, 1_000, 2_000, 5_000, 20_000];
/** Shortest time between the starts of two ticks of a run, ms: a few chart frames a second. */
const TICK_PERIOD = 200;
/** Chart points kept; beyond it every other point is dropped (the newest always stays). */
const MAX_POINTS = 600;

const DESIGNS: Record<FanoutMode, { title: string; how: string; color: [string, string] }> = {
  read: {
    title: 'Fan-out on read',
    how: 'scores once; a read fetches every followed score',
    color: ['#0369a1', '#38bdf8'],
  },
  write: {
    title: 'Fan-out on write',
    how: 'a feed per reader; an update is copied to every follower',
    color: ['#be123c', '#fb7185'],
  },
  hybrid: {
    title: 'Hybrid',
    how: 'fan out on write, except celebrities: merged on read',
    color: ['#7c3aed', '#c4b5fd'],
  },
};
const MODES = ['read', 'write', 'hybrid'] as const;

/** Start/Pause: the one filled button, so the way to begin is obvious. */
const primaryButtonClass =
  'inline-flex h-9 min-w-20 items-center justify-center rounded-md border border-accent-600 bg-accent-600 px-3 text-sm font-semibold text-white hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500';

const designSeries: ChartSeries[] = MODES.map((m) => ({
  label: DESIGNS[m].title,
  stroke: DESIGNS[m].color,
  dash: m === 'hybrid' ? [6, 4] : undefined,
}));

/** Cumulative members written and read per design, against updates applied. */
interface History {
  updates: number[];
  written: [number[], number[], number[]];
  read: [number[], number[], number[]];
}

const emptyHistory = (): History => ({ updates: [], written: [[], [], []], read: [[], [], []] });

/** `h` with `v` appended, thinned to MAX_POINTS. O(points). */
function appendPoint(h: History, v: FanoutView): History {
  const updates = v.counters[0]?.updates ?? 0;
  const next: History = {
    updates: [...h.updates, updates],
    written: h.written.map((a, i) => [
      ...a,
      v.counters[i]?.membersWritten ?? 0,
    ]) as History['written'],
    read: h.read.map((a, i) => [...a, v.counters[i]?.membersRead ?? 0]) as History['read'],
  };
  if (next.updates.length <= MAX_POINTS) return next;
  const keep = (_: number, i: number, a: number[]) => i % 2 === 0 || i === a.length - 1;
  return {
    updates: next.updates.filter(keep),
    written: next.written.map((a) => a.filter(keep)) as History['written'],
    read: next.read.map((a) => a.filter(keep)) as History['read'],
  };
}

/** "1.0", "18.7", "1,081": amplification and cost per operation. */
const ratio = (n: number) => (n >= 100 ? fmt(n) : n.toFixed(1));

/** "fan-out on read wrote 1 member, on write 614, hybrid 2" */
function stormSentence(s: FanoutStorm): string {
  const by = Object.fromEntries(s.designs.map((d) => [d.mode, d.membersWritten]));
  const w = (n = 0) => `${fmt(n)} member${n === 1 ? '' : 's'}`;
  return `fan-out on read wrote ${w(by.read)}, on write ${w(by.write)}, the hybrid ${w(by.hybrid)}`;
}

/** A polite summary of the counters for screen readers (not one per tick). */
function summary(v: FanoutView): string {
  const by = Object.fromEntries(v.counters.map((c) => [c.mode, c]));
  const c = (m: FanoutMode) =>
    `${DESIGNS[m].title}: ${ratio(by[m]?.writeAmplification ?? 0)} members written per update, ${ratio(by[m]?.readCost ?? 0)} read per board read`;
  return `After ${fmt(v.counters[0]?.updates ?? 0)} updates. ${MODES.map(c).join('. ')}.`;
}

/**
 * The fan-out playground: one seeded follows graph and the three friend-board designs
 * (fan-out on read, on write, hybrid) fed the same match stream in a worker. A run ticks
 * in a loop, one worker request at a time; Step applies one tick; the storm button has
 * the most-followed player post a score. Counters per design, the cumulative work as
 * charts, and the board the three designs agree on. It holds view state only: every
 * number comes from lib/leaderboard through `client`, which the wrapper supplies.
 */
export function FanOutPlaygroundCore({
  client,
  embedded = false,
  ...props
}: FanOutPlaygroundProps & { client: LeaderboardClient | null; embedded?: boolean }) {
  const { values, notes, update } = usePlaygroundParams(FANOUT_PARAMS, props);
  const { seed, players, meanFollows, celebrities, rate, celebrityFollowers } = values;
  /** The world: loaded whenever a parameter changes. */
  const load = useWorkerRequest<FanoutView>();
  /** The one tick or storm in flight. */
  const step = useWorkerRequest<FanoutView>();
  const [history, setHistory] = useState<History>(emptyHistory);
  const [storm, setStorm] = useState<FanoutStorm | null>(null);
  const [running, setRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState('');
  /** A storm asked for while a tick was in flight: it goes next. */
  const [stormQueued, setStormQueued] = useState(false);
  const runningRef = useRef(false);
  const lastStart = useRef(0);
  const id = useId();
  const { run: runLoad } = load;
  const { run: runStep, reset: resetStep } = step;

  const accept = useCallback((v: FanoutView) => {
    setHistory((h) => appendPoint(h, v));
  }, []);

  const ready = load.status.kind === 'ready' && client !== null;
  const send = useCallback(
    (kind: 'tick' | 'storm') => {
      if (!client) return;
      lastStart.current = performance.now();
      runStep(
        (onProgress) =>
          kind === 'tick'
            ? client.call('fanout:tick', {}, { onProgress })
            : client.call('fanout:storm', {}),
        {
          onResult: (v) => {
            accept(v);
            if (v.celebrityUpdate) {
              setStorm(v.celebrityUpdate);
              const a = v.celebrityUpdate.author;
              setAnnouncement(
                `${a.id}, followed by ${fmt(a.followers)}, posted a score: ${stormSentence(v.celebrityUpdate)}.`,
              );
            } else if (!runningRef.current) setAnnouncement(summary(v));
          },
          onError: (message) => {
            runningRef.current = false;
            setRunning(false);
            setError(message);
          },
        },
      );
    },
    [client, runStep, accept],
  );

  useEffect(() => {
    if (!client) return;
    const params: Params = { seed, players, meanFollows, celebrities, rate, celebrityFollowers };
    // A new world: whatever was in flight belongs to the old one.
    resetStep();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStormQueued(false);
    setStorm(null);
    setError('');
    setHistory(emptyHistory());
    runLoad((onProgress) => client.call('fanout:load', params, { onProgress }), {
      onResult: (v) => {
        accept(v);
        setAnnouncement(
          `Loaded ${fmt(v.players)} players following each other ${fmt(v.edges)} times.`,
        );
      },
      onCancel: () => {
        runningRef.current = false;
        setRunning(false);
      },
      onError: () => {
        runningRef.current = false;
        setRunning(false);
      },
    });
  }, [
    client,
    seed,
    players,
    meanFollows,
    celebrities,
    rate,
    celebrityFollowers,
    accept,
    runLoad,
    resetStep,
  ]);

  const busy = step.busy;
  const view = step.value ?? load.value;
  const tickProgress = step.status.kind === 'loading' ? step.status.progress : null;

  useEffect(() => {
    if (!stormQueued || busy || !ready) return;
    const timer = window.setTimeout(() => {
      setStormQueued(false);
      send('storm');
    }, 0);
    return () => window.clearTimeout(timer);
  }, [stormQueued, busy, ready, send]);

  // The run: whenever nothing is in flight, the next tick starts, at most every TICK_PERIOD.
  useEffect(() => {
    if (!running || busy || !ready) return;
    const wait = Math.max(0, lastStart.current + TICK_PERIOD - performance.now());
    const timer = window.setTimeout(() => send('tick'), wait);
    return () => window.clearTimeout(timer);
  }, [running, busy, ready, send]);

  const setRun = (on: boolean) => {
    runningRef.current = on;
    setRunning(on);
    setAnnouncement(on ? 'Running.' : view ? `Paused. ${summary(view)}` : 'Paused.');
  };

  // A run nobody watches only spends the reader's CPU: it pauses when scrolled out of view.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!running || !el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => !e.isIntersecting)) {
        runningRef.current = false;
        setRunning(false);
        setAnnouncement('Paused: the playground left the screen.');
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [running]);

  const writtenData = useMemo(
    () => [history.updates, ...history.written] as [number[], number[], number[], number[]],
    [history],
  );
  const readData = useMemo(
    () => [history.updates, ...history.read] as [number[], number[], number[], number[]],
    [history],
  );
  const counters = useMemo(
    () => new Map((view?.counters ?? []).map((c) => [c.mode, c] as const)),
    [view],
  );
  const chartSummary = (what: 'membersWritten' | 'membersRead', label: string) =>
    view
      ? `${label} after ${fmt(view.counters[0]?.updates ?? 0)} updates: ${MODES.map(
          (m) => `${DESIGNS[m].title} ${fmt(counters.get(m)?.[what] ?? 0)}`,
        ).join(', ')}.`
      : '';

  const snippet = () =>
    embedSnippet(
      'fan-out',
      'Fan-out playground · Leaderboard Lab',
      FANOUT_PARAMS,
      values,
      FANOUT_EMBED_HEIGHT,
    );

  const stormLabel = celebrities ? 'Celebrity posts a score' : 'Most-followed player posts';
  const updates = view?.counters[0]?.updates ?? 0;

  return (
    <PlaygroundFrame
      widget="FanOutPlayground"
      embedded={embedded}
      snippet={snippet}
      sectionRef={box}
    >
      <form
        className="grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-3 sm:grid-cols-3 dark:border-zinc-800"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Players"
          id={`${id}-players`}
          value={players}
          options={PLAYER_COUNTS}
          format={fmt}
          onChange={(n) => update({ players: n })}
        />
        <SelectField
          label="Mean follows"
          id={`${id}-follows`}
          value={meanFollows}
          options={FOLLOW_COUNTS}
          onChange={(n) => update({ meanFollows: n })}
        />
        <SegmentedControl
          legend="Celebrities"
          name={`${id}-celebrities`}
          value={celebrities ? 'on' : 'off'}
          options={[
            ['on', 'on'],
            ['off', 'off'],
          ]}
          onChange={(v) => update({ celebrities: v === 'on' })}
        />
        <SelectField
          label="Updates per tick"
          id={`${id}-rate`}
          value={rate}
          options={RATES}
          format={fmt}
          onChange={(n) => update({ rate: n })}
        />
        <SelectField
          label="Hybrid threshold"
          id={`${id}-threshold`}
          value={celebrityFollowers}
          options={THRESHOLDS}
          format={(n) => `${fmt(n)} followers`}
          onChange={(n) => update({ celebrityFollowers: n })}
        />
        <SeedField
          id={`${id}-seed`}
          value={seed}
          max={FANOUT_PARAMS.seed.max}
          onChange={(n) => update({ seed: n })}
        />
      </form>

      <div className="flex flex-1 flex-col gap-3 px-4 py-3">
        <ParamNotes notes={notes} />
        <p className="sr-only" role="status" data-testid="fanout-announcement">
          {announcement}
        </p>
        {load.status.kind !== 'ready' || !view ? (
          <LoadState status={load.status} onCancel={load.cancel} onReload={load.retry} />
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                className={primaryButtonClass}
                onClick={() => setRun(!running)}
                data-testid="run-button"
              >
                {running ? 'Pause' : 'Start'}
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={running || busy}
                onClick={() => send('tick')}
              >
                Step
              </button>
              <button type="button" className={buttonClass} onClick={() => setStormQueued(true)}>
                {stormLabel}
              </button>
              <p
                className="m-0 font-mono text-xs text-zinc-600 tabular-nums sm:ml-auto dark:text-zinc-400"
                data-testid="fanout-run"
              >
                tick {fmt(view.ticks)} · {fmt(updates)} updates
                {tickProgress
                  ? ` · next: ${fmt(tickProgress.done)} / ${fmt(tickProgress.total)}`
                  : view.ticks > 0 && !view.celebrityUpdate
                    ? ` · last tick ${fmt(view.ms)} ms`
                    : ''}
              </p>
            </div>

            <p className="m-0 text-xs text-zinc-600 dark:text-zinc-400" data-testid="fanout-graph">
              {fmt(view.players)} players follow each other {fmt(view.edges)} times (
              {(view.edges / view.players).toFixed(1)} each).{' '}
              {view.celebrities.length
                ? `Celebrities: ${view.celebrities.map((c) => `${c.id} (${fmt(c.followers)} followers)`).join(', ')}. `
                : 'No celebrities. '}
              The hybrid skips fan-out for {fmt(view.hybridCelebrities)} player
              {view.hybridCelebrities === 1 ? '' : 's'} with {fmt(celebrityFollowers)}+ followers.
              Each update is followed by one friend-board read.
            </p>

            <div className="grid grid-cols-3 gap-2" data-testid="fanout-counters">
              {MODES.map((m) => (
                <DesignCard
                  key={m}
                  mode={m}
                  counters={counters.get(m)}
                  storm={storm?.designs.find((d) => d.mode === m)?.membersWritten}
                />
              ))}
            </div>
            <p
              className="m-0 min-h-[2.5rem] shrink-0 text-sm text-zinc-700 dark:text-zinc-300"
              data-testid="storm-message"
            >
              {error ? (
                <span className="text-red-700 dark:text-red-300">{error}</span>
              ) : storm ? (
                `${storm.author.id} (${fmt(storm.author.followers)} followers) posted a score: ${stormSentence(storm)}.`
              ) : (
                `Press “${stormLabel}” to see what one post by the most-followed player costs each design.`
              )}
            </p>

            <div className="grid gap-3 sm:grid-cols-2">
              <p className="m-0 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 sm:col-span-2 dark:text-zinc-400">
                {MODES.map((m) => (
                  <span key={m} className="inline-flex items-center gap-1.5">
                    <SeriesSwatch color={DESIGNS[m].color} dashed={m === 'hybrid'} />
                    {DESIGNS[m].title}
                  </span>
                ))}
              </p>
              <div className="min-w-0">
                <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Members written, total
                </h4>
                <UPlotChart
                  data={writtenData}
                  series={designSeries}
                  xLabel="updates"
                  yLabel="written"
                  height={180}
                  legend={false}
                  summary={chartSummary('membersWritten', 'Members written')}
                  yMin={0}
                />
              </div>
              <div className="min-w-0">
                <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Members read, total
                </h4>
                <UPlotChart
                  data={readData}
                  series={designSeries}
                  xLabel="updates"
                  yLabel="read"
                  height={180}
                  legend={false}
                  summary={chartSummary('membersRead', 'Members read')}
                  yMin={0}
                />
              </div>
            </div>

            <div>
              <p
                className={`m-0 mb-1 text-sm ${view.boardsAgree ? 'text-zinc-700 dark:text-zinc-300' : 'font-semibold text-red-700 dark:text-red-300'}`}
                data-testid="boards-agree"
              >
                {view.boardsAgree
                  ? `All three designs returned the same friend board for ${view.sampleReader.id} (follows ${fmt(view.sampleReader.follows)}).`
                  : `The designs returned different friend boards for ${view.sampleReader.id}.`}
              </p>
              <ol
                className="m-0 grid min-h-[13.25rem] shrink-0 list-none auto-rows-min grid-cols-1 gap-x-6 p-0 font-mono text-xs tabular-nums sm:min-h-[6.625rem] sm:grid-cols-2"
                data-testid="sample-board"
                aria-label={`Friend board of ${view.sampleReader.id}, top 10`}
              >
                {view.sampleBoard.map((row) => (
                  <li
                    key={row.member}
                    className={`flex justify-between gap-2 border-b border-zinc-100 py-0.5 dark:border-zinc-800/70 ${
                      row.member === view.sampleReader.id
                        ? 'font-semibold text-zinc-900 dark:text-zinc-50'
                        : ''
                    }`}
                  >
                    <span>
                      {row.rank}. {row.member}
                      {row.member === view.sampleReader.id ? ' (reader)' : ''}
                    </span>
                    <span>{fmt(row.score)}</span>
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </div>
    </PlaygroundFrame>
  );
}

/** One design's counters. */
function DesignCard({
  mode,
  counters,
  storm,
}: {
  mode: FanoutMode;
  counters: FanoutCounters | undefined;
  storm: number | undefined;
}) {
  const d = DESIGNS[mode];
  const rows: [string, string, string][] = [
    ['Updates', fmt(counters?.updates ?? 0), 'updates'],
    ['Write amplification', ratio(counters?.writeAmplification ?? 0), 'write-amplification'],
    ['Read cost', ratio(counters?.readCost ?? 0), 'read-cost'],
    ['Commands', fmt(counters?.commands ?? 0), 'commands'],
    ['Celebrity post', storm === undefined ? '–' : fmt(storm), 'storm'],
  ];
  return (
    <section
      aria-label={d.title}
      data-mode={mode}
      className="min-w-0 rounded-md border border-zinc-200 px-2 py-2 sm:px-3 dark:border-zinc-800"
    >
      <h4 className="m-0 flex items-center gap-1.5 text-xs font-semibold text-zinc-900 sm:text-sm dark:text-zinc-100">
        <SeriesSwatch color={d.color} dashed={mode === 'hybrid'} />
        {d.title}
      </h4>
      <p className="m-0 mt-0.5 hidden text-xs text-zinc-600 sm:block dark:text-zinc-400">{d.how}</p>
      <dl className="m-0 mt-1.5 flex flex-col gap-1">
        {rows.map(([label, value, key]) => (
          <div
            key={key}
            className="flex min-w-0 flex-col sm:flex-row sm:items-baseline sm:justify-between sm:gap-2"
            data-counter={key}
          >
            <dt className="text-[11px] leading-tight text-zinc-600 sm:text-xs dark:text-zinc-400">
              {label}
            </dt>
            <dd className="m-0 truncate font-mono text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The design's chart colour, as the legend for its card and lines. */
function SeriesSwatch({ color, dashed }: { color: [string, string]; dashed: boolean }) {
  return (
    <span aria-hidden="true" className="inline-flex w-4 shrink-0 items-center">
      <span
        className="block w-4 border-t-2 dark:hidden"
        style={{ borderColor: color[0], borderStyle: dashed ? 'dashed' : 'solid' }}
      />
      <span
        className="hidden w-4 border-t-2 dark:block"
        style={{ borderColor: color[1], borderStyle: dashed ? 'dashed' : 'solid' }}
      />
    </span>
  );
}
