import type { ReactNode } from 'react';
import {
  diagramCanvas,
  diagramStages,
  drillsForStage,
  type DiagramEdgeKind,
  type DiagramNodeKind,
} from '@/content/flow-stages';
import { findDrill } from '@/lib/flow';

/*
 * The chrome shared by the static placeholder (rendered on the server) and the live diagram
 * (loaded later): same markup and classes, so swapping one for the other moves nothing.
 * No hooks here: the placeholder renders these pieces without any JavaScript.
 */

/** Short names for the stage buttons; the full titles live in content/flow-stages.ts. */
export const stageShortNames = ['Sorted set', '+ PostgreSQL', '+ Kafka', '+ Shards', 'Full system'];

/** Colour of each kind of node: a stripe on the left of its box. */
export const kindStripe: Record<DiagramNodeKind, { html: string; svg: string }> = {
  client: { html: 'bg-zinc-400', svg: 'fill-zinc-400' },
  service: { html: 'bg-sky-500', svg: 'fill-sky-500' },
  queue: { html: 'bg-amber-500', svg: 'fill-amber-500' },
  worker: { html: 'bg-violet-500', svg: 'fill-violet-500' },
  database: { html: 'bg-emerald-500', svg: 'fill-emerald-500' },
  cache: { html: 'bg-rose-400', svg: 'fill-rose-400' },
  router: { html: 'bg-indigo-500', svg: 'fill-indigo-500' },
};

/** Stroke of each kind of edge; recovery, outbox and replication paths are dashed. */
export const edgeStroke: Record<
  DiagramEdgeKind,
  { className: string; marker: string; dash?: string }
> = {
  write: {
    className: 'stroke-accent-500 dark:stroke-accent-400',
    marker: 'fill-accent-500 dark:fill-accent-400',
  },
  read: {
    className: 'stroke-emerald-600 dark:stroke-emerald-400',
    marker: 'fill-emerald-600 dark:fill-emerald-400',
  },
  'read-write': {
    className: 'stroke-sky-600 dark:stroke-sky-400',
    marker: 'fill-sky-600 dark:fill-sky-400',
  },
  recovery: {
    className: 'stroke-amber-600 dark:stroke-amber-400',
    marker: 'fill-amber-600 dark:fill-amber-400',
    dash: '8 6',
  },
  outbox: {
    className: 'stroke-violet-600 dark:stroke-violet-400',
    marker: 'fill-violet-600 dark:fill-violet-400',
    dash: '12 4',
  },
  replication: {
    className: 'stroke-zinc-500 dark:stroke-zinc-400',
    marker: 'fill-zinc-500 dark:fill-zinc-400',
    dash: '3 5',
  },
};

/**
 * What a node's box shows as its label: the name before a colon ("Kafka: score-events" is
 * "Kafka" in the box; the panel has the full name).
 */
export function boxLabel(label: string): string {
  return label.split(':')[0] ?? label;
}

/** Label size in canvas units: as large as fits the box, since the canvas is drawn at ~0.55×. */
export function labelSize(label: string): number {
  return Math.max(15, Math.min(21, 146 / (boxLabel(label).length * 0.56)));
}

export const buttonBase =
  'inline-flex h-9 items-center justify-center gap-1.5 rounded-lg border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';
export const buttonQuiet = `${buttonBase} border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`;

/** The stage buttons; without `onSelect` they are inert (the placeholder). */
export function StageButtons({
  current,
  onSelect,
}: {
  current: number;
  /**
   * Without it (the placeholder) a tap is kept by the page's inline script
   * (`data-queue-control`, components/site/site-controls.ts) and performed on the live
   * button of the same name once the diagram is live, rather than lost.
   */
  onSelect?: (stage: number) => void;
}) {
  return (
    <div role="group" aria-label="Design stage" className="mt-3 flex flex-wrap gap-1.5">
      {diagramStages.map((s, i) => {
        const active = s.number === current;
        const name = stageShortNames[i];
        return (
          <button
            key={s.number}
            type="button"
            aria-pressed={active}
            onClick={onSelect ? () => onSelect(s.number) : undefined}
            data-stage-button={s.number}
            // The button's text ("3 + Kafka"), by which the inline script finds the live one.
            data-queue-control={onSelect ? undefined : `${s.number} ${name}`}
            className={`inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-[0.8rem] font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 data-queued:animate-pulse ${
              active
                ? 'border-accent-600 bg-accent-600 text-white dark:border-accent-400 dark:bg-accent-400 dark:text-zinc-950'
                : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800'
            }`}
          >
            <span className="tabular-nums">{s.number}</span> <span>{name}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Title, stage buttons and the one-line summary of the stage. */
export function DiagramHeader({
  stage,
  titleId,
  onSelect,
}: {
  stage: number;
  titleId: string;
  onSelect?: (stage: number) => void;
}) {
  const s = diagramStages[stage - 1];
  return (
    <div className="px-4 pt-4 sm:px-5">
      <p className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
        Architecture · stage {stage} of {diagramStages.length}
      </p>
      <p id={titleId} className="mt-1 text-base font-semibold text-zinc-900 dark:text-zinc-50">
        {s?.title}
      </p>
      <StageButtons current={stage} onSelect={onSelect} />
      <p className="mt-3 min-h-10 text-sm leading-5 text-zinc-600 sm:min-h-5 dark:text-zinc-400">
        {s?.summary}
      </p>
    </div>
  );
}

/**
 * The box the picture is drawn in: the canvas's aspect ratio, never narrower than 640 px
 * (below that the labels would be unreadable), scrolling sideways on a phone.
 */
export function CanvasBox({
  children,
  label,
  focusable,
}: {
  children: ReactNode;
  label: string;
  /** The placeholder has nothing focusable inside, so the scroll area itself takes focus. */
  focusable?: boolean;
}) {
  return (
    <div
      className="mt-3 overflow-x-auto border-y border-zinc-200 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-950/40"
      role="region"
      aria-label={label}
      tabIndex={focusable ? 0 : undefined}
    >
      <div
        className="relative w-full min-w-[640px]"
        style={{ aspectRatio: `${diagramCanvas.width} / ${diagramCanvas.height}` }}
      >
        {children}
      </div>
    </div>
  );
}

/**
 * Swatches explaining the edge colours and the highlight of new nodes, and, on a stage with
 * range shards, what the shards' live line says.
 */
export function Legend({ stage }: { stage: number }) {
  const items: [string, string][] = [
    ['bg-accent-500 dark:bg-accent-400', 'write'],
    ['bg-emerald-600 dark:bg-emerald-400', 'read'],
    ['bg-sky-600 dark:bg-sky-400', 'read and write'],
    ['bg-violet-600 dark:bg-violet-400', 'outbox relay'],
    ['bg-amber-600 dark:bg-amber-400', 'recovery'],
  ];
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-2 text-xs text-zinc-600 sm:px-5 dark:text-zinc-400">
      {items.map(([swatch, text]) => (
        <li key={text} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`h-0.5 w-4 rounded ${swatch}`} />
          {text}
        </li>
      ))}
      <li className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="size-3 rounded-sm border-2 border-accent-500 bg-accent-50 dark:border-accent-400 dark:bg-accent-950"
        />
        new in this stage
      </li>
      {stage >= 4 ? <li>shards: w / r = share of the shard writes / reads</li> : null}
      <li className="sm:hidden">Swipe the picture sideways to see all of it.</li>
    </ul>
  );
}

/** The outer card, with the stage description for screen readers. */
export function DiagramCard({
  titleId,
  stage,
  children,
  descriptionId,
  placeholder,
}: {
  titleId: string;
  stage: number;
  descriptionId: string;
  children: ReactNode;
  /**
   * The static picture, which stays under the live diagram (print shows it): marked so the
   * inline script knows a tap on its stage buttons is for the live diagram beside it.
   */
  placeholder?: boolean;
}) {
  return (
    <section
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-queue-placeholder={placeholder ? '' : undefined}
      className="architecture-diagram not-prose rounded-2xl border border-zinc-200 bg-white pb-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      data-stage={stage}
    >
      {children}
      <p
        id={descriptionId}
        className="sr-only print:not-sr-only print:mt-3 print:px-5 print:text-sm"
      >
        {diagramStages[stage - 1]?.description}
      </p>
    </section>
  );
}

/** Simulation speeds offered, as multiples of real time. */
const speeds = [0.25, 0.5, 1, 2, 5, 20, 50];
/** Highest event rate on the slider: well past what the three consumers can absorb. */
const maxEventRate = 4000;

export interface ControlsProps {
  paused: boolean;
  canStepBack: boolean;
  speed: number;
  eventRate: number;
  idPrefix: string;
  onTogglePause?: () => void;
  onStep?: () => void;
  onStepBack?: () => void;
  onSpeed?: (speed: number) => void;
  onEventRate?: (perSecond: number) => void;
}

/** Play/pause, single steps, speed and event rate; inert without handlers (the placeholder). */
export function Controls(p: ControlsProps) {
  const inert = !p.onTogglePause;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 px-4 sm:px-5 print:hidden">
      <button
        type="button"
        className={`${buttonBase} w-24 border-accent-600 bg-accent-600 text-white hover:bg-accent-700 dark:border-accent-400 dark:bg-accent-400 dark:text-zinc-950 dark:hover:bg-accent-300`}
        onClick={p.onTogglePause}
        disabled={inert}
        data-control="play"
      >
        {p.paused ? 'Play' : 'Pause'}
      </button>
      <button
        type="button"
        className={buttonQuiet}
        onClick={p.onStepBack}
        disabled={inert || !p.canStepBack}
        data-control="step-back"
      >
        Step back
      </button>
      <button
        type="button"
        className={buttonQuiet}
        onClick={p.onStep}
        disabled={inert}
        data-control="step"
      >
        Step
      </button>
      <label className="inline-flex items-center gap-1.5 text-sm text-zinc-700 dark:text-zinc-300">
        Speed
        <select
          className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
          value={p.speed}
          disabled={inert}
          onChange={p.onSpeed ? (e) => p.onSpeed?.(Number(e.target.value)) : undefined}
          data-control="speed"
        >
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <span>Score events</span>
        <input
          type="range"
          min={0}
          max={maxEventRate}
          step={50}
          value={p.eventRate}
          disabled={inert}
          onChange={p.onEventRate ? (e) => p.onEventRate?.(Number(e.target.value)) : undefined}
          aria-describedby={`${p.idPrefix}-rate`}
          className="w-28 accent-accent-600 sm:w-32"
          data-control="event-rate"
        />
        <output id={`${p.idPrefix}-rate`} className="w-14 text-right tabular-nums">
          {p.eventRate}/s
        </output>
      </label>
    </div>
  );
}

/** One line of headline numbers under the controls; fixed height so it never pushes the page. */
export function StatsLine({ children }: { children?: ReactNode }) {
  return (
    <p
      className="mt-2 h-10 overflow-hidden px-4 text-xs leading-5 text-zinc-600 tabular-nums sm:h-5 sm:px-5 dark:text-zinc-400 print:hidden"
      data-stats
    >
      {children}
    </p>
  );
}

export type RebuildChoice = 'kafka' | 'postgres';

/** The drill buttons of a stage; inert without `onStart` (the placeholder). */
export function DrillButtons({
  stage,
  idPrefix,
  running,
  rebuild,
  onStart,
  onRebuild,
}: {
  stage: number;
  idPrefix: string;
  running?: string | null;
  rebuild: RebuildChoice;
  onStart?: (id: string) => void;
  onRebuild?: (choice: RebuildChoice) => void;
}) {
  const ids = drillsForStage(stage);
  return (
    <div className="mt-4 border-t border-zinc-200 px-4 pt-4 sm:px-5 dark:border-zinc-800 print:hidden">
      <p
        id={`${idPrefix}-drills`}
        className="text-sm font-semibold text-zinc-900 dark:text-zinc-50"
      >
        Failure drills
      </p>
      {ids.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Drills start at stage 3: before Kafka there is no log to recover from.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Each drill restarts the simulation, breaks one piece on purpose, narrates what happens
            and ends with a check.
          </p>
          <div
            role="group"
            aria-labelledby={`${idPrefix}-drills`}
            className="mt-3 flex flex-wrap gap-2"
          >
            {ids.map((id) => {
              const def = findDrill(id);
              return (
                <button
                  key={id}
                  type="button"
                  className={`${buttonQuiet} ${running === id ? 'border-accent-600 ring-1 ring-accent-600 dark:border-accent-400 dark:ring-accent-400' : ''}`}
                  disabled={!onStart}
                  aria-pressed={running === id}
                  title={def?.summary}
                  onClick={onStart ? () => onStart(id) : undefined}
                  data-drill={id}
                >
                  {def?.title}
                </button>
              );
            })}
          </div>
          {ids.includes('shard-dies') ? (
            <label className="mt-3 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
              A dead shard is rebuilt by
              <select
                className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
                value={rebuild}
                disabled={!onRebuild}
                onChange={onRebuild ? (e) => onRebuild(e.target.value as RebuildChoice) : undefined}
                data-control="rebuild-source"
              >
                <option value="kafka">replaying Kafka from offset 0</option>
                <option value="postgres">reloading from PostgreSQL</option>
              </select>
            </label>
          ) : null}
        </>
      )}
    </div>
  );
}
